import type { WebSocket } from "ws";
import { z } from "zod";
import { replyTo } from "../model/scripted-model.ts";
import type { WebSocketRoute } from "../edge/websocket-route.ts";
import { responseEvents, warmUpEvents } from "./responses-stream.ts";

/** What a client sends over the Responses WebSocket: the Responses request, flattened into the message. */
const ResponseCreate = z.object({ type: z.literal("response.create"), model: z.string().optional(), input: z.unknown().optional(), generate: z.boolean().optional() }).loose();

/** The error a host answers a `response.create` with when the model is not one it serves. */
export interface ModelRefusal {
  status: number;
  error: Record<string, unknown>;
}

/**
 * The Responses API over WebSocket (`OpenAI-Beta: responses_websockets=…`), as the codex binary
 * and OpenClaw's own transport use it on chatgpt.com and api.openai.com: each `response.create` is
 * answered with the Responses events as text frames. A warm-up (`generate: false`) gets an empty
 * completed response. `refuse` is the host's own credential check; `refuseModel` its answer to a
 * model it does not serve (an `error` event, as the real servers send).
 */
export function responsesWebSocket({ refuseModel, ...route }: Pick<WebSocketRoute, "host" | "path" | "refuse"> & { refuseModel: (model: string) => ModelRefusal | undefined }): WebSocketRoute {
  return {
    ...route,
    serve(socket: WebSocket, _request: Request, note: (text: string) => void) {
      socket.on("message", (data, isBinary) => {
        let message: z.infer<typeof ResponseCreate>;
        try {
          message = ResponseCreate.parse(JSON.parse(data.toString()));
        } catch {
          note(`← ${isBinary ? "a binary frame" : "a message"} that is not a response.create; answered with an error event`);
          socket.send(JSON.stringify({ type: "error", error: { type: "invalid_request_error", message: "expected a response.create message" } }));
          return;
        }
        const model = message.model ?? "";
        const refused = refuseModel(model);
        if (refused) {
          note(`← response.create for model "${model}": refused (${refused.status})`);
          socket.send(JSON.stringify({ type: "error", status: refused.status, error: refused.error }));
          return;
        }
        const events = message.generate === false ? warmUpEvents(model) : responseEvents(model, replyTo(message.input));
        note(`← response.create${message.generate === false ? " (warm-up, generate: false)" : ""} → ${events.length} events`);
        for (const event of events) socket.send(JSON.stringify(event));
      });
      socket.on("error", () => socket.terminate());
    },
  };
}
