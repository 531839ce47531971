import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { ClientClass } from "./client-class.ts";

/**
 * How the egress looks to OpenAI's Cloudflare edge.
 * - open: a whitelisted egress, everyone passes;
 * - cloudflare-sensitive: only the codex CLI's TLS profile passes (the report's environment);
 * - blocked: everyone is challenged.
 */
export const EgressProfile = z.enum(["open", "cloudflare-sensitive", "blocked"]);
export type EgressProfile = z.infer<typeof EgressProfile>;

/**
 * Whether Cloudflare challenges this client on this host. Only a host behind the fingerprinting
 * edge (`fingerprinted` in the catalog; auth.openai.com let the report's Node login through) is.
 */
export function isChallenged(profile: EgressProfile, fingerprinted: boolean, clientClass: ClientClass | "actor"): boolean {
  if (!fingerprinted || clientClass === "actor") return false;
  if (profile === "blocked") return true;
  if (profile === "cloudflare-sensitive") return clientClass !== "codex-cli";
  return false;
}

/** What Cloudflare answers a client it wants to challenge. */
export function challengeResponse(): Response {
  const ray = `${randomBytes(8).toString("hex")}-SIN`;
  const page = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript><!-- cf-ray ${ray} --></body></html>`;
  return new Response(page, {
    status: 403,
    headers: {
      "content-type": "text/html; charset=UTF-8",
      "cf-mitigated": "challenge",
      server: "cloudflare",
      "cf-ray": ray,
      "cache-control": "private, max-age=0, no-store, no-cache, must-revalidate",
    },
  });
}
