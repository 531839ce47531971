import { beforeAll, describe, expect, test } from "vitest";
import { DocDriftError } from "../../harness/docs/doc-drift.ts";
import { ensureDocsOfVersion } from "../../harness/docs/docs-package.ts";
import { findQuote } from "../../harness/docs/find-quote.ts";
import { locateCommand, locateConfigExample } from "../../harness/docs/locate-command.ts";
import { fillPlaceholders, findPlaceholders } from "../../harness/docs/placeholders.ts";

// The real docs shipped in each OpenClaw package (fetched with npm pack), never a copy.
const codexSignIn = { page: "providers/openai.md", tab: "Codex subscription", step: "Run Codex OAuth" };

describe("doc locators on openclaw@2026.5.12", () => {
  let docs: string;
  beforeAll(async () => {
    docs = await ensureDocsOfVersion("2026.5.12");
  });

  test("tab + step + block: the Codex subscription's device-code command, with file:line", () => {
    expect(locateCommand(docs, { ...codexSignIn, block: 3 })).toEqual({
      command: "openclaw models auth login --provider openai-codex --device-code",
      file: "docs/providers/openai.md",
      line: 219,
      lines: [219],
    });
  });

  test("heading path: continuation lines join into one command, at the line it starts on", () => {
    const located = locateCommand(docs, { page: "providers/openai.md", heading: ["Image generation"], block: 1 });
    expect(located.command).toMatch(/^openclaw infer image generate --model openai\/gpt-image-1\.5 .* --json$/);
    expect(located.line).toBe(467);
  });

  test("a step that is not there is doc drift, with the nearest titles first", () => {
    const attempt = () => locateCommand(docs, { ...codexSignIn, step: "Run Codex OAuht", block: 1 });
    expect(attempt).toThrow(DocDriftError);
    expect(attempt).toThrow(/no <Step title="Run Codex OAuht"> in <Tab title="Codex subscription"> of docs\/providers\/openai\.md \(found: "Run Codex OAuth"/);
  });

  test("a block that is not there is doc drift, listing the blocks there are", () => {
    expect(() => locateCommand(docs, { ...codexSignIn, block: 4 })).toThrow(/no shell block #4 .*found: "openclaw onboard --auth-choice openai-codex"/);
  });

  test("a missing page is doc drift", () => {
    expect(() => locateCommand(docs, { page: "providers/nowhere.md", block: 1 })).toThrow(/does not exist/);
  });

  test("a quote that wraps across lines is found; a changed one is doc drift", () => {
    expect(findQuote(docs, "providers/openai.md", "OpenAI agent turns select the native Codex app-server runtime automatically").line).toBe(227);
    expect(() => findQuote(docs, "providers/openai.md", "OpenAI agent turns always fail")).toThrow(DocDriftError);
  });
});

describe("doc locators on openclaw@2026.9.6, where the OpenAI page was split", () => {
  let docs: string;
  beforeAll(async () => {
    docs = await ensureDocsOfVersion("2026.9.6");
  }, 120_000);

  test("the same locator follows the anchor stub to the page the tab moved to, and says so", () => {
    expect(locateCommand(docs, { ...codexSignIn, block: 3 })).toEqual({
      command: "openclaw models auth login --provider openai --device-code",
      file: "docs/providers/openai/setup.md",
      line: 118,
      lines: [118],
      moved: { stub: "docs/providers/openai.md:68", page: "providers/openai/setup.md" },
    });
  });

  test("a heading with <angle brackets> follows its stub, whose anchor is percent-encoded", () => {
    expect(locateCommand(docs, { page: "cli/gateway.md", heading: ["gateway call <method>"], block: 1, line: 1 })).toMatchObject({
      command: "openclaw gateway call status",
      file: "docs/cli/gateway/query.md",
      moved: { stub: "docs/cli/gateway.md:64", page: "cli/gateway/query.md" },
    });
  });

  test("a quote follows its section through the anchor stubs, and says so", () => {
    expect(findQuote(docs, "providers/openai.md", "OpenClaw manages the resulting credentials in its own agent auth store.")).toEqual({
      file: "docs/providers/openai/setup.md",
      line: 209,
      movedFrom: expect.stringMatching(/^docs\/providers\/openai\.md:\d+$/),
    });
  });

  test("a quote that only introduces what follows (a label ending in ':') is found, and flagged as no promise", () => {
    expect(findQuote(docs, "providers/openai.md", "sign in with a ChatGPT device-code flow instead of the localhost browser callback")).toMatchObject({
      file: "docs/providers/openai/setup.md",
      line: 113,
      notAPromise: "a label ending in \":\"",
    });
  });

  test("a quote that is nowhere is doc drift that names the pages searched", () => {
    expect(() => findQuote(docs, "providers/openai.md", "OpenAI agent turns select the native Codex app-server runtime automatically")).toThrow(
      /the quote is no longer in docs\/providers\/openai\.md \(nor where its anchor stubs point: .*docs\/providers\/openai\/setup\.md/,
    );
  });

  test("a title gone from its page names where else it stands", () => {
    expect(() => locateCommand(docs, { page: "providers/openai/models.md", step: "Run Codex OAuth", block: 1 })).toThrow(
      /the title stands elsewhere: docs\/providers\/openai\/setup\.md:102/,
    );
  });

  test("heading path inside a tab, and one command of a multi-command block", () => {
    const located = locateCommand(docs, { page: "providers/openai/setup.md", heading: ["Getting started", "Check and recover Codex OAuth routing"], block: 1, line: 3 });
    expect(located).toEqual({ command: "openclaw config get agents.defaults.model --json", file: "docs/providers/openai/setup.md", line: 218, lines: [218] });
  });

  test('line: "all" is the whole block, as a person pastes it, with the line of each command', () => {
    const located = locateCommand(docs, { page: "providers/openai/setup.md", heading: ["Check and recover Codex OAuth routing"], block: 3, line: "all" });
    expect(located).toMatchObject({ command: "openclaw doctor --fix\nopenclaw config validate", line: 233, lines: [233, 234] });
  });

  test("a <placeholder> is filled from a declared value, never silently", () => {
    const located = locateCommand(docs, { page: "providers/openai/setup.md", heading: ["Check and recover Codex OAuth routing"], block: 2, line: 1 });
    expect(located.command).toBe("openclaw models status --agent <id>");
    expect(fillPlaceholders(located.command, "here", { id: "main" }, {})).toBe("openclaw models status --agent main");
    expect(() => fillPlaceholders(located.command, "docs/x.md:225", {}, {})).toThrow(/docs\/x\.md:225 has placeholders the scenario does not fill: <id> \(declare it under fill:\)/);
  });

  test("a config example: block counts the JSON5 blocks, and the text is the block whole, through the move", () => {
    const located = locateConfigExample(docs, { page: "providers/openai.md", tab: "Codex subscription", heading: ["Config example"], block: 2 });
    expect(located.file).toBe("docs/providers/openai/setup.md");
    expect(located.moved?.stub).toBe("docs/providers/openai.md:68");
    expect(located.text).toMatch(/^\{\n\s+plugins: \{ entries: \{ codex: \{ enabled: true \} \} \},[\s\S]*"openai:api-key-backup",[\s\S]*\}\n$/);
    expect(() => locateConfigExample(docs, { page: "providers/openai/setup.md", heading: ["Config example"], block: 3 })).toThrow(/no config example #3 in heading "Config example"/);
  });

  test('"$OPENAI_API_KEY" must be declared in the step\'s env; the command keeps its text', () => {
    const located = locateCommand(docs, { page: "providers/openai/setup.md", tab: "API key (OpenAI Platform)", step: "Run onboarding", block: 2 });
    expect(findPlaceholders(located.command)).toEqual({ angle: [], variables: ["OPENAI_API_KEY"] });
    expect(() => fillPlaceholders(located.command, "here", {}, {})).toThrow(/\$OPENAI_API_KEY \(declare it under env:\)/);
    expect(fillPlaceholders(located.command, "here", {}, { OPENAI_API_KEY: "sk-test" })).toBe(located.command);
  });
});

test("a declared fill the command no longer has is doc drift", () => {
  expect(() => fillPlaceholders("openclaw models status", "here", { id: "main" }, {})).toThrow(/no longer has <id>/);
});
