import { describe, expect, test } from "vitest";
import { formatEvidence, scenariosForIssue } from "../../harness/cli/repro.ts";
import { formatReproMarkdown } from "../../reports/writers/repro-markdown.ts";
import { BadInputError } from "../../harness/util/errors.ts";
import type { RunReport } from "../../reports/writers/run-report.ts";

describe("repro finds the scenarios linked to an issue", () => {
  test("by number: through the scenarios' issues and the known-drift entries", () => {
    expect(scenariosForIssue("82978").sort()).toEqual([
      "cli-reference", "codex-cli-migration", "codex-harness-quickstart", "codex-oauth-routing-recovery", "codex-subscription-config-examples", "concepts-oauth", "docs-explicit-pi-route", "legacy-pi-route", "openai-api-key-onboard",
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

const step = (id: string, command: string, exitCode: number) => ({ id, command, source: "explicit: why", exitCode, durationMs: 1 });
const reportWith = (versions: RunReport["run"]["versions"] = []): RunReport => ({
    run: { startedAt: "", finishedAt: "", versions, harnessNode: "v24", harnessErrors: [] },
    scenarios: [
      {
        id: "s", title: "t", openclaw: "2026.5.12", status: "known-drift", message: "", durationMs: 1, journal: [],
        steps: [step("login", "openclaw login", 0), step("turn", "openclaw agent", 1), step("after", "openclaw status", 0)],
        claims: [{ id: "d", status: "conforms", quote: "q", source: "docs/x.md:1", observed: [], evidence: [] }, {
          id: "c", status: "known-drift", quote: "turns select codex", source: "docs/providers/openai.md:227", step: "turn",
          observed: ["✗ exit code 1 (expected 0)"], evidence: ["#8 POST https://chatgpt.com/x → 403"], issue: "https://github.com/openclaw/openclaw/issues/82978",
        }],
      },
    ],
});

test("the evidence names the promise, every command up to the claim's step, what was seen and the journal", () => {
  expect(formatEvidence(reportWith(), ["s"])).toBe(
    [
      "",
      "s: known-drift",
      "  claim d: conforms",
      '    docs (docs/x.md:1): "q"',
      "  claim c: known drift (https://github.com/openclaw/openclaw/issues/82978)",
      '    docs (docs/providers/openai.md:227): "turns select codex"',
      "    $ openclaw login  [login, explicit: why] → exit 0",
      "    $ openclaw agent  [turn, explicit: why] → exit 1",
      "    ✗ exit code 1 (expected 0)",
      "    journal #8 POST https://chatgpt.com/x → 403",
    ].join("\n"),
  );
});

test("--markdown: a comment for the issue, with the sentence, the commands, what was seen, the journal and the re-run command", () => {
  const comment = formatReproMarkdown(reportWith([{ target: { kind: "npm", version: "2026.5.12" }, image: { tag: "openclaw-conformance/sut:abc", id: "sha256:1", nodeVersion: "24" } }]), "82978", ["s"]);
  expect(comment.split("\n")).toEqual([
    "### Reproduced with openclaw-conformance: issue 82978",
    "",
    "openclaw@2026.5.12 from npm (image `openclaw-conformance/sut:abc`); the docs' commands run verbatim, in a container that reaches only mocks.",
    "",
    "#### `s` on 2026.5.12: known-drift",
    "",
    "**c**: known drift (https://github.com/openclaw/openclaw/issues/82978)",
    "",
    "> turns select codex",
    ">",
    "> — `docs/providers/openai.md:227`",
    "",
    "```console",
    "$ openclaw login  [login, explicit: why] → exit 0",
    "$ openclaw agent  [turn, explicit: why] → exit 1",
    "```",
    "",
    "- ✗ exit code 1 (expected 0)",
    "",
    "<details><summary>journal (1 lines)</summary>",
    "",
    "```text",
    "#8 POST https://chatgpt.com/x → 403",
    "```",
    "",
    "</details>",
    "",
    "Conforms: `d`.",
    "",
    "Re-run: `npm run conformance -- --openclaw 2026.5.12 --scenario s`",
  ]);
});
