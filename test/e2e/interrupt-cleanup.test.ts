import { rmSync } from "node:fs";
import { execa } from "execa";
import { expect, test } from "vitest";
import { LABEL } from "../../harness/util/paths.ts";
import { containersOf, interruptMidRun, leftIn, until } from "../support/interrupt.ts";

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
