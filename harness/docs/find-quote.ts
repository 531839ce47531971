import { distance } from "fastest-levenshtein";
import { DocDriftError } from "./doc-drift.ts";
import { type DocPage, loadDocPage } from "./doc-page.ts";
import { anchorStubs } from "./follow-move.ts";

/** Prose as a reader sees it: MDX/markdown emphasis and code ticks dropped, whitespace folded. */
export function normaliseProse(text: string): string {
  return text.replace(/[`*_]/g, "").replace(/\s+/g, " ").trim();
}

export interface QuoteLocation {
  file: string;
  line: number;
  /** The anchor stub followed when the sentence moved to another page with its section. */
  movedFrom?: string;
}

function lineOfQuote(doc: DocPage, quote: string): number | undefined {
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
  return at < 0 ? undefined : lineStarts.findLastIndex((start) => start <= at) + 1;
}

/**
 * Where a quote that is gone most likely stood: the source line starting the stretch of prose
 * (as long as the quote) nearest to it, so a pull request's reviewer sees the reworded sentence.
 */
function nearestLineOf(doc: DocPage, quote: string): number | undefined {
  const wanted = normaliseProse(quote).toLowerCase();
  const lines = doc.source.split("\n").map((line) => normaliseProse(line).toLowerCase());
  let best: { line: number; distance: number } | undefined;
  lines.forEach((prose, index) => {
    if (!prose) return;
    let stretch = prose;
    for (let next = index + 1; stretch.length < wanted.length && next < lines.length; next++) if (lines[next]) stretch += ` ${lines[next]}`;
    const far = distance(wanted, stretch.slice(0, wanted.length));
    if (!best || far < best.distance) best = { line: index + 1, distance: far };
  });
  return best?.line;
}

/**
 * Finds a quoted sentence in a page of this version's docs and returns its line. When the page
 * was split, the pages its anchor stubs point to are searched too, and the move is reported.
 * A quote that is nowhere there means the promise changed: doc drift.
 */
export function findQuote(docsRoot: string, page: string, quote: string): QuoteLocation {
  const doc = loadDocPage(docsRoot, page);
  const line = lineOfQuote(doc, quote);
  if (line !== undefined) return { file: doc.file, line };
  const searched: string[] = [];
  for (const move of anchorStubs(docsRoot, doc)) {
    if (searched.includes(move.page)) continue;
    searched.push(move.page);
    const target = loadDocPage(docsRoot, move.page);
    const movedLine = lineOfQuote(target, quote);
    if (movedLine !== undefined) return { file: target.file, line: movedLine, movedFrom: move.stub };
  }
  const alsoSearched = searched.length ? ` (nor where its anchor stubs point: ${searched.map((moved) => `docs/${moved}`).join(", ")})` : "";
  const near = nearestLineOf(doc, quote);
  throw new DocDriftError(`the quote is no longer in ${doc.file}${alsoSearched}: "${quote}"`, [], { file: doc.file, ...(near ? { line: near } : {}) });
}
