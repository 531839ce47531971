import { http, HttpResponse } from "msw";
import { z } from "zod";
import type { MockAccount } from "../auth/account.ts";
import { responseEvents, toServerSentEvents } from "./responses-stream.ts";
import { lastUserText, scriptedReply } from "./scripted-model.ts";

const base = "https://chatgpt.com/backend-api";

const ResponsesRequest = z.object({ model: z.string(), input: z.unknown(), stream: z.boolean().optional() }).loose();

const bearer = (request: Request) => /^Bearer\s+\S+/.test(request.headers.get("authorization") ?? "");
const unauthorized = () => HttpResponse.json({ detail: "Unauthorized" }, { status: 401 });

/** chatgpt.com's backend as the PI transport and the codex binary use it. */
export function chatgptHandlers(account: MockAccount) {
  return [
    http.post(`${base}/codex/responses`, async ({ request }) => {
      if (!bearer(request)) return unauthorized();
      const body = ResponsesRequest.safeParse(await request.json().catch(() => undefined));
      if (!body.success) return HttpResponse.json({ error: { message: "invalid request body" } }, { status: 400 });
      const events = responseEvents(body.data.model, scriptedReply(lastUserText(body.data.input)));
      return new HttpResponse(toServerSentEvents(events), {
        headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" },
      });
    }),

    // codex stops ("selected workspace missing from routing discovery") without this answer.
    http.get(`${base}/wham/accounts/check`, ({ request }) =>
      bearer(request)
        ? HttpResponse.json({
            accounts: [{ id: account.accountId, workspace_backend_origin: "NO_CONSTRAINT", account_routing_override: "NO_CONSTRAINT" }],
          })
        : unauthorized(),
    ),
  ];
}
