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

test("Ctrl-C during a run leaves no container, network or temp dir behind", { timeout: 180_000 }, async () => {
  // The CLI gets a temp root of its own: scenarios running beside this test make temp dirs too.
  const cliTmp = mkdtempSync(join(tmpdir(), "ocf-interrupt-"));
  // detached: its own process group, so the signal reaches the CLI and its workers as a terminal's would.
  const cli = execa(process.execPath, ["harness/cli/main.ts", "run", "--scenario", "legacy-pi-route"], {
    reject: false,
    detached: true,
    env: { TMPDIR: cliTmp, OCF_REPORTS_DIR: join(cliTmp, "reports") },
  });
  // The run says its id once its input is checked and Ctrl-C is its own to handle.
  let stderr = "";
  cli.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  expect(await until(async () => /run (run-[0-9a-f]+): /.test(stderr), 60_000), stderr).toBe(true);
  const runId = /run (run-[0-9a-f]+): /.exec(stderr)![1]!;
  expect(await until(async () => (await containersOf(runId)).length > 0, 120_000)).toBe(true);
  process.kill(-cli.pid!, "SIGINT");
  const result = await cli;
  expect(result.exitCode).toBe(130);
  expect(await containersOf(runId)).toEqual([]);
  const { stdout: networks } = await execa("docker", ["network", "ls", "--filter", `label=${LABEL}`, "-q"]);
  expect(networks.trim()).toBe("");
  // Left by design and shared across processes, not ours to remove: testcontainers' reaper lock
  // and Node's module compile cache (vitest turns it on).
  const leftDirs = readdirSync(cliTmp).filter((name) => name !== "reports" && !/^testcontainers-node-\d+\.lock$/.test(name) && name !== "node-compile-cache");
  rmSync(cliTmp, { recursive: true, force: true });
  expect(leftDirs).toEqual([]);
});
