import { matchesGlob } from "node:path";
import semver from "semver";
import { normaliseProse } from "../docs/find-quote.ts";
import type { DocReference, ReferenceUnit } from "../docs/references.ts";
import type { PromiseExclusion } from "./schema.ts";
import { PromiseStatus } from "./status.ts";

/** A claim's quote where it resolved on this version: what judges a promise by its effect. */
export interface QuotedClaim {
  scenario: string;
  claim: string;
  file: string;
  line: number;
  quote: string;
}

/** One name a promise gives in inline code, and whether a reference suite checks that it exists. */
export interface PromiseName {
  kind: DocReference["kind"];
  name: string;
  command?: string;
  referenceChecked: boolean;
}

/** One promise of the docs and what answers for it. */
export interface PromiseCoverage {
  page: string;
  file: string;
  line: number;
  unit: Exclude<ReferenceUnit, "code-block" | "label">;
  text: string;
  names: PromiseName[];
  status: PromiseStatus;
  /** The claims that judge it by effect, `scenario/claim`. */
  claims: string[];
  exclusion?: Pick<PromiseExclusion, "kind" | "platform" | "why" | "runnableWhen"> & { index: number };
}

export type PromiseTotals = Record<PromiseStatus, number> & {
  promises: number;
  /** effect ÷ promises, in percent. */
  percentEffect: number;
};

/** Promise coverage of one version: every promise of its page set, with totals per page. */
export interface VersionPromises {
  openclaw: string;
  promises: PromiseCoverage[];
  pages: ({ page: string } & PromiseTotals)[];
  totals: PromiseTotals;
  /** Promise exclusions (by index) that match a promise a claim judges by effect: remove them. */
  staleExclusions: number[];
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);

/** Prose as compared: a link's text without its target, emphasis and ticks dropped. */
const comparable = (text: string) => normaliseProse(text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")).toLowerCase();

/** A promise as the docs give it, before anything answers for it; `span`: the source lines of its paragraph, list item or row. */
export type DocPromise = Omit<PromiseCoverage, "status" | "claims" | "exclusion"> & { span: [number, number] };

/**
 * The promises of the page set: the prose units that name something, each once, with its names.
 * A label that introduces a block or list ("Set X in the environment …:") promises nothing, as a
 * claim may not quote one (find-quote.ts); what it introduces answers for it.
 */
export function promisesOf(references: DocReference[], isReferenceChecked: (reference: DocReference) => boolean): DocPromise[] {
  const units = new Map<string, DocPromise>();
  for (const reference of references) {
    if (reference.unit === "code-block" || reference.unit === "label") continue;
    const span = reference.span ?? [reference.line, reference.line];
    const key = `${reference.file}\u0000${span[0]}\u0000${reference.text}`;
    const unit = units.get(key) ?? { page: reference.page, file: reference.file, line: span[0], span, unit: reference.unit, text: reference.text, names: [] };
    const checked = isReferenceChecked(reference);
    const known = unit.names.find((name) => name.kind === reference.kind && name.name === reference.name && name.command === reference.command);
    if (known) known.referenceChecked ||= checked;
    else unit.names.push({ kind: reference.kind, name: reference.name, ...(reference.command ? { command: reference.command } : {}), referenceChecked: checked });
    units.set(key, unit);
  }
  return [...units.values()];
}

/** Whether a claim's quote is this promise: on its lines, and the one's text holds the other's (a list item or table row is one promise whatever it quotes of it). */
function quotes(claim: QuotedClaim, promise: DocPromise): boolean {
  const [start, end] = promise.span;
  if (claim.file !== promise.file || claim.line < start || claim.line > end) return false;
  if (promise.unit !== "sentence") return true;
  const quoted = comparable(claim.quote);
  const said = comparable(promise.text);
  return said.includes(quoted) || quoted.includes(said);
}

function exclusionMatcher(exclusions: readonly PromiseExclusion[], version: string) {
  const holding = exclusions.map((entry) => ({
    entry,
    applies: semver.satisfies(version, entry.openclaw, { includePrerelease: true }),
    text: entry.text === undefined ? undefined : new RegExp(entry.text),
    name: entry.name === undefined ? undefined : new RegExp(entry.name),
  }));
  /** The index of the first exclusion that accounts for a promise's unchecked names, or -1. */
  return (promise: DocPromise): number =>
    holding.findIndex(
      ({ applies, entry, text, name }) =>
        applies &&
        matchesGlob(promise.page, entry.page) &&
        (text === undefined || text.test(promise.text)) &&
        (name === undefined || promise.names.filter((one) => !one.referenceChecked).every((one) => name.test(one.name))),
    );
}

function totalsOf(promises: PromiseCoverage[]): PromiseTotals {
  const counts = Object.fromEntries(PromiseStatus.options.map((status) => [status, promises.filter((one) => one.status === status).length])) as Record<PromiseStatus, number>;
  return { promises: promises.length, ...counts, percentEffect: percent(counts.effect, promises.length) };
}

/**
 * Accounts for every promise of a version's page set: the claims that quote it (judged by
 * effect), else the reference suite that checks every name in it, else the first promise
 * exclusion that matches it. Environment-free: the docs' references, the claims' quotes and the
 * exclusions come in, the coverage goes out.
 */
export function measurePromises(input: {
  openclaw: string;
  references: DocReference[];
  claims: QuotedClaim[];
  isReferenceChecked: (reference: DocReference) => boolean;
  exclusions: readonly PromiseExclusion[];
}): VersionPromises {
  const stale = new Set<number>();
  const matchingExclusion = exclusionMatcher(input.exclusions, input.openclaw);
  const promises = promisesOf(input.references, input.isReferenceChecked).map((docPromise): PromiseCoverage => {
    const { span: _span, ...promise } = docPromise;
    const uniqueClaims = [...new Set(input.claims.filter((claim) => quotes(claim, docPromise)).map((claim) => `${claim.scenario}/${claim.claim}`))];
    const index = matchingExclusion(docPromise);
    if (uniqueClaims.length) {
      if (index >= 0 && promise.names.some((name) => !name.referenceChecked)) stale.add(index);
      return { ...promise, status: "effect", claims: uniqueClaims };
    }
    if (promise.names.every((name) => name.referenceChecked)) return { ...promise, status: "reference", claims: [] };
    if (index < 0) return { ...promise, status: "unaccounted", claims: [] };
    const { kind, platform, why, runnableWhen } = input.exclusions[index]!;
    return { ...promise, status: "excluded", claims: [], exclusion: { index, kind, why, ...(platform ? { platform } : {}), ...(runnableWhen ? { runnableWhen } : {}) } };
  });
  const pages = [...Map.groupBy(promises, (promise) => promise.page)].map(([page, onPage]) => ({ page, ...totalsOf(onPage) })).sort((a, b) => a.page.localeCompare(b.page));
  return { openclaw: input.openclaw, promises, pages, totals: totalsOf(promises), staleExclusions: [...stale].sort((a, b) => a - b) };
}
