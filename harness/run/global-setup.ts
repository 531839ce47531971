import type { TestProject } from "vitest/node";
import { provisionSut } from "../provision/provision.ts";
import { resolveTarget } from "../target/openclaw-target.ts";
import { DEFAULT_OPENCLAW_VERSION } from "../target/openclaw-version.ts";
import "./provided.ts";

/**
 * Once per test run, before any worker: engine, images (cached by content), a sweep. The main
 * job has done this already in its preflight and provides the result itself.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (project.getProvidedContext().sut) return;
  project.provide("sut", await provisionSut(await resolveTarget(process.env.OCF_OPENCLAW_VERSION ?? DEFAULT_OPENCLAW_VERSION)));
}
