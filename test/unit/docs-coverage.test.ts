import { describe, expect, test } from "vitest";
import { measureCoverage } from "../../harness/coverage/coverage.ts";
import type { DocBlock } from "../../harness/coverage/doc-blocks.ts";
import { Exclusion, Exclusions } from "../../harness/coverage/schema.ts";
import type { DocCommandRun } from "../../harness/coverage/scenario-runs.ts";
import { blockStatus } from "../../harness/coverage/status.ts";
import { splitCommands } from "../../harness/docs/block-commands.ts";

const block = (page: string, line: number, commands: string[], lang = "bash", tabs: string[] = [], heading = "", accordions: string[] = []): DocBlock => ({
  page, file: `docs/${page}`, line, lang, tabs, accordions, heading, commands: commands.map((command, index) => ({ command, line: line + 1 + index })),
});
const run = (file: string, line: number, scenario: string, judgedBy: string[], substituted = false): DocCommandRun => ({ file, lines: [line], scenario, step: "s", judgedBy, substituted });
const exclusions = Exclusions.parse([
  { page: "**", lang: "powershell", kind: "platform", platform: "Windows (PowerShell)", why: "the Windows form of the install" },
  { page: "cli/gateway*.md", command: "^openclaw gateway (install|start|stop)", kind: "not-here", why: "needs a service manager", runnableWhen: "a container with systemd as PID 1" },
  { page: "install/*.md", tab: "macOS", kind: "platform", platform: "macOS", why: "the Homebrew form of installing Node" },
  { page: "help/*.md", command: "^openclaw status$", kind: "not-here", why: "an exclusion for a command that runs", runnableWhen: "never needed: it runs" },
  { page: "install/index.md", heading: "From source", kind: "upstream", why: "a source checkout from github.com" },
  { page: "help/faq.md", accordion: "Can I build it from source?", command: "^openclaw onboard$", kind: "not-here", why: "onboarding after a source build", runnableWhen: "a source build here" },
]);

function measure(blocks: DocBlock[], runs: DocCommandRun[]) {
  return measureCoverage({ openclaw: "2026.9.6", pages: [...new Set(blocks.map((b) => b.page))], blocks, runs, drift: [], exclusions });
}

describe("docs coverage accounts for every documented command", () => {
  test("a block counts as run only when a claim judges a step that runs one of its commands", () => {
    const coverage = measure([block("cli/models.md", 10, ["openclaw models status"]), block("cli/models.md", 20, ["openclaw models list"])], [
      run("docs/cli/models.md", 11, "a", ["c1"]),
      run("docs/cli/models.md", 21, "b", []),
    ]);
    expect(coverage.blocks.map((b) => [b.status, b.commands[0]!.status])).toEqual([["run", "run"], ["unaccounted", "unjudged"]]);
  });

  test("exclusions by language and by command; platform blocks stand apart from the percentage", () => {
    const coverage = measure(
      [
        block("install/installer.md", 5, ["iwr -useb https://openclaw.ai/install.ps1 | iex"], "powershell"),
        block("cli/gateway.md", 30, ["openclaw gateway install", "openclaw gateway start"]),
        block("cli/gateway.md", 40, ["openclaw gateway status"]),
        block("cli/models.md", 10, ["openclaw models status"]),
      ],
      [run("docs/cli/models.md", 11, "a", ["c"])],
    );
    expect(coverage.blocks.map((b) => b.status)).toEqual(["platform", "excluded", "unaccounted", "run"]);
    expect(coverage.blocks[1]!.commands[0]!.exclusion).toMatchObject({ index: 1, kind: "not-here", runnableWhen: "a container with systemd as PID 1" });
    expect(coverage.totals).toEqual({
      blocks: 4, run: 1, substituted: 0, platform: 1, upstream: 0, excluded: 1, unaccounted: 1, percentRun: 33.3, percentPlatform: 25,
      commands: { run: 1, substituted: 0, unjudged: 0, platform: 1, upstream: 0, "not-here": 2, unaccounted: 1 },
    });
  });

  test("an exclusion by tab: the block stands in a platform's <Tab>", () => {
    const coverage = measure([block("install/node.md", 26, ["brew install node"], "bash", ["macOS"]), block("install/node.md", 36, ["sudo apt-get install -y nodejs"], "bash", ["Linux"])], []);
    expect(coverage.blocks.map((b) => b.status)).toEqual(["platform", "unaccounted"]);
  });

  test("an exclusion by heading: only the blocks under it", () => {
    const coverage = measure([block("install/index.md", 80, ["openclaw onboard --install-daemon"], "bash", [], "From source"), block("install/index.md", 60, ["openclaw onboard --install-daemon"], "bash", ["npm"], "npm, pnpm, or bun")], []);
    expect(coverage.blocks.map((b) => b.status)).toEqual(["upstream", "unaccounted"]);
    // An upstream block is left out of the figure, like another platform's.
    expect(coverage.totals.percentRun).toBe(0);
    expect(coverage.totals.upstream).toBe(1);
  });

  test("a block is run only when every command in it is run and judged", () => {
    const coverage = measure([block("cli/doctor.md", 10, ["openclaw doctor", "openclaw doctor --deep"])], [run("docs/cli/doctor.md", 11, "a", ["c"]), run("docs/cli/doctor.md", 12, "a", [])]);
    expect(coverage.blocks[0]!.status).toBe("unaccounted");
    expect(coverage.blocks[0]!.commands.map((c) => c.status)).toEqual(["run", "unjudged"]);
  });

  test("a command whose job a stand-in did is substituted, not run, however its step was judged", () => {
    const coverage = measure(
      [block("cli/setup.md", 10, ["openclaw gateway restart"]), block("cli/setup.md", 20, ["openclaw gateway restart", "openclaw doctor"])],
      [run("docs/cli/setup.md", 11, "a", ["c"], true), run("docs/cli/setup.md", 21, "a", ["c"], true), run("docs/cli/setup.md", 22, "a", ["d"])],
    );
    expect(coverage.blocks.map((b) => b.status)).toEqual(["substituted", "substituted"]);
    expect(coverage.totals).toMatchObject({ run: 0, substituted: 2, commands: { run: 1, substituted: 2 } });
    // The same command run itself elsewhere, and judged there, is run.
    expect(measure([block("cli/setup.md", 10, ["openclaw gateway restart"])], [run("docs/cli/setup.md", 11, "a", ["c"], true), run("docs/cli/setup.md", 11, "b", ["e"])]).blocks[0]!.status).toBe("run");
  });

  test("an exclusion by accordion: only the blocks inside it", () => {
    const faq = (line: number, accordion: string) => block("help/faq.md", line, ["openclaw onboard"], "bash", [], "FAQ", [accordion]);
    const coverage = measure([faq(10, "Can I build it from source?"), faq(30, "How do I start?")], []);
    expect(coverage.blocks.map((b) => b.status)).toEqual(["excluded", "unaccounted"]);
  });

  test("a block partly run and partly excluded is accounted for, but not run", () => {
    const coverage = measure([block("cli/gateway.md", 30, ["openclaw gateway install", "openclaw gateway status"])], [run("docs/cli/gateway.md", 32, "a", ["c"])]);
    expect(coverage.blocks[0]!.status).toBe("excluded");
    expect(coverage.blocks[0]!.commands.map((c) => c.status)).toEqual(["not-here", "run"]);
  });

  test("an exclusion that matches a command a scenario runs and judges is stale: the run wins and it is named", () => {
    const coverage = measure([block("help/faq.md", 3, ["openclaw status"])], [run("docs/help/faq.md", 4, "a", ["c"])]);
    expect(coverage.blocks[0]!.status).toBe("run");
    expect(coverage.staleExclusions).toEqual([3]);
  });

  test("the block status is the single rule over its commands' statuses", () => {
    expect(blockStatus(["run", "run"])).toBe("run");
    expect(blockStatus(["platform"])).toBe("platform");
    expect(blockStatus(["run", "platform"])).toBe("excluded");
    expect(blockStatus(["run", "unjudged"])).toBe("unaccounted");
    expect(blockStatus(["run", "substituted"])).toBe("substituted");
    expect(blockStatus(["upstream", "platform"])).toBe("upstream");
    expect(blockStatus(["upstream", "run"])).toBe("excluded");
    expect(blockStatus(["unjudged", "unjudged"])).toBe("unaccounted");
    expect(blockStatus(["unjudged", "not-here"])).toBe("unaccounted");
    expect(blockStatus(["not-here", "unaccounted"])).toBe("unaccounted");
  });
});

