/**
 * The "model" behind the chatgpt.com mock: deterministic, so a scenario can assert the reply.
 * "Reply PONG" → "PONG"; anything else → "OK".
 */
export function scriptedReply(userText: string): string {
  const match = /\breply\s+(?:with\s+)?["']?([A-Za-z0-9_-]+)["']?/i.exec(userText);
  return match?.[1] ?? "OK";
}

/** The last user text in a Responses request's `input` (a string or a list of items). */
export function lastUserText(input: unknown): string {
  if (typeof input === "string") return input;
  if (!Array.isArray(input)) return "";
  const texts: string[] = [];
  for (const item of input) {
    if (item?.role !== "user") continue;
    const content = item.content;
    if (typeof content === "string") texts.push(content);
    else if (Array.isArray(content)) for (const part of content) if (typeof part?.text === "string") texts.push(part.text);
  }
  return texts.at(-1) ?? "";
}
