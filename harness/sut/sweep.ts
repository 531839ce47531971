import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { execa } from "execa";
import { LABEL } from "../util/paths.ts";
import { progress } from "../util/progress.ts";

/** Per-scenario temp dirs (unix sockets, resolv.conf) are named after the process that owns them. */
export const RUN_DIR_PREFIX = "ocf-run-";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Our SUT containers: id, owning process and run. */
async function sutContainers(): Promise<{ id: string; pid: number; run: string }[]> {
  const { stdout } = await execa("docker", ["ps", "-a", "--filter", `label=${LABEL}=sut`, "--format", `{{.ID}} {{.Label "${LABEL}.pid"}} {{.Label "${LABEL}.run"}}`]);
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" "))
    .map(([id, pid, run]) => ({ id: id!, pid: Number(pid), run: run ?? "" }));
}

async function removeContainers(ids: string[]): Promise<void> {
  if (ids.length) await execa("docker", ["rm", "-f", "-v", ...ids], { reject: false });
}

/** Removes the run dirs whose owning process matches. */
async function removeRunDirs(owned: (pid: number) => boolean): Promise<number> {
  const dirs = (await readdir(tmpdir())).filter((name) => name.startsWith(RUN_DIR_PREFIX) && owned(Number(name.slice(RUN_DIR_PREFIX.length).split("-")[0])));
  await Promise.all(dirs.map((name) => rm(join(tmpdir(), name), { recursive: true, force: true })));
  return dirs.length;
}

/**
 * Removes what a harness process left behind when it could not clean up (a crash, kill -9, a
 * Ctrl-C that cut a worker short): containers and temp dirs whose owning process is gone, and
 * with `runId` every container of that run. Those of other live harness processes are left alone.
 */
export async function sweepLeftovers(runId?: string): Promise<number> {
  const containers = (await sutContainers()).filter(({ pid, run }) => (runId ? run === runId : !pid || !alive(pid))).map(({ id }) => id);
  if (containers.length) progress(`removing ${containers.length} container(s) left by ${runId ? "this run" : "an earlier run"}`);
  await removeContainers(containers);
  return containers.length + (await removeRunDirs((pid) => !alive(pid)));
}

/** How long a run's containers must stay gone before its sweep ends: a create the engine got just before its owner was killed still lands. */
const QUIET_MS = 1_500;
/** The longest a sweep waits for the run's processes to end (vitest's watchdog kills its workers within a second of the main process). */
const OWNERS_BOUND_MS = 60_000;

/**
 * After a run's main process died without cleaning up (Ctrl-C on the test command, kill -9):
 * removes the run's containers as their owning workers die, and their temp dirs, until none
 * has appeared for a while. Returns how many it removed.
 */
export async function sweepInterruptedRun(runId: string): Promise<number> {
  const deadline = Date.now() + OWNERS_BOUND_MS;
  let removed = 0;
  let quietSince = Date.now();
  while (Date.now() - quietSince < QUIET_MS && Date.now() < deadline) {
    const ofRun = (await sutContainers()).filter(({ run }) => run === runId);
    const orphaned = ofRun.filter(({ pid }) => !pid || !alive(pid)).map(({ id }) => id);
    await removeContainers(orphaned);
    removed += orphaned.length;
    if (ofRun.length) quietSince = Date.now();
    await delay(200);
  }
  // Their owners are gone by now: their temp dirs go once, not on every pass.
  return removed + (await removeRunDirs((pid) => !alive(pid)));
}