describe("an exclusion says which commands and why, reviewed like code", () => {
  test.each([
    ["no commands named", { page: "**", kind: "platform", platform: "macOS", why: "for the Mac app only" }, /lang:, tab:, heading:, accordion:, command: or several/],
    ["platform without the platform", { page: "**", lang: "powershell", kind: "platform", why: "the Windows installer" }, /names the platform/],
    ["not-here without what would make it runnable", { page: "**", command: "^launchctl", kind: "not-here", why: "launchd is macOS's" }, /runnableWhen/],
    ["a broken regex", { command: "(", kind: "not-here", why: "needs systemd here", runnableWhen: "systemd as PID 1" }, /not a valid regular expression/],
    ["an unknown kind", { page: "**", command: "^x", kind: "later", why: "some day, maybe" }, /kind/],
    ["no page scope", { command: "^openclaw x$", kind: "upstream", why: "an artifact on openclaw.ai" }, /^page: /],
  ])("%s", (_name, entry, message) => {
    const parsed = Exclusion.safeParse(entry);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")).toMatch(message);
  });
});

describe("a block's commands are what a shell would read one at a time", () => {
  test("continuations join, comments drop", () => {
    expect(splitCommands("openclaw a \\\n  --flag\n# comment\nopenclaw b")).toEqual(["openclaw a --flag", "openclaw b"]);
  });

  test("a heredoc is one command with its body", () => {
    expect(splitCommands("cat > ~/x <<'EOF'\n#!/usr/bin/env bash\nset -e\nEOF\nchmod +x ~/x")).toEqual(["cat > ~/x <<'EOF'\n#!/usr/bin/env bash\nset -e\nEOF", "chmod +x ~/x"]);
  });

  test("a subshell, an if … fi and a quote that spans lines stay whole", () => {
    const script = "(\n  p='a|b'\n  if ls x; then\n    grep y\n  fi\n) | tail -5\necho \"one\ntwo\"\nopenclaw status";
    expect(splitCommands(script)).toEqual(["(\n  p='a|b'\n  if ls x; then\n    grep y\n  fi\n) | tail -5", 'echo "one\ntwo"', "openclaw status"]);
  });

  test("a loop on one line, an apostrophe inside double quotes, a trailing comment", () => {
    expect(splitCommands("for f in a b; do echo $f; done\necho \"it's\"\nopenclaw onboard # note")).toEqual(["for f in a b; do echo $f; done", 'echo "it\'s"', "openclaw onboard # note"]);
  });
});
