import { getResponse } from "msw";
import { describe, expect, test } from "vitest";
import { ApiKeys } from "../../mocks/api-keys.ts";
import { ANTHROPIC_API_KEY_KIND, anthropicHandlers } from "../../mocks/anthropic/handlers.ts";
import { createMockAccount } from "../../mocks/openai/auth/account.ts";
import { BrowserAuthorizations } from "../../mocks/openai/auth/browser-authorizations.ts";
import { DeviceAuthorizations } from "../../mocks/openai/auth/device-authorizations.ts";
import { authHandlers } from "../../mocks/openai/auth/handlers.ts";
import { s256Challenge } from "../../mocks/openai/auth/pkce.ts";
import { TokenIssuer } from "../../mocks/openai/auth/tokens.ts";
import { chatgptHandlers } from "../../mocks/openai/chatgpt/handlers.ts";
import { platformHandlers } from "../../mocks/openai/platform/handlers.ts";
import { OPENAI_API_KEY_KIND } from "../../mocks/openai/platform/refusal.ts";

// The mocks refuse what the real services refuse, with their status and error body: a client that
// sends a foreign or stale token, the wrong account, a spent refresh token, another client's code
// or a model the account cannot use must fail a scenario, not get PONG.
const CLIENT = "app_EMoamEEZ73f0CkXaXp7hrann";

/** One world's OpenAI: its account, token issuer (with a clock the test moves) and handlers. */
function openai() {
  const account = createMockAccount();
  let now = Math.floor(Date.now() / 1000);
  const tokens = new TokenIssuer(account, () => now);
  const devices = new DeviceAuthorizations();
  const browsers = new BrowserAuthorizations();
  const handlers = [...chatgptHandlers(account, tokens), ...authHandlers(tokens, devices, browsers)];
  const send = (url: string, init: RequestInit) => getResponse(handlers, new Request(url, init));
  const turn = (token: string, { model = "gpt-5.5", accountId = account.accountId } = {}) =>
    send("https://chatgpt.com/backend-api/codex/responses", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "chatgpt-account-id": accountId, "content-type": "application/json" },
      body: JSON.stringify({ model, input: "Reply PONG", stream: true }),
    });
  const token = (form: Record<string, string>) =>
    send("https://auth.openai.com/oauth/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() });
  return { account, tokens, devices, browsers, send, turn, token, advance: (seconds: number) => (now += seconds) };
}

