import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { execa } from "execa";
import { expect, test } from "vitest";
import { LABEL } from "../../harness/util/paths.ts";

/** The containers of one run (other tests run the CLI at the same time). */
const containersOf = async (runId: string) => {
  const { stdout } = await execa("docker", ["ps", "-a", "--filter", `label=${LABEL}.run=${runId}`, "--format", "{{.ID}}"]);
  return stdout.split("\n").filter(Boolean);
};

/** Polls until the condition holds: a readiness wait with a bound, not a sleep. */
async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** What a run left in its temp root: testcontainers' reaper lock and Node's compile cache are shared across processes by design, not ours to remove. */
const leftIn = (root: string) => readdirSync(root).filter((name) => name !== "reports" && !/^testcontainers-node-\d+\.lock$/.test(name) && name !== "node-compile-cache");

/**
 * Starts `args` (node's) in a process group and temp root of its own, waits for the run's first
 * container, sends the group SIGINT as a terminal's Ctrl-C does, and returns the exit code, the
 * run's id and the temp root (the caller removes it).
 */
async function interruptMidRun(args: string[], firstContainerWithinMs = 120_000) {
  // Its own temp root: scenarios running beside this test make temp dirs too.
  const root = mkdtempSync(join(tmpdir(), "ocf-interrupt-"));
  const child = execa(process.execPath, args, { reject: false, detached: true, env: { TMPDIR: root, OCF_REPORTS_DIR: join(root, "reports") } });
  // The run says its id once its input is checked and its containers are about to start.
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const announced = /run (run-[0-9a-f]+): /;
  expect(await until(async () => announced.test(stderr), 60_000), stderr).toBe(true);
  const runId = announced.exec(stderr)![1]!;
  expect(await until(async () => (await containersOf(runId)).length > 0, firstContainerWithinMs)).toBe(true);
  process.kill(-child.pid!, "SIGINT");
  const { exitCode } = await child;
  return { exitCode, runId, root };
}

test("Ctrl-C during a run leaves no container, network or temp dir behind", { timeout: 180_000 }, async () => {
  const { exitCode, runId, root } = await interruptMidRun(["harness/cli/main.ts", "run", "--scenario", "legacy-pi-route"]);
  expect(exitCode).toBe(130);
  expect(await containersOf(runId)).toEqual([]);
  const { stdout: networks } = await execa("docker", ["network", "ls", "--filter", `label=${LABEL}`, "-q"]);
  expect(networks.trim()).toBe("");
  const left = leftIn(root);
  rmSync(root, { recursive: true, force: true });
  expect(left).toEqual([]);
});

test("Ctrl-C during the test command (vitest itself, not the CLI) leaves no container or temp dir behind", { timeout: 300_000 }, async () => {
  // vitest ends its main process a millisecond after the signal; the workers clean up after it.
  // A file filter, as a person narrows the test command: a test-name filter (-t) has vitest collect
  // every scenario module first (88 s of CPU on this 2-core machine, 2026-12-06).
  const vitest = ["node_modules/vitest/vitest.mjs", "run", "--project", "conformance", "--reporter", "default", "scenarios/legacy-pi-route.yaml"];
  const { exitCode, runId, root } = await interruptMidRun(vitest, 180_000);
  expect(exitCode).toBe(130);
  expect(await until(async () => (await containersOf(runId)).length === 0, 30_000), `containers of ${runId} left`).toBe(true);
  expect(await until(async () => leftIn(root).length === 0, 30_000), `left in ${root}: ${leftIn(root).join(", ")}`).toBe(true);
  rmSync(root, { recursive: true, force: true });
});
