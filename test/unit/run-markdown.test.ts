import { describe, expect, test } from "vitest";
import type { RunReport, ScenarioEntry } from "../../reports/writers/run-report.ts";
import { formatRunMarkdown } from "../../reports/writers/run-markdown.ts";

const claim = (id: string, status: ScenarioEntry["claims"][number]["status"], observed: string[] = [], issue?: string) => ({
  id, status, quote: "a sentence", source: "docs/cli/onboard.md:42", observed, evidence: [], issue,
});
const entry = (overrides: Partial<ScenarioEntry>): ScenarioEntry => ({
  id: "onboard", title: "t", openclaw: "2026.5.12", status: "conforms", message: "", egress: "open", durationMs: 1, steps: [], claims: [], journal: [], ...overrides,
});
const report = (scenarios: ScenarioEntry[], harnessErrors: RunReport["run"]["harnessErrors"] = []): RunReport => ({
  run: { startedAt: "s", finishedAt: "f", versions: [{ target: { kind: "npm", version: "2026.5.12" } }, { target: { kind: "npm", version: "2026.9.6" } }], npmSnapshot: "2026-11-23", harnessNode: "24", harnessErrors },
  scenarios,
});

describe("a run as Markdown, for a pull request or an issue", () => {
  test("scenario × version, a row per egress where there are several; the claims to look at with their doc line, issue and first failure", () => {
    const text = formatRunMarkdown(
      report([
        entry({ status: "known-drift", claims: [claim("flag", "known-drift", ["✗ exit code 1 (expected 0)"], "https://github.com/openclaw/openclaw/issues/82978"), claim("ok", "conforms")] }),
        entry({ openclaw: "2026.9.6", status: "new-drift", claims: [claim("flag", "new-drift", ["✓ fine", "✗ output lacks \"a|b\""])] }),
        entry({ id: "route", egress: "open" }),
        entry({ id: "route", egress: "cloudflare-sensitive", status: "doc-drift", message: "claim x: the quote is no longer in docs/providers/openai.md" }),
      ]),
    );
    expect(text.split("\n")).toEqual([
      "## OpenClaw conformance: 1 doc drift, 1 new drift, 1 known drift, 1 conforms",
      "",
      "openclaw@2026.5.12 from npm · openclaw@2026.9.6 from npm · npm as of 2026-11-23",
      "",
      "| scenario | 2026.5.12 | 2026.9.6 |",
      "|---|---|---|",
      "| onboard | ≈ known drift | ✗ new drift |",
      "| route [open] | ✓ conforms |  |",
      "| route [cloudflare-sensitive] | § doc drift |  |",
      "",
      "### Claims that do not plainly conform",
      "",
      "| version | scenario | claim | status | docs | issue | first failure |",
      "|---|---|---|---|---|---|---|",
      "| 2026.5.12 | onboard | flag | ≈ known drift | `docs/cli/onboard.md:42` | [openclaw/openclaw#82978](https://github.com/openclaw/openclaw/issues/82978) |  |",
      '| 2026.9.6 | onboard | flag | ✗ new drift | `docs/cli/onboard.md:42` |  | output lacks "a\\|b" |',
      "| 2026.5.12 | route [cloudflare-sensitive] |  | § doc drift |  |  | claim x: the quote is no longer in docs/providers/openai.md |",
      "",
      "Re-run: `npm run conformance -- --openclaw 2026.5.12,2026.9.6` (`--scenario <id>` for one)",
    ]);
  });
  test("harness errors are named apart: a broken run is not drift", () => {
    const text = formatRunMarkdown(report([entry({})], [{ source: "mock chatgpt.com", message: "handler threw" }]));
    expect(text).toContain("### Harness errors (the run is broken, not drift)\n\n- mock chatgpt.com: handler threw");
    expect(text).toContain("Re-run: `npm run conformance -- --openclaw 2026.5.12,2026.9.6`");
  });

  test("an edited docs tree is named with the pages it changed, and the re-run reproduces the run: its tarball, its tree", () => {
    const edited = { dir: "/work/pr/docs", changed: ["start/getting-started.md"], added: [], removed: [] };
    const tarball = { kind: "tarball" as const, version: "2026.9.7", tarball: "/tmp/openclaw 2026.9.7.tgz", sha256: "ab" };
    const text = formatRunMarkdown({ ...report([entry({ openclaw: "2026.9.7", status: "new-drift", claims: [claim("flag", "new-drift", ["✗ x"])] })]), run: { ...report([]).run, versions: [{ target: tarball, docs: edited }] } });
    expect(text).toContain("**Edited docs**, read as 2026.9.7: docs: /work/pr/docs (1 page(s) differ from the package's: start/getting-started.md)");
    expect(text).toContain("Re-run: `npm run conformance -- --openclaw '/tmp/openclaw 2026.9.7.tgz' --docs /work/pr/docs` (`--scenario <id>` for one)");
  });
  test("a reference suite's findings fail nothing: listed collapsed, after what does", () => {
    const findings = ["openclaw doctor takes --lint, which no page of the set names (1 of its 9 options)", "message.from.id (docs/help/faq-first-run.md:727) is no config path of this version: \"message\" is no top-level key of its config"];
    const text = formatRunMarkdown(report([entry({ id: "cli-reference", findings })]));
    expect(text).toContain("<details><summary>cli-reference on 2026.5.12: 2 findings (they fail nothing)</summary>\n\n- openclaw doctor takes --lint");
    expect(text).toContain("Every result is as expected.");
  });
});
