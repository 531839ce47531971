import { join } from "node:path";
import type { ProvidedSut } from "../run/provided.ts";
import { ensureSutImage } from "../sut/sut-image.ts";
import { sweepLeftovers } from "../sut/sweep.ts";
import { ensureDockerEngine } from "./docker-engine.ts";
import { ensureNpmMirror } from "./npm-mirror.ts";

/**
 * Everything a run needs before the first scenario: a Docker engine, no leftovers of dead runs,
 * the SUT image of the version under test (built only when its content tag is missing) and the
 * mock registry's npm snapshot (fetched only when missing).
 * The main job's preflight, .ci/run and the test run's global setup all come through here.
 */
export async function provisionSut(openclawVersion: string): Promise<ProvidedSut> {
  await ensureDockerEngine();
  await sweepLeftovers();
  const image = await ensureSutImage(openclawVersion);
  const npmMirror = await ensureNpmMirror();
  return { image, docsRoot: join(image.installDir, "node_modules", "openclaw", "docs"), npmMirror };
}
