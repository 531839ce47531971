import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { claimForVersion } from "../../harness/scenario/for-version.ts";
import { findKnownDrift } from "../../harness/scenario/known-drift.ts";
import { loadKnownDrift, loadScenarios } from "../../harness/scenario/load-scenarios.ts";
import { RunReport } from "../../reports/writers/run-report.ts";

/** A claim's verdict, keyed `scenario [egress]/claim`. */
export type Verdicts = Record<string, string>;

/**
 * What each claim of the scenarios must end in on a version, by known-drift.yaml: what the
 * conformance project asserts of every run (strict known drift), so also what a root run gives.
 */
export function expectedVerdicts(scenarioIds: string[], version: string): Verdicts {
  const knownDrift = loadKnownDrift();
  const verdicts: Verdicts = {};
  for (const { scenario } of loadScenarios().filter(({ scenario }) => scenarioIds.includes(scenario.id) && semver.satisfies(version, scenario.openclaw))) {
    for (const egress of scenario.egress) {
      for (const claim of scenario.claims.filter((claim) => claimForVersion(claim, version, egress))) {
        const known = findKnownDrift(knownDrift, scenario.id, claim.id, version, egress);
        verdicts[`${scenario.id} [${egress}]/${claim.id}`] = known ? "known-drift" : "conforms";
      }
    }
  }
  return verdicts;
}

/** A run's report from its reports folder, and its claims' verdicts keyed as above. */
export function reportedVerdicts(reportsDir: string): { report: RunReport; verdicts: Verdicts } {
  const report = RunReport.parse(JSON.parse(readFileSync(join(reportsDir, "run.json"), "utf8")));
  const verdicts = Object.fromEntries(report.scenarios.flatMap((scenario) => scenario.claims.map((claim) => [`${scenario.id} [${scenario.egress}]/${claim.id}`, claim.status])));
  return { report, verdicts };
}
