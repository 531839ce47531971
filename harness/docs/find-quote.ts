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
  // The page as one normalised string (a quote may wrap across source lines), remembering
  // where each source line starts in it.
  let text = "";
  const lineStarts: number[] = [];
  for (const line of doc.source.split("\n")) {
    lineStarts.push(text.length);
    const prose = normaliseProse(line);
    if (prose) text += `${prose} `;
  }
  const at = text.indexOf(normaliseProse(quote));
  if (at < 0) throw new DocDriftError(`the quote is no longer in ${doc.file}: "${quote}"`);
  return { file: doc.file, line: lineStarts.findLastIndex((start) => start <= at) + 1 };
}
