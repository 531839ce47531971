import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/**
 * Removes what a harness process left behind when it could not clean up (a crash, kill -9, a
 * Ctrl-C that cut a worker short): containers and temp dirs whose owning process is gone, and
 * with `runId` every container of that run. Those of other live harness processes are left alone.
 */
export async function sweepLeftovers(runId?: string): Promise<number> {
  const { stdout } = await execa("docker", ["ps", "-a", "--filter", `label=${LABEL}=sut`, "--format", `{{.ID}} {{.Label "${LABEL}.pid"}} {{.Label "${LABEL}.run"}}`]);
  const containers = stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" "))
    .filter(([, pid, run]) => (runId ? run === runId : !pid || !alive(Number(pid))))
    .map(([id]) => id!);
  if (containers.length) {
    progress(`removing ${containers.length} container(s) left by ${runId ? "this run" : "an earlier run"}`);
    await execa("docker", ["rm", "-f", "-v", ...containers], { reject: false });
  }
  const dirs = (await readdir(tmpdir())).filter((name) => {
    const pid = Number(name.slice(RUN_DIR_PREFIX.length).split("-")[0]);
    return name.startsWith(RUN_DIR_PREFIX) && !alive(pid);
  });
  await Promise.all(dirs.map((name) => rm(join(tmpdir(), name), { recursive: true, force: true })));
  return containers.length + dirs.length;
}
