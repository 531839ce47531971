import { globSync } from "node:fs";
import { type BlockCommand, blockCommands } from "../docs/block-commands.ts";
import { loadDocPage } from "../docs/doc-page.ts";
import { commandBlocks, scopeOf } from "../docs/doc-nodes.ts";

/** One block of commands of the docs, as coverage counts it. */
export interface DocBlock {
  /** Page under docs/, e.g. cli/gateway.md. */
  page: string;
  /** As reported to people: docs/<page>. */
  file: string;
  /** The fence line. */
  line: number;
  lang: string;
  commands: BlockCommand[];
}

/** The pages of a docs tree that the globs name, sorted, each once. */
export function pagesMatching(docsRoot: string, globs: string[]): string[] {
  return [...new Set(globs.flatMap((glob) => globSync(glob, { cwd: docsRoot })))].filter((page) => /\.mdx?$/.test(page)).sort();
}

/** Every block of commands on these pages, in page order (a block of comments alone holds none). */
export function docBlocks(docsRoot: string, pages: string[]): DocBlock[] {
  return pages.flatMap((page) => {
    const doc = loadDocPage(docsRoot, page);
    return commandBlocks(scopeOf(doc.tree)).map((block) => ({
      page,
      file: doc.file,
      line: block.position?.start.line ?? 0,
      lang: block.lang ?? "",
      commands: blockCommands(block),
    })).filter((block) => block.commands.length > 0);
  });
}
