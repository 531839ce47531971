import { join } from "node:path";
import type { NpmMirror } from "../../mocks/npm-registry/snapshot.ts";
import type { MachineImage, SutImage } from "../sut/image.ts";
import type { OpenClawTarget } from "../target/openclaw-target.ts";
import { ensureSutImage } from "./sut-image.ts";
import { sweepLeftovers } from "../sut/sweep.ts";
import { ensureDockerEngine } from "./docker-engine.ts";
import { ensureNodeOnlyImage } from "./node-only-image.ts";
import { ensureNpmMirror, withInstallClosure } from "./npm-mirror.ts";

/** What a run needs, ready: the SUT image of the version under test, its docs, and the npm snapshot. */
export interface ProvisionedSut {
  image: SutImage;
  /** The machine the install pages start on: Node and npm, no OpenClaw. */
  nodeOnlyImage: MachineImage;
  docsRoot: string;
  /** What the mock npm registry serves: the snapshot and this version's install closure. */
  npmMirror: NpmMirror;
}

/**
 * Everything a run needs before the first scenario: a Docker engine, no leftovers of dead runs,
 * the SUT image of the version under test (built only when its content tag is missing), the
 * node-only image, and the mock registry's npm snapshot with the version's install closure
 * (fetched only when missing).
 * The main job's preflight, .ci/run and the test run's global setup all come through here.
 */
export async function provisionSut(target: OpenClawTarget): Promise<ProvisionedSut> {
  await ensureDockerEngine();
  await sweepLeftovers();
  const image = await ensureSutImage(target);
  const nodeOnlyImage = await ensureNodeOnlyImage();
  const npmMirror = await withInstallClosure(await ensureNpmMirror(), image);
  return { image, nodeOnlyImage, docsRoot: join(image.installDir, "node_modules", "openclaw", "docs"), npmMirror };
}
