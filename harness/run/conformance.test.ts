import semver from "semver";
import { beforeAll, describe, inject, test } from "vitest";
import { CertificateAuthority } from "../../mocks/edge/certificate-authority.ts";
import { loadKnownDrift, loadScenarios } from "../scenario/load-scenarios.ts";
import { runScenario } from "../scenario/run-scenario.ts";
import { recordInAllure } from "./allure-record.ts";
import "./provided.ts";
import { assertAsExpected } from "./verdict.ts";

// Every scenario is a vitest test, so name filters, tags, --ui and watch all work. The main job
// provides its selection; `npm test` checks every scenario.
const { image, docsRoot: packagedDocs, npmMirror } = inject("sut");
const selection = inject("selection");
// --docs: a docs tree from a checkout stands in for the one shipped in the package.
const docsRoot = selection?.docsDir ?? packagedDocs;
const scenarios = loadScenarios().filter(({ scenario }) => !selection || selection.scenarios.includes(scenario.id));
const knownDrift = loadKnownDrift();
const runId = selection?.runId ?? `pid-${process.pid}`;
let ca: CertificateAuthority;

beforeAll(async () => {
  ca = await CertificateAuthority.create();
});

describe(`openclaw@${image.openclawVersion}`, () => {
  for (const { scenario } of scenarios) {
    test(scenario.id, { timeout: 15 * 60_000 }, async (context) => {
      if (!semver.satisfies(image.openclawVersion, scenario.openclaw)) {
        context.skip(`applies to openclaw ${scenario.openclaw}, not ${image.openclawVersion}`);
      }
      const result = await runScenario(scenario, { image, docsRoot, npmMirror, knownDrift, ca, runId });
      context.task.meta.conformance = result;
      await recordInAllure(scenario, result);
      assertAsExpected(result);
    });
  }
});
