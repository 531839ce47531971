import { HttpResponse } from "msw";
import type { ApiKeys } from "../../api-keys.ts";

/** The Platform's API root, as every OpenAI SDK client calls it. */
export const base = "https://api.openai.com/v1";
export const OPENAI_API_KEY_KIND = "openai-api-key";

/** OpenAI's error body for a request it cannot take: 400, or a missing model's 404. */
export const invalidRequest = (message: string) => HttpResponse.json({ error: { message, type: "invalid_request_error", param: null, code: null } }, { status: 400 });
/** OpenAI's error for a model the key cannot use, in a 404 body or a WebSocket `error` event. */
export const modelNotFoundError = (id: string) => ({ message: `The model '${id}' does not exist`, type: "invalid_request_error", param: "model", code: "model_not_found" });
export const modelNotFound = (id: string) => HttpResponse.json({ error: modelNotFoundError(id) }, { status: 404 });

const bearer = (request: Request) => /^Bearer\s+(\S+)/i.exec(request.headers.get("authorization") ?? "")?.[1];

/** The key as OpenAI's error message shows it: its start and its last four characters. */
const masked = (key: string) => `${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;

/** OpenAI's answer to a request without an accepted key, or undefined when the key is good. */
export function refusal(request: Request, keys: ApiKeys): Response | undefined {
  const key = bearer(request);
  if (!key) {
    return HttpResponse.json(
      { error: { message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", type: "invalid_request_error", param: null, code: null } },
      { status: 401 },
    );
  }
  if (keys.accepts(OPENAI_API_KEY_KIND, key)) return undefined;
  return HttpResponse.json(
    { error: { message: `Incorrect API key provided: ${masked(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: "invalid_request_error", param: null, code: "invalid_api_key" } },
    { status: 401 },
  );
}
