import { describe, expect, test } from "vitest";
import { claimMatrix, egressMatrix, modelStreamSummary, replaceBetweenMarkers } from "../../reports/writers/readme-tables.ts";
import type { RunReport, ScenarioEntry } from "../../reports/writers/run-report.ts";

const claim = (id: string, status: ScenarioEntry["claims"][number]["status"], observed: string[] = [], issue?: string) => ({
  id, status, quote: "a sentence", source: "docs/providers/openai.md:216", observed, evidence: [], issue,
});
const entry = (overrides: Partial<ScenarioEntry>): ScenarioEntry => ({
  id: "drift", title: "t", openclaw: "2026.5.12", status: "conforms", message: "", egress: "open", durationMs: 1, steps: [], claims: [], journal: [], ...overrides,
});
const report = (scenarios: ScenarioEntry[]): RunReport => ({
  run: { startedAt: "s", finishedAt: "f", versions: [], harnessNode: "24", harnessErrors: [] },
  scenarios,
});
const codexWs = "GET https://chatgpt.com/backend-api/codex/responses → 101 by chatgpt.com [codex-cli t13d101000_61a7ad8aa9b6_f9531d972513] (← response.create → 8 events)";
const nodeChallenged = "POST https://chatgpt.com/backend-api/codex/responses → 403 by cloudflare-gate [node t13d1812h1_00000000] ";

describe("the README's tables are generated from a run's report", () => {
  test("claims × versions: verdict, doc line, the issue and what failed", () => {
    const table = claimMatrix(
      report([
        entry({ claims: [claim("a-device-code-flag", "known-drift", ["✗ exit code 1 (expected 0)"], "https://github.com/openclaw/openclaw/issues/82978")] }),
        entry({ openclaw: "2026.9.6", claims: [] }),
        entry({ id: "other", claims: [claim("x", "conforms")] }),
      ]),
      [{ id: "drift", claims: ["a-device-code-flag"] }],
    );
    expect(table.split("\n")).toEqual([
      "| Claim | openclaw 2026.5.12 | openclaw 2026.9.6 |",
      "|---|---|---|",
      "| a-device-code-flag | ≈ known drift [issue](https://github.com/openclaw/openclaw/issues/82978) · `docs/providers/openai.md:216` · exit code 1 (expected 0) | — (not on this version) |",
    ]);
  });
  test("egress × route × version: only scenarios run under several egresses, with who reached the model stream", () => {
    const table = egressMatrix(
      report([
        entry({ id: "codex", egress: "open", journal: [codexWs, codexWs] }),
        entry({ id: "codex", egress: "cloudflare-sensitive", status: "new-drift", journal: [nodeChallenged] }),
        entry({ id: "single", egress: "open" }),
      ]),
    );
    expect(table.split("\n").slice(2)).toEqual([
      "| codex | open | ✓ conforms · codex-cli 101 ×2 |",
      "| codex | cloudflare-sensitive | ✗ new drift · node 403 |",
    ]);
  });
  test("a run where nothing reached the model stream says so", () => {
    expect(modelStreamSummary(entry({ journal: ["GET https://chatgpt.com/backend-api/codex/models → 200 by chatgpt.com [node x]"] }))).toBe("nothing reached it");
  });
  test("markers are required, and only what is between them changes", () => {
    expect(replaceBetweenMarkers("a\n<!-- t:start -->\nold\n<!-- t:end -->\nb", "t", "new")).toBe("a\n<!-- t:start -->\nnew\n<!-- t:end -->\nb");
    expect(() => replaceBetweenMarkers("no markers", "t", "x")).toThrow('no "<!-- t:start -->"');
  });
});
