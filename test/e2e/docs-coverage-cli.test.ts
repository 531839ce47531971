import { cpSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { VersionCoverage } from "../../harness/coverage/coverage.ts";
import type { VersionPromises } from "../../harness/coverage/promises.ts";
import { ExitCode } from "../../harness/util/errors.ts";
import { projectRoot } from "../../harness/util/paths.ts";
import { runCli } from "../support/cli.ts";
import { editedDocsCheckout } from "../support/edited-docs.ts";

// coverage and check read the docs shipped in the packages and start nothing: no engine is called.
describe("coverage on the default versions' own docs", () => {
  let coverages: VersionCoverage[];
  let exitCode: number;
  beforeAll(async () => {
    const cli = await runCli(["coverage", "--openclaw", "2026.5.12,2026.9.6", "--format", "json"]);
    expect(cli.provisioningCalls).toEqual([]);
    coverages = JSON.parse(cli.stdout);
    exitCode = cli.exitCode;
  }, 120_000);

  test("every block of the page set has one status, and the totals add up", () => {
    for (const { blocks, totals } of coverages) {
      expect(blocks.length).toBe(totals.blocks);
      expect(totals.run + totals.substituted + totals.platform + totals.upstream + totals.excluded + totals.unaccounted).toBe(totals.blocks);
      expect(totals.percentRun).toBeCloseTo((100 * totals.run) / (totals.blocks - totals.platform - totals.upstream), 0);
    }
  });

  test("the Codex tab's Check-and-recover block runs, judged, on both versions", () => {
    for (const coverage of coverages) {
      const checks = coverage.blocks.find((block) => block.commands.some(({ command }) => command === "openclaw config get models.providers.openai.agentRuntime --json"));
      expect(checks?.status, coverage.openclaw).toBe("run");
      expect(checks!.commands.every((command) => command.runs.some((run) => run.scenario === "codex-oauth-routing-recovery" && run.claims.length > 0))).toBe(true);
    }
  });

  test("PowerShell blocks are another platform's, reported apart", () => {
    for (const coverage of coverages) {
      const powershell = coverage.blocks.filter((block) => block.lang === "powershell");
      expect(powershell.length).toBeGreaterThan(0);
      expect(powershell.every((block) => block.status === "platform")).toBe(true);
    }
  });

  test("the exit code says whether any block is unaccounted for", () => {
    expect(exitCode).toBe(coverages.some((coverage) => coverage.totals.unaccounted > 0) ? ExitCode.uncovered : ExitCode.asExpected);
  });
});

describe("check: a docs pull request's first job", () => {
  let checkout: string;
  beforeAll(async () => {
    // A writer renames a section and adds a command to another.
    checkout = await editedDocsCheckout("2026.9.6", "providers/openai/setup.md", (text) =>
      text
        .replace("### Check and recover Codex OAuth routing", "### Check Codex OAuth routing")
        .replace("```bash\n    openclaw doctor --fix\n    openclaw config validate\n    ```", "```bash\n    openclaw doctor --fix\n    openclaw config validate\n    openclaw doctor --deep\n    ```"),
    );
  }, 120_000);
  afterAll(() => rmSync(checkout, { recursive: true, force: true }));

  test("an edited tree: the renamed section is doc drift naming the scenario and step, the new command is unaccounted; exit 1", async () => {
    const cli = await runCli(["check", "--openclaw", "2026.9.6", "--docs", checkout]);
    expect(cli.exitCode, cli.stderr).toBe(ExitCode.drift);
    expect(cli.provisioningCalls).toEqual([]);
    expect(cli.stdout).toMatch(/✗ doc drift: codex-oauth-routing-recovery step models-status: no heading "Check and recover Codex OAuth routing" in <Tab title="Codex subscription"> of docs\/providers\/openai\/setup\.md \(found: [^)]*"Check Codex OAuth routing"/);
    expect(cli.stdout).toMatch(/✗ docs\/providers\/openai\/setup\.md:\d+  openclaw doctor --deep  → neither run nor excluded/);
  });

  test("the released docs: every locator and quote resolves", async () => {
    const cli = await runCli(["check", "--openclaw", "2026.9.6"]);
    expect(cli.stdout).toMatch(/^openclaw 2026\.9\.6: \d+ blocks on \d+ pages · run \d+ /m);
    expect(cli.stdout).toContain("✓ every scenario's locators and quotes resolve");
    expect([ExitCode.asExpected, ExitCode.uncovered]).toContain(cli.exitCode);
  });
});

// coverage --promises reads the same docs and scenarios and starts nothing either.
describe("promise coverage on the default versions' own docs", () => {
  let versions: VersionPromises[];
  let exitCode: number;
  beforeAll(async () => {
    const cli = await runCli(["coverage", "--promises", "--openclaw", "2026.5.12,2026.9.6", "--format", "json"]);
    expect(cli.provisioningCalls).toEqual([]);
    versions = JSON.parse(cli.stdout);
    exitCode = cli.exitCode;
  }, 120_000);

  test("every promise has one status, per page and per version the figures add up, and unaccounted promises exit 6", () => {
    expect(versions.map((version) => version.openclaw)).toEqual(["2026.5.12", "2026.9.6"]);
    for (const { promises, pages, totals } of versions) {
      expect(promises.length).toBe(totals.promises);
      expect(totals.effect + totals.reference + totals.excluded + totals.unaccounted).toBe(totals.promises);
      expect(pages.reduce((sum, page) => sum + page.promises, 0)).toBe(totals.promises);
      // A reference check alone is never an effect: an 'effect' promise names the claims that judge it.
      for (const promise of promises) expect(promise.status === "effect").toBe(promise.claims.length > 0);
    }
    expect(exitCode).toBe(versions.some((version) => version.totals.unaccounted > 0) ? ExitCode.uncovered : ExitCode.asExpected);
  });

  test("a sentence a scenario's claim quotes is judged by effect by that claim; one only the reference suite checks is 'reference'", () => {
    const latest = versions.find((version) => version.openclaw === "2026.9.6")!;
    const locale = latest.promises.find((promise) => promise.file === "docs/start/wizard.md" && promise.text.startsWith("It uses the first nonblank value from OPENCLAW_LOCALE"));
    expect(locale).toMatchObject({ status: "effect", claims: expect.arrayContaining(["wizard-locale/openclaw-locale-wins-over-lang"]) });
    const reference = latest.promises.filter((promise) => promise.status === "reference");
    expect(reference.length).toBeGreaterThan(0);
    for (const promise of reference) expect(promise.names.every((name) => name.referenceChecked)).toBe(true);
  });
});

describe("a quote is a promise: check refuses a heading as bad input, naming the claim and its file:line", () => {
  let scenarios: string;
  beforeAll(() => {
    scenarios = mkdtempSync(join(tmpdir(), "ocf-heading-quote-"));
    cpSync(join(projectRoot, "scenarios"), scenarios, { recursive: true });
    // A claim planted on one scenario quoting concepts/oauth.md's heading "Refresh + expiry".
    const file = join(scenarios, "concepts-oauth.yaml");
    const planted = readFileSync(file, "utf8").replace(/\nclaims:\n/, '\nclaims:\n  - id: planted-heading\n    quote: "Refresh + expiry"\n    page: concepts/oauth.md\n    step: ' + firstStepId(readFileSync(file, "utf8")) + '\n    expect: { outputIncludes: "x" }\n');
    writeFileSync(file, planted);
  });
  afterAll(() => rmSync(scenarios, { recursive: true, force: true }));

  test.each(["2026.5.12", "2026.9.6"])("on %s", async (version) => {
    const cli = await runCli(["check", "--openclaw", version], { OCF_SCENARIOS_DIR: scenarios });
    expect(cli.exitCode, cli.stderr).toBe(ExitCode.badInput);
    expect(cli.stderr).toMatch(/concepts-oauth\.yaml:\d+: claim planted-heading quotes a heading \(docs\/concepts\/oauth\.md:\d+\), which promises nothing: "Refresh \+ expiry"; quote the sentence under it/);
  });
});

/** The id of a scenario file's first step, as its YAML spells it. */
const firstStepId = (yaml: string) => /\nsteps:\n\s+- id: ([a-z0-9-]+)/.exec(yaml)![1]!;

describe("bad coverage data is bad input, named by file and line", () => {
  let scenarios: string;
  beforeAll(() => {
    scenarios = mkdtempSync(join(tmpdir(), "ocf-coverage-bad-"));
    cpSync(join(projectRoot, "scenarios"), scenarios, { recursive: true });
    writeFileSync(join(scenarios, "coverage", "exclusions.yaml"), "- page: \"**\"\n  lang: powershell\n  kind: platform\n  why: the Windows form of the install\n");
  });
  afterAll(() => rmSync(scenarios, { recursive: true, force: true }));

  test("a platform exclusion that does not name the platform", async () => {
    const cli = await runCli(["coverage", "--openclaw", "2026.9.6"], { OCF_SCENARIOS_DIR: scenarios });
    expect(cli.exitCode).toBe(ExitCode.badInput);
    expect(cli.stderr.trim()).toMatch(/^openclaw-conformance: .*coverage\/exclusions\.yaml:1: 0\.platform: a platform exclusion names the platform$/);
  });

  test("an exclusion without a page scope: a new command on another page must surface", async () => {
    const unscoped = mkdtempSync(join(tmpdir(), "ocf-coverage-unscoped-"));
    try {
      cpSync(join(projectRoot, "scenarios"), unscoped, { recursive: true });
      writeFileSync(join(unscoped, "coverage", "exclusions.yaml"), "- command: '^launchctl '\n  kind: platform\n  platform: macOS\n  why: launchd is macOS's service manager\n");
      const cli = await runCli(["coverage", "--openclaw", "2026.9.6"], { OCF_SCENARIOS_DIR: unscoped });
      expect(cli.exitCode).toBe(ExitCode.badInput);
      expect(cli.stderr.trim()).toMatch(/coverage\/exclusions\.yaml:1: 0\.page: /);
    } finally {
      rmSync(unscoped, { recursive: true, force: true });
    }
  });

  test("an unknown --format", async () => {
    const cli = await runCli(["coverage", "--format", "html"]);
    expect(cli.exitCode).toBe(ExitCode.badInput);
    expect(cli.stderr).toContain("--format html: one of text, markdown, json");
  });
});
