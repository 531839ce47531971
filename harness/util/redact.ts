/**
 * Credentials never reach a report verbatim: reports get pasted into public issues. Everything
 * a report writer writes goes through `redact`. It replaces what looks like a credential with
 * REDACTED (so a reader sees that something was there) and keeps the name it was given under.
 * Claims are judged on the real values before this; only what is written is redacted.
 */
export const REDACTED = "<redacted>";

/** Names under which credentials travel: query and fragment parameters, JSON keys, flags. */
const secretNames = [
  "token", "access_token", "refresh_token", "id_token", "api_key", "apikey", "code", "code_verifier", "authorization_code",
  "device_code", "device_auth_id", "user_code", "client_secret", "password", "secret",
].join("|");

const patterns: [RegExp, string][] = [
  // JSON Web Tokens: access and id tokens, whatever surrounds them.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // API keys in OpenAI's and Anthropic's shapes.
  [/\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}/g, REDACTED],
  // Authorization headers and bearer tokens.
  [/\b(bearer|basic)\s+(?!<redacted)[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  // name=value in URLs, fragments (#token=…), forms and logs.
  [new RegExp(`(?<![A-Za-z0-9_])(${secretNames})=(?!${REDACTED})[^&\\s"'#<>]+`, "gi"), `$1=${REDACTED}`],
  // "name": "value" in JSON.
  [new RegExp(`"(${secretNames})"(\\s*:\\s*)"(?!${REDACTED})[^"]+"`, "gi"), `"$1"$2"${REDACTED}"`],
  // Command-line flags that take a secret.
  [/(--(?:token|password|api-key|openai-api-key|anthropic-api-key)[ =])(?!<redacted)(?!-)\S+/gi, `$1${REDACTED}`],
];

/** Whether a captured value's name says it is a credential, so its value is redacted wherever it appears. */
export const isSecretName = (name: string) => /token|code|key|secret|password|credential|cookie/i.test(name);

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
