import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ExitCode } from "../../harness/util/errors.ts";
import { runCli } from "../support/cli.ts";

// Each way a user can get the input wrong: one line naming the problem, its own exit code, and
// no engine installed, started or built. None of these needs the network.
const work = mkdtempSync(join(tmpdir(), "ocf-cli-codes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A scenarios folder with the project's own scenarios, then one file changed or added. */
function scenariosWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(work, "scenarios-"));
  for (const name of ["legacy-pi-route.yaml", "known-drift.yaml"]) writeFileSync(join(dir, name), readFileSync(join("scenarios", name), "utf8"));
  writeFileSync(join(dir, "known-drift.yaml"), "[]\n");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const oneLine = (stderr: string) => {
  const lines = stderr.trim().split("\n").filter((line) => !line.startsWith("[ocf]"));
  expect(lines).toHaveLength(1);
  return lines[0]!;
};

describe("bad input: exit 3, one line, nothing provisioned", () => {
  test.each([
    ["an unknown option", ["run", "--bogus"], /^openclaw-conformance: Unknown option '--bogus'.*\(see --help\)$/],
    ["an option without its value", ["run", "--openclaw"], /^openclaw-conformance: Option '--openclaw <value>' argument missing \(see --help\)$/],
    ["an unknown command", ["frobnicate"], /^openclaw-conformance: unknown command "frobnicate" \(see --help\)$/],
    ["a scenario that does not exist", ["run", "--scenario", "typo"], /^openclaw-conformance: no scenario "typo" \(scenarios: .*report-82978-codex-subscription.*\)$/],
    ["a tag no scenario has", ["run", "--tag", "typo"], /^openclaw-conformance: no scenario has the tag "typo" \(tags: .*report-82978.*\)$/],
    ["a scenario id one letter off: the one it meant", ["run", "--scenario", "legacy-pi-rout"], /^openclaw-conformance: no scenario "legacy-pi-rout" \(did you mean "legacy-pi-route"\?\)$/],
    ["a tag one letter off", ["list", "--tag", "report-8297"], /^openclaw-conformance: no scenario has the tag "report-8297" \(did you mean "report-82978"\?\)$/],
    ["an egress there is not", ["run", "--egress", "closed"], /^openclaw-conformance: no egress "closed" \(egresses: open, .*blocked-via-proxy\)$/],
    ["a scenario with an egress it does not run under", ["run", "--scenario", "models-auth-synopsis", "--egress", "cloudflare-sensitive"], /^openclaw-conformance: models-auth-synopsis runs under open, not cloudflare-sensitive$/],
    ["a page no scenario names", ["list", "--page", "cli/doctr.md"], /^openclaw-conformance: no scenario names a page matching "cli\/doctr\.md" \(did you mean "cli\/doctor\.md"\?\)$/],
    ["--page on run, which selects by id", ["run", "--page", "cli/config.md"], /^openclaw-conformance: --page selects what list shows/],
    ["an empty selection", ["run", "--scenario", ","], /^openclaw-conformance: --scenario is empty/],
    ["a version that is not one", ["run", "--openclaw", "2026.5.12;reboot"], /^openclaw-conformance: "2026\.5\.12;reboot" is not an OpenClaw version/],
    ["a path that does not exist", ["run", "--openclaw", "./openclaw-9.9.9.tgz"], /^openclaw-conformance: --openclaw \.\/openclaw-9\.9\.9\.tgz: no such file or folder/],
    ["an issue that is not one", ["repro", "("], /^openclaw-conformance: "\(" is not an issue: give its number/],
    ["repro without an issue", ["repro"], /^openclaw-conformance: repro <issue> is missing/],
    ["a docs tree that is not one", ["run", "--docs", "/nonexistent"], /^openclaw-conformance: --docs \/nonexistent: no OpenClaw docs tree there/],
  ])("%s", async (_, args, message) => {
    const result = await runCli(args);
    expect(result.exitCode, result.stderr).toBe(ExitCode.badInput);
    expect(oneLine(result.stderr)).toMatch(message);
    expect(result.provisioningCalls).toEqual([]);
  });

  test("a reports directory that holds somebody else's files is never emptied", async () => {
    const foreign = join(work, "precious");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "thesis.tex"), "years of work");
    const result = await runCli(["run"], { OCF_REPORTS_DIR: foreign });
    expect(result.exitCode).toBe(ExitCode.badInput);
    expect(oneLine(result.stderr)).toMatch(/refusing to empty .*precious: it holds files that are not reports of ours/);
    expect(readFileSync(join(foreign, "thesis.tex"), "utf8")).toBe("years of work");
    expect(result.provisioningCalls).toEqual([]);
  });

  test.each([
    ["a scenario range that does not parse", { "x.yaml": readFileSync("scenarios/legacy-pi-route.yaml", "utf8").replace(/^id: .*$/m, "id: x").replace(/^openclaw: .*$/m, "openclaw: banana") }, /x\.yaml:\d+: openclaw: not a semver range/],
    ["a step timeout of zero", { "x.yaml": readFileSync("scenarios/legacy-pi-route.yaml", "utf8").replace(/^id: .*$/m, "id: x").replace(/timeout: \d+s/, "timeout: 0s") }, /x\.yaml:\d+: steps\.\d+\.timeout: a duration longer than zero/],
    ["a known drift naming no scenario", { "known-drift.yaml": "- { scenario: nope, claim: c, openclaw: '*', issue: 'https://example.test/1', fails: x }\n" }, /known-drift\.yaml:1: 0\.scenario: no scenario "nope" \(scenarios: legacy-pi-route\)/],
    ["a known drift naming no claim of its scenario", { "known-drift.yaml": "- scenario: legacy-pi-route\n  claim: nope\n  openclaw: '*'\n  issue: 'https://example.test/1'\n  fails: x\n" }, /known-drift\.yaml:2: 0\.claim: scenario "legacy-pi-route" has no claim "nope" \(claims: /],
    ["a known drift with a range that does not parse", { "known-drift.yaml": "- { scenario: legacy-pi-route, claim: c, openclaw: 'soon', issue: 'https://example.test/1', fails: x }\n" }, /known-drift\.yaml:1: 0\.openclaw: not a semver range/],
    ["a known drift that does not say how it fails", { "known-drift.yaml": "- { scenario: legacy-pi-route, claim: c, openclaw: '*', issue: 'https://example.test/1' }\n" }, /known-drift\.yaml:1: 0\.fails: /],
    ["a YAML alias bomb", { "bomb.yaml": `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n` }, /bomb\.yaml:1: YAML: Excessive alias count/],
  ])("%s", async (_, files, message) => {
    const result = await runCli(["run"], { OCF_SCENARIOS_DIR: scenariosWith(files) });
    expect(result.exitCode, result.stderr).toBe(ExitCode.badInput);
    expect(oneLine(result.stderr)).toMatch(message);
    expect(result.provisioningCalls).toEqual([]);
  });
});

