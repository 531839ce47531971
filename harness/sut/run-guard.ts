import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Tells the guard the run ended in order: it leaves without sweeping. */
export const RELEASE = "released\n";

/** A run's guard: `release` once the run has removed what it started. */
export interface RunGuard {
  release(): void;
}

/**
 * Starts a run's guard: a small process in a session of its own, so Ctrl-C on the terminal does
 * not reach it. It holds a pipe from this process; when the pipe closes without a release (this
 * process died: Ctrl-C on the test command ends vitest a millisecond after the signal, and
 * vitest's watchdog kills its workers; or kill -9), it removes the run's containers and temp dirs.
 */
export function guardRun(runId: string): RunGuard {
  const guard = spawn(process.execPath, [fileURLToPath(new URL("./run-guard-process.ts", import.meta.url)), runId], {
    detached: true,
    stdio: ["pipe", "ignore", "inherit"],
  });
  // Neither the guard nor its pipe keeps this process alive.
  guard.unref();
  (guard.stdin as unknown as { unref(): void }).unref();
  return { release: () => guard.stdin?.end(RELEASE) };
}
