import { describe, expect, test } from "vitest";
import { formatRunDiffMarkdown, runChanges } from "../../reports/writers/run-diff.ts";
import type { RunReport, ScenarioEntry } from "../../reports/writers/run-report.ts";

const claim = (id: string, status: ScenarioEntry["claims"][number]["status"]) => ({ id, status, quote: "a sentence", source: `docs/cli/onboard.md:${id.length}`, observed: [], evidence: [] });
const entry = (overrides: Partial<ScenarioEntry>): ScenarioEntry => ({
  id: "onboard", title: "t", openclaw: "2026.9.6", status: "conforms", message: "", egress: "open", durationMs: 1, steps: [], claims: [], journal: [], ...overrides,
});
const run = (scenarios: ScenarioEntry[], startedAt = "2026-12-01T00:00:00Z"): RunReport => ({
  run: { startedAt, finishedAt: "f", versions: [...new Set(scenarios.map((one) => one.openclaw))].map((version) => ({ target: { kind: "npm" as const, version } })), harnessNode: "24", harnessErrors: [] },
  scenarios,
});

describe("what changed since a base run", () => {
  test("a claim whose verdict moved, a new claim, a gone scenario; unchanged verdicts are not listed", () => {
    const base = run([
      entry({ claims: [claim("guided", "conforms"), claim("flag", "known-drift")] }),
      entry({ id: "setup", claims: [claim("writes", "conforms")] }),
    ]);
    const head = run([entry({ claims: [claim("guided", "new-drift"), claim("flag", "known-drift"), claim("locale", "conforms")] })]);
    expect(runChanges(base, head)).toEqual([
      { version: "2026.9.6", baseVersion: "2026.9.6", scenario: "onboard", claim: "guided", before: "conforms", after: "new-drift", source: "docs/cli/onboard.md:6" },
      { version: "2026.9.6", baseVersion: "2026.9.6", scenario: "onboard", claim: "locale", before: undefined, after: "conforms", source: "docs/cli/onboard.md:6" },
      { version: "2026.9.6", baseVersion: "2026.9.6", scenario: "setup", claim: "writes", before: "conforms", after: undefined, source: "docs/cli/onboard.md:6" },
    ]);
  });

  test("a build is compared with the release before it; a scenario that judged no claim by its own verdict", () => {
    const base = run([entry({ openclaw: "2026.5.12" }), entry({ openclaw: "2026.9.6", status: "conforms", claims: [claim("guided", "conforms")] })]);
    const head = run([entry({ openclaw: "2026.9.7", status: "doc-drift", message: "the quote is gone" })]);
    expect(runChanges(base, head)).toEqual([
      { version: "2026.9.7", baseVersion: "2026.9.6", scenario: "onboard", claim: "", before: undefined, after: "doc-drift", source: undefined },
      { version: "2026.9.7", baseVersion: "2026.9.6", scenario: "onboard", claim: "guided", before: "conforms", after: undefined, source: "docs/cli/onboard.md:6" },
    ]);
  });

  test("as Markdown: a table of the changes, or a line saying none changed", () => {
    const base = run([entry({ claims: [claim("guided", "conforms")] })]);
    expect(formatRunDiffMarkdown(base, base).split("\n")).toEqual(["### Since the base run (2026.9.6, started 2026-12-01T00:00:00Z)", "", "No verdict changed."]);
    const head = run([entry({ openclaw: "2026.9.7", claims: [claim("guided", "known-drift")] })]);
    expect(formatRunDiffMarkdown(base, head).split("\n")).toEqual([
      "### Since the base run (2026.9.6, started 2026-12-01T00:00:00Z)",
      "",
      "| version | scenario | claim | base | now | docs |",
      "|---|---|---|---|---|---|",
      "| 2026.9.7 (base 2026.9.6) | onboard | guided | ✓ conforms | ≈ known drift | `docs/cli/onboard.md:6` |",
    ]);
  });
});
