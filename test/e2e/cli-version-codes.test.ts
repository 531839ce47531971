import { expect, test } from "vitest";
import { ExitCode } from "../../harness/util/errors.ts";
import { runCli } from "../support/cli.ts";

// The exit codes that need npm's word on a version: one line each, nothing provisioned.

test("a version npm does not have is bad input (exit 3)", async () => {
  const result = await runCli(["run", "--openclaw", "2026.1.99"]);
  expect(result.exitCode, result.stderr).toBe(ExitCode.badInput);
  expect(result.stderr.trim()).toBe('openclaw-conformance: unknown OpenClaw version "2026.1.99": npm has no openclaw@2026.1.99 (see: npm view openclaw versions)');
  expect(result.provisioningCalls).toEqual([]);
});

test("a selection the version's ranges leave empty checks nothing: exit 5, unless allowed", async () => {
  const args = ["run", "--openclaw", "2026.9.6", "--scenario", "report-82978-codex-subscription,legacy-pi-route"];
  const refused = await runCli(args);
  expect(refused.exitCode, refused.stderr).toBe(ExitCode.nothingChecked);
  expect(refused.stderr.trim()).toMatch(/^openclaw-conformance: nothing to check: no selected scenario applies to openclaw 2026\.9\.6: .*report-82978-codex-subscription \(>=2026\.5\.12 <2026\.6\.0\).*; --allow-all-skipped to accept that$/);
  const allowed = await runCli([...args, "--allow-all-skipped"]);
  expect(allowed.exitCode).toBe(ExitCode.asExpected);
  expect(allowed.stderr).toMatch(/\(allowed by --allow-all-skipped\)/);
  expect([...refused.provisioningCalls, ...allowed.provisioningCalls]).toEqual([]);
});
