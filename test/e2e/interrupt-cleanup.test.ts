import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { execa } from "execa";
import { expect, test } from "vitest";
import { LABEL } from "../../harness/util/paths.ts";

const cliContainers = async () => {
  const { stdout } = await execa("docker", ["ps", "-a", "--filter", `label=${LABEL}=sut`, "--format", `{{.ID}} {{.Label "${LABEL}.run"}}`]);
  return stdout.split("\n").filter((line) => line.split(" ")[1]?.startsWith("run-"));
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
  const cli = execa(process.execPath, ["harness/cli/main.ts", "run", "--scenario", "legacy-pi-route-open"], {
    reject: false,
    detached: true,
    env: { TMPDIR: cliTmp, OCF_REPORTS_DIR: join(cliTmp, "reports") },
  });
  expect(await until(async () => (await cliContainers()).length > 0, 120_000)).toBe(true);
  process.kill(-cli.pid!, "SIGINT");
  const result = await cli;
  expect(result.exitCode).toBe(130);
  expect(await cliContainers()).toEqual([]);
  const { stdout: networks } = await execa("docker", ["network", "ls", "--filter", `label=${LABEL}`, "-q"]);
  expect(networks.trim()).toBe("");
  // testcontainers' reaper lock is a shared, empty, cross-process file that it leaves by design.
  const leftDirs = readdirSync(cliTmp).filter((name) => name !== "reports" && !/^testcontainers-node-\d+\.lock$/.test(name));
  rmSync(cliTmp, { recursive: true, force: true });
  expect(leftDirs).toEqual([]);
});
