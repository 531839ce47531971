/**
 * A version's command tree, as its own CLI describes it: `openclaw completion --shell fish`
 * lists every command and the options each takes, in one call. Environment-free: the script's
 * text in, the tree out. Two fish idioms are read:
 * - by path (`-n "__openclaw_command_path_matches models auth"`): exact;
 * - by name (`__fish_use_subcommand`, `__fish_seen_subcommand_from login`): a name's options are
 *   those of every command of that name, so a flag is judged leniently (`exact: false`).
 */
export interface CliTree {
  /** Every command path (`models auth login`; "" is the program itself), with its own options. */
  commands: Map<string, Set<string>>;
  exact: boolean;
}

const LINE = /^complete\s+-c\s+\S+\s+-n\s+(["'])(.*?)\1(.*)$/;

/** The `-a "name"`, `-l long` and `-s x` parts of one `complete` line. */
function partsOf(rest: string): { child?: string; options: string[] } {
  const child = /\s-a\s+(["'])([a-z][a-z0-9-]*)\1/.exec(rest)?.[2];
  const long = /\s-l\s+([a-zA-Z0-9][\w-]*)/.exec(rest)?.[1];
  const short = /\s-s\s+([a-zA-Z0-9])\b/.exec(rest)?.[1];
  return { ...(child && !long && !short ? { child } : {}), options: [...(long ? [`--${long}`] : []), ...(short ? [`-${short}`] : [])] };
}

const addTo = (map: Map<string, Set<string>>, key: string, values: string[]) => {
  const set = map.get(key) ?? new Set<string>();
  values.forEach((value) => set.add(value));
  map.set(key, set);
};

/** Reads a fish completion script into the command tree it describes. */
export function parseFishCompletion(script: string): CliTree {
  const byPath = new Map<string, Set<string>>();
  const children = new Map<string, Set<string>>(); // by name: a command name's subcommand names
  const optionsByName = new Map<string, Set<string>>();
  let exact = false;
  for (const line of script.split("\n")) {
    const match = LINE.exec(line.trim());
    if (!match) continue;
    const [condition, rest] = [match[2]!.trim(), match[3]!];
    const { child, options } = partsOf(rest);
    const path = /^__\w+_command_path_matches(?:\s+(.*))?$/.exec(condition);
    if (path) {
      exact = true;
      const parent = (path[1] ?? "").trim();
      addTo(byPath, parent, options);
      if (child) addTo(byPath, parent ? `${parent} ${child}` : child, []);
      continue;
    }
    const parentName = condition === "__fish_use_subcommand" ? "" : /^__fish_seen_subcommand_from\s+(\S+)$/.exec(condition)?.[1];
    if (parentName === undefined) continue;
    if (child) addTo(children, parentName, [child]);
    addTo(optionsByName, parentName, options);
  }
  if (exact) return { commands: byPath, exact };
  // By name: walk from the program down; a name seen under itself (a cycle) is not followed again.
  const commands = new Map<string, Set<string>>([["", optionsByName.get("") ?? new Set()]]);
  const walk = (path: string, name: string, seen: Set<string>) => {
    for (const next of children.get(name) ?? []) {
      if (seen.has(next)) continue;
      const nextPath = path ? `${path} ${next}` : next;
      commands.set(nextPath, optionsByName.get(next) ?? new Set());
      walk(nextPath, next, new Set([...seen, next]));
    }
  };
  walk("", "", new Set());
  return { commands, exact: false };
}

/** What the tree says of a documented command and its flags. */
export type CommandVerdict =
  | { known: true; command: string; unknownFlags: string[] }
  | { known: false; command: string; missing: string; under: string; offered: string[] };

/** Options every command takes, whether or not a completion script lists them (commander's own). */
const BUILT_IN = ["--help", "-h"];

/**
 * Judges `openclaw a b c` (leading bare words, as the docs write them) and its flags: the words
 * are subcommands while the tree has them; the first word that is not a subcommand of a command
 * that has subcommands is a missing command. A word after a command without subcommands is a
 * positional. Flags are the command's own, its parents' (commander reads them anywhere) or built in.
 */
export function judgeCommand(tree: CliTree, documented: string, flags: string[]): CommandVerdict {
  const words = documented.split(/\s+/).filter((word) => word !== "openclaw");
  let path = "";
  for (const word of words) {
    const next = path ? `${path} ${word}` : word;
    if (tree.commands.has(next)) {
      path = next;
      continue;
    }
    const offered = [...tree.commands.keys()].filter((candidate) => candidate.startsWith(path ? `${path} ` : "") && candidate.split(" ").length === (path ? path.split(" ").length + 1 : 1));
    if (offered.length) return { known: false, command: `openclaw ${next}`, missing: word, under: `openclaw${path ? ` ${path}` : ""}`, offered: offered.map((one) => one.split(" ").at(-1)!).sort() };
    break;
  }
  const accepted = new Set(BUILT_IN);
  const segments = path.split(" ");
  for (let depth = 0; depth <= (path ? segments.length : 0); depth += 1) tree.commands.get(segments.slice(0, depth).join(" "))?.forEach((flag) => accepted.add(flag));
  return { known: true, command: `openclaw${path ? ` ${path}` : ""}`, unknownFlags: flags.filter((flag) => !accepted.has(flag)) };
}

/** The commands that take a flag (for a flag a page documents in a command's section, not with the command). */
export const commandsTaking = (tree: CliTree, flag: string): string[] =>
  BUILT_IN.includes(flag) ? [""] : [...tree.commands].filter(([, options]) => options.has(flag)).map(([path]) => `openclaw${path ? ` ${path}` : ""}`);
