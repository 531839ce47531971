import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDockerEngine } from "../provision/docker-engine.ts";
import { DEFAULT_OPENCLAW_VERSION } from "../sut/openclaw-version.ts";
import { ensureSutImage } from "../sut/sut-image.ts";
import { sweepLeftovers } from "../sut/sweep.ts";
import "./provided.ts";

/** Once per test run, before any worker: the engine, the images (cached by content), a sweep. */
export default async function setup(project: TestProject): Promise<void> {
  await ensureDockerEngine();
  await sweepLeftovers();
  const image = await ensureSutImage(process.env.OCF_OPENCLAW_VERSION ?? DEFAULT_OPENCLAW_VERSION);
  project.provide("sut", { image, docsRoot: join(image.installDir, "node_modules", "openclaw", "docs") });
}
