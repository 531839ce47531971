/**
 * What a piece of inline code (or one shell command) names, if it names something a reference
 * check can look up in the version under test: an `openclaw` command with its flags, a flag, a
 * config key path, an environment variable. Environment-free: text in, names out.
 */
export type Named =
  | { kind: "command"; command: string; flags: string[] }
  | { kind: "flag"; flags: string[] }
  | { kind: "configKey"; key: string }
  | { kind: "envVar"; name: string };

/** A word that can be a (sub)command; a positional like `gateway.auth.token` or `<id>` is not one. */
const COMMAND_WORD = /^[a-z][a-z0-9-]*$/;
/** Long flags anywhere in the text (`[--latest]`, `--fix|--repair`, `--mode=local`), and short ones standing alone. */
const FLAG = /(?<![\w-])(--[a-zA-Z][a-zA-Z0-9-]*|-[a-zA-Z])(?![\w-])/g;
const ENV_VAR = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?:=.*)?$/;
/**
 * Last segments that make a dotted name a file, a host or a version rather than a config key
 * (`openclaw.json`, `auth.openai.com`, `docs.openclaw.ai`).
 */
const NOT_A_KEY_SUFFIX = new Set(
  "json json5 jsonc md mdx ts js mjs cjs sh bash zsh ps1 yaml yml toml txt log sqlite db env lock pem key crt plist service conf ini html css png svg zip tgz gz bak tmp sock pid com ai io org net dev app test local example exe dmg".split(" "),
);
/** `a.b.c`, with `["quoted"]`, `[0]`, `*` and `<placeholder>` segments allowed; no spaces, no slashes outside brackets. */
const KEY_SEGMENT = /^(?:[a-zA-Z][a-zA-Z0-9_-]*|\*|<[^<>]+>)$/;

/** The flags a text names, each once, in order. */
export const flagsIn = (text: string): string[] => [...new Set([...text.matchAll(FLAG)].map((match) => match[1]!))];

/**
 * `openclaw a b c --x …` as `openclaw a b c`: the leading bare words, which are the command and
 * perhaps positionals (`openclaw agents add work`); the CLI decides how many are subcommands.
 * Environment assignments before it (`OPENCLAW_HOME=/x openclaw …`) are skipped.
 */
export function commandOf(text: string): string | undefined {
  const tokens = text.trim().split(/\s+/);
  let start = 0;
  while (start < tokens.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(tokens[start]!)) start += 1;
  if (tokens[start] !== "openclaw") return undefined;
  const words = [];
  for (const token of tokens.slice(start + 1)) {
    if (!COMMAND_WORD.test(token)) break;
    words.push(token);
  }
  return ["openclaw", ...words].join(" ");
}

/**
 * Whether the command's words may go on after a flag (`openclaw models --agent main auth login`):
 * two bare words after its first flag. Its flags then cannot be tied to the leading words alone.
 */
export function wordsAfterFlags(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  const firstFlag = tokens.findIndex((token) => token.startsWith("-"));
  if (firstFlag < 0) return false;
  return tokens.slice(firstFlag + 1).some((token, index, rest) => COMMAND_WORD.test(token) && COMMAND_WORD.test(rest[index + 1] ?? ""));
}

/** A config key path as written (`gateway.mode=local` names `gateway.mode`), or undefined. */
export function configKeyOf(text: string): string | undefined {
  const key = text.trim().replace(/=.*$/s, "");
  if (!key.includes(".") || /\s/.test(key)) return undefined;
  // Bracketed segments (`models["openai/gpt-5.5"]`, `list[0]`) are one segment each.
  const segments = key.replace(/\[[^\]]*\]/g, ".<index>").split(".").filter((segment, index) => segment !== "" || index > 0);
  if (segments.length < 2 || !segments.every((segment) => KEY_SEGMENT.test(segment))) return undefined;
  if (!/^[a-z]/.test(segments[0]!) || NOT_A_KEY_SUFFIX.has(segments.at(-1)!.toLowerCase())) return undefined;
  return key;
}

/**
 * The key path `openclaw config get|set|unset <path>` is given (quotes dropped): the surest sign
 * that a page documents a config key, since the command reads or writes it. A placeholder
 * (`<path>`) or a flag in its place names none.
 */
export function configKeyArgument(text: string): string | undefined {
  const match = /\bopenclaw\s+config\s+(?:get|set|unset)\s+(?:'([^']*)'|"([^"]*)"|(\S+))/.exec(text);
  const key = match && (match[1] ?? match[2] ?? match[3])!;
  if (!key || key.startsWith("-") || /^<.*>$/.test(key) || /\s/.test(key)) return undefined;
  return key;
}

/** What one piece of inline code names, if anything a reference check can look up. */
export function namedBy(code: string): Named | undefined {
  const text = code.trim();
  const command = commandOf(text);
  if (command) return { kind: "command", command, flags: flagsIn(text.slice(text.indexOf("openclaw"))) };
  if (/^-{1,2}[a-zA-Z]/.test(text)) {
    const flags = flagsIn(text);
    return flags.length ? { kind: "flag", flags } : undefined;
  }
  const env = ENV_VAR.exec(text);
  if (env) return { kind: "envVar", name: env[1]! };
  const key = configKeyOf(text);
  return key ? { kind: "configKey", key } : undefined;
}
