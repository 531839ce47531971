import { DocDriftError } from "./doc-drift.ts";
import { loadDocPage } from "./doc-page.ts";

/** Prose as a reader sees it: MDX/markdown emphasis and code ticks dropped, whitespace folded. */
export function normaliseProse(text: string): string {
  return text.replace(/[`*_]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * Finds a quoted sentence in a page of this version's docs and returns its line. A quote that is
 * no longer there means the promise changed: doc drift.
 */
export function findQuote(docsRoot: string, page: string, quote: string): { file: string; line: number } {
  const doc = loadDocPage(docsRoot, page);
  const wanted = normaliseProse(quote);
  const lines = doc.source.split("\n");
  // Try every starting line: a quote may wrap across lines in the source.
  for (let start = 0; start < lines.length; start++) {
    let window = "";
    for (let end = start; end < Math.min(lines.length, start + 12); end++) {
      window = normaliseProse(`${window} ${lines[end]}`);
      if (window.includes(wanted)) return { file: doc.file, line: start + 1 + countLeadingMisses(lines, start, wanted) };
      if (window.length > wanted.length * 3 + 200) break;
    }
  }
  throw new DocDriftError(`the quote is no longer in ${doc.file}: "${quote}"`);
}

/** Skips lines at the window's start that the quote does not begin in. */
function countLeadingMisses(lines: string[], start: number, wanted: string): number {
  let skipped = 0;
  while (start + skipped + 1 < lines.length) {
    const rest = normaliseProse(lines.slice(start + skipped + 1, start + skipped + 13).join(" "));
    if (!rest.includes(wanted)) break;
    skipped++;
  }
  return skipped;
}
