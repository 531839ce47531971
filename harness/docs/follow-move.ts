import { existsSync } from "node:fs";
import { join } from "node:path";
import { slug } from "github-slugger";
import type { Link, Parent } from "mdast";
import type { MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { visit } from "unist-util-visit";
import type { DocPage } from "./doc-page.ts";
import { jsxAttribute } from "./doc-nodes.ts";

export interface DocMove {
  /** The anchor stub left behind, as file:line. */
  stub: string;
  /** The page the content moved to, relative to the docs root. */
  page: string;
}

/** A site path such as /providers/openai/setup, as a page under the docs root. */
function pageOfSitePath(docsRoot: string, sitePath: string): string | undefined {
  const base = sitePath.replace(/^\//, "").replace(/#.*$/, "");
  return [`${base}.md`, `${base}.mdx`, `${base}/index.md`, `${base}/index.mdx`].find((page) => existsSync(join(docsRoot, page)));
}

/**
 * When a page is split, OpenClaw's docs keep an anchor stub per old heading or step on the old
 * page: `<a id="codex-subscription" />[Codex subscription](/providers/openai/setup#codex-subscription)`.
 * Finds the stub for a title and returns where its content went.
 */
export function followMove(docsRoot: string, doc: DocPage, title: string): DocMove | undefined {
  const anchor = slug(title);
  let move: DocMove | undefined;
  visit(doc.tree, "mdxJsxTextElement", (element: MdxJsxTextElement, index, parent: Parent | undefined) => {
    if (move || element.name !== "a" || jsxAttribute(element, "id") !== anchor || !parent || index === undefined) return;
    const link = parent.children.slice(index + 1).find((sibling): sibling is Link => sibling.type === "link");
    const page = link && pageOfSitePath(docsRoot, link.url);
    if (page) move = { stub: `${doc.file}:${element.position?.start.line}`, page };
  });
  return move;
}