test("an npm registry that cannot be reached is the environment's problem (exit 4), at once", async () => {
  const started = Date.now();
  const result = await runCli(["run", "--openclaw", "2026.5.12"], { npm_config_registry: "http://127.0.0.1:9/", npm_config_cache: join(work, "empty-npm-cache") });
  expect(result.exitCode, result.stderr).toBe(ExitCode.environment);
  expect(oneLine(result.stderr)).toMatch(/^openclaw-conformance: cannot ask the npm registry about openclaw@2026\.5\.12: .*ECONNREFUSED/);
  expect(result.provisioningCalls).toEqual([]);
  expect(Date.now() - started).toBeLessThan(20_000);
});

test("--help is not an error; no command is", async () => {
  expect((await runCli(["--help"])).exitCode).toBe(ExitCode.asExpected);
  expect((await runCli([])).exitCode).toBe(ExitCode.badInput);
});

describe("for scripts", () => {
  test("--version names this harness and its Node", async () => {
    const cli = await runCli(["--version"]);
    expect(cli.exitCode).toBe(ExitCode.asExpected);
    expect(cli.stdout.trim()).toMatch(/^openclaw-conformance \d+\.\d+\.\d+ \(node v\d+\.\d+\.\d+\)$/);
  });
  test("list --json gives every scenario with its versions, egresses, tags and file", async () => {
    const cli = await runCli(["list", "--json"]);
    expect(cli.exitCode).toBe(ExitCode.asExpected);
    const listed = JSON.parse(cli.stdout) as { id: string; openclaw: string; egress: string[]; file: string }[];
    expect(listed.find((entry) => entry.id === "legacy-pi-route")).toMatchObject({ openclaw: ">=2026.5.12 <2026.6.0", egress: ["open", "cloudflare-sensitive"] });
    expect(listed.every((entry) => entry.file.endsWith(`${entry.id}.yaml`))).toBe(true);
  });
});
