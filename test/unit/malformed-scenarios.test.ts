import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, describe, expect, test } from "vitest";
import { loadYaml } from "../../harness/scenario/load-yaml.ts";
import { Scenario } from "../../harness/scenario/schema.ts";
import { BadInputError, ExitCode } from "../../harness/util/errors.ts";

const valid = `id: ok
title: t
openclaw: ">=2026.5.12"
egress: open
steps:
  - id: s
    run: openclaw --version
    why: probe
claims:
  - id: c
    quote: "a sentence from the docs"
    page: providers/openai.md
    step: s
    expect: { outputIncludes: OpenClaw }
`;

// Each bad file, and the words its one-line message must contain (file:line is checked for all).
const cases: [string, string, RegExp][] = [
  ["yaml syntax", "id: [unclosed\n", /YAML syntax/],
  ["not a mapping", "- just\n- a list\n", /expected object/i],
  ["missing id", valid.replace("id: ok\n", ""), /id: .*expected string/i],
  ["bad id", valid.replace("id: ok", "id: Not Ok"), /lower-case/],
  ["unknown egress", valid.replace("egress: open", "egress: wide-open"), /egress/],
  ["an egress through a proxy kind there is none of", valid.replace("egress: open", "egress: open-via-socks5"), /egress/],
  ["an empty egress list", valid.replace("egress: open", "egress: []"), /egress/],
  ["unknown top-level key", `${valid}colour: blue\n`, /colour|unrecognized/i],
  ["no steps", valid.replace(/steps:[\s\S]*?claims:/, "steps: []\nclaims:"), /steps/],
  ["explicit step without why", valid.replace("    why: probe\n", ""), /why|docs/],
  ["step with docs and run", valid.replace("    why: probe\n", "    why: probe\n    docs: { page: a.md, block: 1 }\n"), /steps/],
  ["docs locator without block", valid.replace("    run: openclaw --version\n    why: probe\n", "    docs: { page: providers/openai.md }\n"), /steps/],
  ["docs page not markdown", valid.replace("    run: openclaw --version\n    why: probe\n", "    docs: { page: providers/openai, block: 1 }\n"), /steps/],
  ["bad timeout", valid.replace("    why: probe\n", "    why: probe\n    timeout: soon\n"), /steps/],
  ["unknown actor", valid.replace("    why: probe\n", "    why: probe\n    actor: cat\n"), /steps/],
  ["no claims", valid.replace(/claims:[\s\S]*/, "claims: []\n"), /at least one claim/],
  ["claim names a missing step", valid.replace("    step: s", "    step: nowhere"), /no step "nowhere"/],
  ["quote too short", valid.replace("a sentence from the docs", "short"), /quote the sentence/],
  ["empty expectation", valid.replace("expect: { outputIncludes: OpenClaw }", "expect: {}"), /say what must be observed/],
  ["unknown expectation", valid.replace("expect: { outputIncludes: OpenClaw }", "expect: { smell: good }"), /smell|unrecognized/i],
  ["bad journal client class", valid.replace("expect: { outputIncludes: OpenClaw }", "expect: { journal: { host: chatgpt.com, clientClass: curl } }"), /clientClass/],
  ["an exit code alone, with no reason", valid.replace("expect: { outputIncludes: OpenClaw }", "expect: { exitCode: 0 }"), /claims\.0\.expect\.exitCode: an exit code alone judges no effect/],
  ["an exitOnly reason beside another expectation", valid.replace("expect: { outputIncludes: OpenClaw }", "expect: { exitCode: 0, outputIncludes: x, exitOnly: \"nothing but success is promised\" }"), /exitOnly: is for a claim judged by its exit code alone/],
  ["exit code not a number", valid.replace("expect: { outputIncludes: OpenClaw }", "expect: { exitCode: zero }"), /exitCode/],
  ["issue not a URL", `${valid}issues: [not-a-url]\n`, /issues/],
  ["docs step with an excuse", valid.replace("    run: openclaw --version\n", "    docs: { page: providers/openai.md, block: 1 }\n"), /why: belongs to run: steps/],
  ["empty heading path", valid.replace("    run: openclaw --version\n    why: probe\n", "    docs: { page: providers/openai.md, heading: [], block: 1 }\n"), /heading/],
  ["fill value not text", valid.replace("    run: openclaw --version\n    why: probe\n", "    docs: { page: providers/openai.md, block: 1, fill: { id: [1] } }\n"), /fill/],
  ["paste of a value nobody captured", valid.replace("run: openclaw --version", "run: openclaw --agent {{agent}}"), /\{\{agent\}\} is not captured by an earlier step/],
  ["claim quoting a value nobody captured", valid.replace("expect: { outputIncludes: OpenClaw }", "expect: { outputIncludes: \"{{token}}\" }"), /\{\{token\}\} is not captured by any step/],
  ["a key no served provider issues", valid.replace("egress: open", "egress: open\nkeys: [stripe-api-key]"), /keys\.0: no served provider issues "stripe-api-key"/],
  ["a shell env pasting a value before any step", valid.replace("egress: open", "egress: open\nenv: { TOKEN: \"{{token}}\" }"), /\{\{token\}\} is pasted before any step runs/],
  ["capture with a broken regex", valid.replace("    why: probe\n", "    why: probe\n    capture: { token: \"(\" }\n"), /not a valid regular expression/],
  ["capture name in capitals", valid.replace("    why: probe\n", "    why: probe\n    capture: { Token: \"x\" }\n"), /lower-case/],
  ["answer with a broken regex", valid.replace("    why: probe\n", "    why: probe\n    answers: [{ when: \"[\", send: \"y\" }]\n"), /not a valid regular expression/],
  ["substitution without why", valid.replace("    why: probe\n", "    why: probe\n    substitute: { serve: openclaw gateway run, ready: ready }\n"), /substitute\.why/],
  ["claim variant with a range that does not parse", valid.replace("expect: { outputIncludes: OpenClaw }", "expect: { outputIncludes: OpenClaw }\n    versions: [{ openclaw: soon, quote: \"another sentence of the docs\" }]"), /versions\.0\.openclaw: not a semver range/],
  ["claim variant with an empty expectation", valid.replace("expect: { outputIncludes: OpenClaw }", "expect: { outputIncludes: OpenClaw }\n    versions: [{ openclaw: \">=2026.9.0\", expect: {} }]"), /say what must be observed/],
  ["step variant with docs and run", valid.replace("    why: probe\n", "    why: probe\n    versions: [{ openclaw: \">=2026.9.0\", run: x, why: y, docs: { page: a.md, block: 1 } }]\n"), /give docs: or run:, not both/],
  ["step variant that skips and runs", valid.replace("    why: probe\n", "    why: probe\n    versions: [{ openclaw: \">=2026.9.0\", run: x, why: y, skip: gone }]\n"), /a skipped step runs nothing/],
  ["a file path that says neither home, here nor root", valid.replace("    why: probe\n", "    why: probe\n    files: [{ path: patch.json5, docs: { page: cli/config.md, block: 1 } }]\n"), /files\.0\.path: a path under ~\//],
  ["a file whose locator picks a line", valid.replace("    why: probe\n", "    why: probe\n    files: [{ path: ./p.json5, docs: { page: cli/config.md, block: 1, line: 2 } }]\n"), /line|unrecognized/i],
  ["step variant that skips and writes a file", valid.replace("    why: probe\n", "    why: probe\n    versions: [{ openclaw: \">=2026.9.0\", skip: gone, files: [{ path: ./p.json5, docs: { page: a.md, block: 1 } }] }]\n"), /a skipped step runs nothing/],
  ["a background command at a terminal", valid.replace("    why: probe\n", "    why: probe\n    tty: true\n    background: { ready: ready }\n"), /a background command has no terminal, person or stand-in/],
  ["a background command without readiness", valid.replace("    why: probe\n", "    why: probe\n    background: {}\n"), /background\.ready/],
  ["a line that is neither a number nor all", valid.replace("    run: openclaw --version\n    why: probe\n", "    docs: { page: providers/openai.md, block: 1, line: some }\n"), /line/],
  ["scenario env that is not text", valid.replace("egress: open\n", "egress: open\nenv: { TOKEN: [1] }\n"), /env/],
  ["substitution without readiness", valid.replace("    why: probe\n", "    why: probe\n    substitute: { why: no systemd, serve: openclaw gateway run }\n"), /substitute\.ready/],
  ["substitution that neither serves nor stops", valid.replace("    why: probe\n", "    why: probe\n    substitute: { why: no systemd }\n"), /substitute\.serve.*stops the stand-ins/],
];

const dir = mkdtempSync(join(tmpdir(), "ocf-malformed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a malformed scenario file gets one line naming file:line and the problem", () => {
  test("the valid template loads", () => {
    const file = join(dir, "valid.yaml");
    writeFileSync(file, valid);
    expect(loadYaml(file, Scenario).id).toBe("ok");
  });

  test.each(cases)("%s", (name, text, message) => {
    const file = join(dir, `${name.replaceAll(" ", "-")}.yaml`);
    writeFileSync(file, text);
    let caught: unknown;
    try {
      loadYaml(file, Scenario);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BadInputError);
    const text1 = (caught as Error).message;
    expect(text1).not.toContain("\n");
    expect(text1).toMatch(new RegExp(`${name.replaceAll(" ", "-")}\\.yaml:\\d+: `));
    expect(text1).toMatch(message);
  });

  test("the CLI prints that one line, no stack trace, and exits with the bad-input code", async () => {
    const scenarios = mkdtempSync(join(tmpdir(), "ocf-malformed-cli-"));
    writeFileSync(join(scenarios, "broken.yaml"), valid.replace("egress: open", "egress: sideways"));
    writeFileSync(join(scenarios, "known-drift.yaml"), "[]\n");
    const result = await execa(process.execPath, ["harness/cli/main.ts", "run"], { reject: false, env: { OCF_SCENARIOS_DIR: scenarios } });
    rmSync(scenarios, { recursive: true, force: true });
    expect(result.exitCode).toBe(ExitCode.badInput);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/broken\.yaml:4: egress: /);
  });
});
