/**
 * The "model" behind the chatgpt.com mock: deterministic, so a scenario can assert the reply.
 * "Reply PONG" → "PONG"; anything else → "OK".
 */
// A line that is the whole instruction ("Reply PONG", after the "[date] " some clients prefix):
// clients wrap the person's message in context of their own (OpenClaw's Codex harness ends its
// text with "Current user request:\nReply PONG"), and a "reply the …" inside that context is no
// instruction. The last such line of a text wins.
const instructedReply = (text: string) =>
  text
    .split("\n")
    .reverse()
    .map((line) => /^(?:\[[^\]]*\]\s*)?reply\s+(?:with\s+)?["']?([A-Za-z0-9_-]+)["']?[.!]?$/i.exec(line.trim())?.[1])
    .find(Boolean);

/** The user texts in a Responses request's `input` (a string or a list of items), in order. */
export function userTexts(input: unknown): string[] {
  if (typeof input === "string") return [input];
  if (!Array.isArray(input)) return [];
  const texts: string[] = [];
  for (const item of input) {
    if (item?.role !== "user") continue;
    const content = item.content;
    if (typeof content === "string") texts.push(content);
    else if (Array.isArray(content)) for (const part of content) if (typeof part?.text === "string") texts.push(part.text);
  }
  return texts;
}

/**
 * The reply to a Responses request: to the latest user text that asks for one. Clients append
 * context of their own after the person's message (OpenClaw 2026.9 adds an internal-context user
 * item), so the last user text is not always what the person typed.
 */
export function replyTo(input: unknown): string {
  for (const text of userTexts(input).reverse()) {
    const reply = instructedReply(text);
    if (reply) return reply;
  }
  return "OK";
}
