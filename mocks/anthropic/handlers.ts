import { http, HttpResponse } from "msw";
import { z } from "zod";
import type { ApiKeys } from "../api-keys.ts";
import { replyTo } from "../model/scripted-model.ts";
import { message, messageEvents, toServerSentEvents } from "./messages-stream.ts";

const base = "https://api.anthropic.com/v1";
export const ANTHROPIC_API_KEY_KIND = "anthropic-api-key";
/** What `claude setup-token` prints: a long-lived OAuth token of the person's Claude subscription. */
export const ANTHROPIC_SETUP_TOKEN_KIND = "anthropic-setup-token";

/** The models the API lists for the person's key: what the docs of both versions name. */
export const ANTHROPIC_MODELS = [
  "claude-opus-5-5", "claude-opus-5", "claude-fable-5-1", "claude-fable-5", "claude-sonnet-5", "claude-mythos-5",
  "claude-opus-4-8", "claude-opus-4-7", "claude-opus-4-6", "claude-sonnet-4-6",
];

const error = (status: number, type: string, text: string) => HttpResponse.json({ type: "error", error: { type, message: text } }, { status });

/**
 * Anthropic's answer to a request without an accepted credential, or undefined when it is good:
 * an API key in `x-api-key`, or a setup token as a bearer token (OAuth), each as this world issued.
 */
function refusal(request: Request, keys: ApiKeys): Response | undefined {
  const apiKey = request.headers.get("x-api-key");
  const bearer = /^Bearer\s+(\S+)/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (apiKey) return keys.accepts(ANTHROPIC_API_KEY_KIND, apiKey) ? undefined : error(401, "authentication_error", "invalid x-api-key");
  if (bearer) return keys.accepts(ANTHROPIC_SETUP_TOKEN_KIND, bearer) ? undefined : error(401, "authentication_error", "Invalid bearer token");
  return error(401, "authentication_error", "x-api-key header is required");
}

/**
 * The API versions Anthropic serves: every request names one (`anthropic-version`, which its SDKs
 * always send), or is refused.
 */
const ANTHROPIC_VERSIONS = ["2023-06-01", "2023-01-01"];

function versionRefusal(request: Request): Response | undefined {
  const version = request.headers.get("anthropic-version");
  if (version === null) return error(400, "invalid_request_error", "anthropic-version: header is required");
  return ANTHROPIC_VERSIONS.includes(version) ? undefined : error(400, "invalid_request_error", `anthropic-version: invalid version ${version}`);
}

/** The credential, then the API version: what every request must get past. */
const refusedOf = (request: Request, keys: ApiKeys) => refusal(request, keys) ?? versionRefusal(request);

const MessagesRequest = z.object({ model: z.string(), max_tokens: z.number(), messages: z.array(z.unknown()), stream: z.boolean().optional() }).loose();
const model = (id: string) => ({ type: "model", id, display_name: id.replace(/^claude-/, "Claude ").replaceAll("-", " "), created_at: "2026-01-01T00:00:00Z" });

/**
 * api.anthropic.com as an API-key or setup-token client uses it: the model list and the Messages
 * API (whole or streamed), for a credential this world issued only. The model behind it is the
 * scripted one every provider mock shares.
 */
export function anthropicHandlers(keys: ApiKeys) {
  return [
    http.get(`${base}/models`, ({ request }) => {
      const refused = refusedOf(request, keys);
      if (refused) return refused;
      const data = ANTHROPIC_MODELS.map(model);
      return HttpResponse.json({ data, has_more: false, first_id: data[0]!.id, last_id: data.at(-1)!.id });
    }),
    http.get(`${base}/models/:id`, ({ request, params }) => {
      const refused = refusedOf(request, keys);
      if (refused) return refused;
      const id = String(params.id);
      return ANTHROPIC_MODELS.includes(id) ? HttpResponse.json(model(id)) : error(404, "not_found_error", `model: ${id}`);
    }),
    http.post(`${base}/messages`, async ({ request }) => {
      const refused = refusedOf(request, keys);
      if (refused) return refused;
      const body = MessagesRequest.safeParse(await request.json().catch(() => undefined));
      if (!body.success) return error(400, "invalid_request_error", body.error.issues[0]?.message ?? "invalid request body");
      if (!ANTHROPIC_MODELS.includes(body.data.model)) return error(404, "not_found_error", `model: ${body.data.model}`);
      const text = replyTo(body.data.messages);
      if (!body.data.stream) return HttpResponse.json(message(body.data.model, text));
      return new HttpResponse(toServerSentEvents(messageEvents(body.data.model, text)), {
        headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" },
      });
    }),
    http.post(`${base}/messages/count_tokens`, async ({ request }) => refusedOf(request, keys) ?? HttpResponse.json({ input_tokens: 12 })),
  ];
}
