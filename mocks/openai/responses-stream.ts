import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * The Responses API event stream, as far as real clients need it to finish a turn. Field names
 * follow the openai package's `ResponseStreamEvent` types; the schemas keep us honest about them.
 */
const OutputText = z.object({ type: z.literal("output_text"), text: z.string(), annotations: z.array(z.unknown()) });
const MessageItem = z.object({
  id: z.string(),
  type: z.literal("message"),
  role: z.literal("assistant"),
  status: z.enum(["in_progress", "completed"]),
  content: z.array(OutputText),
});
const Usage = z.object({
  input_tokens: z.number(),
  input_tokens_details: z.object({ cached_tokens: z.number() }),
  output_tokens: z.number(),
  output_tokens_details: z.object({ reasoning_tokens: z.number() }),
  total_tokens: z.number(),
});
const ResponseObject = z.object({
  id: z.string(),
  object: z.literal("response"),
  created_at: z.number(),
  status: z.enum(["in_progress", "completed"]),
  model: z.string(),
  output: z.array(MessageItem),
  usage: Usage.nullable(),
});
export const ResponseStreamEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("response.created"), sequence_number: z.number(), response: ResponseObject }),
  z.object({ type: z.literal("response.output_item.added"), sequence_number: z.number(), output_index: z.number(), item: MessageItem }),
  z.object({ type: z.literal("response.content_part.added"), sequence_number: z.number(), item_id: z.string(), output_index: z.number(), content_index: z.number(), part: OutputText }),
  z.object({ type: z.literal("response.output_text.delta"), sequence_number: z.number(), item_id: z.string(), output_index: z.number(), content_index: z.number(), delta: z.string(), logprobs: z.array(z.unknown()) }),
  z.object({ type: z.literal("response.output_text.done"), sequence_number: z.number(), item_id: z.string(), output_index: z.number(), content_index: z.number(), text: z.string(), logprobs: z.array(z.unknown()) }),
  z.object({ type: z.literal("response.content_part.done"), sequence_number: z.number(), item_id: z.string(), output_index: z.number(), content_index: z.number(), part: OutputText }),
  z.object({ type: z.literal("response.output_item.done"), sequence_number: z.number(), output_index: z.number(), item: MessageItem }),
  z.object({ type: z.literal("response.completed"), sequence_number: z.number(), response: ResponseObject }),
]);
export type ResponseStreamEvent = z.infer<typeof ResponseStreamEvent>;

/** The events of one assistant message that says `text`. */
export function responseEvents(model: string, text: string): ResponseStreamEvent[] {
  const id = `resp_${randomBytes(12).toString("hex")}`;
  const itemId = `msg_${randomBytes(12).toString("hex")}`;
  const created_at = Math.floor(Date.now() / 1000);
  const part = { type: "output_text" as const, text, annotations: [] };
  const emptyPart = { ...part, text: "" };
  const item = { id: itemId, type: "message" as const, role: "assistant" as const, status: "completed" as const, content: [part] };
  const usage = {
    input_tokens: 12,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: Math.max(1, Math.ceil(text.length / 4)),
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 12 + Math.max(1, Math.ceil(text.length / 4)),
  };
  const response = (status: "in_progress" | "completed") => ({
    id, object: "response" as const, created_at, model, status,
    output: status === "completed" ? [item] : [],
    usage: status === "completed" ? usage : null,
  });
  const at = { item_id: itemId, output_index: 0, content_index: 0 };
  const events = [
    { type: "response.created", response: response("in_progress") },
    { type: "response.output_item.added", output_index: 0, item: { ...item, status: "in_progress", content: [] } },
    { type: "response.content_part.added", ...at, part: emptyPart },
    { type: "response.output_text.delta", ...at, delta: text, logprobs: [] },
    { type: "response.output_text.done", ...at, text, logprobs: [] },
    { type: "response.content_part.done", ...at, part },
    { type: "response.output_item.done", output_index: 0, item },
    { type: "response.completed", response: response("completed") },
  ];
  return events.map((event, sequence_number) => ResponseStreamEvent.parse({ ...event, sequence_number }));
}

/** What a warm-up request (`generate: false`) gets: a response created and completed with no output. */
export function warmUpEvents(model: string): ResponseStreamEvent[] {
  const [created, , , , , , , completed] = responseEvents(model, "");
  const done = { ...completed!, sequence_number: 1 } as Extract<ResponseStreamEvent, { type: "response.completed" }>;
  return [created!, ResponseStreamEvent.parse({ ...done, response: { ...done.response, output: [] } })];
}

/** Server-sent events framing: `event:` names the type, `data:` carries the JSON. */
export function toServerSentEvents(events: ResponseStreamEvent[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const event of events) controller.enqueue(encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
      controller.close();
    },
  });
}
