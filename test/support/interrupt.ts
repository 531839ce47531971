import { mkdtempSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { execa } from "execa";
import { expect } from "vitest";
import { RUN_LABEL } from "../../harness/sut/owner.ts";

/** The containers of one run (other tests run the CLI at the same time). */
export const containersOf = async (runId: string) => {
  const { stdout } = await execa("docker", ["ps", "-a", "--filter", `label=${RUN_LABEL}=${runId}`, "--format", "{{.ID}}"]);
  return stdout.split("\n").filter(Boolean);
};

/** Polls until the condition holds: a readiness wait with a bound, not a sleep. */
export async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** What a run left in its temp root: testcontainers' reaper lock and Node's compile cache are shared across processes by design, not ours to remove. */
export const leftIn = (root: string) => readdirSync(root).filter((name) => name !== "reports" && !/^testcontainers-node-\d+\.lock$/.test(name) && name !== "node-compile-cache");

/**
 * Starts `args` (node's) in a process group and temp root of its own, waits for the run's first
 * container, sends the group SIGINT as a terminal's Ctrl-C does, and returns the exit code, the
 * run's id and the temp root (the caller removes it).
 */
export async function interruptMidRun(args: string[], firstContainerWithinMs = 120_000, env: Record<string, string> = {}) {
  // Its own temp root: scenarios running beside this test make temp dirs too.
  const root = mkdtempSync(join(tmpdir(), "ocf-interrupt-"));
  const child = execa(process.execPath, args, { reject: false, detached: true, env: { TMPDIR: root, OCF_REPORTS_DIR: join(root, "reports"), ...env } });
  // The run says its id once its input is checked and its containers are about to start.
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const announced = /run (run-[0-9a-f]+): /;
  expect(await until(async () => announced.test(stderr), 60_000), stderr).toBe(true);
  const runId = announced.exec(stderr)![1]!;
  expect(await until(async () => (await containersOf(runId)).length > 0, firstContainerWithinMs)).toBe(true);
  process.kill(-child.pid!, "SIGINT");
  const { exitCode } = await child;
  return { exitCode, runId, root, stderr };
}
