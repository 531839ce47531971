import { readFileSync, writeFileSync } from "node:fs";
import { join, matchesGlob } from "node:path";
import { coverageSummaryTable } from "../../reports/writers/coverage-markdown.ts";
import { promisesPageTable, promisesSummaryTable } from "../../reports/writers/promises-markdown.ts";
import { claimMatrix, egressMatrix, replaceBetweenMarkers } from "../../reports/writers/readme-tables.ts";
import type { VersionCoverage } from "../coverage/coverage.ts";
import type { VersionPromises } from "../coverage/promises.ts";
import type { RunReport } from "../../reports/writers/run-report.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { projectRoot } from "../util/paths.ts";

/** The tag of the scenarios whose claims make the README's drift-item table. */
export const DRIFT_ITEMS_TAG = "drift-items";

/** The pages whose promises the README lists one by one: onboarding, models, config, doctor, the OpenAI provider, the Codex harness Quickstart. */
export const KEY_PROMISE_PAGES = ["cli/onboard.md", "cli/models.md", "cli/config.md", "cli/doctor.md", "cli/doctor/*.md", "providers/openai.md", "providers/openai/*.md", "plugins/codex-harness.md"];

/**
 * `readme-tables [run.json]`: rewrites the README's generated tables from a real run's report
 * (and the docs coverage of its versions), between their markers, so no result in the README is
 * ever typed by hand.
 */
export function writeReadmeTables(report: RunReport, reportFile: string, coverages: VersionCoverage[], promises: VersionPromises[], readme = join(projectRoot, "README.md")): void {
  const driftItems = loadScenarios()
    .filter(({ scenario }) => scenario.tags.includes(DRIFT_ITEMS_TAG))
    .map(({ scenario }) => ({ id: scenario.id, claims: scenario.claims.map((claim) => claim.id) }));
  const stamp = `<sub>From the run of ${report.run.finishedAt}, npm as of ${report.run.npmSnapshot ?? "?"}.</sub>`;
  let text = readFileSync(readme, "utf8");
  text = replaceBetweenMarkers(text, "drift-items", `${claimMatrix(report, driftItems)}\n\n${stamp}`);
  text = replaceBetweenMarkers(text, "egress-routes", `${egressMatrix(report)}\n\n${stamp}`);
  // Coverage needs no run: it is measured from the docs of the run's versions and the scenarios.
  text = replaceBetweenMarkers(text, "docs-coverage", coverageSummaryTable(coverages));
  const keyPage = (page: string) => KEY_PROMISE_PAGES.some((glob) => matchesGlob(page, glob));
  text = replaceBetweenMarkers(text, "promise-coverage", `${promisesSummaryTable(promises)}\n\n${promisesPageTable(promises, keyPage)}`);
  writeFileSync(readme, text);
  console.log(`${readme}: tables rewritten from ${reportFile}`);
}
