import { http, HttpResponse } from "msw";
import type { BrowserAuthorizations } from "./browser-authorizations.ts";
import type { DeviceAuthorizations } from "./device-authorizations.ts";
import type { TokenIssuer } from "./tokens.ts";
import { AuthorizeQuery, DeviceCodeRequest, DeviceTokenPoll, readTokenRequest } from "./wire.ts";

const base = "https://auth.openai.com";

const oauthError = (status: number, error: string, description: string) =>
  HttpResponse.json({ error, error_description: description }, { status });

const html = (body: string, status = 200) => new HttpResponse(`<!doctype html>${body}`, { status, headers: { "content-type": "text/html" } });

/**
 * auth.openai.com: the browser (authorization code + PKCE) and device-code grants and the token
 * endpoint, as OpenClaw and codex use them.
 */
export function authHandlers(tokens: TokenIssuer, devices: DeviceAuthorizations, browsers: BrowserAuthorizations) {
  return [
    // The consent page the browser user opens. OpenClaw's TLS preflight asks it too, with a
    // client id of its own, and only cares that TLS works.
    http.get(`${base}/oauth/authorize`, ({ request }) => {
      const query = AuthorizeQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!query.success) return html(`<title>Error</title><p>${query.error.issues[0]?.message}</p>`, 400);
      return html(`<title>Sign in to Codex</title><form method="post"><button>Continue</button></form>`);
    }),
    // "Continue": the browser user approves; the browser is sent back to the app's redirect URI.
    http.post(`${base}/oauth/authorize`, ({ request }) => {
      const query = AuthorizeQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!query.success) return html(`<title>Error</title><p>${query.error.issues[0]?.message}</p>`, 400);
      const { redirect_uri: redirectUri, code_challenge: codeChallenge, state } = query.data;
      const code = browsers.approve({ clientId: query.data.client_id, redirectUri, codeChallenge, state });
      const location = new URL(redirectUri);
      location.search = new URLSearchParams({ code, scope: query.data.scope, state }).toString();
      return new HttpResponse(null, { status: 302, headers: { location: location.toString() } });
    }),

    http.post(`${base}/api/accounts/deviceauth/usercode`, async ({ request }) => {
      const body = DeviceCodeRequest.safeParse(await request.json().catch(() => undefined));
      if (!body.success) return oauthError(400, "invalid_request", "client_id is required");
      const { deviceAuthId, userCode } = devices.start(body.data.client_id);
      // interval 1 s: OpenClaw's minimum, so the poll is as fast as the real server allows.
      return HttpResponse.json({ device_auth_id: deviceAuthId, user_code: userCode, interval: "1" });
    }),

    http.post(`${base}/api/accounts/deviceauth/token`, async ({ request }) => {
      const body = DeviceTokenPoll.safeParse(await request.json().catch(() => undefined));
      if (!body.success) return oauthError(400, "invalid_request", "device_auth_id and user_code are required");
      const grant = devices.poll(body.data.device_auth_id, body.data.user_code);
      if (!grant) return oauthError(403, "deviceauth_authorization_pending", "The user has not approved this device yet");
      return HttpResponse.json({ authorization_code: grant.authorizationCode, code_challenge: grant.codeChallenge, code_verifier: grant.codeVerifier });
    }),

    // The page the person opens; the device-code user actor posts the code to it.
    http.get(`${base}/codex/device`, () =>
      new HttpResponse('<!doctype html><title>Enter code</title><form method="post"><input name="user_code"></form>', {
        headers: { "content-type": "text/html" },
      }),
    ),
    http.post(`${base}/codex/device`, async ({ request }) => {
      const code = new URLSearchParams(await request.text()).get("user_code") ?? "";
      return devices.approve(code)
        ? new HttpResponse("Device approved. You may close this window.", { headers: { "content-type": "text/plain" } })
        : new HttpResponse("Unknown or expired code.", { status: 400 });
    }),

    http.post(`${base}/oauth/token`, async ({ request }) => {
      const body = await readTokenRequest(request);
      if (!body.success) return oauthError(400, "invalid_request", body.error.issues[0]?.message ?? "bad token request");
      const { data } = body;
      if (data.grant_type === "refresh_token") {
        // Single-use and rotating: a used refresh token is spent for good, as is one of another client.
        const refreshed = await tokens.refresh(data.refresh_token, data.client_id);
        if (refreshed === "reused") return oauthError(400, "invalid_grant", "Your refresh token has already been used to generate a new access token. Please try signing in again.");
        if (refreshed === "unknown") return oauthError(400, "invalid_grant", "Invalid refresh token");
        return HttpResponse.json(refreshed);
      }
      const redeemed = devices.redeem(data.code, data.code_verifier, data.client_id, data.redirect_uri) || browsers.redeem(data.code, data.code_verifier, data.redirect_uri, data.client_id);
      if (!redeemed) return oauthError(400, "invalid_grant", "Unknown authorization code, or a code_verifier, client_id or redirect_uri that does not match it");
      return HttpResponse.json(await tokens.mint(data.client_id));
    }),
  ];
}
