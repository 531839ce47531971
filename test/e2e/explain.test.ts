import { execa } from "execa";
import { expect, test } from "vitest";
import { loadReferenceSuites, loadScenarios } from "../../harness/scenario/load-scenarios.ts";
import { ExitCode } from "../../harness/util/errors.ts";

// `explain` reads the docs of a version and starts nothing: what a scenario will run, and why.
const explain = (...args: string[]) => execa(process.execPath, ["harness/cli/main.ts", "explain", ...args], { reject: false });

test("explain prints each doc step at its file:line, each claim with its quote and known drift", async () => {
  const cli = await explain("report-82978-codex-subscription", "--openclaw", "2026.5.12");
  expect(cli.exitCode, cli.stderr).toBe(ExitCode.asExpected);
  expect(cli.stdout).toMatch(/login-documented-flag {2}docs\/providers\/openai\.md:\d+\n\s+\$ openclaw models auth login --provider openai-codex --device-code/);
  expect(cli.stdout).toMatch(/then, standing in for it: .*openclaw gateway run \(until \/\\\[gateway\\\] ready\/\)/);
  expect(cli.stdout).toMatch(/codex-runtime-selected {2}\(step turn\)\n\s+"OpenAI agent turns select the native Codex app-server runtime automatically" {2}docs\/providers\/openai\.md:\d+/);
  expect(cli.stdout).toContain("known drift on 2026.5.12: https://github.com/openclaw/openclaw/issues/82978");
});

test("explain on another version follows the docs where they moved, and names what is gone", { timeout: 120_000 }, async () => {
  const cli = await explain("report-82978-codex-subscription", "--openclaw", "2026.9.6");
  expect(cli.exitCode, cli.stderr).toBe(ExitCode.drift);
  expect(cli.stdout).toContain("(2026.9.6: does not apply; a run would skip it)");
  expect(cli.stdout).toMatch(/docs\/providers\/openai\/setup\.md:\d+\n\s+\$ openclaw models auth login --provider openai --device-code\n\s+the docs moved: followed the anchor stub at docs\/providers\/openai\.md:\d+/);
  expect(cli.stdout).toMatch(/"OpenAI agent turns select the native Codex app-server runtime automatically" {2}§ doc drift: the quote is no longer in docs\/providers\/openai\.md/);
  // cli/gateway.md was split on this version: a quote is found where its section's stub points.
  const reference = await explain("gateway-cli-reference", "--openclaw", "2026.9.6");
  expect(reference.stdout).toMatch(/"Refuses to start unless `gateway\.mode=local` is set in `~\/\.openclaw\/openclaw\.json`\." {2}docs\/cli\/gateway\/running\.md:\d+ \(moved: followed the anchor stub at docs\/cli\/gateway\.md:\d+\)/);
});

test("explain of an unknown scenario is bad input and lists the scenarios; --egress shows that egress only", async () => {
  const cli = await explain("no-such-scenario");
  expect(cli.exitCode).toBe(ExitCode.badInput);
  const ids = [...loadScenarios().map(({ scenario }) => scenario.id), ...loadReferenceSuites().map(({ suite }) => suite.id)].join(", ");
  expect(cli.stderr.trim()).toBe(`openclaw-conformance: no scenario "no-such-scenario" (scenarios: ${ids})`);
  const one = await explain("codex-harness-quickstart", "--openclaw", "2026.9.6", "--egress", "cloudflare-sensitive");
  expect(one.exitCode).toBe(ExitCode.asExpected);
  expect(one.stdout.match(/^codex-harness-quickstart \[[a-z-]+\]:/gm)).toEqual(["codex-harness-quickstart [cloudflare-sensitive]:"]);
});
