import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { ExitCode } from "../../harness/util/errors.ts";
import { cacheRoot } from "../../harness/util/paths.ts";
import { editedDocsCheckout } from "../support/edited-docs.ts";

// The action's steps run as a GitHub runner runs a composite action's shell steps (no runner is
// reachable here): expressions expanded, `bash --noprofile --norc -eo pipefail`, the workflow's
// environment files (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT) and GITHUB_WORKSPACE. Steps that `uses:`
// another action (the artifact upload) are the runner's own; the install step is `npm ci`,
// which the test command's own setup has already done for this folder.
const repo = process.cwd();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
interface ActionStep {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  shell?: string;
  env?: Record<string, string>;
  "working-directory"?: string;
}
const action = parse(readFileSync(join(repo, "action.yml"), "utf8")) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: ActionStep[] } };

/** `${{ inputs.x }}`, `${{ github.action_path }}` and `${{ runner.temp }}`: the expressions the action uses in values. */
function expand(text: string, inputs: Record<string, string>, runnerTemp: string): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    if (expression === "github.action_path") return repo;
    if (expression === "runner.temp") return runnerTemp;
    const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
    if (input !== undefined) return inputs[input] ?? action.inputs[input]?.default ?? "";
    throw new Error(`the test's runner does not know the expression ${expression}`);
  });
}

/** A step's `if:` as the runner reads the forms the action uses: always(), &&, inputs.x == 'v' and !=. */
function applies(condition: string | undefined, inputs: Record<string, string>): boolean {
  if (condition === undefined) return true;
  return condition.split("&&").every((part) => {
    const term = part.trim();
    if (term === "always()") return true;
    const comparison = /^inputs\.([\w-]+) (==|!=) '([^']*)'$/.exec(term);
    if (!comparison) throw new Error(`the test's runner does not know the condition ${term}`);
    const equal = (inputs[comparison[1]!] ?? action.inputs[comparison[1]!]?.default) === comparison[3];
    return comparison[2] === "==" ? equal : !equal;
  });
}

interface RunnerResult {
  exitCode: number;
  stdout: string;
  summary: string;
  outputs: string;
  ran: string[];
}

/**
 * The action's steps for these inputs, in order, until one fails (as the runner stops). The
 * runner's temp folder (where the reports go) is removed after, unless the caller gives its own.
 */
async function runAction(inputs: Record<string, string>, workspace: string, runnerTemp?: string): Promise<RunnerResult> {
  const files = runnerTemp ?? mkdtempSync(join(tmpdir(), "ocf-runner-"));
  const summaryFile = join(files, "step_summary");
  const outputFile = join(files, "output");
  writeFileSync(summaryFile, "");
  writeFileSync(outputFile, "");
  const ran: string[] = [];
  let stdout = "";
  let exitCode = 0;
  try {
    for (const step of action.runs.steps) {
      if (!applies(step.if, inputs)) continue;
      if (step.uses) {
        // The cache step restores this machine's caches, as a warm runner cache would.
        if (step.uses.startsWith("actions/cache@")) symlinkSync(cacheRoot, expand(step.with!.path!, inputs, files));
        ran.push(`uses ${step.uses}`);
        continue;
      }
      if (step.run!.startsWith("npm ci")) {
        ran.push(`${step.name} (done by the test command's setup)`);
        continue;
      }
      expect(step.shell).toBe("bash");
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value, inputs, files)]));
      const script = join(files, `${ran.length}.sh`);
      writeFileSync(script, expand(step.run!, inputs, files));
      const result = await execa("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
        cwd: step["working-directory"] ? expand(step["working-directory"], inputs, files) : workspace,
        env: { ...env, GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: files },
        reject: false,
        all: true,
      });
      ran.push(step.name);
      stdout += result.all;
      exitCode = result.exitCode ?? 1;
      if (exitCode !== 0) break;
    }
    return { exitCode, stdout, summary: readFileSync(summaryFile, "utf8"), outputs: readFileSync(outputFile, "utf8"), ran };
  } finally {
    if (!runnerTemp) rmSync(files, { recursive: true, force: true });
  }
}

