import type { Heading, Nodes, Parent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { z } from "zod";
import { blockCommands } from "./block-commands.ts";
import { loadDocPage } from "./doc-page.ts";
import { isCommandBlock } from "./doc-nodes.ts";
import { isLabel, normaliseProse } from "./find-quote.ts";
import { commandOf, configKeyArgument, flagsIn, namedBy, wordsAfterFlags } from "./reference-names.ts";

/** What a reference names: each kind is looked up in the version's own CLI or config. */
export const ReferenceKind = z.enum(["command", "flag", "configKey", "envVar"]);
export type ReferenceKind = z.infer<typeof ReferenceKind>;

/**
 * Where the docs name it: a shell block's command, or prose — a sentence, a list item, a table row,
 * or a label (the sentence that ends its paragraph with ":", introducing the block or list after it).
 */
export const ReferenceUnit = z.enum(["code-block", "sentence", "label", "list-item", "table-row"]);
export type ReferenceUnit = z.infer<typeof ReferenceUnit>;

/** One thing the docs name, with the text that documents it (what a generated claim quotes). */
export const DocReference = z.object({
  kind: ReferenceKind,
  /**
   * `openclaw models auth login` (leading bare words: the CLI decides how many are subcommands),
   * `--force`, `gateway.auth.token`, `OPENCLAW_STATE_DIR`.
   */
  name: z.string(),
  /** For a flag: the command the page documents it for; for a config key, the config command given it. */
  command: z.string().optional(),
  /**
   * For a flag, how it was tied to its command: written with it (`openclaw doctor --fix`, a
   * block's command line), or only found in the command's section (an options list, a later
   * sentence), which is a reading of the page, not something the page writes. For a config key:
   * `with-command` when a `config get|set|unset` command is given it.
   */
  attribution: z.enum(["with-command", "section"]).optional(),
  page: z.string(),
  file: z.string(),
  line: z.number().int(),
  unit: ReferenceUnit,
  /** The sentence, list item, table row or command line that names it, as written. */
  text: z.string(),
  /** The source lines of the paragraph, list item or table row it stands in (a sentence's paragraph may hold others). */
  span: z.tuple([z.number().int(), z.number().int()]).optional(),
});
export type DocReference = z.infer<typeof DocReference>;

interface PageInput {
  page: string;
  file: string;
  /** The page parsed with GFM tables (option tables are where flags are documented). */
  tree: Root;
}

/** The page's own command: its H1 in inline code (`# \`openclaw doctor\``), else its path (cli/doctor/running.md). */
function pageCommand(page: string, tree: Root): string | undefined {
  const title = tree.children.find((node): node is Heading => node.type === "heading" && node.depth === 1);
  const named = title && inlineCodeOf(title).map(commandOf).find(Boolean);
  if (named) return named;
  const path = /^cli\/([a-z][a-z0-9-]*)(?:\/|\.mdx?$)/.exec(page);
  return path && path[1] !== "index" ? `openclaw ${path[1]}` : undefined;
}

const inlineCodeOf = (node: Parent): string[] =>
  (node.children as RootContent[]).flatMap((child) => (child.type === "inlineCode" ? [child.value] : "children" in child ? inlineCodeOf(child as Parent) : []));

/**
 * The command a heading names: `openclaw devices list`, or `agent exec` under a page about
 * `openclaw agent` (its first word is the page's command). A heading naming a flag names none.
 */
function headingCommand(heading: Heading, page: string | undefined): string | undefined {
  return inlineCodeOf(heading).flatMap((code) => commandsIn(code, page))[0];
}

/** A paragraph's text, and where a given inline code starts in it. */
function textWithOffset(paragraph: Parent, target: Nodes): { text: string; offset: number } {
  let text = "";
  let offset = 0;
  const walk = (node: Nodes) => {
    if (node === target) offset = text.length;
    if (node.type === "break") text += " ";
    else if ("value" in node && typeof node.value === "string" && node.type !== "html") text += node.value;
    else if ("children" in node) (node.children as Nodes[]).forEach(walk);
  };
  walk(paragraph as Nodes);
  return { text, offset };
}

/** The sentence of a text that holds the offset: ends at ., ! or ? before a space and a capital, a code span or a link. */
export function sentenceAt(text: string, offset: number): string {
  const ends = [...text.matchAll(/[.!?:](?=\s+[A-Z`*_("[])/g)].map((match) => match.index! + 1);
  const start = Math.max(0, ...ends.filter((end) => end <= offset));
  const end = Math.min(text.length, ...ends.filter((end) => end > offset));
  return text.slice(start, end).replace(/\s+/g, " ").trim();
}

/** The prose unit around an inline code: its table row, list item or sentence, as text. */
function unitOf(target: Nodes, ancestors: Parent[]): { unit: ReferenceUnit; text: string; block: Parent; span: [number, number] } | undefined {
  const spanOf = (node: Parent): [number, number] => [node.position?.start.line ?? 0, node.position?.end.line ?? 0];
  const row = ancestors.findLast((node) => node.type === "tableRow");
  if (row) return { unit: "table-row", text: (row.children as Parent[]).map((cell) => toString(cell).trim()).join(" | "), block: row, span: spanOf(row) };
  const index = ancestors.findLastIndex((node) => node.type === "paragraph");
  if (index < 0) return undefined;
  const paragraph = ancestors[index]!;
  const { text, offset } = textWithOffset(paragraph, target);
  if (ancestors[index - 1]?.type === "listItem") return { unit: "list-item", text: text.replace(/\s+/g, " ").trim(), block: paragraph, span: spanOf(paragraph) };
  const sentence = sentenceAt(text, offset);
  const labels = isLabel(sentence) && normaliseProse(text).endsWith(normaliseProse(sentence));
  return { unit: labels ? "label" : "sentence", text: sentence, block: paragraph, span: spanOf(paragraph) };
}

/**
 * The commands an inline code names: `openclaw gateway status`, or `gateway status` on a page
 * about `openclaw gateway` (alternatives too: `gateway uninstall|start`).
 */
function commandsIn(code: string, page: string | undefined): string[] {
  const full = commandOf(code);
  if (full) return [full];
  const top = page?.split(" ")[1];
  const [head, ...rest] = code.trim().split(/\s+/);
  if (!top || !head || rest.length === 0 || head !== top) return [];
  if (!rest[0]!.includes("|")) return [commandOf(`openclaw ${code.trim()}`)!];
  return rest[0]!.split("|").flatMap((word) => commandOf(`openclaw ${head} ${word}`) ?? []);
}

/**
 * Every command, flag, config key and environment variable a page names in its shell blocks and
 * in inline code of its prose, lists and tables, each with the text that documents it. Headings
 * name nothing (they promise nothing) but give the flags under them their command.
 */
export function pageReferences({ page, file, tree }: PageInput): DocReference[] {
  const references: DocReference[] = [];
  const seen = new Set<string>();
  const add = (reference: Omit<DocReference, "page" | "file">) => {
    const key = [reference.kind, reference.name, reference.command, reference.line, reference.text].join("\u0000");
    if (seen.has(key)) return;
    seen.add(key);
    references.push({ ...reference, page, file });
  };
  const ownCommand = pageCommand(page, tree);
  // Commands named by the headings above, innermost last.
  const headings: { depth: number; command: string | undefined }[] = [];
  const context = () => headings.findLast(({ command }) => command)?.command ?? ownCommand;
  // The last command named in each paragraph, list item or table row: a flag after it there is read as its flag.
  const lastInBlock = new WeakMap<Parent, string>();

  /** A command and the flags written with it (`written`: the command as written, to tell whether its words go on after a flag). */
  const addCommand = (command: string, flags: string[], line: number, unit: ReferenceUnit, text: string, written: string, span?: [number, number]) => {
    const where = { line, unit, text, ...(span ? { span } : {}) };
    add({ kind: "command", name: command, ...where });
    const attribution = wordsAfterFlags(written) ? "section" : "with-command";
    for (const flag of flags) add({ kind: "flag", name: flag, command, attribution, ...where });
    // The key a config command reads or writes is documented by the command itself.
    const key = configKeyArgument(written);
    if (key) add({ kind: "configKey", name: key, command, attribution: "with-command", ...where });
  };

  const walk = (node: Nodes, ancestors: Parent[]) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === "heading") {
      while (headings.length && headings.at(-1)!.depth >= node.depth) headings.pop();
      headings.push({ depth: node.depth, command: node.depth > 1 ? headingCommand(node, ownCommand) : undefined });
      return;
    }
    if (node.type === "code") {
      if (!isCommandBlock(node)) return;
      for (const { command, line: at } of blockCommands(node)) {
        // A pipeline or a list of commands: each `openclaw …` in it, with the flags up to the next one.
        for (const part of command.split(/\s*(?:&&|\|\||[|;])\s*/)) {
          const named = commandOf(part);
          if (named) addCommand(named, flagsIn(part), at, "code-block", command.split("\n")[0]!.trim(), part);
        }
      }
      return;
    }
    if (node.type === "inlineCode") {
      const where = unitOf(node, ancestors);
      if (!where) return;
      const subcommands = commandOf(node.value) ? [] : commandsIn(node.value, ownCommand);
      for (const command of subcommands) addCommand(command, flagsIn(node.value), line, where.unit, where.text, node.value, where.span);
      if (subcommands.length) lastInBlock.set(where.block, subcommands.at(-1)!);
      const named = namedBy(node.value);
      if (!named || subcommands.length) return;
      if (named.kind === "command") {
        addCommand(named.command, named.flags, line, where.unit, where.text, node.value, where.span);
        lastInBlock.set(where.block, named.command);
      } else if (named.kind === "flag") {
        const command = lastInBlock.get(where.block) ?? context();
        for (const flag of named.flags) add({ kind: "flag", name: flag, ...(command ? { command, attribution: "section" as const } : {}), line, unit: where.unit, text: where.text, span: where.span });
      } else {
        add({ kind: named.kind, name: named.kind === "configKey" ? named.key : named.name, line, unit: where.unit, text: where.text, span: where.span });
      }
      return;
    }
    if ("children" in node) for (const child of node.children as Nodes[]) walk(child, [...ancestors, node as Parent]);
  };
  walk(tree, []);
  return references;
}

/** Every reference on these pages of a docs tree, page by page. */
export const docReferences = (docsRoot: string, pages: string[]): DocReference[] =>
  pages.flatMap((page) => pageReferences(loadDocPage(docsRoot, page, "tables")));
