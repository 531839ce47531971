import { matchesGlob } from "node:path";
import type { DocReference } from "../docs/references.ts";
import type { ReferenceSuite } from "../scenario/schema.ts";
import { type CliTree, commandsTaking, judgeCommand } from "./cli-tree.ts";
import { parseHelp } from "./help-text.ts";

/** One documented command or command-and-flag, judged against the version's CLI: a generated claim. */
export interface ReferenceVerdict {
  /** A claim id: `command-models-auth-login`, `flag-models-auth-login--device-code`, `config-gateway-auth-token`. */
  id: string;
  kind: "command" | "flag" | "config";
  /** `openclaw models auth login`, `openclaw models auth login --device-code`, `gateway.auth.token`. */
  subject: string;
  /** The first place that documents it, quoted, and how many others do. */
  quote: string;
  file: string;
  line: number;
  alsoAt: number;
  held: boolean;
  /** One line per finding, ✓ or ✗ first, worded stably (known drift matches on it). */
  observed: string[];
  /** The `--help` call that settled it, when the completion script alone did not. */
  confirmedBy?: string;
}

/** A reference a reviewed entry excludes, with why (a Node.js flag named on a page, a future flag). */
export type ReferenceExclusion = ReferenceSuite["exclusions"][number];

/** `openclaw models auth login --device-code` → `models-auth-login--device-code` (the program alone: `openclaw`). */
const slug = (subject: string) =>
  (subject.replace(/^openclaw\s*/, "").replace(/\s+--?/g, "--").replace(/\s+/g, "-").replace(/[^a-zA-Z0-9-]/g, "").toLowerCase() || "openclaw").replace(/^--/, "openclaw--");

type Judged = { subject: string; kind: "command" | "flag"; refs: DocReference[] };

/**
 * Whether a reference suite judges what a reference names: a command; a flag (with the command it
 * is tied to, or with none: then some command must take it); a config key path (one named only in
 * prose that is no config path of the version is listed as a finding: judge-config-keys.ts).
 * Environment variables no command lists are judged by none.
 */
export const isJudgedByReference = (reference: DocReference): boolean => reference.kind !== "envVar";

/** The documented commands and command-and-flags, each once, with every place that documents it. */
function subjectsOf(references: DocReference[]): Judged[] {
  const bySubject = new Map<string, Judged>();
  for (const reference of references) {
    // Config keys are judged by the schema (judge-config-keys.ts).
    if (reference.kind !== "command" && reference.kind !== "flag") continue;
    const subject = reference.kind === "command" ? reference.name : reference.command ? `${reference.command} ${reference.name}` : reference.name;
    const entry = bySubject.get(subject) ?? { subject, kind: reference.kind, refs: [] };
    entry.refs.push(reference);
    bySubject.set(subject, entry);
  }
  return [...bySubject.values()];
}

/** The command a subject's verdict rests on, and its flag if any. */
const partsOf = ({ kind, refs }: Judged) => ({ command: kind === "command" ? refs[0]!.name : refs[0]!.command, flag: kind === "flag" ? refs[0]!.name : undefined });

/** A flag every page names only in its command's section (never written with the command). */
const flagOnlyInSection = ({ kind, refs }: Judged) => kind === "flag" && refs.every((reference) => reference.attribution === "section");

/** What the completion script alone says of a subject: settled (held), or in doubt. */
function fromTree(judged: Judged, tree: CliTree): ReferenceVerdict["observed"] | undefined {
  const { command, flag } = partsOf(judged);
  if (command === undefined) {
    // A flag a page names with no command at all (an options table outside any command's section):
    // it must be some command's, which the completion script settles.
    const takers = commandsTaking(tree, flag!);
    return takers.length ? [`✓ ${flag} is taken by ${takers.slice(0, 3).join(", ")}${takers.length > 3 ? ", …" : ""} (the page names no command with it)`] : [`✗ no command of this version takes ${flag} (the page names no command with it)`];
  }
  const verdict = judgeCommand(tree, command, flag ? [flag] : []);
  if (!verdict.known) return undefined;
  if (!flag) return [`✓ ${verdict.command} is a command of this version`];
  if (!verdict.unknownFlags.length) return [`✓ ${verdict.command} takes ${flag}`];
  const takers = commandsTaking(tree, flag);
  if (flagOnlyInSection(judged) && takers.length) return [`✓ ${flag} is taken by ${takers.slice(0, 3).join(", ")}${takers.length > 3 ? ", …" : ""} (the page lists it in ${command}'s section)`];
  return undefined;
}

/**
 * The documented commands whose own `--help` settles what the completion script leaves in doubt:
 * a command it does not list (a plugin's, a subcommand it omits, a parent's argument), a flag
 * the command does not seem to take. One call each, as the docs write the command.
 */
