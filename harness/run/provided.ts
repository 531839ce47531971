import type { NpmMirror } from "../../mocks/npm-registry/snapshot.ts";
import type { SutImage } from "../sut/sut-image.ts";
import type { ScenarioResult } from "../scenario/run-scenario.ts";

/** What the global setup hands every test file: the SUT image of the version under test. */
export interface ProvidedSut {
  image: SutImage;
  docsRoot: string;
  /** What the mock npm registry serves. */
  npmMirror: NpmMirror;
}

declare module "vitest" {
  interface ProvidedContext {
    sut: ProvidedSut;
  }
  interface TaskMeta {
    /** The scenario's full result, read by the run.json reporter. */
    conformance?: ScenarioResult;
  }
}
