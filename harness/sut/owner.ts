import { hostname } from "node:os";
import { execa } from "execa";
import { LABEL } from "../util/paths.ts";

/**
 * Which harness process owns a container: its pid and the host it runs on. A harness in a
 * container of its own (an engine in a VM) has pids of its own namespace, so a pid means something
 * only on its host: the harness's container is named by a hostname of this form, and is alive
 * while that container runs.
 */
export const OWNER_PID_LABEL = `${LABEL}.pid`;
/** The run a container belongs to (its id), so that run's own cleanup finds it. */
export const RUN_LABEL = `${LABEL}.run`;
export const OWNER_HOST_LABEL = `${LABEL}.host`;
/** The label a harness's own container carries, with its hostname. */
export const HARNESS_HOST_LABEL = `${LABEL}.harness`;
export const HARNESS_HOST_PREFIX = "ocf-harness-";

/** The labels every container this process starts carries. */
export const ownerLabels = (): Record<string, string> => ({ [OWNER_PID_LABEL]: String(process.pid), [OWNER_HOST_LABEL]: hostname() });

/** Whether the process exists: another user's (a root run beside a docker-group user's) answers EPERM, and is alive. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether a container's owner still runs: a process of this host by its pid; a harness in its own
 * container while that container runs; an owner on a host this one cannot see is left alone.
 */
export async function ownerAlive(pid: number, host: string | undefined): Promise<boolean> {
  if (!host || host === hostname()) return pid > 0 && pidAlive(pid);
  if (!host.startsWith(HARNESS_HOST_PREFIX)) return true;
  const { stdout } = await execa("docker", ["ps", "-q", "--filter", `label=${HARNESS_HOST_LABEL}=${host}`, "--filter", "status=running"], { reject: false });
  return stdout.trim() !== "";
}
