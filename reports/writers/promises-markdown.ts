import type { VersionPromises } from "../../harness/coverage/promises.ts";
import type { PromiseStatus } from "../../harness/coverage/status.ts";
import { answeredBy } from "./promises-text.ts";

const label: Record<PromiseStatus, string> = { effect: "✓ effect", reference: "≈ reference only", excluded: "– excluded", unaccounted: "✗ unaccounted" };

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

const HEADER = "| promises | judged by effect | effect % | reference only | excluded | unaccounted |";

/** The figures per version: what the promise-coverage bars are judged on. */
export const promisesSummaryTable = (versions: VersionPromises[]): string =>
  [
    `| OpenClaw | pages ${HEADER}`,
    "|---|---|---|---|---|---|---|---|",
    ...versions.map(({ openclaw, pages, totals: t }) => `| ${openclaw} | ${pages.length} | ${t.promises} | ${t.effect} | ${t.percentEffect} % | ${t.reference} | ${t.excluded} | ${t.unaccounted} |`),
  ].join("\n");

/** The figures per page of the chosen pages (globs), per version. */
export const promisesPageTable = (versions: VersionPromises[], matches: (page: string) => boolean): string =>
  [
    `| OpenClaw | page ${HEADER}`,
    "|---|---|---|---|---|---|---|---|",
    ...versions.flatMap(({ openclaw, pages }) =>
      pages.filter((page) => matches(page.page)).map((t) => `| ${openclaw} | ${t.page} | ${t.promises} | ${t.effect} | ${t.percentEffect} % | ${t.reference} | ${t.excluded} | ${t.unaccounted} |`),
    ),
  ].join("\n");

/** The summary, the per-page figures, then per version every promise and what answers for it. */
export function formatPromisesMarkdown(versions: VersionPromises[]): string {
  const details = versions.map((version) => {
    const rows = version.promises.map((promise) => `| \`${promise.file}:${promise.line}\` | ${label[promise.status]} | ${cell(promise.names.map((name) => `\`${name.name}\``).join(" "))} | ${cell(promise.text)} | ${cell(answeredBy(promise))} |`);
    return [`### openclaw ${version.openclaw}`, "", "| promise | status | names | text | answered by |", "|---|---|---|---|---|", ...rows].join("\n");
  });
  return [promisesSummaryTable(versions), "", promisesPageTable(versions, () => true), "", ...details].join("\n");
}
