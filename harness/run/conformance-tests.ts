import semver from "semver";
import { beforeAll, describe, inject, test } from "vitest";
import { CertificateAuthority } from "../../mocks/edge/certificate-authority.ts";
import { loadKnownDrift, loadScenarios } from "../scenario/load-scenarios.ts";
import { runScenario } from "../scenario/run-scenario.ts";
import { recordInAllure } from "./allure-record.ts";
import "./provided.ts";
import { assertAsExpected } from "./verdict.ts";

// Every scenario on every version under test is a vitest test ("openclaw@V > scenario"), so name
// filters, tags, --ui and watch all work, and JUnit and Allure carry the version of each result.
// The main job provides its selection; `npm test` checks every scenario.
const suts = inject("suts");
const selection = inject("selection");
const scenarios = loadScenarios().filter(({ scenario }) => !selection || selection.scenarios.includes(scenario.id));
const knownDrift = loadKnownDrift();
const runId = inject("runId");
/** What one scenario may take; the test's own limit leaves a minute on top to take the stage down and report. */
const SCENARIO_BUDGET_MS = 14 * 60_000;
let ca: CertificateAuthority;

beforeAll(async () => {
  ca = await CertificateAuthority.create();
});

for (const { image, nodeOnlyImage, docsRoot: packagedDocs, npmMirror } of suts) {
  // --docs: a docs tree from a checkout stands in for the one shipped in the package.
  const docsRoot = selection?.docsDir ?? packagedDocs;
  // Scenarios run concurrently (each has its own container and world); vitest's maxConcurrency
  // (vitest.config.ts) decides how many at once, so this machine's cores are used, not a scheduler of ours.
  describe.concurrent(`openclaw@${image.openclawVersion}`, () => {
    for (const { scenario } of scenarios) {
      // A scenario with several egresses is a test per egress: "scenario [cloudflare-sensitive]".
      for (const egress of scenario.egress) {
        test(scenario.egress.length > 1 ? `${scenario.id} [${egress}]` : scenario.id, { timeout: SCENARIO_BUDGET_MS + 60_000 }, async (context) => {
          Object.assign(context.task.meta, { scenario: scenario.id, openclaw: image.openclawVersion, egress });
          if (!semver.satisfies(image.openclawVersion, scenario.openclaw)) {
            context.skip(`applies to openclaw ${scenario.openclaw}, not ${image.openclawVersion}`);
          }
          const result = await runScenario(scenario, egress, { image, nodeOnlyImage, docsRoot, npmMirror, knownDrift, ca, runId, budgetMs: SCENARIO_BUDGET_MS });
          context.task.meta.conformance = result;
          await recordInAllure(scenario, result);
          // Known drift passes; an annotation keeps it visible in JUnit, CI logs and the terminal.
          for (const claim of result.claims) if (claim.knownDrift) await context.annotate(`known drift: ${claim.id} (${claim.knownDrift.issue})`, "known-drift");
          assertAsExpected(result);
        });
      }
    }
  });
}
