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
 * Every such stub on a page, with the anchor it keeps and where its content went.
 */
export function anchorStubs(docsRoot: string, doc: DocPage): (DocMove & { anchor: string })[] {
  const stubs: (DocMove & { anchor: string })[] = [];
  visit(doc.tree, "mdxJsxTextElement", (element: MdxJsxTextElement, index, parent: Parent | undefined) => {
    const anchor = jsxAttribute(element, "id");
    if (element.name !== "a" || !anchor || !parent || index === undefined) return;
    const link = parent.children.slice(index + 1).find((sibling): sibling is Link => sibling.type === "link");
    const page = link && pageOfSitePath(docsRoot, link.url);
    if (page) stubs.push({ anchor, stub: `${doc.file}:${element.position?.start.line}`, page });
  });
  return stubs;
}

const entities: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'" };

/**
 * An anchor as the title it was made from would slug: stubs keep some anchors percent-encoded
 * (`gateway-call-%3Cmethod%3E`) or HTML-escaped (`gateway-call-&lt;method&gt;`).
 */
function anchorSlug(anchor: string): string {
  let decoded = anchor;
  try {
    decoded = decodeURIComponent(anchor);
  } catch {
    // Not percent-encoded after all: compare it as written.
  }
  return slug(decoded.replace(/&(lt|gt|amp|quot|#39);/g, (entity) => entities[entity]!));
}

/** Where the content under a title went, if the page keeps a stub for it. */
export function followMove(docsRoot: string, doc: DocPage, title: string): DocMove | undefined {
  const move = anchorStubs(docsRoot, doc).find((stub) => stub.anchor === slug(title) || anchorSlug(stub.anchor) === slug(title));
  return move && { stub: move.stub, page: move.page };
}
