import semver from "semver";
import { describe, test } from "vitest";
import { loadKnownDrift } from "../scenario/load-scenarios.ts";
import { loadYaml } from "../scenario/load-yaml.ts";
import { runScenario } from "../scenario/run-scenario.ts";
import { Scenario } from "../scenario/schema.ts";
import "./provided.ts";
import { settle, versionsUnderTest } from "./result-tests.ts";

/**
 * What one scenario may take; the test's own limit leaves a minute on top to take the stage down
 * and report. The doctor scenarios on 2026.9 take 7.6 min alone on a slow day of this 2-core
 * machine (2026-12-06) and ran past 14 min beside two others; 20 min keeps them judged there.
 */
const SCENARIO_BUDGET_MS = 20 * 60_000;

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
  const { versions, runId, ca, egresses } = versionsUnderTest();

  for (const { image, nodeOnlyImage, docsRoot, npmMirror, meta } of versions) {
    describe(`openclaw@${image.openclawVersion}`, () => {
      // A scenario with several egresses is a test per egress: "scenario [cloudflare-sensitive]"
      // (those --egress names, when given; the name keeps the egress either way).
      for (const egress of egresses(scenario.egress)) {
        test(scenario.egress.length > 1 ? `${scenario.id} [${egress}]` : scenario.id, { timeout: SCENARIO_BUDGET_MS + 60_000 }, async (context) => {
          Object.assign(context.task.meta, { scenario: scenario.id, openclaw: image.openclawVersion, egress, version: meta });
          if (!semver.satisfies(image.openclawVersion, scenario.openclaw)) {
            context.skip(`applies to openclaw ${scenario.openclaw}, not ${image.openclawVersion}`);
          }
          const result = await runScenario(scenario, egress, { image, nodeOnlyImage, docsRoot, npmMirror, knownDrift, ca: ca(), runId, budgetMs: SCENARIO_BUDGET_MS });
          await settle(context, scenario, result);
        });
      }
    });
  }
}
