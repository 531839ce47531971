import type { Code, Parent, RootContent } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { DocDriftError } from "./doc-drift.ts";
import { loadDocPage } from "./doc-page.ts";

export interface CommandLocator {
  page: string;
  /** Title of a `<Tab title>`. */
  tab?: string;
  /** Title of a `<Step title>`. */
  step?: string;
  /** 1-based index of the shell code block inside the tab/step. */
  block: number;
  /** 1-based line of a multi-command block; required when the block has more than one command. */
  line?: number;
}

export interface LocatedCommand {
  command: string;
  file: string;
  line: number;
}

const shellLanguages = new Set(["bash", "sh", "shell", "console", "zsh"]);

function jsxChildren(parent: Parent, name: string): MdxJsxFlowElement[] {
  const found: MdxJsxFlowElement[] = [];
  const walk = (node: Parent) => {
    for (const child of node.children as RootContent[]) {
      if (child.type === "mdxJsxFlowElement" && child.name === name) found.push(child);
      else if ("children" in child) walk(child as Parent);
    }
  };
  walk(parent);
  return found;
}

const titleOf = (element: MdxJsxFlowElement) =>
  element.attributes.find((attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === "title")?.value as string | undefined;

function descend(parent: Parent, element: "Tab" | "Step", title: string, where: string): Parent {
  const candidates = jsxChildren(parent, element);
  const match = candidates.find((candidate) => titleOf(candidate) === title);
  if (!match) throw new DocDriftError(`no <${element} title="${title}"> ${where}`, candidates.map((c) => titleOf(c) ?? "(untitled)"));
  return match;
}

function shellBlocks(parent: Parent): Code[] {
  const blocks: Code[] = [];
  const walk = (node: Parent) => {
    for (const child of node.children as RootContent[]) {
      if (child.type === "code" && shellLanguages.has(child.lang ?? "")) blocks.push(child);
      else if ("children" in child) walk(child as Parent);
    }
  };
  walk(parent);
  return blocks;
}

/** Commands in a block: one per line, backslash continuations joined, comments dropped. */
export function splitCommands(block: string): string[] {
  return block
    .replace(/\s*\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}

/** Resolves a locator to the exact command text of this version's docs, with file:line. */
export function locateCommand(docsRoot: string, locator: CommandLocator): LocatedCommand {
  const doc = loadDocPage(docsRoot, locator.page);
  let container: Parent = doc.tree;
  let where = `in ${doc.file}`;
  if (locator.tab) {
    container = descend(container, "Tab", locator.tab, where);
    where = `in tab "${locator.tab}" of ${doc.file}`;
  }
  if (locator.step) {
    container = descend(container, "Step", locator.step, where);
    where = `in step "${locator.step}" of ${doc.file}`;
  }
  const blocks = shellBlocks(container);
  const block = blocks[locator.block - 1];
  if (!block) {
    throw new DocDriftError(`no shell block #${locator.block} ${where}`, blocks.map((b) => b.value.split("\n")[0] ?? ""));
  }
  const commands = splitCommands(block.value);
  const index = (locator.line ?? 1) - 1;
  if (commands.length > 1 && locator.line === undefined) {
    throw new DocDriftError(`shell block #${locator.block} ${where} holds ${commands.length} commands; say which with line:`, commands);
  }
  const command = commands[index];
  if (!command) throw new DocDriftError(`shell block #${locator.block} ${where} has no command #${index + 1}`, commands);
  // The fence line is the block's first line; its commands start on the next.
  return { command, file: doc.file, line: (block.position?.start.line ?? 0) + 1 + index };
}
