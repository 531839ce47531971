/**
 * Which strings are credentials, declared once: the journal blanks them as requests arrive, and
 * every report writer redacts them (harness/util/redact.ts). The world issues these credentials,
 * so the world says what they look like.
 */

/** Names under which credentials travel: query, fragment and form parameters, JSON keys. */
export const SECRET_PARAMETER_NAMES = [
  "token", "access_token", "refresh_token", "id_token", "api_key", "apikey", "code", "code_verifier", "authorization_code",
  "device_code", "device_auth_id", "user_code", "client_secret", "password", "secret", "state",
] as const;

/** Request headers whose value is a credential (or names the account it is for). */
export const SECRET_HEADER_NAMES = ["authorization", "cookie", "x-api-key", "chatgpt-account-id"] as const;

/** Command-line flags that take a credential: --token, --password, --api-key and every --<provider>-api-key, --<x>-token, --<x>-password. */
export const SECRET_FLAG = /--(?:[a-z0-9-]+-)?(?:token|password|api-key)(?=[ =])/;

/** Credentials by their shape, wherever they stand. */
export const SECRET_SHAPES: readonly RegExp[] = [
  // JSON Web Tokens: access and id tokens.
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  // API keys in OpenAI's and Anthropic's shapes.
  /\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}/g,
  // auth.openai.com's refresh tokens and authorization codes.
  /\b(?:rt|ac)_[A-Za-z0-9_-]{12,}/g,
];

/** A value under a name like this (a captured value, an environment variable) is a credential. */
export const SECRET_NAME = /token|code|key|secret|password|credential|cookie/i;