export function helpToConfirm(references: DocReference[], tree: CliTree, exclusions: ReferenceExclusion[] = []): string[] {
  return [...new Set(subjectsOf(withoutExcluded(references, exclusions)).filter((judged) => !fromTree(judged, tree)).flatMap((judged) => partsOf(judged).command ?? []))].sort();
}

/**
 * Each documented command and command-and-flag, judged: the command exists in the version's CLI
 * and the flag is taken by it (or a parent, or commander itself) — by the completion script
 * where it settles it, else by the command's own `--help` (`helps`: its output, by command as
 * written). A flag a page lists only in a command's section is tied to the command by reading,
 * not by the page's words: it holds when some command of the CLI takes it.
 */
export function judgeReferences(references: DocReference[], tree: CliTree, helps: Map<string, string>, exclusions: ReferenceExclusion[] = []): ReferenceVerdict[] {
  return subjectsOf(withoutExcluded(references, exclusions)).map((judged) => {
    const { flag } = partsOf(judged);
    const first = judged.refs[0]!;
    const base = { id: `${judged.kind}-${slug(judged.subject)}`, kind: judged.kind, subject: judged.subject, quote: first.text, file: first.file, line: first.line, alsoAt: judged.refs.length - 1 };
    const settled = fromTree(judged, tree);
    if (settled) return { ...base, held: settled[0]!.startsWith("✓"), observed: settled };
    // Unsettled by the completion script means a command was named (a commandless flag always settles).
    const command = partsOf(judged).command!;
    const output = helps.get(command);
    const confirmedBy = `${command} --help`;
    if (output === undefined) return { ...base, held: false, observed: [`✗ ${confirmedBy} was not run, and the completion script does not settle it`] };
    const help = parseHelp(output);
    if (!help) return { ...base, confirmedBy, held: false, observed: [`✗ ${command} is no command of this version: its --help printed no usage, but "${firstLine(output)}"`] };
    const alias = isAliasOf(command, help.command);
    const rest = alias ? "" : command.slice(help.command.length).trim();
    if (!alias && (!command.startsWith(help.command) || (rest && !help.takesArguments))) {
      const missing = command.startsWith(help.command) ? rest.split(" ")[0]! : command.split(" ").at(-1)!;
      return { ...base, confirmedBy, held: false, observed: [`✗ ${help.command} has no command "${missing}" (its commands: ${help.commands.filter((one) => one !== "help").join(", ") || "none"})`] };
    }
    const found = alias
      ? `${command} is a command of this version, another name of ${help.command} (its --help)`
      : `${help.command} is a command of this version${rest ? `, taking "${rest}" as its argument` : ""} (its --help)`;
    if (!flag) return { ...base, confirmedBy, held: true, observed: [`✓ ${found}`] };
    const inTree = judgeCommand(tree, help.command, [flag]);
    const takes = help.options.includes(flag) || (inTree.known && !inTree.unknownFlags.length);
    if (takes) return { ...base, confirmedBy, held: true, observed: [`✓ ${help.command} takes ${flag} (its --help)`] };
    const takers = commandsTaking(tree, flag);
    const elsewhere = takers.length ? ` (${takers.slice(0, 3).join(", ")} ${takers.length === 1 ? "does" : "do"})` : "; no command of this version does";
    return { ...base, confirmedBy, held: false, observed: [`✗ ${help.command} takes no ${flag}${elsewhere}`] };
  });
}

/**
 * Whether the help a command printed is a sibling's: `openclaw chat --help` printing `Usage:
 * openclaw tui|terminal` (commander shows a command's first alias only, so a second one is
 * known by its help alone). Same parent, another last word.
 */
const isAliasOf = (command: string, shown: string) => {
  const asked = command.split(" ");
  const named = shown.split(" ");
  return asked.length === named.length && asked.at(-1) !== named.at(-1) && asked.slice(0, -1).join(" ") === named.slice(0, -1).join(" ");
};

const firstLine = (output: string) => output.split("\n").map((line) => line.trim()).find((line) => line && !/^OpenClaw \d/.test(line))?.slice(0, 200) ?? "(nothing)";

/** Whether a reviewed exclusion of the suite takes a reference out (another program's flag, a future one). */
export const isExcludedFromReference = (reference: DocReference, exclusions: ReferenceExclusion[]) =>
  exclusions.some((entry) => [entry.name].flat().includes(reference.name) && matchesGlob(reference.page, entry.page));

/** The references no reviewed exclusion takes out. */
export const withoutExcluded = (references: DocReference[], exclusions: ReferenceExclusion[]) => references.filter((reference) => !isExcludedFromReference(reference, exclusions));

