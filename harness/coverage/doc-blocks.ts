import { globSync } from "node:fs";
import { type BlockCommand, blockCommands } from "../docs/block-commands.ts";
import { loadDocPage } from "../docs/doc-page.ts";
import type { Code, Parent, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { isCommandBlock, isJsxElement, jsxAttribute } from "../docs/doc-nodes.ts";

/** One block of commands of the docs, as coverage counts it. */
export interface DocBlock {
  /** Page under docs/, e.g. cli/gateway.md. */
  page: string;
  /** As reported to people: docs/<page>. */
  file: string;
  /** The fence line. */
  line: number;
  lang: string;
  /** Titles of the <Tab>s the block stands in, outermost first (a platform's tab, say). */
  tabs: string[];
  /** The text of the nearest heading above it ("" before the first). */
  heading: string;
  commands: BlockCommand[];
}

interface PlacedCode {
  code: Code;
  tabs: string[];
  heading: string;
}

/** Every code block of a page, in page order, with the titles of the tabs around it and its heading. */
function placedCode(parent: Parent, tabs: string[] = [], place = { heading: "" }): PlacedCode[] {
  return (parent.children as RootContent[]).flatMap((child) => {
    if (child.type === "heading") place.heading = toString(child);
    if (child.type === "code") return [{ code: child, tabs, heading: place.heading }];
    if (!("children" in child)) return [];
    const title = isJsxElement(child, "Tab") ? jsxAttribute(child, "title") : undefined;
    return placedCode(child as Parent, title ? [...tabs, title] : tabs, place);
  });
}

/** The pages of a docs tree that the globs name, sorted, each once. */
export function pagesMatching(docsRoot: string, globs: string[]): string[] {
  return [...new Set(globs.flatMap((glob) => globSync(glob, { cwd: docsRoot })))].filter((page) => /\.mdx?$/.test(page)).sort();
}

/** Every block of commands on these pages, in page order (a block of comments alone holds none). */
export function docBlocks(docsRoot: string, pages: string[]): DocBlock[] {
  return pages.flatMap((page) => {
    const doc = loadDocPage(docsRoot, page);
    return placedCode(doc.tree)
      .filter(({ code }) => isCommandBlock(code))
      .map(({ code, tabs, heading }) => ({ page, file: doc.file, line: code.position?.start.line ?? 0, lang: code.lang ?? "", tabs, heading, commands: blockCommands(code) }))
      .filter((block) => block.commands.length > 0);
  });
}
