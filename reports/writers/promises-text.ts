import type { PromiseCoverage, PromiseTotals, VersionPromises } from "../../harness/coverage/promises.ts";
import type { PromiseStatus } from "../../harness/coverage/status.ts";

const symbol: Record<PromiseStatus, string> = { effect: "✓", reference: "≈", excluded: "–", unaccounted: "✗" };

/** The figures of a version or a page, in one line. */
export const promiseFigures = (t: PromiseTotals): string =>
  `${t.promises} promises · judged by effect ${t.effect} (${t.percentEffect} %) · reference only ${t.reference} · excluded ${t.excluded} · unaccounted ${t.unaccounted}`;

/** What answers for one promise, in a few words. */
export function answeredBy(promise: PromiseCoverage): string {
  switch (promise.status) {
    case "effect":
      return `judged by ${promise.claims.join(", ")}`;
    case "reference":
      return "reference only: what it names exists (cli-reference)";
    case "excluded": {
      const { kind, platform, why, runnableWhen } = promise.exclusion!;
      return `${kind}${platform ? ` (${platform})` : ""}: ${why}${runnableWhen ? `; judged when ${runnableWhen}` : ""}`;
    }
    case "unaccounted":
      return `nothing judges ${promise.names.filter((name) => !name.referenceChecked).map((name) => name.name).join(", ")}`;
  }
}

const shorten = (text: string, length = 140) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Per version: the figures, each page's, and every promise nothing answers for. */
export function formatPromisesText(versions: VersionPromises[]): string {
  return versions
    .map((version) => {
      const pages = version.pages.map((page) => `  ${page.page}: ${promiseFigures(page)}`);
      const open = version.promises.filter((promise) => promise.status === "unaccounted").map((promise) => `  ${symbol[promise.status]} ${promise.file}:${promise.line}  ${answeredBy(promise)}\n      "${shorten(promise.text)}"`);
      const stale = version.staleExclusions.map((index) => `  promise exclusion #${index + 1} matches a promise a claim judges: remove it`);
      return [`openclaw ${version.openclaw}: ${promiseFigures(version.totals)} on ${version.pages.length} pages`, ...pages, ...(open.length ? ["unaccounted:", ...open] : []), ...stale].join("\n");
    })
    .join("\n\n");
}
