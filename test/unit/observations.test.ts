import { describe, expect, test } from "vitest";
import { evaluateClaim } from "../../harness/scenario/evaluate-claim.ts";
import { valueAt } from "../../harness/scenario/json-value.ts";
import { logLineText, type ObservableSut, watchStep } from "../../harness/scenario/observe-step.ts";
import type { StepObservations, StepRecord } from "../../harness/scenario/records.ts";
import { Expectation } from "../../harness/scenario/schema.ts";

const step = (observed?: StepObservations): StepRecord => ({
  id: "login", source: { kind: "explicit", why: "test" }, journal: [], actors: [], captured: {},
  result: { command: "openclaw models auth login", tty: true, exitCode: 0, stdout: "", stderr: "", durationMs: 1, timedOut: false },
  ...(observed ? { observed } : {}),
});
const expectation = (input: unknown) => Expectation.parse(input);

/** A container with one credential file, a log and a process list, as the adapter reports them. */
function fakeSut(log: string[][], processes: string[], standIns: { session: number; args: string }[] = [], written: string[] = []): ObservableSut & { logCalls: number; scanned: string[][] } {
  const files: Record<string, { mode: string; text: string }> = {
    "/home/openclaw/.openclaw/agents/main/agent/auth-profiles.json": { mode: "644", text: '{"profiles":{"openai-codex:default":{"type":"oauth"}}}' },
  };
  const sut = {
    logCalls: 0,
    readFile: async (path: string) => (files[path] ? { exists: true, ...files[path] } : { exists: false }),
    openclawLog: async () => log[Math.min(sut.logCalls++, log.length - 1)]!,
    watchProcesses: () => ({ stop: async () => [...processes.map((args, index) => ({ session: 100 + index, args })), ...standIns] }),
    standInSessions: async () => standIns.map((process) => process.session),
    scanned: [] as string[][],
    markTime: async () => "/tmp/.marker",
    filesWrittenSince: async (_marker: string, folders: string[]) => {
      sut.scanned.push(folders);
      return written;
    },
  };
  return sut;
}

