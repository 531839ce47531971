import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDocsOfVersion } from "../../harness/docs/docs-package.ts";

/**
 * A doc edit as a writer makes it in a checkout: a copy of a version's packaged docs under a
 * fresh folder's docs/, with one page rewritten. Returns the folder (the caller removes it).
 */
export async function editedDocsCheckout(version: string, page: string, edit: (text: string) => string): Promise<string> {
  const checkout = mkdtempSync(join(tmpdir(), "ocf-docs-edit-"));
  cpSync(await ensureDocsOfVersion(version), join(checkout, "docs"), { recursive: true });
  const file = join(checkout, "docs", page);
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return checkout;
}
