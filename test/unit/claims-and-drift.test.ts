import { describe, expect, test } from "vitest";
import type { JournalEntry } from "../../mocks/edge/journal.ts";
import { absencesOnly, evaluateClaim } from "../../harness/scenario/evaluate-claim.ts";
import { Captures } from "../../harness/scenario/captures.ts";
import { claimForVersion, stepForVersion } from "../../harness/scenario/for-version.ts";
import { judgeScenario } from "../../harness/scenario/judge.ts";
import { failureCause, firstTellingLine } from "../../harness/scenario/failure-cause.ts";
import { findKnownDrift, judgeClaim } from "../../harness/scenario/known-drift.ts";
import { Expectation, type KnownDrift, KnownDrift as KnownDriftEntries, Scenario } from "../../harness/scenario/schema.ts";
import type { StepRecord } from "../../harness/scenario/records.ts";
import type { ScenarioResult } from "../../harness/scenario/records.ts";
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
  test("JSON without the path shows what it holds instead (an error object, say)", () => {
    const observed = evaluateClaim({ json: { path: "result.payloads.0.text", equals: "PONG" } }, step('{"ok":false,"error":{"message":"no route"}}', 1)).observed[0];
    expect(observed).toContain("result.payloads.0.text = undefined");
    expect(observed).toContain('"message":"no route"');
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

describe("an absence is judged only when the step got there", () => {
  const route = { outputExcludes: "is not allowed for agent" };
  test("a step that exited non-zero shows no absence: the claim fails and says why", () => {
    const judged = evaluateClaim(route, step("plugin load failed: codex", 1));
    expect(judged.held).toBe(false);
    expect(judged.observed[0]).toMatch(/^✗ the step failed before it could show no "is not allowed for agent" in its output: it exited 1; output ends: plugin load failed: codex/);
  });
  test.each([
    ["a log line not seen", { log: { matches: "denied", seen: false } }],
    ["a process not seen", { process: { matches: "codex", seen: false } }],
    ["a file not written", { file: { path: "~/x.json", exists: false } }],
  ])("%s, likewise", (_, expectation) => {
    expect(evaluateClaim(Expectation.parse(expectation), step("", 2)).held).toBe(false);
  });
  test("a step stopped at its time limit or never run shows none either", () => {
    const stopped = { ...step("", 124), result: { ...step("", 124).result, timedOut: true, durationMs: 60_000 } };
    expect(evaluateClaim(route, stopped).observed[0]).toContain("it was stopped at the step's time limit");
    expect(evaluateClaim(route, { ...step("", -1), notRun: "it needs {{token}}" }).held).toBe(false);
  });
  test("a step stopped a grace after it said its work was done got there: its absences count, its exit says why", () => {
    const done = { ...step("Applied 2 config update(s)", 124), result: { ...step("Applied 2 config update(s)", 124).result, stoppedAfter: { line: "Applied 2 config update(s)", graceMs: 15_000 } } };
    expect(evaluateClaim(route, done).observed[0]).not.toContain("failed before");
    expect(evaluateClaim({ exitCode: 0 }, done).observed[0]).toBe('✗ exit code 124 (expected 0); stopped 15 s after it printed "Applied 2 config update(s)", as it keeps running once its work is done; output ends: Applied 2 config update(s)');
  });
  test("a step that got there is judged as usual", () => {
    expect(evaluateClaim(route, step("PONG", 0)).held).toBe(true);
    expect(evaluateClaim(route, step("Model override is not allowed for agent main", 0)).held).toBe(false);
  });
  test("a claim may expect the failure explicitly, and an absence beside a positive expectation is judged as usual", () => {
    expect(evaluateClaim({ exitCode: 1, outputExcludes: "is not allowed for agent" }, step("plugin load failed", 1)).held).toBe(true);
    expect(evaluateClaim({ outputIncludes: "plugin", outputExcludes: "is not allowed" }, step("plugin load failed", 1)).held).toBe(true);
  });
  test("which expectations are absences", () => {
    expect(absencesOnly(route)).toEqual(['no "is not allowed for agent" in its output']);
    expect(absencesOnly({ exitCode: 0, outputExcludes: "x" })).toBeUndefined();
    expect(absencesOnly(Expectation.parse({ file: { path: "~/a" } }))).toBeUndefined();
  });
});

describe("known drift is strict", () => {
  const entries = [{ scenario: "s", claim: "c", openclaw: "2026.5.12", issue: "https://example.test/1", fails: "exit code 1 " }];
  const evaluation = (held: boolean, observed = ["✗ exit code 1 (expected 0)"]) => ({ held, observed, evidence: [] });
  const ran = (output: string, timedOut = false) => ({ output, timedOut });
  test("entries apply only inside their version range", () => {
    expect(findKnownDrift(entries, "s", "c", "2026.5.12")).toBeDefined();
    expect(findKnownDrift(entries, "s", "c", "2026.9.6")).toBeUndefined();
  });
  test.each([
    [true, undefined, "conforms"],
    [false, entries[0], "known-drift"],
    [false, undefined, "new-drift"],
    [true, entries[0], "unexpected-pass"],
  ] as const)("held=%s known=%o → %s", (held, known, status) => expect(judgeClaim(evaluation(held), known, ran("")).status).toBe(status));

  test("a known drift that fails otherwise than recorded is 'known drift changed', and says how it was recorded", () => {
    const judged = judgeClaim(evaluation(false, ["✗ exit code 2 (expected 0)"]), entries[0], ran("Error: something else"));
    expect(judged.status).toBe("known-drift-changed");
    expect(judged.observed.at(-1)).toContain("/exit code 1 /");
    expect(judged.observed.at(-1)).not.toContain("time limit");
  });
  test("a step stopped at its time limit before failing as recorded is still 'changed', and says the limit came first", () => {
    const judged = judgeClaim(evaluation(false, ["✗ exit code 137 (expected 0); stopped at the step's time limit after 180 s"]), entries[0], ran("loading…", true));
    expect(judged.status).toBe("known-drift-changed");
    expect(judged.observed.at(-1)).toContain("stopped at its time limit first");
  });
  test("an exit code the time limit chose says so", () => {
    const stopped = { ...step("loading…", 137), result: { ...step("loading…", 137).result, timedOut: true, durationMs: 180_400 } };
    expect(evaluateClaim({ exitCode: 0 }, stopped).observed[0]).toContain("exit code 137 (expected 0); stopped at the step's time limit after 180 s");
    expect(evaluateClaim({ exitCode: 0 }, step("boom", 137)).observed[0]).not.toContain("time limit");
    // Known-drift entries match "exit code N (expected M)": the time limit's note must not split it.
    expect(evaluateClaim({ exitCode: 0 }, stopped).observed[0]).toMatch(/exit code (124|137) \(expected 0\)/);
  });
  test("the recorded failure may be in the step's output", () => {
    expect(judgeClaim(evaluation(false, ["✗ stdout is not JSON"]), { ...entries[0]!, fails: "plugin load failed" }, ran("plugin load failed: codex")).status).toBe("known-drift");
  });

  test("an unexpected pass fails the test and says to remove the entry", () => {
    const result = {
      id: "s", status: "unexpected-pass", openclawVersion: "2026.5.12", steps: [], journal: [],
      claims: [{ id: "c", quote: "q", source: { file: "docs/a.md", line: 3 }, step: "x", held: true, status: "unexpected-pass", observed: [], evidence: [], knownDrift: { issue: "https://example.test/1", fails: "x" } }],
    } as unknown as ScenarioResult;
    expect(() => assertAsExpected(result)).toThrow(/fixed upstream\? remove the entry/);
  });
  test("known drift passes", () => {
    expect(() => assertAsExpected({ status: "known-drift" } as ScenarioResult)).not.toThrow();
  });
});

describe("the verdict on a scenario", () => {
  const scenario = Scenario.parse({
    id: "s", title: "t", openclaw: "*", egress: "open",
    steps: [{ id: "turn", run: "openclaw agent", why: "test" }],
    claims: [
      { id: "ok", quote: "a sentence from the docs", page: "a.md", step: "turn", expect: { exitCode: 0, exitOnly: "the sentence promises only that it succeeds" } },
      { id: "pong", quote: "a sentence from the docs", page: "a.md", step: "turn", expect: { outputIncludes: "PONG" } },
    ],
  });
  const quotes = new Map([["ok", { file: "docs/a.md", line: 1 }], ["pong", { file: "docs/a.md", line: 1 }]]);
  const judge = (stdout: string, faults: { source: string; message: string }[] = [], knownDrift: KnownDrift = []) =>
    judgeScenario({ scenario, openclawVersion: "2026.5.12", egress: "open", steps: [step(stdout, 0)], captures: new Captures(), quotes, knownDrift, faults });

  test("takes the worst of its claims", () => {
    expect(judge("PONG")).toMatchObject({ status: "conforms", message: "conforms: 2 conforms" });
    expect(judge("nope")).toMatchObject({ status: "new-drift", message: "new-drift: 1 new drift, 1 conforms" });
  });
  test("known drift that fails as recorded keeps the scenario green", () => {
    const known = [{ scenario: "s", claim: "pong", openclaw: "*", issue: "https://example.test/1", fails: "lacks \"PONG\"" }];
    expect(judge("nope", [], known).status).toBe("known-drift");
  });
  test("a fault in the harness makes it broken, whatever the claims say, and names where", () => {
    const judged = judge("PONG", [{ source: "the DNS resolver", message: "boom" }]);
    expect(judged.status).toBe("broken");
    expect(judged.message).toContain("the DNS resolver: boom");
  });
  test("a stand-in that never got ready makes it broken, not drift", () => {
    const unready = { ...step("", 0), substitution: { why: "w", setup: [], serve: { command: "openclaw gateway run", ready: false, evidence: "exited with 78", readyAfterMs: 1, output: "" } } };
    const judged = judgeScenario({ scenario, openclawVersion: "2026.5.12", egress: "open", steps: [unready], captures: new Captures(), quotes, knownDrift: [], faults: [] });
    expect(judged).toMatchObject({ status: "broken", claims: [] });
    expect(judged.message).toContain("never got ready: exited with 78");
  });
  test("a scenario out of its time budget is broken, not drift, and says where and what never ran", () => {
    const outOfTime = { budgetMs: 840_000, at: 'in step "turn", cut to the 12 s left', notRun: ["status"] };
    const judged = judgeScenario({ scenario, openclawVersion: "2026.5.12", egress: "open", steps: [step("", 124)], captures: new Captures(), quotes, knownDrift: [], faults: [], outOfTime });
    expect(judged.status).toBe("broken");
    expect(judged.message).toContain('840 s time budget in step "turn", cut to the 12 s left; not run: status');
  });
  test("a claim whose step never ran cannot pass", () => {
    const judged = judgeScenario({ scenario, openclawVersion: "2026.5.12", egress: "open", steps: [], captures: new Captures(), quotes, knownDrift: [], faults: [] });
    expect(judged.claims.map((claim) => claim.status)).toEqual(["new-drift", "new-drift"]);
  });
});

describe("a claim as each version states it", () => {
  const claim = Scenario.parse({
    id: "s", title: "t", openclaw: "*", egress: "open",
    steps: [{ id: "turn", run: "openclaw agent", why: "test" }],
    claims: [{
      id: "runtime", quote: "OpenAI agent turns select the native Codex app-server runtime automatically", page: "providers/openai.md", step: "turn",
      expect: { json: { path: "meta.agentMeta.agentHarnessId", equals: "codex" } },
      versions: [{ openclaw: ">=2026.9.0", quote: "It may select the Codex app-server runtime automatically", page: "providers/openai/setup.md" }],
    }],
  }).claims[0]!;

  test("a version no variant covers takes the claim's own words", () => {
    expect(claimForVersion(claim, "2026.5.12")).toEqual({ id: "runtime", quote: claim.quote, page: "providers/openai.md", step: "turn", expect: claim.expect });
  });
  test("a version a variant covers takes its quote and page, and the claim's expectation where it gives none", () => {
    expect(claimForVersion(claim, "2026.9.6")).toMatchObject({ quote: "It may select the Codex app-server runtime automatically", page: "providers/openai/setup.md", expect: claim.expect });
  });
  test("a variant for some egresses applies only under them, and may move the claim to another step", () => {
    const challenged = { journal: { host: "chatgpt.com", clientClass: "node" as const, status: 403 } };
    const matrix = Scenario.parse({
      id: "s", title: "t", openclaw: "*", egress: ["open", "cloudflare-sensitive", "cloudflare-sensitive-via-proxy"],
      steps: [{ id: "turn", run: "openclaw agent", why: "test" }, { id: "retry", run: "openclaw agent", why: "test" }],
      claims: [{ ...claim, versions: [{ openclaw: "*", egress: ["cloudflare-sensitive", "cloudflare-sensitive-via-proxy"], step: "retry", expect: challenged }] }],
    }).claims[0]!;
    expect(claimForVersion(matrix, "2026.9.6", "open")).toMatchObject({ step: "turn", expect: claim.expect });
    expect(claimForVersion(matrix, "2026.9.6", "cloudflare-sensitive-via-proxy")).toMatchObject({ step: "retry", expect: challenged });
  });
  test("a known drift limited to some egresses is not known under another", () => {
    const entries = KnownDriftEntries.parse([{ scenario: "s", claim: "c", openclaw: "2026.9.6", egress: "cloudflare-sensitive", issue: "https://example.test/1", fails: "403" }]);
    expect(findKnownDrift(entries, "s", "c", "2026.9.6", "cloudflare-sensitive")).toBeDefined();
    expect(findKnownDrift(entries, "s", "c", "2026.9.6", "open")).toBeUndefined();
  });
});

describe("a step as each version runs it", () => {
  const step = Scenario.parse({
    id: "s", title: "t", openclaw: "*", egress: "open",
    steps: [{
      id: "login", run: "openclaw models auth login --provider openai-codex --method device-code", why: "old flag", timeout: "90s",
      versions: [
        { openclaw: ">=2026.9.0", docs: { page: "providers/openai.md", tab: "Codex subscription", step: "Run Codex OAuth", block: 3 } },
        { openclaw: "2026.6.0", skip: "no such release" },
      ],
    }],
    claims: [{ id: "c", quote: "a sentence from the docs", page: "a.md", step: "login", expect: { exitCode: 0, exitOnly: "the sentence promises only that it succeeds" } }],
  }).steps[0]!;

  test("a version no variant covers runs the step as written", () => {
    expect(stepForVersion(step, "2026.5.12")).toMatchObject({ run: step.run, why: "old flag", timeout: 90_000 });
  });
  test("a variant's docs locator replaces the explicit command, and keeps the rest", () => {
    expect(stepForVersion(step, "2026.9.6")).toMatchObject({ docs: { block: 3 }, run: undefined, why: undefined, timeout: 90_000 });
  });
  test("a version that has no such step skips it", () => {
    expect(stepForVersion(step, "2026.6.0")).toBeUndefined();
  });
});

describe("the failed command behind a claim", () => {
  const ran = (id: string, exitCode: number, stderr: string, at = 100): StepRecord => ({
    id, source: { kind: "docs", file: "docs/start/getting-started.md", line: at } as StepRecord["source"], journal: [], actors: [], captured: {},
    result: { command: `openclaw ${id}`, tty: false, exitCode, stdout: "🦞 OpenClaw 2026.9.6 (eb377ac) — a banner", stderr, durationMs: 1, timedOut: false },
  });
  const hints = 'OpenClaw gateway has no command "statusx".\n[openclaw] Debug: set OPENCLAW_DEBUG=1 to include the stack trace.\n[openclaw] Try: openclaw doctor';
  test("its own step exited otherwise than expected: that command, its doc line and the line that says why", () => {
    const cause = failureCause("status", [ran("status", 1, hints)], new Map());
    expect(cause).toEqual({ step: "status", at: "docs/start/getting-started.md:100", command: "openclaw status", ended: "exit 1", line: 'OpenClaw gateway has no command "statusx".', earlier: false });
    expect(failureCause("status", [ran("status", 1, hints)], new Map([["status", [1]]]))).toBeUndefined();
  });
  test("its step never ran: the earlier step that failed first", () => {
    const notRun = { ...ran("next", -1, ""), notRun: "it needs {{token}}, which no earlier step's output showed" };
    expect(failureCause("next", [ran("setup", 0, ""), ran("login", 2, "Error: invalid grant", 40), notRun], new Map())).toMatchObject({ step: "login", at: "docs/start/getting-started.md:40", ended: "exit 2", line: "Error: invalid grant", earlier: true });
  });
  test("a doc command a stand-in does the job of (no service manager here) is no cause", () => {
    const serve = { command: "openclaw gateway run", ready: true, evidence: "[gateway] ready", readyAfterMs: 1, output: "" };
    const restart = { ...ran("restart", 1, "Gateway service not installed."), substitution: { why: "no service manager", setup: [], serve } };
    const notRun = { ...ran("turn", -1, ""), notRun: "the budget ran out" };
    expect(failureCause("turn", [restart, notRun], new Map())).toBeUndefined();
  });
  test("a command that did as expected is no cause: the claim failed on what it printed", () => {
    expect(failureCause("status", [ran("status", 0, "")], new Map())).toBeUndefined();
  });
  test("the telling line: stderr first, banners and hints skipped", () => {
    expect(firstTellingLine("", "🦞 OpenClaw\nConfig written\nError: port in use")).toBe("Error: port in use");
    expect(firstTellingLine("[openclaw] Try: openclaw doctor\n", "done")).toBe("done");
  });
});

describe("a broken scenario's claims blame no command", () => {
  test("out of time or a mock's fault: no cause, whatever exited", () => {
    const scenario = Scenario.parse({ id: "s", title: "t", openclaw: "*", egress: "open", steps: [{ id: "turn", run: "openclaw agent", why: "w" }], claims: [{ id: "c", quote: "The turn answers with a reply.", page: "a.md", step: "turn", expect: { outputIncludes: "PONG" } }] });
    const quotes = new Map([["c", { file: "docs/a.md", line: 1 }]]) as never;
    const judged = judgeScenario({ scenario, openclawVersion: "2026.5.12", egress: "open", steps: [step("", 1)], captures: new Captures(), quotes, knownDrift: [], faults: [{ source: "mock", message: "threw" }] });
    expect(judged.status).toBe("broken");
    expect(judged.claims[0]?.cause).toBeUndefined();
  });
});
