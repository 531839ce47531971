import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { DocDriftError, DocsMissingError } from "./doc-drift.ts";

/** Every Markdown page under a docs root, as paths under it (providers/openai.md). */
export const docPagesUnder = (docsRoot: string): string[] => readdirSync(docsRoot, { recursive: true, encoding: "utf8" }).filter((page) => /\.mdx?$/.test(page));

export interface DocPage {
  /** Path relative to the docs root, e.g. providers/openai.md. */
  page: string;
  /** Path as reported to people: docs/<page>. */
  file: string;
  source: string;
  tree: Root;
}

// The front matter is the page's YAML metadata (title, summary, read_when), not prose: parsed as
// such, it names nothing and holds no sentence a claim could quote (find-quote.ts refuses it too).
const parsers = {
  plain: unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx),
  // GFM tables: where option lists live. Locators keep the plain parse their quotes were written against.
  tables: unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx),
};
const cache = new Map<string, DocPage>();

/** The page's front matter as the parse found it: its YAML text and the line its closing fence stands on. */
export function frontMatterOf(page: DocPage): { text: string; endLine: number } | undefined {
  const first = page.tree.children[0];
  return first?.type === "yaml" ? { text: first.value, endLine: first.position?.end.line ?? 0 } : undefined;
}

/** Reads and parses one page of the docs shipped in the OpenClaw package under test. */
export function loadDocPage(docsRoot: string, page: string, parse: keyof typeof parsers = "plain"): DocPage {
  const path = join(docsRoot, page);
  const cacheKey = `${parse}:${path}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  if (!existsSync(docsRoot)) throw new DocsMissingError(`no docs folder at ${docsRoot}`);
  if (!existsSync(path)) throw new DocDriftError(`docs page ${page} does not exist in this version`, [], { file: `docs/${page}` });
  const source = readFileSync(path, "utf8");
  const loaded = { page, file: `docs/${page}`, source, tree: parsers[parse].parse(source) };
  cache.set(cacheKey, loaded);
  return loaded;
}
