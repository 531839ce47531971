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
  /** Titles of the <Accordion>s the block stands in, outermost first (a FAQ's question, say). */
  accordions: string[];
  /** The text of the nearest heading above it ("" before the first). */
  heading: string;
  commands: BlockCommand[];
}

interface Enclosing {
  tabs: string[];
  accordions: string[];
}

interface PlacedCode extends Enclosing {
  code: Code;
  heading: string;
}

/** The titles around a child element: a <Tab> or an <Accordion> adds its own. */
function enclosing(child: RootContent, around: Enclosing): Enclosing {
  const title = (kind: "Tab" | "Accordion") => (isJsxElement(child, kind) ? jsxAttribute(child, "title") : undefined);
  const tab = title("Tab");
  const accordion = title("Accordion");
  return { tabs: tab ? [...around.tabs, tab] : around.tabs, accordions: accordion ? [...around.accordions, accordion] : around.accordions };
}

/** Every code block of a page, in page order, with the titles of the tabs and accordions around it and its heading. */
function placedCode(parent: Parent, around: Enclosing = { tabs: [], accordions: [] }, place = { heading: "" }): PlacedCode[] {
  return (parent.children as RootContent[]).flatMap((child) => {
    if (child.type === "heading") place.heading = toString(child);
    if (child.type === "code") return [{ code: child, ...around, heading: place.heading }];
    if (!("children" in child)) return [];
    return placedCode(child as Parent, enclosing(child, around), place);
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
      .map(({ code, tabs, accordions, heading }) => ({ page, file: doc.file, line: code.position?.start.line ?? 0, lang: code.lang ?? "", tabs, accordions, heading, commands: blockCommands(code) }))
      .filter((block) => block.commands.length > 0);
  });
}
