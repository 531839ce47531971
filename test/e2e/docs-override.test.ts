import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ExitCode } from "../../harness/util/errors.ts";
import { editedDocsCheckout } from "../support/edited-docs.ts";

// A doc edit, as a writer would make it in a checkout, run with --docs before it merges.
let checkout: string;
beforeAll(async () => {
  checkout = await editedDocsCheckout("2026.5.12", "providers/openai.md", (text) =>
    text
      // A promise reworded: the claims quoting it no longer stand in the docs.
      .replace("Sign in with browser OAuth (default) or the device-code flow above", "Sign in with the browser (default) or the device-code flow above")
      // A step renamed: the locator of the scenario that runs its command no longer resolves.
      .replace('<Step title="Use the canonical OpenAI model route">', '<Step title="Pick the OpenAI model route">'),
  );
}, 120_000);
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

test("--docs on an edited copy: a changed quote and a removed step are doc drift, not failures of OpenClaw", { timeout: 300_000 }, async () => {
  const cli = await execa(process.execPath, ["harness/cli/main.ts", "run", "--openclaw", "2026.5.12", "--scenario", "report-82978-codex-subscription,docs-explicit-pi-route", "--docs", checkout], {
    reject: false,
    env: { OCF_REPORTS_DIR: join(checkout, "reports") },
  });
  expect(cli.exitCode, cli.stderr).toBe(ExitCode.drift);
  expect(cli.stdout).toMatch(/§ report-82978-codex-subscription: doc-drift[^\n]*\n\s+claim device-code-flag: the quote is no longer in docs\/providers\/openai\.md: "Sign in with browser OAuth \(default\)/);
  expect(cli.stdout).toMatch(/§ docs-explicit-pi-route \[open\]: doc-drift[^\n]*\n\s+step [a-z-]+: no <Step title="Use the canonical OpenAI model route"> in <Tab title="Codex subscription"> of docs\/providers\/openai\.md \(found: "Pick the OpenAI model route"/);
  // docs-explicit-pi-route runs under two egresses: a result for each.
  expect(cli.stdout).toMatch(/^3 scenarios: 3 doc drift$/m);
  // What was under test: the edited tree, with the page it changed, and a re-run that uses it.
  const docsLine = `docs: ${join(checkout, "docs")} (1 page(s) differ from the package's: providers/openai.md)`;
  expect(cli.stdout).toContain(`  ${docsLine}`);
  expect(cli.stdout).toContain(`re-run: npm run conformance -- --openclaw 2026.5.12 --docs ${join(checkout, "docs")}`);
  const run = JSON.parse(readFileSync(join(checkout, "reports", "run.json"), "utf8")) as { run: { versions: { docs?: { changed: string[] } }[] } };
  expect(run.run.versions[0]?.docs?.changed).toEqual(["providers/openai.md"]);
});

test("--docs that is not a docs tree is bad input, named", async () => {
  const cli = await execa(process.execPath, ["harness/cli/main.ts", "explain", "report-82978-codex-subscription", "--docs", tmpdir()], { reject: false });
  expect(cli.exitCode).toBe(ExitCode.badInput);
  expect(cli.stderr.trim()).toMatch(/^openclaw-conformance: --docs .*: no OpenClaw docs tree there/);
});
