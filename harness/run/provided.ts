import type { EditedDocs } from "../docs/edited-docs.ts";
import type { ProvisionedSut } from "../provision/provision.ts";
import type { ScenarioResult } from "../scenario/records.ts";
import type { ImageRef } from "../sut/image.ts";
import type { OpenClawTarget } from "../target/openclaw-target.ts";

/**
 * What the main job gives the test run besides its file filter (the selected scenario files);
 * `npm test` gives none and checks every scenario.
 */
export interface Selection {
  /** A docs tree that stands in for the package's (`--docs`), already resolved. */
  docsDir?: string;
  /** How that tree differs from each version's packaged docs, by version. */
  editedDocs?: Record<string, EditedDocs>;
  /** Only these egresses of each scenario (`--egress`); every one when absent. */
  egress?: string[];
}

/** The version a conformance test ran on, as the run's report names it (so a merged shard's report can too). */
export interface VersionUnderTest {
  /** Its place in the run's list of versions. */
  index: number;
  target: OpenClawTarget;
  image: ImageRef;
  /** The --docs tree the version's scenarios read, and how it differs from the version's own docs. */
  docs?: EditedDocs;
}

declare module "vitest" {
  interface ProvidedContext {
    /** The SUT image of the first version under test (what the e2e tests use). */
    sut: ProvisionedSut;
    /** Every version under test, in order: the conformance project runs each scenario on each. */
    suts: ProvisionedSut[];
    selection?: Selection;
    /** Names the run's containers (label org.openclaw-conformance.run), so an interrupted run's are found and removed. */
    runId: string;
  }
  interface TaskMeta {
    /** The scenario, OpenClaw version and egress a conformance test is for, set before it can be skipped. */
    scenario?: string;
    openclaw?: string;
    egress?: string;
    version?: VersionUnderTest;
    /** The scenario's full result, read by the run.json reporter. */
    conformance?: ScenarioResult;
  }
}
