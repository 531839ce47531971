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

/** Where an engine that answered runs: asked once per process (the run's routing and its provisioning both want it). */
let placement: Promise<string | undefined> | undefined;

/** Where the answering engine runs when it does not share this kernel (engine-placement.ts), else undefined (also when none answers yet). */
export function engineInVm(): Promise<string | undefined> {
  placement ??= (async () => {
    const { stdout, exitCode } = await execa("docker", ["info", "--format", "{{json .}}"], { timeout: 10_000, reject: false });
    // None answers yet (dockerd about to be started): asked again next time.
    if (exitCode !== 0) return (placement = undefined);
    try {
      return engineElsewhere(JSON.parse(stdout) as EngineInfo, { platform: process.platform, release: release() });
    } catch {
      return undefined; // an engine that does not describe itself: the run finds out
    }
  })();
  return placement;
}

/** An engine that does not share this kernel is one the SUT's sockets cannot reach from here: said at once, with what to do. */
async function refuseEngineElsewhere(): Promise<void> {
  const elsewhere = await engineInVm();
  if (elsewhere) {
    throw new EnvironmentError(
      `the Docker engine runs in ${elsewhere}: the SUT reaches the mocks through unix sockets in a folder bind-mounted from this machine, which do not cross into it; \`npm run conformance\` runs the harness in a container on that engine by itself, the rest needs Linux with a native Docker engine`,
    );
  }
}

/** Where this CLI reaches the engine: DOCKER_HOST, else the current context's endpoint. */
async function engineEndpoint(): Promise<string> {
  if (process.env.DOCKER_HOST) return process.env.DOCKER_HOST;
  const { stdout } = await execa("docker", ["context", "inspect", "--format", "{{.Endpoints.docker.Host}}"], { reject: false, timeout: 10_000 });
  return stdout.trim() || "unix:///var/run/docker.sock";
}

/**
 * An engine reached over the network (tcp://, ssh://) is another machine: bind mounts there name
 * its folders, so the reports of a harness run on it would not come back here. Said at once.
 */
export async function refuseRemoteEngine(): Promise<void> {
  const endpoint = await engineEndpoint();
  if (endpoint.startsWith("npipe://")) throw new EnvironmentError("the harness runs in a shell on Linux: on Windows, run it from a WSL2 distro beside Docker Desktop");
  if (!endpoint.startsWith("unix://")) {
    throw new EnvironmentError(`the Docker engine at ${endpoint} is another machine: its bind mounts are its own folders, so the run's reports would stay there; run the harness on that machine`);
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
