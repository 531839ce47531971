import { zstdDecompressSync } from "node:zlib";
import { http, HttpResponse } from "msw";
import { z } from "zod";
import type { MockAccount } from "../auth/account.ts";
import { replyTo } from "../../model/scripted-model.ts";
import { responsesWebSocket } from "../responses-websocket.ts";
import { responseEvents, toServerSentEvents } from "../responses-stream.ts";
import { hasBearer, unauthorized } from "./bearer.ts";
import { startupHandlers } from "./startup-handlers.ts";

const base = "https://chatgpt.com/backend-api";

const ResponsesRequest = z.object({ model: z.string(), input: z.unknown(), stream: z.boolean().optional() }).loose();

/** The JSON body of a request, zstd-compressed or not (codex compresses its Responses requests). */
async function jsonBody(request: Request): Promise<unknown> {
  const bytes = Buffer.from(await request.arrayBuffer());
  const encoding = request.headers.get("content-encoding")?.trim().toLowerCase();
  const text = (encoding === "zstd" ? zstdDecompressSync(bytes) : bytes).toString("utf8");
  return JSON.parse(text);
}

/** chatgpt.com's backend as the PI transport and the codex binary use it. */
export function chatgptHandlers(account: MockAccount) {
  return [
    http.post(`${base}/codex/responses`, async ({ request }) => {
      if (!hasBearer(request)) return unauthorized();
      const body = ResponsesRequest.safeParse(await jsonBody(request).catch(() => undefined));
      if (!body.success) return HttpResponse.json({ error: { message: "invalid request body" } }, { status: 400 });
      const events = responseEvents(body.data.model, replyTo(body.data.input));
      return new HttpResponse(toServerSentEvents(events), {
        headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" },
      });
    }),
    ...startupHandlers(account),
  ];
}

/** chatgpt.com's Responses stream over WebSocket, for the ChatGPT access token. */
export const chatgptResponsesWebSocket = responsesWebSocket({
  host: "chatgpt.com",
  path: "/backend-api/codex/responses",
  refuse: (request) => (hasBearer(request) ? undefined : unauthorized()),
});
