import { progress } from "../util/progress.ts";
import { RELEASE } from "./run-guard.ts";
import { sweepInterruptedRun } from "./sweep.ts";

// The guard of one run (see run-guard.ts): waits for its run's process to end, and sweeps when
// that process did not say it had cleaned up.
const runId = process.argv[2]!;
let said = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => (said += chunk));
process.stdin.on("close", async () => {
  if (said === RELEASE) return;
  try {
    const removed = await sweepInterruptedRun(runId);
    if (removed) progress(`run ${runId} was interrupted: removed ${removed} container(s) and temp dir(s) it left`);
  } catch (error) {
    // The engine or its CLI went first (a machine shutting down): nothing left here to sweep with.
    progress(`run ${runId} was interrupted and its leftovers could not be swept: ${(error as Error & { shortMessage?: string }).shortMessage ?? (error as Error).message}`);
    process.exitCode = 1;
  }
});
