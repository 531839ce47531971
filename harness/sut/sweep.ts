import { execa } from "execa";
import { LABEL } from "../util/paths.ts";
import { progress } from "../util/progress.ts";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes SUT containers whose harness process is gone (a crash or a kill -9 cannot clean up
 * after itself). Containers of a live harness run are left alone.
 */
export async function sweepLeftovers(): Promise<number> {
  const { stdout } = await execa("docker", ["ps", "-a", "--filter", `label=${LABEL}=sut`, "--format", `{{.ID}} {{.Label "${LABEL}.pid"}}`]);
  const orphans = stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" "))
    .filter(([, pid]) => !pid || !alive(Number(pid)))
    .map(([id]) => id!);
  if (orphans.length) {
    progress(`removing ${orphans.length} container(s) left by an earlier run`);
    await execa("docker", ["rm", "-f", "-v", ...orphans], { reject: false });
  }
  return orphans.length;
}
