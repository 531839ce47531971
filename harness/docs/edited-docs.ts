import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { docPagesUnder } from "./doc-page.ts";

/** A docs tree given with --docs, and how its pages differ from one version's packaged docs. */
export const EditedDocs = z.object({
  /** The tree, as resolved (the docs folder of a checkout). */
  dir: z.string(),
  /** Pages (paths under docs/) whose text differs, that only the tree has, and that only the package has. */
  changed: z.array(z.string()),
  added: z.array(z.string()),
  removed: z.array(z.string()),
});
export type EditedDocs = z.infer<typeof EditedDocs>;

const pagesOf = (root: string) => new Set(docPagesUnder(root));

/** How the tree at `dir` differs from the package's docs at `packaged`: what a reader of the run must know was under test. */
export function editedDocs(dir: string, packaged: string): EditedDocs {
  const ours = pagesOf(dir);
  const theirs = pagesOf(packaged);
  const changed = [...ours].filter((page) => theirs.has(page) && readFileSync(join(dir, page), "utf8") !== readFileSync(join(packaged, page), "utf8"));
  return { dir, changed: changed.sort(), added: [...ours].filter((page) => !theirs.has(page)).sort(), removed: [...theirs].filter((page) => !ours.has(page)).sort() };
}

/** "docs: DIR (2 pages differ from the package's: a.md, b.md; 1 added)", for summaries. */
export function describeEditedDocs(docs: EditedDocs): string {
  const parts = [
    docs.changed.length && `${docs.changed.length} page(s) differ from the package's: ${docs.changed.slice(0, 5).join(", ")}${docs.changed.length > 5 ? ", …" : ""}`,
    docs.added.length && `${docs.added.length} added`,
    docs.removed.length && `${docs.removed.length} removed`,
  ].filter(Boolean);
  return `docs: ${docs.dir} (${parts.join("; ") || "the same pages as the package's"})`;
}
