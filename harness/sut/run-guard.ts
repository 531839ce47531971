import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { RUN_LABEL } from "./owner.ts";
import { progress } from "../util/progress.ts";

/** Tells the guard the run ended in order: it leaves without sweeping. */
export const RELEASE = "released\n";

/** A run: the id its containers carry, and `release` once it has removed what it started. */
export interface GuardedRun {
  runId: string;
  release(): void;
}

/**
 * Starts a run: a new id, said once on stderr (its containers carry it, so a sweep of the run
 * finds them all), and the run's guard. The guard is a small process in a session of its own, so
 * Ctrl-C on the terminal does not reach it. It holds a pipe from this process; when the pipe
 * closes without a release (this process died: Ctrl-C on the test command ends vitest a
 * millisecond after the signal, and vitest's watchdog kills its workers; or kill -9), it removes
 * the run's containers and temp dirs.
 */
export function startGuardedRun(): GuardedRun {
  const runId = `run-${randomBytes(4).toString("hex")}`;
  progress(`run ${runId}: its containers carry the label ${RUN_LABEL}=${runId}`);
  const guard = spawn(process.execPath, [fileURLToPath(new URL("./run-guard-process.ts", import.meta.url)), runId], {
    detached: true,
    stdio: ["pipe", "ignore", "inherit"],
  });
  // Neither the guard nor its pipe keeps this process alive (the pipe is a socket underneath).
  guard.unref();
  (guard.stdin as unknown as { unref(): void }).unref();
  return { runId, release: () => guard.stdin?.end(RELEASE) };
}
