import { randomBytes } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import type { MockAccount } from "./account.ts";

export const OPENAI_AUTH_ISSUER = "https://auth.openai.com";
const ACCESS_AUDIENCE = "https://api.openai.com/v1";
/** The access token's lifetime: a client that never refreshes is refused once it has passed. */
const ACCESS_LIFETIME_SECONDS = 3600;

export interface TokenSet {
  id_token: string;
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: "Bearer";
  scope: string;
}

/** What a bearer token turned out to be: the account it was issued for, or why it is refused. */
export type AccessCheck = { ok: true; accountId: string } | { ok: false; reason: "foreign" | "expired" };

/** Why a refresh is refused: the token was never issued (or to another client), or was used before. */
export type RefreshRefusal = "unknown" | "reused";

interface IssuedRefresh {
  clientId: string;
  used: boolean;
}

/**
 * The tokens one world's auth.openai.com issues, as the real server does: JWTs signed with the
 * world's own key (so no token of another world or hand-made passes) carrying the claims OpenClaw
 * and codex read (the account id under `https://api.openai.com/auth`, "Failed to extract accountId
 * from token" without it; the email under `https://api.openai.com/profile`); access tokens that
 * expire; refresh tokens bound to their client that are single-use and rotate.
 */
export class TokenIssuer {
  private readonly key = randomBytes(32);
  private readonly refreshTokens = new Map<string, IssuedRefresh>();

  private readonly account: MockAccount;
  private readonly now: () => number;

  /** `now` in seconds, for tests that let a token expire without waiting. */
  constructor(account: MockAccount, now: () => number = () => Math.floor(Date.now() / 1000)) {
    this.account = account;
    this.now = now;
  }

  /** A new token set for the account, issued to a client. */
  async mint(clientId: string): Promise<TokenSet> {
    const { account } = this;
    const authClaims = { chatgpt_account_id: account.accountId, chatgpt_user_id: account.userId, chatgpt_plan_type: account.planType };
    const issuedAt = this.now();
    const sign = (claims: Record<string, unknown>, audience: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setIssuer(OPENAI_AUTH_ISSUER)
        .setSubject(account.userId)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ACCESS_LIFETIME_SECONDS)
        .sign(this.key);
    const refreshToken = `rt_${randomBytes(24).toString("base64url")}`;
    this.refreshTokens.set(refreshToken, { clientId, used: false });
    return {
      access_token: await sign({ "https://api.openai.com/auth": authClaims, "https://api.openai.com/profile": { email: account.email, email_verified: true }, client_id: clientId }, ACCESS_AUDIENCE),
      id_token: await sign({ email: account.email, email_verified: true, "https://api.openai.com/auth": authClaims }, clientId),
      refresh_token: refreshToken,
      expires_in: ACCESS_LIFETIME_SECONDS,
      token_type: "Bearer",
      scope: "openid profile email offline_access",
    };
  }

  /** Whether an access token is one this world issued, not expired, and whose account it names. */
  async checkAccess(token: string): Promise<AccessCheck> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: OPENAI_AUTH_ISSUER, audience: ACCESS_AUDIENCE, currentDate: new Date(this.now() * 1000) });
      const accountId = (payload["https://api.openai.com/auth"] as { chatgpt_account_id?: string } | undefined)?.chatgpt_account_id;
      return accountId ? { ok: true, accountId } : { ok: false, reason: "foreign" };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "foreign" };
    }
  }

  /** The refresh grant: a new token set, and the old refresh token spent for good. */
  async refresh(refreshToken: string, clientId: string): Promise<TokenSet | RefreshRefusal> {
    const issued = this.refreshTokens.get(refreshToken);
    if (!issued || issued.clientId !== clientId) return "unknown";
    if (issued.used) return "reused";
    issued.used = true;
    return this.mint(clientId);
  }
}
