import { join } from "node:path";
import type { NpmMirror } from "../../mocks/npm-registry/snapshot.ts";
import type { SutImage } from "../sut/image.ts";
import type { OpenClawTarget } from "../target/openclaw-target.ts";
import { ensureSutImage } from "./sut-image.ts";
import { sweepLeftovers } from "../sut/sweep.ts";
import { ensureDockerEngine } from "./docker-engine.ts";
import { ensureNpmMirror } from "./npm-mirror.ts";

/** What a run needs, ready: the SUT image of the version under test, its docs, and the npm snapshot. */
export interface ProvisionedSut {
  image: SutImage;
  docsRoot: string;
  /** What the mock npm registry serves. */
  npmMirror: NpmMirror;
}

/**
 * Everything a run needs before the first scenario: a Docker engine, no leftovers of dead runs,
 * the SUT image of the version under test (built only when its content tag is missing) and the
 * mock registry's npm snapshot (fetched only when missing).
 * The main job's preflight, .ci/run and the test run's global setup all come through here.
 */
export async function provisionSut(target: OpenClawTarget): Promise<ProvisionedSut> {
  await ensureDockerEngine();
  await sweepLeftovers();
  const image = await ensureSutImage(target);
  const npmMirror = await ensureNpmMirror();
  return { image, docsRoot: join(image.installDir, "node_modules", "openclaw", "docs"), npmMirror };
}
