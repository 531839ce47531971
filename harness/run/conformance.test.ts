import semver from "semver";
import { beforeAll, describe, inject, test } from "vitest";
import { CertificateAuthority } from "../../mocks/edge/certificate-authority.ts";
import { loadKnownDrift, loadScenarios } from "../scenario/load-scenarios.ts";
import { runScenario } from "../scenario/run-scenario.ts";
import { recordInAllure } from "./allure-record.ts";
import "./provided.ts";
import { assertAsExpected } from "./verdict.ts";

// Every scenario is a vitest test, so name filters, tags, --ui and watch all work.
const { image, docsRoot: packagedDocs, npmMirror } = inject("sut");
// --docs: a docs tree from a checkout stands in for the one shipped in the package.
const docsRoot = process.env.OCF_DOCS_DIR ?? packagedDocs;
const scenarios = loadScenarios();
const knownDrift = loadKnownDrift();
const onlyIds = process.env.OCF_SCENARIO?.split(",").filter(Boolean);
const onlyTags = process.env.OCF_TAG?.split(",").filter(Boolean);
let ca: CertificateAuthority;

beforeAll(async () => {
  ca = await CertificateAuthority.create();
});

describe(`openclaw@${image.openclawVersion}`, () => {
  for (const { scenario } of scenarios) {
    test(scenario.id, { timeout: 15 * 60_000 }, async (context) => {
      if (onlyIds && !onlyIds.includes(scenario.id)) context.skip(`not selected (OCF_SCENARIO=${onlyIds.join(",")})`);
      if (onlyTags && !scenario.tags.some((tag) => onlyTags.includes(tag))) context.skip(`no tag of ${onlyTags.join(",")}`);
      if (!semver.satisfies(image.openclawVersion, scenario.openclaw)) {
        context.skip(`applies to openclaw ${scenario.openclaw}, not ${image.openclawVersion}`);
      }
      const result = await runScenario(scenario, { image, docsRoot, npmMirror, knownDrift, ca, runId: process.env.OCF_RUN_ID ?? `pid-${process.pid}` });
      context.task.meta.conformance = result;
      await recordInAllure(scenario, result);
      assertAsExpected(result);
    });
  }
});
