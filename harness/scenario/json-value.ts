/** Text as JSON; tolerates a banner before it (some commands print a line before their --json). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const start = text.search(/^[{[]/m);
    if (start < 0) return undefined;
    try {
      return JSON.parse(text.slice(start));
    } catch {
      return undefined;
    }
  }
}

/**
 * The value at a dotted path (`result.payloads.0.text`). A key that itself holds dots is written
 * in brackets: `profiles["openai-codex:default"].type`.
 */
export function valueAt(value: unknown, path: string): unknown {
  const keys = [...path.matchAll(/\["([^"]+)"\]|([^.[\]]+)/g)].map((match) => match[1] ?? match[2]!);
  return keys.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), value);
}
