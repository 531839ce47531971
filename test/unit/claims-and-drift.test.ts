import { describe, expect, test } from "vitest";
import type { JournalEntry } from "../../mocks/edge/journal.ts";
import { evaluateClaim } from "../../harness/scenario/evaluate-claim.ts";
import { claimStatus, findKnownDrift } from "../../harness/scenario/known-drift.ts";
import type { StepRecord } from "../../harness/scenario/records.ts";
import type { ScenarioResult } from "../../harness/scenario/run-scenario.ts";
import { assertAsExpected } from "../../harness/run/verdict.ts";

const entry = (overrides: Partial<JournalEntry>): JournalEntry => ({
  seq: 1, time: "t", kind: "http", origin: "sut", host: "chatgpt.com", method: "POST", path: "/backend-api/codex/responses",
  status: 403, clientClass: "node", answeredBy: "cloudflare-gate", ...overrides,
});

const step = (stdout: string, exitCode: number, journal: JournalEntry[] = []): StepRecord => ({
  id: "turn", source: { kind: "explicit", why: "test" }, journal, actors: [], captured: {},
  result: { command: "openclaw agent", tty: false, exitCode, stdout, stderr: "", durationMs: 1, timedOut: false },
});

describe("claims are judged on what the step did", () => {
  test("the agent's JSON", () => {
    const held = evaluateClaim({ json: { path: "meta.agentMeta.agentHarnessId", equals: "codex" } }, step('{"meta":{"agentMeta":{"agentHarnessId":"pi"}}}', 0));
    expect(held.held).toBe(false);
    expect(held.observed[0]).toContain('agentHarnessId = "pi" (expected "codex")');
  });
  test("output that is not JSON is said so", () => {
    expect(evaluateClaim({ json: { path: "a", equals: 1 } }, step("Error: boom", 1)).observed[0]).toContain("not JSON");
  });
  test("the journal, with the entries that prove it", () => {
    const result = evaluateClaim({ journal: { host: "chatgpt.com", path: "/backend-api/codex/responses", clientClass: "codex-cli", status: 200 } }, step("", 1, [entry({})]));
    expect(result.held).toBe(false);
    expect(result.observed[0]).toContain("403 to node");
    expect(result.evidence[0]).toContain("403 by cloudflare-gate");
  });
  test("a matching entry holds", () => {
    expect(evaluateClaim({ journal: { host: "chatgpt.com", clientClass: "node", status: 403 } }, step("", 1, [entry({})])).held).toBe(true);
  });
});

describe("known drift is strict", () => {
  const entries = [{ scenario: "s", claim: "c", openclaw: "2026.5.12", issue: "https://example.test/1" }];
  test("entries apply only inside their version range", () => {
    expect(findKnownDrift(entries, "s", "c", "2026.5.12")).toBeDefined();
    expect(findKnownDrift(entries, "s", "c", "2026.9.6")).toBeUndefined();
  });
  test.each([
    [true, false, "conforms"],
    [false, true, "known-drift"],
    [false, false, "new-drift"],
    [true, true, "unexpected-pass"],
  ] as const)("held=%s known=%s → %s", (held, known, status) => expect(claimStatus(held, known)).toBe(status));

  test("an unexpected pass fails the test and says to remove the entry", () => {
    const result = {
      id: "s", status: "unexpected-pass", openclawVersion: "2026.5.12", steps: [], journal: [],
      claims: [{ id: "c", quote: "q", source: { file: "docs/a.md", line: 3 }, step: "x", held: true, status: "unexpected-pass", observed: [], evidence: [], knownDrift: { issue: "https://example.test/1" } }],
    } as unknown as ScenarioResult;
    expect(() => assertAsExpected(result)).toThrow(/fixed upstream\? remove the entry/);
  });
  test("known drift passes", () => {
    expect(() => assertAsExpected({ status: "known-drift" } as ScenarioResult)).not.toThrow();
  });
});
