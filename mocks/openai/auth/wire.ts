import { z } from "zod";

/** What auth.openai.com accepts, as OpenClaw's and codex's clients send it. */
export const OPENAI_CODEX_CLIENT_ID = "app_EMoamEEZ73f0CkXaXp7hrann";

export const DeviceCodeRequest = z.object({ client_id: z.string() });
export const DeviceTokenPoll = z.object({ device_auth_id: z.string(), user_code: z.string() });

/** The browser flow's authorize request (PKCE S256), as OpenClaw builds it. */
export const AuthorizeQuery = z.object({
  response_type: z.literal("code"),
  client_id: z.literal(OPENAI_CODEX_CLIENT_ID, { message: "unknown client_id" }),
  redirect_uri: z.url(),
  scope: z.string(),
  code_challenge: z.string().min(43),
  code_challenge_method: z.literal("S256"),
  state: z.string().min(1),
});

export const TokenRequest = z.discriminatedUnion("grant_type", [
  z.object({
    grant_type: z.literal("authorization_code"),
    client_id: z.string(),
    code: z.string(),
    code_verifier: z.string(),
    redirect_uri: z.string(),
  }),
  z.object({ grant_type: z.literal("refresh_token"), client_id: z.string(), refresh_token: z.string() }),
]);

/** /oauth/token takes a form from OpenClaw and JSON from codex's refresh. */
export async function readTokenRequest(request: Request) {
  const type = request.headers.get("content-type") ?? "";
  const raw = type.includes("json") ? await request.json() : Object.fromEntries(new URLSearchParams(await request.text()));
  return TokenRequest.safeParse(raw);
}
