import { http, HttpResponse } from "msw";
import { z } from "zod";
import type { MockAccount } from "../auth/account.ts";
import type { TokenIssuer } from "../auth/tokens.ts";
import { chatgptRefusal } from "./bearer.ts";

const base = "https://chatgpt.com/backend-api";


/** A JSON-RPC request of the MCP streamable-HTTP transport (a notification has no id). */
const JsonRpc = z.object({ jsonrpc: z.literal("2.0"), id: z.union([z.string(), z.number()]).optional(), method: z.string(), params: z.unknown().optional() });

/** The plugin catalog's MCP server: it initializes, and it has no tools (no plugin is installed). */
function mcpAnswer(message: z.infer<typeof JsonRpc>): Response {
  if (message.id === undefined) return new Response(null, { status: 202 });
  const requested = (message.params as { protocolVersion?: string } | undefined)?.protocolVersion ?? "2025-06-18";
  const results: Record<string, unknown> = {
    initialize: { protocolVersion: requested, capabilities: { tools: { listChanged: false } }, serverInfo: { name: "chatgpt-plugins", version: "1.0.0" } },
    "tools/list": { tools: [] },
    "resources/list": { resources: [] },
    "prompts/list": { prompts: [] },
  };
  const result = results[message.method];
  return HttpResponse.json(
    result ? { jsonrpc: "2.0", id: message.id, result } : { jsonrpc: "2.0", id: message.id, error: { code: -32601, message: `Method not found: ${message.method}` } },
  );
}

const windowOf = (seconds: number) => ({
  used_percent: 0, limit_window_seconds: seconds, reset_after_seconds: seconds, reset_at: Math.floor(Date.now() / 1000) + seconds,
});

/** wham/usage in the shape of codex's RateLimitStatusPayload, for an account that has used nothing. */
function unusedRateLimits(account: MockAccount) {
  return {
    plan_type: account.planType,
    rate_limit: { allowed: true, limit_reached: false, primary_window: windowOf(5 * 3600), secondary_window: windowOf(7 * 24 * 3600) },
    credits: { has_credits: false, unlimited: false, balance: "0" },
  };
}

/**
 * What the codex binary asks chatgpt.com before and around a turn in ChatGPT mode: the model
 * catalog, the account's routing and settings, the plugin catalog (empty: nothing installed or
 * suggested), its MCP server, and analytics. Answered minimally, as an account with no plugins.
 */
export function startupHandlers(account: MockAccount, tokens: TokenIssuer) {
  const authed = (answer: (request: Request) => Response | Promise<Response>) => async ({ request }: { request: Request }) => (await chatgptRefusal(request, tokens, account)) ?? answer(request);
  return [
    // An empty catalog: codex keeps the models it ships with.
    http.get(`${base}/codex/models`, authed(() => HttpResponse.json({ models: [] }))),
    // codex stops ("selected workspace missing from routing discovery") without this answer.
    http.get(`${base}/wham/accounts/check`, authed(() =>
      HttpResponse.json({ accounts: [{ id: account.accountId, workspace_backend_origin: "NO_CONSTRAINT", account_routing_override: "NO_CONSTRAINT" }] }),
    )),
    http.get(`${base}/wham/settings/user`, authed(() => HttpResponse.json({}))),
    // Rate limits, for /codex status (measured: it reports "failed to fetch codex rate limits"
    // without them). An unused account: nothing spent in the 5-hour or the weekly window.
    http.get(`${base}/wham/usage`, authed(() => HttpResponse.json(unusedRateLimits(account)))),
    // The public plugin catalog: the codex binary asks for it without credentials (measured).
    http.get(`${base}/plugins/featured`, () => HttpResponse.json({ plugins: [] })),
    http.get(`${base}/plugins/export/curated`, () => HttpResponse.json({ plugins: [] })),
    http.get(`${base}/ps/plugins/list`, authed(() => HttpResponse.json({ plugins: [] }))),
    http.get(`${base}/ps/plugins/installed`, authed(() => HttpResponse.json({ plugins: [] }))),
    http.get(`${base}/ps/plugins/suggested/:client`, authed(() => HttpResponse.json({ enabled: false, plugins: [] }))),
    http.post(`${base}/ps/mcp`, authed(async (request) => {
      const message = JsonRpc.safeParse(await request.json().catch(() => undefined));
      return message.success ? mcpAnswer(message.data) : HttpResponse.json({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } }, { status: 400 });
    })),
    http.post(`${base}/codex/analytics-events/events`, authed(() => new Response(null, { status: 204 }))),
  ];
}
