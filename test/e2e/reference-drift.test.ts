import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { RunReport } from "../../reports/writers/run-report.ts";
import { ExitCode } from "../../harness/util/errors.ts";
import { editedDocsCheckout } from "../support/edited-docs.ts";

// A writer renames one documented flag to one the CLI lacks, and changes nothing else.
const VERSION = "2026.9.6";
let checkout: string;
beforeAll(async () => {
  checkout = await editedDocsCheckout(VERSION, "cli/doctor/running.md", (text) => text.replace("| `--non-interactive`     ", "| `--unattended`          "));
}, 120_000);
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

test("a documented flag renamed to one the CLI lacks is new drift on the claim quoting its table row, and nothing else changes", { timeout: 300_000 }, async () => {
  const reports = join(checkout, "reports");
  const cli = await execa(process.execPath, ["harness/cli/main.ts", "run", "--openclaw", VERSION, "--scenario", "cli-reference", "--docs", checkout], { reject: false, env: { OCF_REPORTS_DIR: reports } });
  expect(cli.exitCode, cli.stderr).toBe(ExitCode.drift);
  const report = JSON.parse(readFileSync(join(reports, "run.json"), "utf8")) as RunReport;
  const [result] = report.scenarios;
  const notConforming = result!.claims.filter((claim) => claim.status !== "conforms").map((claim) => [claim.id, claim.status]);
  // The pinned known drift of the package's docs stays as it was; the rename is the one new finding.
  expect(notConforming.sort()).toEqual([
    ["command-policy", "known-drift"],
    ["flag-doctor--unattended", "new-drift"],
    ["flag-onboard--llama-server-api-key", "known-drift"],
  ]);
  const renamed = result!.claims.find((claim) => claim.id === "flag-doctor--unattended")!;
  expect(renamed.source).toBe("docs/cli/doctor/running.md:233");
  expect(renamed.quote).toMatch(/^--unattended \| Run without prompts/);
  expect(renamed.observed[0]).toBe("✗ openclaw doctor takes no --unattended; no command of this version does");
  expect(cli.stdout).toMatch(/✗ flag-doctor--unattended: new-drift\n\s+✗ openclaw doctor takes no --unattended/);
  // Findings fail nothing but are listed: options a documented command takes that no page names, dotted names that are no config path.
  expect(result!.findings?.some((finding) => /^openclaw [a-z ]+ takes --.*, which no page of the set names/.test(finding))).toBe(true);
  expect(result!.findings?.some((finding) => /is no config path of this version/.test(finding))).toBe(true);
});