describe("chatgpt.com takes only the tokens this world issued, unexpired, for their account", () => {
  test("its own fresh token answers the turn", async () => {
    const world = openai();
    const { access_token } = await world.tokens.mint(CLIENT);
    expect((await world.turn(access_token))?.status).toBe(200);
  });
  test("a foreign bearer (a hand-made JWT, another world's token) is 401", async () => {
    const world = openai();
    const other = await openai().tokens.mint(CLIENT);
    const handMade = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ "https://api.openai.com/auth": { chatgpt_account_id: world.account.accountId } })).toString("base64url")}.`;
    for (const token of [other.access_token, handMade, "x.y.z"]) {
      const answer = await world.turn(token);
      expect(answer?.status).toBe(401);
      expect(await answer!.json()).toEqual({ detail: "Unauthorized" });
    }
  });
  test("an expired access token is 401: a client that never refreshes is seen to fail", async () => {
    const world = openai();
    const { access_token } = await world.tokens.mint(CLIENT);
    world.advance(3601);
    const answer = await world.turn(access_token);
    expect(answer?.status).toBe(401);
    expect((await answer!.json()).detail).toMatch(/expired/);
  });
  test("a chatgpt-account-id other than the token's is 403", async () => {
    const world = openai();
    const { access_token } = await world.tokens.mint(CLIENT);
    expect((await world.turn(access_token, { accountId: "acct-someone-else" }))?.status).toBe(403);
  });
  test("a model the account cannot use with Codex is 400 with chatgpt.com's detail", async () => {
    const world = openai();
    const { access_token } = await world.tokens.mint(CLIENT);
    const answer = await world.turn(access_token, { model: "gpt-4o" });
    expect(answer?.status).toBe(400);
    expect(await answer!.json()).toEqual({ detail: "The 'gpt-4o' model is not supported when using Codex with a ChatGPT account." });
  });
  test("the startup endpoints refuse a foreign bearer too", async () => {
    const world = openai();
    expect((await world.send("https://chatgpt.com/backend-api/wham/accounts/check", { headers: { authorization: "Bearer x.y.z" } }))?.status).toBe(401);
  });
});

describe("auth.openai.com's token endpoint", () => {
  test("a refresh token is single-use and rotates; a used or unknown one is invalid_grant", async () => {
    const world = openai();
    const first = await world.tokens.mint(CLIENT);
    const refreshed = await world.token({ grant_type: "refresh_token", client_id: CLIENT, refresh_token: first.refresh_token });
    expect(refreshed?.status).toBe(200);
    const second = await refreshed!.json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await world.turn(second.access_token))?.status).toBe(200);
    const reused = await world.token({ grant_type: "refresh_token", client_id: CLIENT, refresh_token: first.refresh_token });
    expect(reused?.status).toBe(400);
    expect(await reused!.json()).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/already been used/) });
    expect((await (await world.token({ grant_type: "refresh_token", client_id: CLIENT, refresh_token: "rt_never-issued" }))!.json()).error).toBe("invalid_grant");
    // Another client cannot spend it either.
    expect((await world.token({ grant_type: "refresh_token", client_id: "app_other", refresh_token: second.refresh_token }))?.status).toBe(400);
  });
  test("a browser authorization code redeemed by another client, or at another redirect URI, is invalid_grant", async () => {
    const verifier = "v".repeat(43);
    const redirectUri = "http://localhost:1455/auth/callback";
    for (const [clientId, redirect] of [["app_other", redirectUri], [CLIENT, "http://localhost:9999/cb"]]) {
      const world = openai();
      const code = world.browsers.approve({ clientId: CLIENT, redirectUri, codeChallenge: s256Challenge(verifier), state: "s" });
      const answer = await world.token({ grant_type: "authorization_code", client_id: clientId!, code, code_verifier: verifier, redirect_uri: redirect! });
      expect(answer?.status).toBe(400);
      expect((await answer!.json()).error).toBe("invalid_grant");
    }
  });
  test("a device code is bound to the client that asked for it and to the device callback", async () => {
    const world = openai();
    const started = world.devices.start(CLIENT);
    world.devices.approve(started.userCode);
    const grant = world.devices.poll(started.deviceAuthId, started.userCode)!;
    const redeem = (clientId: string, redirectUri = "https://auth.openai.com/deviceauth/callback") =>
      world.token({ grant_type: "authorization_code", client_id: clientId, code: grant.authorizationCode, code_verifier: grant.codeVerifier, redirect_uri: redirectUri });
    expect((await redeem("app_other"))?.status).toBe(400);
    // A refused attempt spends the code, as a leaked code must not be retried.
    expect((await redeem(CLIENT))?.status).toBe(400);
    const again = openai();
    const fresh = again.devices.start(CLIENT);
    again.devices.approve(fresh.userCode);
    const pair = again.devices.poll(fresh.deviceAuthId, fresh.userCode)!;
    const answer = await again.token({ grant_type: "authorization_code", client_id: CLIENT, code: pair.authorizationCode, code_verifier: pair.codeVerifier, redirect_uri: "https://auth.openai.com/deviceauth/callback" });
    expect(answer?.status).toBe(200);
  });
});

describe("the API-key providers refuse unknown models and, for Anthropic, a missing API version", () => {
  const keys = new ApiKeys([
    { name: OPENAI_API_KEY_KIND, prefix: "sk-proj-", length: 32 },
    { name: ANTHROPIC_API_KEY_KIND, prefix: "sk-ant-api03-", length: 32 },
  ]);
  const openaiKey = keys.issue(OPENAI_API_KEY_KIND);
  const anthropicKey = keys.issue(ANTHROPIC_API_KEY_KIND);
  test("api.openai.com: a Responses or Chat Completions request for a model the key cannot use is 404 model_not_found", async () => {
    for (const [path, body] of [["responses", { model: "gpt-9-imaginary", input: "hi" }], ["chat/completions", { model: "gpt-9-imaginary", messages: [] }]] as const) {
      const answer = await getResponse(platformHandlers(keys), new Request(`https://api.openai.com/v1/${path}`, { method: "POST", headers: { authorization: `Bearer ${openaiKey}`, "content-type": "application/json" }, body: JSON.stringify(body) }));
      expect(answer?.status).toBe(404);
      expect((await answer!.json()).error).toMatchObject({ code: "model_not_found", message: "The model 'gpt-9-imaginary' does not exist" });
    }
  });
  const message = (headers: Record<string, string>, model = "claude-sonnet-5") =>
    getResponse(anthropicHandlers(keys), new Request("https://api.anthropic.com/v1/messages", { method: "POST", headers: { "x-api-key": anthropicKey, "content-type": "application/json", ...headers }, body: JSON.stringify({ model, max_tokens: 16, messages: [{ role: "user", content: "hi" }] }) }));
  test("api.anthropic.com: no anthropic-version is 400, an unknown model 404, both with Anthropic's error body", async () => {
    const unversioned = await message({});
    expect(unversioned?.status).toBe(400);
    expect(await unversioned!.json()).toEqual({ type: "error", error: { type: "invalid_request_error", message: "anthropic-version: header is required" } });
    const unknown = await message({ "anthropic-version": "2023-06-01" }, "claude-imaginary-9");
    expect(unknown?.status).toBe(404);
    expect((await unknown!.json()).error).toEqual({ type: "not_found_error", message: "model: claude-imaginary-9" });
    expect((await message({ "anthropic-version": "2023-06-01" }))?.status).toBe(200);
  });
});
