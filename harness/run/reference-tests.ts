import semver from "semver";
import { describe, test } from "vitest";
import { REFERENCE_EGRESS, runReferenceSuite } from "../reference/run-reference.ts";
import { loadKnownDrift } from "../scenario/load-scenarios.ts";
import { loadYaml } from "../scenario/load-yaml.ts";
import { ReferenceSuite } from "../scenario/schema.ts";
import "./provided.ts";
import { settle, versionsUnderTest } from "./result-tests.ts";

/** What a reference suite may take on one version: one container, one completion call and a few --help calls. */
const SUITE_TIMEOUT_MS = 10 * 60_000;

/**
 * The tests of one reference suite file (scenarios/reference/*.yaml): a test per version under
 * test, named and reported like a scenario's ("openclaw@V > cli-reference"), so selection,
 * sharding, known drift and every report treat its generated claims as they treat written ones.
 */
export function referenceTests(file: string): void {
  const suite = loadYaml(file, ReferenceSuite);
  const knownDrift = loadKnownDrift();
  const { versions, runId, ca } = versionsUnderTest();

  for (const { image, docsRoot, npmMirror, meta } of versions) {
    describe(`openclaw@${image.openclawVersion}`, () => {
      test(suite.id, { timeout: SUITE_TIMEOUT_MS }, async (context) => {
        Object.assign(context.task.meta, { scenario: suite.id, openclaw: image.openclawVersion, egress: REFERENCE_EGRESS, version: meta });
        if (!semver.satisfies(image.openclawVersion, suite.openclaw)) context.skip(`applies to openclaw ${suite.openclaw}, not ${image.openclawVersion}`);
        await settle(context, suite, await runReferenceSuite(suite, { image, docsRoot, npmMirror, knownDrift, ca: ca(), runId }));
      });
    });
  }
}
