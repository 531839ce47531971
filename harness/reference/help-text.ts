/**
 * A command's `--help`, as commander prints it (OpenClaw's CLI is commander): the usage line, the
 * options and the subcommands. Environment-free: the text in, what it lists out. Read only to
 * confirm what the completion script seems to lack, one call per command in doubt.
 */
export interface HelpText {
  /** `openclaw models auth`, from `Usage: openclaw models auth [options] [command]`. */
  command: string;
  /** Whether the usage takes arguments of its own (`<path>`, `[provider]`), beyond [options] and [command]. */
  takesArguments: boolean;
  options: string[];
  commands: string[];
}

/** Reads commander's help text; undefined when the text has no usage line (not a help page). */
export function parseHelp(text: string): HelpText | undefined {
  const usage = /^Usage:\s+(\S+(?:\s+[a-z][a-z0-9-]*)*)(.*)$/m.exec(text);
  if (!usage) return undefined;
  const rest = usage[2]!.replace(/\[options\]|\[command\]/g, "");
  const options: string[] = [];
  const commands: string[] = [];
  let section: "options" | "commands" | undefined;
  for (const line of text.split("\n")) {
    if (/^\S/.test(line)) section = /^Options:/.test(line) ? "options" : /^Commands:/.test(line) ? "commands" : undefined;
    // An entry starts two spaces in; a description's continuation is indented further.
    const entry = /^ {2}(\S.*?)(?: {2,}|$)/.exec(line)?.[1];
    if (!section || !entry) continue;
    if (section === "options") options.push(...(entry.match(/(?<![\w-])--?[a-zA-Z][\w-]*/g) ?? []));
    else commands.push(...entry.split(/\s+/)[0]!.split("|"));
  }
  return { command: usage[1]!, takesArguments: /[<[]/.test(rest), options, commands };
}