describe("the GitHub Action, check mode, on a docs pull request", () => {
  let checkout: string;
  let rewordedLine: number;
  let newCommandLine: number;
  beforeAll(async () => {
    checkout = await editedDocsCheckout("2026.9.6", "cli/onboard.md", (text) =>
      text
        // A promise reworded: the claim quoting it no longer stands in the docs.
        .replace("Plain `openclaw onboard` starts the guided flow.", "Plain `openclaw onboard` begins the guided flow.")
        // A new documented command that no scenario runs and no exclusion names.
        .concat("\n## New flag\n\n```bash\nopenclaw onboard --brand-new-flag\n```\n"),
    );
    const lines = readFileSync(join(checkout, "docs/cli/onboard.md"), "utf8").split("\n");
    rewordedLine = lines.findIndex((line) => line.includes("begins the guided flow")) + 1;
    newCommandLine = lines.indexOf("openclaw onboard --brand-new-flag") + 1;
  }, 120_000);
  afterAll(() => rmSync(checkout, { recursive: true, force: true }));

  test("annotates the reworded promise and the new command at their lines, writes the job summary, and fails the job", { timeout: 120_000 }, async () => {
    const result = await runAction({ mode: "check", openclaw: "2026.9.6", docs: "docs" }, checkout);
    expect(result.ran).toEqual(["Install the harness (done by the test command's setup)", "Gate"]);
    expect(result.exitCode, result.stdout).toBe(ExitCode.drift);
    expect(result.stdout).toContain(
      `::error file=docs/cli/onboard.md,line=${rewordedLine},title=doc drift (openclaw 2026.9.6)%3A onboard-cli-examples claim bare-onboard-is-guided::the quote is no longer in docs/cli/onboard.md: "Plain \`openclaw onboard\` starts the guided flow."`,
    );
    expect(result.stdout).toContain(`::error file=docs/cli/onboard.md,line=${newCommandLine},title=not covered (openclaw 2026.9.6)::openclaw onboard --brand-new-flag → neither run nor excluded`);
    expect(result.summary).toMatch(/^## OpenClaw conformance: docs check \(exit 1\)\n/);
    expect(result.summary).toContain("| 2026.9.6 | ");
    // What the edit touches: the new command, no scenario runs it; a roll-up by page, the full table collapsed.
    expect(result.summary).toContain("### What this edit touches on openclaw 2026.9.6");
    expect(result.summary).toContain(`| + | \`docs/cli/onboard.md:${newCommandLine}\` | \`openclaw onboard --brand-new-flag\` | — |`);
    expect(result.summary).toMatch(/\| `docs\/cli\/onboard\.md` \| \d+ \|/);
    expect(result.summary).toContain("<details><summary>every block and what covers it (");
    expect(result.outputs).toBe("exit-code=1\nartifact-name=openclaw-conformance-reports\n");
  });

  test("an unknown mode is bad input, annotated, and fails the job", async () => {
    const result = await runAction({ mode: "bisect" }, checkout);
    expect(result.exitCode).toBe(ExitCode.badInput);
    expect(result.stdout).toContain('::error title=openclaw-conformance::mode "bisect": check, run or merge');
    expect(result.outputs).toBe("exit-code=3\nartifact-name=openclaw-conformance-reports\n");
  });
});

describe("the GitHub Action, run mode", () => {
  test("runs a shard of the suite, annotates known drift as a notice at the quoted sentence, writes the matrix to the job summary, passes; the merge job says the same", { timeout: 600_000 }, async () => {
    const workspace = mkdtempSync(join(tmpdir(), "ocf-workspace-"));
    const shardTemp = mkdtempSync(join(tmpdir(), "ocf-runner-"));
    try {
      // One shard of one (a matrix of one job), so the merge below has every blob.
      const result = await runAction({ mode: "run", openclaw: "2026.5.12", scenarios: "setup-cli-examples", shard: "1/1" }, workspace, shardTemp);
      expect(result.ran).toEqual(["Install the harness (done by the test command's setup)", "Cache key", "uses actions/cache@v4", "Gate", "uses actions/upload-artifact@v4"]);
      expect(result.exitCode, result.stdout).toBe(ExitCode.asExpected);
      // At the quoted sentence, led by the failed command's own line and what it said; and at that command's line.
      const knownDriftNotice = /^::notice file=docs\/cli\/setup\.md,line=\d+,title=known drift%3A setup-cli-examples \[open\] on openclaw 2026\.5\.12%2C claim remote-token-stored::↳ the command failed: docs\/cli\/setup\.md:\d+ \$ openclaw setup --non-interactive [^%]* → exit 1: Non-interactive setup requires explicit risk acknowledgement\.%0A"Remote Gateway WebSocket URL\." \(https:\/\/github\.com\/openclaw\/openclaw\/issues\/121951\)%0A✗ exit code 1/m;
      expect(result.stdout).toMatch(knownDriftNotice);
      expect(result.stdout).toMatch(/^::notice file=docs\/cli\/setup\.md,line=\d+,title=known drift%3A setup-cli-examples \[open\] on openclaw 2026\.5\.12%2C claim remote-token-stored%3A the command failed::openclaw setup --non-interactive /m);
      expect(result.summary).toContain("## OpenClaw conformance: 1 known drift");
      expect(result.summary).toContain("| setup-cli-examples | ≈ known drift |");
      expect(result.outputs).toMatch(/^prefix=openclaw-conformance-[0-9a-f]{16}-\nkey=openclaw-conformance-[0-9a-f]{16}-\d{4}-w\d{2}\nexit-code=0\nartifact-name=openclaw-conformance-reports-shard-1-of-1\n$/);

      // The image the shard ran on is now a file in the cache, for the next job to load.
      const { run } = JSON.parse(readFileSync(join(shardTemp, "openclaw-conformance-reports", "run.json"), "utf8")) as { run: { versions: { image: { tag: string } }[] } };
      expect(readdirSync(join(cacheRoot, "images"))).toContain(`${run.versions[0]!.image.tag.replace(/[/:]/g, "_")}.tar`);

      // The merge job: the shards' artifacts downloaded into the workspace, their blob folders merged.
      cpSync(join(shardTemp, "openclaw-conformance-reports", "blob"), join(workspace, "shards", "blob"), { recursive: true });
      // The shard's own run.json as the base run: the summary adds that no verdict changed.
      cpSync(join(shardTemp, "openclaw-conformance-reports", "run.json"), join(workspace, "base", "run.json"));
      const merged = await runAction({ mode: "merge", blobs: "shards/blob", base: "base/run.json" }, workspace);
      expect(merged.ran).toEqual(["Install the harness (done by the test command's setup)", "Gate", "uses actions/upload-artifact@v4"]);
      expect(merged.exitCode, merged.stdout).toBe(ExitCode.asExpected);
      expect(merged.stdout).toMatch(knownDriftNotice);
      expect(merged.summary).toMatch(new RegExp(`^${escapeRegExp(result.summary.trimEnd())}\n\n### Since the base run \\(2026\\.5\\.12, started [^)]+\\)\n\nNo verdict changed\\.\n$`));
      expect(merged.outputs).toBe("exit-code=0\nartifact-name=openclaw-conformance-reports\n");
    } finally {
      rmSync(workspace, { recursive: true, force: true });
      rmSync(shardTemp, { recursive: true, force: true });
    }
  });
});
