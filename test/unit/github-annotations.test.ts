import { describe, expect, test } from "vitest";
import { runAnnotations, workflowCommand } from "../../reports/writers/github-annotations.ts";
import type { RunReport, ScenarioEntry } from "../../reports/writers/run-report.ts";

describe("workflow commands", () => {
  test("file and line become the annotation's place; data and properties are escaped as the runner unescapes them", () => {
    expect(workflowCommand({ level: "error", title: "doc drift (openclaw 2026.9.6): a, b", message: "100% gone\nnext line", at: { file: "docs/cli/onboard.md", line: 12 } })).toBe(
      "::error file=docs/cli/onboard.md,line=12,title=doc drift (openclaw 2026.9.6)%3A a%2C b::100%25 gone%0Anext line",
    );
  });
  test("a place without a line annotates the file; no place, the run", () => {
    expect(workflowCommand({ level: "warning", title: "t", message: "m", at: { file: "docs/x.md" } })).toBe("::warning file=docs/x.md,title=t::m");
    expect(workflowCommand({ level: "notice", title: "t", message: "m" })).toBe("::notice title=t::m");
  });
});

describe("a run's findings as annotations", () => {
  const entry = (overrides: Partial<ScenarioEntry>): ScenarioEntry => ({
    id: "onboard", title: "t", openclaw: "2026.9.6", status: "conforms", message: "", egress: "open", durationMs: 1, steps: [], claims: [], journal: [], ...overrides,
  });
  const report = (scenarios: ScenarioEntry[]): RunReport => ({ run: { startedAt: "s", finishedAt: "f", versions: [], harnessNode: "24", harnessErrors: [] }, scenarios });
  test("drift is an error at the quoted sentence, known drift a notice, a conforming claim nothing; a scenario that judged nothing says why", () => {
    const claim = (id: string, status: ScenarioEntry["claims"][number]["status"]) => ({ id, status, quote: "It starts.", source: "docs/cli/onboard.md:7", observed: ["✓ exit code 0", "✗ output lacks \"x\""], evidence: [] });
    const annotations = runAnnotations(
      report([entry({ claims: [claim("a", "new-drift"), claim("b", "known-drift"), claim("c", "conforms")] }), entry({ id: "gone", status: "doc-drift", message: "claim x: the quote is no longer in docs/a.md" })]),
      (file) => `openclaw/${file}`,
    );
    expect(annotations).toEqual([
      { level: "error", title: "new drift: onboard [open] on openclaw 2026.9.6, claim a", message: '"It starts."\n✗ output lacks "x"', at: { file: "openclaw/docs/cli/onboard.md", line: 7 } },
      { level: "notice", title: "known drift: onboard [open] on openclaw 2026.9.6, claim b", message: '"It starts."\n✗ output lacks "x"', at: { file: "openclaw/docs/cli/onboard.md", line: 7 } },
      { level: "error", title: "doc drift: gone [open] on openclaw 2026.9.6", message: "claim x: the quote is no longer in docs/a.md" },
    ]);
  });
  test("a failed command is annotated at its own doc line as well as at the sentence, and leads the message", () => {
    const cause = { step: "status", at: "docs/start/getting-started.md:100", command: "openclaw gateway statusx", ended: "exit 1", line: 'OpenClaw gateway has no command "statusx".', earlier: false };
    const failed = { id: "listens", status: "new-drift" as const, quote: "The gateway listens.", source: "docs/start/getting-started.md:103", observed: ["✗ exit code 1 (expected 0)"], evidence: [], cause };
    const [atCommand, atSentence] = runAnnotations(report([entry({ claims: [failed] })]), (file) => file);
    expect(atCommand).toEqual({
      level: "error", title: "new drift: onboard [open] on openclaw 2026.9.6, claim listens: the command failed",
      message: 'openclaw gateway statusx → exit 1: OpenClaw gateway has no command "statusx".\n(for "The gateway listens.", docs/start/getting-started.md:103)',
      at: { file: "docs/start/getting-started.md", line: 100 },
    });
    expect(atSentence?.message.split("\n")[0]).toBe('↳ the command failed: docs/start/getting-started.md:100 $ openclaw gateway statusx → exit 1: OpenClaw gateway has no command "statusx".');
    expect(atSentence?.at).toEqual({ file: "docs/start/getting-started.md", line: 103 });
  });
});
