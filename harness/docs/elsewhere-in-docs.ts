import { readFileSync } from "node:fs";
import { join } from "node:path";
import { docPagesUnder } from "./doc-page.ts";

/**
 * Where else in the docs a title stands (as a Tab/Step title or a heading): the first place to
 * look when a step has moved. A plain text scan, run only once a locator has already failed.
 */
export function elsewhereInDocs(docsRoot: string, title: string): string[] {
  const wanted = [`title="${title}"`, `# ${title}`];
  const found: string[] = [];
  for (const page of docPagesUnder(docsRoot)) {
    readFileSync(join(docsRoot, page), "utf8")
      .split("\n")
      .forEach((line, index) => {
        if (wanted.some((text) => line.includes(text))) found.push(`docs/${page}:${index + 1}`);
      });
  }
  return found;
}
