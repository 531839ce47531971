import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { release } from "node:os";
import { execa } from "execa";
import { EnvironmentError } from "../util/errors.ts";
import { progress } from "../util/progress.ts";
import { ensureDebianCommands } from "./apt.ts";
import { type EngineInfo, engineElsewhere } from "./engine-placement.ts";

async function engineVersion(): Promise<string | undefined> {
  const result = await execa("docker", ["info", "--format", "{{.ServerVersion}}"], { reject: false, timeout: 10_000 });
  return result.exitCode === 0 && result.stdout.trim() ? result.stdout.trim() : undefined;
}

/** An engine that does not share this kernel is one the SUT's sockets cannot reach: said at once, with what to do. */
async function refuseEngineElsewhere(): Promise<void> {
  const { stdout } = await execa("docker", ["info", "--format", "{{json .}}"], { timeout: 10_000, reject: false });
  let info: EngineInfo;
  try {
    info = JSON.parse(stdout) as EngineInfo;
  } catch {
    return; // an engine that does not describe itself: the run finds out
  }
  const elsewhere = engineElsewhere(info, { platform: process.platform, release: release() });
  if (elsewhere) {
    throw new EnvironmentError(
      `the Docker engine runs in ${elsewhere}: the SUT reaches the mocks through unix sockets in a folder bind-mounted from this machine, which do not cross into it; run the harness on Linux with a native Docker engine`,
    );
  }
}

/** Polls the engine until it answers: a readiness wait with a bound, never a fixed sleep. */
async function waitForEngine(timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const version = await engineVersion();
    if (version) return version;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

/**
 * Makes a Docker engine answer: installs Debian's docker.io and starts dockerd in the
 * background when needed (this machine kind has only the client). Idempotent and cheap when
 * the engine already runs.
 */
export async function ensureDockerEngine(): Promise<string> {
  const running = await engineVersion();
  if (running) return (await refuseEngineElsewhere(), running);
  await ensureDebianCommands({ docker: "docker.io", dockerd: "docker.io" });
  if (process.getuid?.() !== 0) {
    throw new EnvironmentError("the Docker engine is not running and starting it needs root: sudo dockerd &");
  }
  progress("starting dockerd");
  const log = openSync("/var/log/openclaw-conformance-dockerd.log", "a");
  spawn("dockerd", [], { detached: true, stdio: ["ignore", log, log] }).unref();
  const version = await waitForEngine(60_000);
  if (!version) {
    throw new EnvironmentError("dockerd did not answer within 60 s; see /var/log/openclaw-conformance-dockerd.log");
  }
  progress(`Docker engine ${version} ready`);
  return version;
}