describe("files, processes and OpenClaw's log are observed only when a claim asks", () => {
  test("a file's mode and a JSON value under a dotted key, credentials never kept", async () => {
    const asked = [expectation({ file: { path: "~/.openclaw/agents/main/agent/auth-profiles.json", mode: "600", json: { path: 'profiles["openai-codex:default"].type', equals: "oauth" } } })];
    const finish = await watchStep(fakeSut([[]], []), asked);
    const observed = await finish();
    expect(observed?.files[0]).toEqual({ path: "~/.openclaw/agents/main/agent/auth-profiles.json", exists: true, mode: "644", json: { 'profiles["openai-codex:default"].type': "oauth" } });
    const verdict = evaluateClaim(asked[0]!, step(observed));
    expect(verdict.held).toBe(false);
    expect(verdict.observed[0]).toBe('✗ ~/.openclaw/agents/main/agent/auth-profiles.json exists, mode 644 (expected 600), profiles["openai-codex:default"].type = "oauth" (expected "oauth")');
  });
  test("keys a JSON file must no longer have: set before the step and gone after; one still set, or never set, fails, naming the path but never its value", async () => {
    const file = "~/.openclaw/openclaw.json";
    /** The config before the step, then after it: the step moves talk.voiceId into the provider map. */
    const migrating = (before: string, after: string): ObservableSut => {
      let reads = 0;
      return { ...fakeSut([[]], []), readFile: async () => ({ exists: true, mode: "600", text: reads++ === 0 ? before : after }) };
    };
    const legacy = '{"talk":{"voiceId":"voice-abc","apiKey":"sk-secret-value"}}';
    const moved = expectation({ file: { path: file, absent: ["talk.voiceId"] } });
    const held = evaluateClaim(moved, step(await (await watchStep(migrating(legacy, '{"talk":{"providers":{"elevenlabs":{"voiceId":"voice-abc"}}}}'), [moved]))()));
    expect(held).toMatchObject({ held: true, observed: [`✓ ${file} exists, talk.voiceId set before the step, gone after`] });

    const stillThere = expectation({ file: { path: file, absent: ["talk.apiKey"] } });
    const observed = await (await watchStep(migrating(legacy, legacy), [stillThere]))();
    expect(evaluateClaim(stillThere, step(observed)).observed[0]).toBe(`✗ ${file} exists, talk.apiKey still set (expected gone)`);
    expect(JSON.stringify(observed)).not.toContain("sk-secret-value");

    const neverThere = expectation({ file: { path: file, absent: ["talk.voiceID"] } });
    const vacuous = evaluateClaim(neverThere, step(await (await watchStep(migrating(legacy, "{}"), [neverThere]))()));
    expect(vacuous).toMatchObject({ held: false, observed: [`✗ ${file} exists, talk.voiceID not set before the step (nothing to remove)`] });
    expect(Expectation.safeParse({ file: { path: file, absent: ["agents.entries.*.memorySearch"] } }).success).toBe(false);
  });
  test("a missing file, expected or not", async () => {
    const missing = { path: "~/.openclaw/agents/main/agent/codex-home/auth.json" };
    const observed = await (await watchStep(fakeSut([[]], []), [expectation({ file: missing })]))();
    expect(evaluateClaim(expectation({ file: missing }), step(observed)).observed[0]).toBe(`✗ ${missing.path} does not exist`);
    expect(evaluateClaim(expectation({ file: { ...missing, exists: false } }), step(observed)).held).toBe(true);
  });
  test("only the log lines written during the step count, shown as text", async () => {
    const line = (text: string) => JSON.stringify({ 0: text, _meta: { logLevelName: "ERROR" } });
    const sut = fakeSut([[line("old: plugin load failed")], [line("old: plugin load failed"), line("Failed to install missing configured plugin \"codex\"")]], []);
    const asked = [expectation({ log: { matches: "plugin load failed" } }), expectation({ log: { matches: "Failed to install .*codex" } })];
    const observed = await (await watchStep(sut, asked))();
    expect(observed?.log).toEqual(['ERROR Failed to install missing configured plugin "codex"']);
    expect(evaluateClaim(asked[0]!, step(observed)).held).toBe(false);
    expect(evaluateClaim(asked[1]!, step(observed)).held).toBe(true);
  });
  test("a process seen while the step ran, and one that must not be", async () => {
    const observed = await (await watchStep(fakeSut([[]], ["node /opt/openclaw/bin/openclaw agent", "/home/openclaw/.openclaw/npm/node_modules/@openai/codex/vendor/codex app-server"]), [expectation({ process: { matches: "codex app-server" } })]))();
    expect(evaluateClaim(expectation({ process: { matches: "codex app-server" } }), step(observed)).held).toBe(true);
    const unwanted = evaluateClaim(expectation({ process: { matches: "codex app-server", seen: false } }), step(observed));
    expect(unwanted.held).toBe(false);
    expect(unwanted.observed[0]).toContain("seen (1×)");
  });
  test("what the harness started is never evidence: a stand-in's processes are not seen", async () => {
    const standIn = [{ session: 7, args: "openclaw gateway run" }, { session: 7, args: "openclaw-gateway" }];
    const asked = expectation({ process: { matches: "openclaw-gateway|openclaw gateway run" } });
    const observed = await (await watchStep(fakeSut([[]], ["node /usr/bin/openclaw gateway install"], standIn), [asked]))();
    expect(observed?.processes).toEqual(["node /usr/bin/openclaw gateway install"]);
    const verdict = evaluateClaim(asked, step(observed));
    expect(verdict.held).toBe(false);
    expect(verdict.observed[0]).toContain("no process matched");
  });
  test("a step nobody asked about is not watched, and a claim on it says so", async () => {
    expect(await (await watchStep(fakeSut([[]], []), [expectation({ exitCode: 0 })]))()).toBeUndefined();
    expect(evaluateClaim(expectation({ process: { matches: "codex" } }), step()).observed[0]).toBe("✗ nothing (process) was watched during this step");
  });
  test("log lines that are not JSON are kept as they are", () => {
    expect(logLineText("plain text")).toBe("plain text");
    expect(logLineText(JSON.stringify({ 0: '{"subsystem":"plugins"}', 1: "codex failed", _meta: {} }))).toBe('{"subsystem":"plugins"} codex failed');
  });
  test("dotted paths, bracketed keys and array indexes", () => {
    expect(valueAt({ result: { payloads: [{ text: "PONG" }] } }, "result.payloads.0.text")).toBe("PONG");
    expect(valueAt({ a: { "b.c": { d: 1 } } }, 'a["b.c"].d')).toBe(1);
  });
});

