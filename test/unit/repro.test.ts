import { describe, expect, test } from "vitest";
import { formatEvidence, scenariosForIssue } from "../../harness/cli/repro.ts";
import { BadInputError } from "../../harness/util/errors.ts";
import type { RunReport } from "../../reports/writers/run-report.ts";

describe("repro finds the scenarios linked to an issue", () => {
  test("by number: through the scenarios' issues and the known-drift entries", () => {
    expect(scenariosForIssue("82978").sort()).toEqual([
      "codex-cli-migration", "codex-harness-quickstart", "codex-oauth-routing-recovery", "codex-subscription-config-examples", "concepts-oauth", "docs-explicit-pi-route", "legacy-pi-route", "openai-api-key-onboard",
      "report-82978-codex-subscription", "report-82978-drift-items",
    ]);
  });

  test("by URL, pull requests included", () => {
    expect(scenariosForIssue("https://github.com/openclaw/openclaw/pull/112211")).toEqual(["codex-subscription-browser-login"]);
  });

  test("an issue nothing links to is bad input", () => {
    expect(() => scenariosForIssue("1")).toThrow(BadInputError);
  });
});

test("the evidence names the promise, every command up to the claim's step, what was seen and the journal", () => {
  const step = (id: string, command: string, exitCode: number) => ({ id, command, source: "explicit: why", exitCode, durationMs: 1 });
  const report: RunReport = {
    run: { startedAt: "", finishedAt: "", versions: [], harnessNode: "v24", harnessErrors: [] },
    scenarios: [
      {
        id: "s", title: "t", openclaw: "2026.5.12", status: "known-drift", message: "", durationMs: 1, journal: [],
        steps: [step("login", "openclaw login", 0), step("turn", "openclaw agent", 1), step("after", "openclaw status", 0)],
        claims: [{
          id: "c", status: "known-drift", quote: "turns select codex", source: "docs/providers/openai.md:227", step: "turn",
          observed: ["✗ exit code 1 (expected 0)"], evidence: ["#8 POST https://chatgpt.com/x → 403"], issue: "https://github.com/openclaw/openclaw/issues/82978",
        }],
      },
    ],
  };
  expect(formatEvidence(report, ["s"])).toBe(
    [
      "",
      "s: known-drift",
      "  claim c: known drift (https://github.com/openclaw/openclaw/issues/82978)",
      '    docs (docs/providers/openai.md:227): "turns select codex"',
      "    $ openclaw login  [login, explicit: why] → exit 0",
      "    $ openclaw agent  [turn, explicit: why] → exit 1",
      "    ✗ exit code 1 (expected 0)",
      "    journal #8 POST https://chatgpt.com/x → 403",
    ].join("\n"),
  );
});
