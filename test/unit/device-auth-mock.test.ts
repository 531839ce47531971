import { createHash } from "node:crypto";
import { getResponse } from "msw";
import { describe, expect, test } from "vitest";
import { createMockAccount } from "../../mocks/openai/auth/account.ts";
import { BrowserAuthorizations } from "../../mocks/openai/auth/browser-authorizations.ts";
import { DeviceAuthorizations } from "../../mocks/openai/auth/device-authorizations.ts";
import { authHandlers } from "../../mocks/openai/auth/handlers.ts";
import { TokenIssuer } from "../../mocks/openai/auth/tokens.ts";

// auth.openai.com's device-code grant as OpenClaw and the codex CLI use it: handlers only.
const handlers = authHandlers(new TokenIssuer(createMockAccount()), new DeviceAuthorizations(), new BrowserAuthorizations());
const post = (path: string, body: string, type = "application/json") =>
  getResponse(handlers, new Request(`https://auth.openai.com${path}`, { method: "POST", headers: { "content-type": type }, body }));

describe("the device-code grant", () => {
  test("once the person enters the code, the poll answers the grant with its PKCE pair, which the token endpoint redeems once", async () => {
    const start = await (await post("/api/accounts/deviceauth/usercode", JSON.stringify({ client_id: "app_EMoamEEZ73f0CkXaXp7hrann" })))!.json();
    const poll = () => post("/api/accounts/deviceauth/token", JSON.stringify({ device_auth_id: start.device_auth_id, user_code: start.user_code }));
    expect((await poll())?.status).toBe(403);
    expect((await post("/codex/device", `user_code=${start.user_code}`, "application/x-www-form-urlencoded"))?.status).toBe(200);
    const grant = await (await poll())!.json();
    // The codex CLI refuses the answer without code_challenge ("error decoding response body").
    expect(Object.keys(grant).sort()).toEqual(["authorization_code", "code_challenge", "code_verifier"]);
    expect(grant.code_challenge).toBe(createHash("sha256").update(grant.code_verifier).digest("base64url"));
    const exchange = () =>
      post(
        "/oauth/token",
        new URLSearchParams({ grant_type: "authorization_code", code: grant.authorization_code, code_verifier: grant.code_verifier, redirect_uri: "https://auth.openai.com/deviceauth/callback", client_id: "app_EMoamEEZ73f0CkXaXp7hrann" }).toString(),
        "application/x-www-form-urlencoded",
      );
    expect((await exchange())?.status).toBe(200);
    expect((await exchange())?.status).toBe(400);
  });
});
