import semver from "semver";
import { beforeAll, describe, inject, test } from "vitest";
import { CertificateAuthority } from "../../mocks/edge/certificate-authority.ts";
import { loadKnownDrift } from "../scenario/load-scenarios.ts";
import { loadYaml } from "../scenario/load-yaml.ts";
import { runScenario } from "../scenario/run-scenario.ts";
import { Scenario } from "../scenario/schema.ts";
import { redactedResult } from "../../reports/writers/scenario-entry.ts";
import { recordInAllure } from "./allure-record.ts";
import "./provided.ts";
import { assertAsExpected } from "./verdict.ts";

/** What one scenario may take; the test's own limit leaves a minute on top to take the stage down and report. */
const SCENARIO_BUDGET_MS = 14 * 60_000;

/**
 * The tests of one scenario file, which is a vitest test module of its own (scenario-test-modules.ts):
 * a test per version under test ("openclaw@V > scenario"), so name filters, tags, --ui, watch and
 * vitest's --shard all work on scenarios, and JUnit and Allure carry the version of each result.
 * Scenario files run in parallel, in vitest's workers (vitest.config.ts); a file's versions run
 * one after another.
 */
export function conformanceTests(file: string): void {
  const scenario = loadYaml(file, Scenario);
  const knownDrift = loadKnownDrift();
  const suts = inject("suts");
  const selection = inject("selection");
  const runId = inject("runId");
  let ca: CertificateAuthority;

  beforeAll(async () => {
    ca = await CertificateAuthority.create();
  });

  for (const [index, { image, nodeOnlyImage, docsRoot: packagedDocs, npmMirror }] of suts.entries()) {
    const version = { index, target: image.target, image: { tag: image.tag, id: image.id, nodeVersion: image.nodeVersion } };
    // --docs: a docs tree from a checkout stands in for the one shipped in the package.
    const docsRoot = selection?.docsDir ?? packagedDocs;
    describe(`openclaw@${image.openclawVersion}`, () => {
      // A scenario with several egresses is a test per egress: "scenario [cloudflare-sensitive]".
      for (const egress of scenario.egress) {
        test(scenario.egress.length > 1 ? `${scenario.id} [${egress}]` : scenario.id, { timeout: SCENARIO_BUDGET_MS + 60_000 }, async (context) => {
          Object.assign(context.task.meta, { scenario: scenario.id, openclaw: image.openclawVersion, egress, version });
          if (!semver.satisfies(image.openclawVersion, scenario.openclaw)) {
            context.skip(`applies to openclaw ${scenario.openclaw}, not ${image.openclawVersion}`);
          }
          const result = await runScenario(scenario, egress, { image, nodeOnlyImage, docsRoot, npmMirror, knownDrift, ca, runId, budgetMs: SCENARIO_BUDGET_MS });
          // Reporters read it from the task; a shard's blob report keeps it as is, so it is redacted first.
          context.task.meta.conformance = redactedResult(result);
          await recordInAllure(scenario, result);
          // Known drift passes; an annotation keeps it visible in JUnit, CI logs and the terminal.
          for (const claim of result.claims) if (claim.knownDrift) await context.annotate(`known drift: ${claim.id} (${claim.knownDrift.issue})`, "known-drift");
          assertAsExpected(result);
        });
      }
    });
  }
}
