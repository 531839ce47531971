import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import type { MockAccount } from "./account.ts";

export const OPENAI_AUTH_ISSUER = "https://auth.openai.com";
const signingKey = randomBytes(32);
const accessLifetimeSeconds = 3600;

export interface TokenSet {
  id_token: string;
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: "Bearer";
  scope: string;
}

/**
 * JWTs with the claims OpenClaw and codex read: the account id under
 * `https://api.openai.com/auth` ("Failed to extract accountId from token" without it) and the
 * email under `https://api.openai.com/profile`. Neither client checks the signature.
 */
export async function mintTokenSet(account: MockAccount, clientId: string): Promise<TokenSet> {
  const authClaims = {
    chatgpt_account_id: account.accountId,
    chatgpt_user_id: account.userId,
    chatgpt_plan_type: account.planType,
  };
  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(OPENAI_AUTH_ISSUER)
      .setSubject(account.userId)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${accessLifetimeSeconds}s`)
      .sign(signingKey);
  return {
    access_token: await sign(
      { "https://api.openai.com/auth": authClaims, "https://api.openai.com/profile": { email: account.email, email_verified: true }, client_id: clientId },
      "https://api.openai.com/v1",
    ),
    id_token: await sign({ email: account.email, email_verified: true, "https://api.openai.com/auth": authClaims }, clientId),
    refresh_token: `rt_${randomBytes(24).toString("base64url")}`,
    expires_in: accessLifetimeSeconds,
    token_type: "Bearer",
    scope: "openid profile email offline_access",
  };
}
