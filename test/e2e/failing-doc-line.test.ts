import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { RunReport } from "../../reports/writers/run-report.ts";
import { ExitCode } from "../../harness/util/errors.ts";
import { editedDocsCheckout } from "../support/edited-docs.ts";
import { ensureChromium, rendered, tabCount } from "../support/rendered-report.ts";

// A docs edit that breaks one documented command (a mistyped flag): every report leads with that
// command's own doc line and what OpenClaw said, not only with the sentences its claims quote.
let checkout: string;
beforeAll(async () => {
  checkout = await editedDocsCheckout("2026.5.12", "providers/anthropic.md", (text) =>
    text.replace('openclaw onboard --anthropic-api-key "$ANTHROPIC_API_KEY"', 'openclaw onboard --anthropic-api-kee "$ANTHROPIC_API_KEY"'),
  );
}, 120_000);
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

const cli = (args: string[]) => execa(process.execPath, ["harness/cli/main.ts", ...args], { reject: false, env: { OCF_REPORTS_DIR: join(checkout, "reports") } });

test("a broken documented command: its file:line and its error line in the summary, run.json, the Markdown and the annotations; the HTML report red and naming the tree", { timeout: 300_000 }, async () => {
  const run = await cli(["run", "--openclaw", "2026.5.12", "--scenario", "anthropic-api-key-flag-onboard", "--docs", checkout]);
  expect(run.exitCode, run.stderr).toBe(ExitCode.drift);
  const failed = /↳ the command failed: docs\/providers\/anthropic\.md:49 \$ openclaw onboard --anthropic-api-kee "\$ANTHROPIC_API_KEY" → exit 1: .*--anthropic-api-kee/;
  expect(run.stdout).toMatch(failed);
  const report = JSON.parse(readFileSync(join(checkout, "reports", "run.json"), "utf8")) as RunReport;
  const causes = report.scenarios.flatMap((entry) => entry.claims.flatMap((claim) => (claim.cause ? [claim.cause] : [])));
  expect(causes.length).toBeGreaterThan(0);
  expect(causes.every((cause) => cause.at === "docs/providers/anthropic.md:49" && !cause.earlier && /anthropic-api-kee/.test(cause.line))).toBe(true);
  const markdown = await cli(["report"]);
  expect(markdown.stdout).toMatch(/`docs\/providers\/anthropic\.md:49` exit 1: .*anthropic-api-kee/);
  // The HTML report, as a reader sees it: the drifted scenario is red, none green.
  await ensureChromium();
  const dom = await rendered(join(checkout, "reports", "allure-report", "index.html"), join(checkout, "reports", "report.png"));
  expect([tabCount(dom, "failed"), tabCount(dom, "passed")]).toEqual([1, 0]);
  expect(dom).toContain(`docs: ${join(checkout, "docs")}`);
  const github = await cli(["report", "--format", "github"]);
  expect(github.stdout).toMatch(/^::error file=docs\/providers\/anthropic\.md,line=49,title=new drift%3A anthropic-api-key-flag-onboard .*the command failed::openclaw onboard --anthropic-api-kee/m);
});
