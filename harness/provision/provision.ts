import { join } from "node:path";
import type { ProvidedSut } from "../run/provided.ts";
import { ensureSutImage } from "../sut/sut-image.ts";
import { sweepLeftovers } from "../sut/sweep.ts";
import { ensureDockerEngine } from "./docker-engine.ts";

/**
 * Everything a run needs before the first scenario: a Docker engine, no leftovers of dead runs,
 * and the SUT image of the version under test (built only when its content tag is missing).
 * The main job's preflight, .ci/run and the test run's global setup all come through here.
 */
export async function provisionSut(openclawVersion: string): Promise<ProvidedSut> {
  await ensureDockerEngine();
  await sweepLeftovers();
  const image = await ensureSutImage(openclawVersion);
  return { image, docsRoot: join(image.installDir, "node_modules", "openclaw", "docs") };
}
