import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * The Messages API's answer, as far as real clients need it to finish a turn: one assistant text
 * block, whole or as the streamed events (message_start … message_stop). Field names follow the
 * @anthropic-ai/sdk types (Message, RawMessageStreamEvent); the schemas keep us honest about them.
 */
const Usage = z.object({ input_tokens: z.number(), output_tokens: z.number(), cache_creation_input_tokens: z.number(), cache_read_input_tokens: z.number() });
const TextBlock = z.object({ type: z.literal("text"), text: z.string() });
export const Message = z.object({
  id: z.string(),
  type: z.literal("message"),
  role: z.literal("assistant"),
  model: z.string(),
  content: z.array(TextBlock),
  stop_reason: z.enum(["end_turn"]).nullable(),
  stop_sequence: z.null(),
  usage: Usage,
});
export type Message = z.infer<typeof Message>;

export const MessageStreamEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message_start"), message: Message }),
  z.object({ type: z.literal("content_block_start"), index: z.number(), content_block: TextBlock }),
  z.object({ type: z.literal("ping") }),
  z.object({ type: z.literal("content_block_delta"), index: z.number(), delta: z.object({ type: z.literal("text_delta"), text: z.string() }) }),
  z.object({ type: z.literal("content_block_stop"), index: z.number() }),
  z.object({ type: z.literal("message_delta"), delta: z.object({ stop_reason: z.literal("end_turn"), stop_sequence: z.null() }), usage: z.object({ output_tokens: z.number() }) }),
  z.object({ type: z.literal("message_stop") }),
]);
export type MessageStreamEvent = z.infer<typeof MessageStreamEvent>;

const outputTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

/** The whole message that says `text`. */
export function message(model: string, text: string): Message {
  return Message.parse({
    id: `msg_${randomBytes(12).toString("hex")}`, type: "message", role: "assistant", model,
    content: [{ type: "text", text }], stop_reason: "end_turn", stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: outputTokens(text), cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  });
}

/** The same message as the stream a `stream: true` request gets. */
export function messageEvents(model: string, text: string): MessageStreamEvent[] {
  const whole = message(model, text);
  const events = [
    { type: "message_start", message: { ...whole, content: [], stop_reason: null, usage: { ...whole.usage, output_tokens: 1 } } },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    { type: "ping" },
    { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } },
    { type: "content_block_stop", index: 0 },
    { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: whole.usage.output_tokens } },
    { type: "message_stop" },
  ];
  return events.map((event) => MessageStreamEvent.parse(event));
}

/** Server-sent events framing: `event:` names the type, `data:` carries the JSON. */
export function toServerSentEvents(events: MessageStreamEvent[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const event of events) controller.enqueue(encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
      controller.close();
    },
  });
}
