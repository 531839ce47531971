import { applyPatch } from "diff";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { KnownDrift } from "../../harness/scenario/schema.ts";
import { draftFails, knownDriftPatch, proposeKnownDrift } from "../../reports/writers/known-drift-patch.ts";
import { failureKind } from "../../reports/writers/failure-kind.ts";
import type { RunReport, ScenarioEntry } from "../../reports/writers/run-report.ts";

// A known-drift file with a comment and folded notes, which a review patch must leave as written.
const file = `# header comment, kept
- scenario: flags
  claim: device-code
  openclaw: "2026.5.12"
  issue: https://github.com/openclaw/openclaw/issues/82978
  fails: 'does not recognize option'
  note: >
    a folded note
    over two lines
- scenario: flags
  claim: hangs
  openclaw: "2026.5.12"
  issue: https://github.com/openclaw/openclaw/pull/112211
  fails: 'exit code 1'
`;
const entries = KnownDrift.parse(parse(file));
const claim = (id: string, status: ScenarioEntry["claims"][number]["status"], observed: string[]) => ({ id, status, quote: "q", source: "docs/a.md:1", observed, evidence: [] });
const report = (claims: ScenarioEntry["claims"]): RunReport => ({
  run: { startedAt: "s", finishedAt: "f", versions: [], harnessNode: "24", harnessErrors: [] },
  scenarios: [{ id: "flags", title: "t", openclaw: "2026.5.12", status: "new-drift", message: "", egress: "open", durationMs: 1, steps: [], claims, journal: [] }],
});

describe("known-drift --update: a patch for review", () => {
  test("an unexpected pass removes its entry, a changed failure refits `fails`, new drift adds a draft; the rest of the file stays byte for byte", () => {
    const run = report([
      claim("device-code", "unexpected-pass", ["✓ exit code 0 (expected 0)"]),
      claim("hangs", "known-drift-changed", ["✗ exit code 1 (expected 0); output ends: Error (x)", "✗ the known drift is recorded as failing with /exit code 1/, …"]),
      claim("new-one", "new-drift", ["✓ fine", '✗ output lacks "a.b"; it ends: whatever']),
      claim("ok", "conforms", ["✓"]),
    ]);
    const patched = applyPatch(file, knownDriftPatch(file, entries, proposeKnownDrift(run, entries)));
    expect(patched).toBe(`# header comment, kept
- scenario: flags
  claim: hangs
  openclaw: "2026.5.12"
  issue: https://github.com/openclaw/openclaw/pull/112211
  fails: 'exit code 1 \\(expected 0\\)'
  note: "REVIEW: fails refitted by known-drift --update from /exit code 1/; does this note still say why?"
# DRAFT from a run: find or file the upstream issue, then narrow \`fails\` to what identifies the drift
- scenario: flags
  claim: new-one
  openclaw: "2026.5.12"
  issue: https://github.com/openclaw/openclaw/issues/FIXME
  fails: 'output lacks "a\\.b"'
  note: "drafted from the run: output lacks \\"a.b\\"; it ends: whatever"
`);
    // What the reviewer applies still parses as the schema says, once the draft's issue is filled in.
    expect(KnownDrift.safeParse(parse(patched as string)).success).toBe(true);
  });
  test("a known drift that fails another way is never refitted under its old issue: a draft replaces it, saying why", () => {
    // The report's case: a pattern naming what the command printed, and now a bare exit code.
    const run = report([claim("device-code", "known-drift-changed", ["✗ exit code 1 (expected 0); output ends: Error: boom"])]);
    const patched = applyPatch(file, knownDriftPatch(file, entries, proposeKnownDrift(run, entries))) as string;
    expect(patched).not.toContain("fails: 'does not recognize option'");
    expect(patched).toContain("# REDRAFTED: was known drift https://github.com/openclaw/openclaw/issues/82978 failing /does not recognize option/; not refitted because the pattern named what the command printed");
    expect(patched).toMatch(/claim: device-code\n {2}openclaw: "2026\.5\.12"\n {2}issue: https:\/\/github\.com\/openclaw\/openclaw\/issues\/FIXME/);
    // Another kind of check, or a step that never got there (an earlier step fails), likewise.
    const [kind] = proposeKnownDrift(report([claim("hangs", "known-drift-changed", ['✗ output lacks "Signed in"; it ends: x'])]), entries);
    expect(kind).toMatchObject({ change: "redraft", why: "the pattern was about the exit code 1; the claim now fails on the output lacks" });
    // A hang stopped at its limit that now crashes is not the same drift: the issue was about the hang.
    const hang = KnownDrift.parse([{ scenario: "flags", claim: "hangs", openclaw: "2026.5.12", issue: "https://github.com/openclaw/openclaw/pull/112211", fails: "exit code (124|137) \\(expected 0\\)" }]);
    const [crash] = proposeKnownDrift(report([claim("hangs", "known-drift-changed", ["✗ exit code 1 (expected 0); output ends: unknown option"])]), hang);
    expect(crash).toMatchObject({ change: "redraft", why: "the pattern was about the exit code of a stopped command; the claim now fails on the exit code 1" });
    const [earlier] = proposeKnownDrift(report([claim("hangs", "known-drift-changed", ['✗ step "login" did not run: it needs {{code}}'])]), entries);
    expect(earlier?.change).toBe("redraft");
    expect(earlier?.why).toMatch(/^the claim's step never got there/);
  });
  test("failure kinds: an observation and the pattern drafted from it agree", () => {
    for (const observed of ["exit code 1 (expected 0); output ends: x", 'output lacks "a.b"; it ends: y', 'meta.id = "pi" (expected "codex")', "journal has no chatgpt.com 200", "~/.openclaw/openclaw.json does not exist"]) {
      expect(failureKind(draftFails(claim("c", "new-drift", [`✗ ${observed}`])))).toBe(failureKind(observed));
      expect(failureKind(observed)).not.toBe("output text");
    }
  });
  test("an entry redrafted for one egress and refitted for another is removed whole, and the file stays valid", () => {
    const run: RunReport = { ...report([]), scenarios: [
      { ...report([]).scenarios[0]!, egress: "open", claims: [claim("hangs", "known-drift-changed", ["✗ exit code 1 (expected 0); output ends: x"])] },
      { ...report([]).scenarios[0]!, egress: "cloudflare-sensitive", claims: [claim("hangs", "known-drift-changed", ['✗ output lacks "y"; it ends: z'])] },
    ] };
    const patched = applyPatch(file, knownDriftPatch(file, entries, proposeKnownDrift(run, entries))) as string;
    expect(KnownDrift.safeParse(parse(patched)).success).toBe(true);
    expect(patched).not.toContain("pull/112211\n  fails");
  });
  test("a run that asks nothing gives an empty patch", () => {
    expect(knownDriftPatch(file, entries, proposeKnownDrift(report([claim("device-code", "known-drift", ["✗ does not recognize option"])]), entries))).not.toContain("@@");
  });
});
