import { randomBytes } from "node:crypto";
import { s256Challenge } from "./pkce.ts";

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  state: string;
}

/**
 * The browser (authorization-code + PKCE) grant's state on the auth server. A code is issued only
 * when the browser user approves the consent page; it is redeemed once, by the client it was
 * issued to, with the verifier whose S256 hash is the challenge and the same redirect URI, as
 * RFC 6749 and RFC 7636 ask.
 */
export class BrowserAuthorizations {
  private readonly codes = new Map<string, AuthorizeRequest>();

  approve(request: AuthorizeRequest): string {
    const code = `ac_${randomBytes(16).toString("base64url")}`;
    this.codes.set(code, request);
    return code;
  }

  redeem(code: string, codeVerifier: string, redirectUri: string, clientId: string): boolean {
    const request = this.codes.get(code);
    if (!request) return false;
    this.codes.delete(code);
    return s256Challenge(codeVerifier) === request.codeChallenge && redirectUri === request.redirectUri && clientId === request.clientId;
  }
}
