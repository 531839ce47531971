import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { execa } from "execa";
import { LABEL } from "../util/paths.ts";
import { progress } from "../util/progress.ts";
import { pidAlive, OWNER_HOST_LABEL, OWNER_PID_LABEL, ownerAlive, RUN_LABEL } from "./owner.ts";

/** Per-scenario temp dirs (unix sockets, resolv.conf) are named after the process that owns them. */
export const RUN_DIR_PREFIX = "ocf-run-";

interface OwnedContainer {
  id: string;
  run: string;
  alive: boolean;
}

/**
 * Our containers of a kind (the SUTs, the harness's own): id, run, and whether their owning
 * process still runs. A harness container that has exited is done, whoever started it.
 */
async function containersOf(kind: "sut" | "harness"): Promise<OwnedContainer[]> {
  const format = `{{.ID}} {{.State}} {{.Label "${RUN_LABEL}"}} {{.Label "${OWNER_PID_LABEL}"}} {{.Label "${OWNER_HOST_LABEL}"}}`;
  const { stdout } = await execa("docker", ["ps", "-a", "--filter", `label=${LABEL}=${kind}`, "--format", format]);
  const rows = stdout.split("\n").filter(Boolean).map((line) => line.split(" "));
  return Promise.all(
    rows.map(async ([id, state, run, pid, host]) => ({
      id: id!,
      run: run ?? "",
      alive: !(kind === "harness" && state === "exited") && (await ownerAlive(Number(pid), host || undefined)),
    })),
  );
}

/** The socket volumes of harness containers that are gone; one still mounted is refused by the engine and kept. */
async function removeSocketVolumes(): Promise<void> {
  // Listed and removed one by one: `volume prune` leaves named volumes alone since Docker 23.
  const { stdout } = await execa("docker", ["volume", "ls", "-q", "--filter", `label=${LABEL}=sockets`], { reject: false });
  await Promise.all(stdout.split("\n").filter(Boolean).map((name) => execa("docker", ["volume", "rm", name], { reject: false })));
}

async function removeContainers(ids: string[]): Promise<void> {
  if (ids.length) await execa("docker", ["rm", "-f", "-v", ...ids], { reject: false });
}

/** Removes the run dirs whose owning process matches. */
async function removeRunDirs(owned: (pid: number) => boolean): Promise<number> {
  const dirs = (await readdir(tmpdir())).filter((name) => name.startsWith(RUN_DIR_PREFIX) && owned(Number(name.slice(RUN_DIR_PREFIX.length).split("-")[0])));
  // Another user's dead run leaves dirs this one may not remove: theirs to sweep, not a failure here.
  await Promise.all(dirs.map((name) => rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined)));
  return dirs.length;
}

/**
 * Removes what a harness process left behind when it could not clean up (a crash, kill -9, a
 * Ctrl-C that cut a worker short): containers and temp dirs whose owning process is gone, and
 * with `runId` every container of that run. Those of other live harness processes are left alone.
 */
export async function sweepLeftovers(runId?: string): Promise<number> {
  const suts = (await containersOf("sut")).filter(({ alive, run }) => (runId ? run === runId : !alive));
  // A harness container whose launcher is gone (kill -9 on the command that started it).
  const harnesses = runId ? [] : (await containersOf("harness")).filter(({ alive }) => !alive);
  const containers = [...suts, ...harnesses].map(({ id }) => id);
  if (containers.length) progress(`removing ${containers.length} container(s) left by ${runId ? "this run" : "an earlier run"}`);
  await removeContainers(containers);
  if (!runId) await removeSocketVolumes();
  return containers.length + (await removeRunDirs((pid) => !pidAlive(pid)));
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
    const ofRun = (await containersOf("sut")).filter(({ run }) => run === runId);
    const orphaned = ofRun.filter(({ alive }) => !alive).map(({ id }) => id);
    await removeContainers(orphaned);
    removed += orphaned.length;
    if (ofRun.length) quietSince = Date.now();
    await delay(200);
  }
  // Their owners are gone by now: their temp dirs go once, not on every pass.
  return removed + (await removeRunDirs((pid) => !pidAlive(pid)));
}
