import { readdirSync, rmSync } from "node:fs";
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
  const before = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith("ocf-run-")));
  // detached: its own process group, so the signal reaches the CLI and its workers as a terminal's would.
  const reports = `${tmpdir()}/ocf-interrupt-reports-${process.pid}`;
  const cli = execa(process.execPath, ["harness/cli/main.ts", "run", "--scenario", "legacy-pi-route-open"], { reject: false, detached: true, env: { OCF_REPORTS_DIR: reports } });
  expect(await until(async () => (await cliContainers()).length > 0, 120_000)).toBe(true);
  process.kill(-cli.pid!, "SIGINT");
  const result = await cli;
  rmSync(reports, { recursive: true, force: true });
  expect(result.exitCode).toBe(130);
  expect(await cliContainers()).toEqual([]);
  const { stdout: networks } = await execa("docker", ["network", "ls", "--filter", `label=${LABEL}`, "-q"]);
  expect(networks.trim()).toBe("");
  const leftDirs = readdirSync(tmpdir()).filter((name) => name.startsWith("ocf-run-") && !before.has(name));
  expect(leftDirs).toEqual([]);
});
