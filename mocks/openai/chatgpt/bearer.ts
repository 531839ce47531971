import { HttpResponse } from "msw";
import type { MockAccount } from "../auth/account.ts";
import type { TokenIssuer } from "../auth/tokens.ts";

export const unauthorized = () => HttpResponse.json({ detail: "Unauthorized" }, { status: 401 });
const expired = () => HttpResponse.json({ detail: "Your authentication token has expired. Please try signing in again." }, { status: 401 });
const notYourAccount = () => HttpResponse.json({ detail: "Your authentication token does not belong to the requested account." }, { status: 403 });

/**
 * chatgpt.com's answer to a request whose credentials it does not take, or undefined when they are
 * good: the ChatGPT access token this world's auth.openai.com issued, not expired, for the account
 * the request names (`chatgpt-account-id`, where the client sends it, must be the token's).
 */
export async function chatgptRefusal(request: Request, tokens: TokenIssuer, account: MockAccount): Promise<Response | undefined> {
  const token = /^Bearer\s+(\S+)/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!token) return unauthorized();
  const access = await tokens.checkAccess(token);
  if (!access.ok) return access.reason === "expired" ? expired() : unauthorized();
  const named = request.headers.get("chatgpt-account-id");
  if (access.accountId !== account.accountId || (named !== null && named !== access.accountId)) return notYourAccount();
  return undefined;
}
