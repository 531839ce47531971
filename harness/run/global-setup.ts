import type { TestProject } from "vitest/node";
import { provisionSut } from "../provision/provision.ts";
import { startGuardedRun } from "../sut/run-guard.ts";
import { resolveTargets } from "../target/openclaw-target.ts";
import { DEFAULT_OPENCLAW_VERSIONS } from "../target/openclaw-version.ts";
import "./provided.ts";

/**
 * Once per test run, before any worker: engine, images (cached by content), a sweep. The main
 * job has done this already in its preflight and provides the result itself.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (project.getProvidedContext().sut) return undefined;
  const suts = [];
  for (const target of await resolveTargets(process.env.OCF_OPENCLAW_VERSION ?? DEFAULT_OPENCLAW_VERSIONS)) suts.push(await provisionSut(target));
  project.provide("sut", suts[0]!);
  project.provide("suts", suts);
  // Ctrl-C on the test command gives no teardown a chance to run: the run's guard sweeps then.
  const { runId, release } = startGuardedRun();
  project.provide("runId", runId);
  return release;
}
