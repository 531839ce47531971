import { createHash } from "node:crypto";

/** RFC 7636's S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export function s256Challenge(codeVerifier: string): string {
  return createHash("sha256").update(codeVerifier).digest("base64url");
}