describe("where a step wrote: the files it created or changed", () => {
  const asked = expectation({ written: { under: "/srv/state", notUnder: ["~/.openclaw"] } });

  test("some under the folder a variable names and none in the default place hold; the folders named are looked in too", async () => {
    const sut = fakeSut([[]], [], [], ["/srv/state/openclaw.json", "/tmp/openclaw/openclaw-2026-12-06.log"]);
    const observed = await (await watchStep(sut, [asked]))();
    expect(sut.scanned[0]).toEqual(["/home/openclaw", "/tmp", "/var/tmp", "/srv/state", "/home/openclaw/.openclaw"]);
    const verdict = evaluateClaim(asked, step(observed));
    expect(verdict).toMatchObject({ held: true, observed: ["✓ 1 file(s) written under /srv/state: /srv/state/openclaw.json; none under ~/.openclaw"] });
  });

  test("a file written in the default place fails, naming it; nothing written at all fails too", async () => {
    const stray = await (await watchStep(fakeSut([[]], [], [], ["/srv/state/openclaw.json", "/home/openclaw/.openclaw/openclaw.json"]), [asked]))();
    expect(evaluateClaim(asked, step(stray))).toMatchObject({ held: false, observed: ["✗ 1 file(s) written under /srv/state: /srv/state/openclaw.json; 1 file(s) written under ~/.openclaw: ~/.openclaw/openclaw.json"] });
    const nothing = await (await watchStep(fakeSut([[]], []), [asked]))();
    expect(evaluateClaim(asked, step(nothing))).toMatchObject({ held: false, observed: ["✗ nothing written under /srv/state (written: nothing); none under ~/.openclaw"] });
  });

  test("a folder is not matched by a name it merely starts with", async () => {
    const observed = await (await watchStep(fakeSut([[]], [], [], ["/srv/state-old/openclaw.json"]), [asked]))();
    expect(evaluateClaim(asked, step(observed)).held).toBe(false);
  });

  test("a write that must leave a file untouched: notUnder alone, an absence that needs the step to get that far", async () => {
    const untouched = expectation({ exitCode: 1, written: { notUnder: ["~/.openclaw/openclaw.json"] } });
    const backup = await (await watchStep(fakeSut([[]], [], [], ["/home/openclaw/.openclaw/openclaw.json.bak"]), [untouched]))();
    expect(evaluateClaim(untouched, { ...step(backup), result: { ...step().result, exitCode: 1 } })).toMatchObject({ held: true, observed: ["✓ exit code 1 (expected 1)", "✓ none under ~/.openclaw/openclaw.json"] });
    const alone = expectation({ written: { notUnder: ["~/.openclaw/openclaw.json"] } });
    const failed = { ...step(backup), result: { ...step().result, exitCode: 2 } };
    expect(evaluateClaim(alone, failed).observed[0]).toMatch(/^✗ the step failed before it could show nothing written under ~\/\.openclaw\/openclaw\.json/);
    expect(Expectation.safeParse({ written: {} }).success).toBe(false);
  });

  test("except: a default the docs give apart may be written inside a folder that must stay untouched", async () => {
    const want = expectation({ written: { under: "/srv/state", notUnder: ["~/.openclaw"], except: ["~/.openclaw/workspace"] } });
    const observed = await (await watchStep(fakeSut([[]], [], [], ["/srv/state/openclaw.json", "/home/openclaw/.openclaw/workspace/AGENTS.md"]), [want]))();
    expect(evaluateClaim(want, step(observed))).toMatchObject({ held: true, observed: ["✓ 1 file(s) written under /srv/state: /srv/state/openclaw.json; none under ~/.openclaw (~/.openclaw/workspace aside)"] });
    const stray = await (await watchStep(fakeSut([[]], [], [], ["/srv/state/openclaw.json", "/home/openclaw/.openclaw/credentials/x.json"]), [want]))();
    expect(evaluateClaim(want, step(stray)).held).toBe(false);
  });
});
