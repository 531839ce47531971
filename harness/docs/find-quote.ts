import { distance } from "fastest-levenshtein";
import { DocDriftError } from "./doc-drift.ts";
import { type DocPage, frontMatterOf, loadDocPage } from "./doc-page.ts";
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
  /** What the quote is when it is no sentence that promises anything: "a heading", … (see `promiseRefusal`). */
  notAPromise?: string;
}

const HEADING_LINE = /^\s{0,3}#{1,6}\s/;
/**
 * A JSX component's tag (<Tab title=…>, <Step …>) or an HTML element's, with its attributes; not
 * a placeholder such as `<profileId>`, which is prose.
 */
const TAG = /<\/?(?:[A-Z][\w.]*|a|br|div|span|img|p|details|summary|table|tr|td|th|sup|sub)(?:\s[^<>]*)?\/?>/g;

/** A <Card>'s text describes the page it links to; it promises nothing of its own. */
const CARD_OPEN = /<Card[\s>]/;
const CARD_CLOSE = /<\/Card>|<Card\b[^>]*\/>/;

/** The page as prose alone: no front matter, headings, cards or tags (so no <Tab>/<Step>/<Accordion> titles). */
function proseOnly(doc: DocPage): string {
  const frontEnd = frontMatterOf(doc)?.endLine ?? 0;
  let inCard = false;
  return doc.source
    .split("\n")
    .map((line, index) => {
      if (index < frontEnd) return "";
      if (CARD_OPEN.test(line)) inCard = true;
      const kept = inCard || HEADING_LINE.test(line) ? "" : normaliseProse(line.replace(TAG, " "));
      if (CARD_CLOSE.test(line)) inCard = false;
      return kept;
    })
    .filter(Boolean)
    .join(" ");
}

/** A label introduces what follows it (a block, a list) and ends in ":"; it promises nothing itself. */
export const isLabel = (text: string): boolean => normaliseProse(text).endsWith(":");

/**
 * Why a quote found on the page promises nothing, or undefined when it is a sentence of its prose.
 * A heading, a tab, step or accordion title, the front matter or a label that ends in ":" cannot
 * be broken by what a command does, so a claim must quote the sentence under it.
 */
export function promiseRefusal(doc: DocPage, quote: string): string | undefined {
  const wanted = normaliseProse(quote);
  const prose = proseOnly(doc);
  const at = prose.indexOf(wanted);
  // A label that introduces a block ("Or pass the key directly:"), quoted with or without its colon.
  if (isLabel(wanted) || (at >= 0 && prose[at + wanted.length] === ":")) return 'a label ending in ":"';
  if (at >= 0) return undefined;
  if (doc.source.split("\n").some((line) => HEADING_LINE.test(line) && normaliseProse(line).includes(wanted))) return "a heading";
  const front = frontMatterOf(doc);
  if (front && normaliseProse(front.text).includes(wanted)) return "the page's front matter";
  return "a tab, step, accordion or card title, or a card's blurb";
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
  const located = (page: DocPage, line: number, movedFrom?: string): QuoteLocation => {
    const refusal = promiseRefusal(page, quote);
    return { file: page.file, line, ...(movedFrom ? { movedFrom } : {}), ...(refusal ? { notAPromise: refusal } : {}) };
  };
  const line = lineOfQuote(doc, quote);
  if (line !== undefined) return located(doc, line);
  const searched: string[] = [];
  for (const move of anchorStubs(docsRoot, doc)) {
    if (searched.includes(move.page)) continue;
    searched.push(move.page);
    const target = loadDocPage(docsRoot, move.page);
    const movedLine = lineOfQuote(target, quote);
    if (movedLine !== undefined) return located(target, movedLine, move.stub);
  }
  const alsoSearched = searched.length ? ` (nor where its anchor stubs point: ${searched.map((moved) => `docs/${moved}`).join(", ")})` : "";
  const near = nearestLineOf(doc, quote);
  throw new DocDriftError(`the quote is no longer in ${doc.file}${alsoSearched}: "${quote}"`, [], { file: doc.file, ...(near ? { line: near } : {}) });
}
