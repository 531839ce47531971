import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { describeEditedDocs, editedDocs } from "../../harness/docs/edited-docs.ts";

const work = mkdtempSync(join(tmpdir(), "ocf-edited-docs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(name: string, pages: Record<string, string>): string {
  const root = join(work, name);
  for (const [page, text] of Object.entries(pages)) {
    mkdirSync(join(root, page, ".."), { recursive: true });
    writeFileSync(join(root, page), text);
  }
  return root;
}

test("an edited tree against the package's docs: pages changed, added and removed; other files are not pages", () => {
  const packaged = tree("packaged", { "start/a.md": "A", "cli/b.md": "B", "gone.mdx": "G", "img/x.png": "1" });
  const edited = tree("edited", { "start/a.md": "A", "cli/b.md": "B, edited", "new.md": "N", "img/x.png": "2" });
  const docs = editedDocs(edited, packaged);
  expect(docs).toEqual({ dir: edited, changed: ["cli/b.md"], added: ["new.md"], removed: ["gone.mdx"] });
  expect(describeEditedDocs(docs)).toBe(`docs: ${edited} (1 page(s) differ from the package's: cli/b.md; 1 added; 1 removed)`);
  expect(describeEditedDocs(editedDocs(packaged, packaged))).toBe(`docs: ${packaged} (the same pages as the package's)`);
});
