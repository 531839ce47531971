import { zstdDecompressSync } from "node:zlib";
import { http, HttpResponse } from "msw";
import { z } from "zod";
import type { MockAccount } from "../auth/account.ts";
import type { TokenIssuer } from "../auth/tokens.ts";
import { replyTo } from "../../model/scripted-model.ts";
import { responsesWebSocket } from "../responses-websocket.ts";
import { responseEvents, toServerSentEvents } from "../responses-stream.ts";
import { chatgptRefusal } from "./bearer.ts";
import { CHATGPT_CODEX_MODELS, unsupportedModelDetail } from "./models.ts";
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

/** chatgpt.com's backend as the PI transport and the codex binary use it, for this world's account only. */
export function chatgptHandlers(account: MockAccount, tokens: TokenIssuer) {
  return [
    http.post(`${base}/codex/responses`, async ({ request }) => {
      const refused = await chatgptRefusal(request, tokens, account);
      if (refused) return refused;
      const body = ResponsesRequest.safeParse(await jsonBody(request).catch(() => undefined));
      if (!body.success) return HttpResponse.json({ error: { message: "invalid request body" } }, { status: 400 });
      if (!CHATGPT_CODEX_MODELS.includes(body.data.model)) return HttpResponse.json({ detail: unsupportedModelDetail(body.data.model) }, { status: 400 });
      const events = responseEvents(body.data.model, replyTo(body.data.input));
      return new HttpResponse(toServerSentEvents(events), {
        headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" },
      });
    }),
    ...startupHandlers(account, tokens),
  ];
}

/** chatgpt.com's Responses stream over WebSocket, for this world's ChatGPT access token and the account's models. */
export const chatgptResponsesWebSocket = (account: MockAccount, tokens: TokenIssuer) =>
  responsesWebSocket({
    host: "chatgpt.com",
    path: "/backend-api/codex/responses",
    refuse: (request) => chatgptRefusal(request, tokens, account),
    refuseModel: (model) => (CHATGPT_CODEX_MODELS.includes(model) ? undefined : { status: 400, error: { type: "invalid_request_error", message: unsupportedModelDetail(model) } }),
  });
