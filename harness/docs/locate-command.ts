import type { Heading } from "mdast";
import { DocDriftError } from "./doc-drift.ts";
import { blockCommands } from "./block-commands.ts";
import { type DocPage, loadDocPage } from "./doc-page.ts";
import { type Scope, configBlocks, headingText, isJsxElement, jsxAttribute, scopeOf, sectionOf, shellBlocks } from "./doc-nodes.ts";
import { type DocMove, followMove } from "./follow-move.ts";
import { nearest } from "../util/nearest.ts";
import { elsewhereInDocs } from "./elsewhere-in-docs.ts";

export interface CommandLocator {
  page: string;
  /** Title of a `<Tab title>`. */
  tab?: string;
  /** Title of a `<Step title>`. */
  step?: string;
  /** Title of an `<Accordion title>` (a collapsed example, say). */
  accordion?: string;
  /** Heading texts, outermost first, each inside the section of the one before. */
  heading?: string[];
  /** 1-based index of the shell code block inside the narrowed part of the page. */
  block: number;
  /** 1-based line of a multi-command block, or "all" of it; required when the block has more than one command. */
  line?: number | "all";
}

export interface LocatedCommand {
  command: string;
  file: string;
  line: number;
  /** The lines of every command it holds (more than one for a whole block). */
  lines: number[];
  /** Set when the locator's page only holds an anchor stub and the step was found where it points. */
  moved?: DocMove;
}

interface Level {
  kind: "Tab" | "Step" | "Accordion" | "heading";
  title: string;
  titles: (scope: Scope) => string[];
  narrow: (scope: Scope) => Scope | undefined;
}

function jsxLevel(kind: "Tab" | "Step" | "Accordion", title: string): Level {
  const elements = (scope: Scope) => scope.filter((node) => isJsxElement(node, kind)) as Parameters<typeof jsxAttribute>[0][];
  return {
    kind,
    title,
    titles: (scope) => elements(scope).map((element) => jsxAttribute(element, "title") ?? "(untitled)"),
    narrow: (scope) => {
      const element = scope.find((node) => isJsxElement(node, kind) && jsxAttribute(node, "title") === title);
      return element && "children" in element ? scopeOf(element) : undefined;
    },
  };
}

function headingLevel(title: string): Level {
  const headings = (scope: Scope) => scope.filter((node): node is Heading => node.type === "heading");
  return {
    kind: "heading",
    title,
    titles: (scope) => headings(scope).map(headingText),
    narrow: (scope) => {
      const heading = headings(scope).find((candidate) => headingText(candidate) === title);
      return heading && sectionOf(scope, heading);
    },
  };
}

const describe = (level: Level) => (level.kind === "heading" ? `heading "${level.title}"` : `<${level.kind} title="${level.title}">`);

function levelsOf(locator: Pick<CommandLocator, "tab" | "step" | "accordion" | "heading">): Level[] {
  return [
    ...(locator.tab ? [jsxLevel("Tab", locator.tab)] : []),
    ...(locator.step ? [jsxLevel("Step", locator.step)] : []),
    ...(locator.heading ?? []).map(headingLevel),
    ...(locator.accordion ? [jsxLevel("Accordion", locator.accordion)] : []),
  ];
}

/** The part of a page a locator names, on the page it really stands on after any move. */
interface LocatedScope {
  scope: Scope;
  where: string;
  doc: DocPage;
  moved?: DocMove;
}

/**
 * Narrows a page to the tab, step and headings a locator names. A part that moved to another
 * page behind an anchor stub is followed and reported as a move; one that is gone is doc drift,
 * with the nearest titles on the page and wherever else the title stands.
 */
function locateScope(docsRoot: string, doc: DocPage, locator: Omit<CommandLocator, "block" | "line">, moved?: DocMove): LocatedScope {
  let scope = scopeOf(doc.tree);
  let where = `in ${doc.file}`;
  for (const level of levelsOf(locator)) {
    const narrowed = level.narrow(scope);
    if (!narrowed) {
      const move = moved ? undefined : followMove(docsRoot, doc, level.title);
      if (move) return locateScope(docsRoot, loadDocPage(docsRoot, move.page), locator, move);
      const elsewhere = elsewhereInDocs(docsRoot, level.title).filter((place) => !place.startsWith(`${doc.file}:`));
      const hint = elsewhere.length ? `; the title stands elsewhere: ${elsewhere.slice(0, 3).join(", ")}` : "";
      throw new DocDriftError(`no ${describe(level)} ${where}${hint}`, nearest(level.title, level.titles(scope)), { file: doc.file });
    }
    scope = narrowed;
    where = `in ${describe(level)} of ${doc.file}`;
  }
  return { scope, where, doc, ...(moved ? { moved } : {}) };
}

/** Resolves a locator to the exact command text of this version's docs, with file:line. */
export function locateCommand(docsRoot: string, locator: CommandLocator): LocatedCommand {
  const { scope, where, doc, moved } = locateScope(docsRoot, loadDocPage(docsRoot, locator.page), locator);
  const blocks = shellBlocks(scope);
  const block = blocks[locator.block - 1];
  if (!block) throw new DocDriftError(`no shell block #${locator.block} ${where}`, blocks.map((b) => b.value.split("\n")[0] ?? ""), { file: doc.file });
  const commands = blockCommands(block);
  const texts = commands.map(({ command }) => command);
  if (commands.length > 1 && locator.line === undefined) {
    throw new DocDriftError(`shell block #${locator.block} ${where} holds ${commands.length} commands; say which with line:`, texts, { file: doc.file, line: commands[0]!.line });
  }
  if (locator.line === "all") {
    // The block as a person pastes it: its commands in order, in one shell.
    return { command: texts.join("\n"), file: doc.file, line: commands[0]!.line, lines: commands.map(({ line }) => line), ...(moved ? { moved } : {}) };
  }
  const index = (locator.line ?? 1) - 1;
  const found = commands[index];
  if (!found) throw new DocDriftError(`shell block #${locator.block} ${where} has no command #${index + 1}`, texts, { file: doc.file, ...(commands[0] ? { line: commands[0].line } : {}) });
  return { command: found.command, file: doc.file, line: found.line, lines: [found.line], ...(moved ? { moved } : {}) };
}

/** A config example of the docs (a JSON5, JSON or YAML block), whole, with file:line of its first line. */
export interface LocatedConfig {
  text: string;
  file: string;
  line: number;
  moved?: DocMove;
}

/** Resolves a locator whose `block` counts the config examples (not the shell blocks) of that part of the page. */
export function locateConfigExample(docsRoot: string, locator: Omit<CommandLocator, "line">): LocatedConfig {
  const { scope, where, doc, moved } = locateScope(docsRoot, loadDocPage(docsRoot, locator.page), locator);
  const blocks = configBlocks(scope);
  const block = blocks[locator.block - 1];
  if (!block) throw new DocDriftError(`no config example #${locator.block} ${where}`, blocks.map((b) => b.value.split("\n")[0] ?? ""), { file: doc.file });
  return { text: `${block.value}\n`, file: doc.file, line: (block.position?.start.line ?? 0) + 1, ...(moved ? { moved } : {}) };
}
