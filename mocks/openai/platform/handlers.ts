import { randomBytes } from "node:crypto";
import { http, HttpResponse } from "msw";
import { z } from "zod";
import type { ApiKeys } from "../../api-keys.ts";
import { replyTo } from "../../model/scripted-model.ts";
import { responseEvents, toServerSentEvents } from "../responses-stream.ts";
import { responsesWebSocket } from "../responses-websocket.ts";
import { IMAGE_MODELS, imageHandlers } from "./images.ts";
import { base, invalidRequest, modelNotFound, modelNotFoundError, refusal } from "./refusal.ts";

/** The models the platform lists for the person's key: what the docs of both versions name. */
export const PLATFORM_MODELS = ["gpt-5.5", "gpt-5.4-mini", "gpt-5.6", "gpt-6-astra", "gpt-6-sol", "chat-latest", ...IMAGE_MODELS];

const ResponsesRequest = z.object({ model: z.string(), input: z.unknown(), stream: z.boolean().optional() }).loose();
const ChatRequest = z.object({ model: z.string(), messages: z.array(z.unknown()), stream: z.boolean().optional() }).loose();

const invalidBody = (what: string) => invalidRequest(`invalid ${what} request body`);
const model = (id: string) => ({ id, object: "model", created: 1_767_225_600, owned_by: id.startsWith("gpt-image") ? "system" : "openai" });
const sse = (body: ReadableStream<Uint8Array>) => new HttpResponse(body, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" } });

/** A chat completion of `text`, streamed (chunks, then [DONE]) or whole. */
function chatCompletion(modelId: string, text: string, stream: boolean): Response {
  const id = `chatcmpl-${randomBytes(12).toString("hex")}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = { prompt_tokens: 12, completion_tokens: Math.max(1, Math.ceil(text.length / 4)), total_tokens: 12 + Math.max(1, Math.ceil(text.length / 4)) };
  if (!stream) {
    return HttpResponse.json({ id, object: "chat.completion", created, model: modelId, choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, logprobs: null, finish_reason: "stop" }], usage });
  }
  const chunk = (delta: object, finish: string | null, extra: object = {}) => ({ id, object: "chat.completion.chunk", created, model: modelId, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra });
  const chunks = [chunk({ role: "assistant", content: "" }, null), chunk({ content: text }, null), chunk({}, "stop", { usage })];
  const encoder = new TextEncoder();
  return sse(
    new ReadableStream({
      start(controller) {
        for (const one of chunks) controller.enqueue(encoder.encode(`data: ${JSON.stringify(one)}\n\n`));
        controller.enqueue(encoder.encode("data: [DONE]\n\n"));
        controller.close();
      },
    }),
  );
}

/**
 * api.openai.com, the OpenAI Platform as an API-key client uses it: the model list, the Responses
 * API (SSE, whole, or over WebSocket), Chat Completions and Images, each for a key this world issued only.
 * The model behind it is the scripted one every provider mock shares.
 */
export function platformHandlers(keys: ApiKeys) {
  return [
    http.get(`${base}/models`, ({ request }) => refusal(request, keys) ?? HttpResponse.json({ object: "list", data: PLATFORM_MODELS.map(model) })),
    http.get(`${base}/models/:id`, ({ request, params }) => {
      const refused = refusal(request, keys);
      if (refused) return refused;
      const id = String(params.id);
      return PLATFORM_MODELS.includes(id)
        ? HttpResponse.json(model(id))
        : modelNotFound(id);
    }),
    http.post(`${base}/responses`, async ({ request }) => {
      const refused = refusal(request, keys);
      if (refused) return refused;
      const body = ResponsesRequest.safeParse(await request.json().catch(() => undefined));
      if (!body.success) return invalidBody("Responses");
      if (!PLATFORM_MODELS.includes(body.data.model)) return modelNotFound(body.data.model);
      const events = responseEvents(body.data.model, replyTo(body.data.input));
      if (body.data.stream) return sse(toServerSentEvents(events));
      const completed = events.at(-1)!;
      return HttpResponse.json("response" in completed ? completed.response : {});
    }),
    http.post(`${base}/chat/completions`, async ({ request }) => {
      const refused = refusal(request, keys);
      if (refused) return refused;
      const body = ChatRequest.safeParse(await request.json().catch(() => undefined));
      if (!body.success) return invalidBody("chat completions");
      if (!PLATFORM_MODELS.includes(body.data.model)) return modelNotFound(body.data.model);
      return chatCompletion(body.data.model, replyTo(body.data.messages), body.data.stream ?? false);
    }),
    ...imageHandlers(keys),
  ];
}

/** The Responses API over WebSocket on api.openai.com, for an issued key. */
export const platformResponsesWebSocket = (keys: ApiKeys) =>
  responsesWebSocket({
    host: "api.openai.com",
    path: "/v1/responses",
    refuse: (request) => refusal(request, keys),
    refuseModel: (model) => (PLATFORM_MODELS.includes(model) ? undefined : { status: 404, error: modelNotFoundError(model) }),
  });
