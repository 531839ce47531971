/**
 * Credentials never reach a report verbatim: reports get pasted into public issues. Everything
 * a report writer writes goes through `redact`. It replaces what looks like a credential with
 * REDACTED (so a reader sees that something was there) and keeps the name it was given under.
 * Claims are judged on the real values before this; only what is written is redacted. What counts
 * as a credential is declared once, beside the world that issues them (mocks/secrets.ts).
 */
import { SECRET_FLAG, SECRET_NAME, SECRET_PARAMETER_NAMES, SECRET_SHAPES } from "../../mocks/secrets.ts";

export const REDACTED = "<redacted>";

const secretNames = SECRET_PARAMETER_NAMES.join("|");

const patterns: [RegExp, string][] = [
  ...SECRET_SHAPES.map((shape): [RegExp, string] => [shape, REDACTED]),
  // Authorization headers and bearer tokens.
  [/\b(bearer|basic)\s+(?!<redacted)[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  // name=value in URLs, fragments (#token=…), forms and logs.
  [new RegExp(`(?<![A-Za-z0-9_])(${secretNames})=(?!${REDACTED})[^&\\s"'#<>]+`, "gi"), `$1=${REDACTED}`],
  // "name": "value" in JSON.
  [new RegExp(`"(${secretNames})"(\\s*:\\s*)"(?!${REDACTED})[^"]+"`, "gi"), `"$1"$2"${REDACTED}"`],
  // Command-line flags that take a secret.
  [new RegExp(`(${SECRET_FLAG.source}[ =])(?!<redacted)(?!-)\\S+`, "gi"), `$1${REDACTED}`],
];

/** Whether a captured value's name says it is a credential, so its value is redacted wherever it appears. */
export const isSecretName = (name: string) => SECRET_NAME.test(name);

/**
 * The text with every credential replaced. `known` are values known to be secret (what a step
 * captured under a secret name): they are replaced wherever they stand, whatever their shape.
 */
export function redact(text: string, known: readonly string[] = []): string {
  let result = text;
  for (const value of known) if (value.length >= 4) result = result.replaceAll(value, REDACTED);
  for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
  return result;
}

/** Every string in a JSON-shaped value, redacted; keys are left as they are. */
export function redactDeep<T>(value: T, known: readonly string[] = []): T {
  if (typeof value === "string") return redact(value, known) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, known)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, known)])) as T;
  }
  return value;
}
