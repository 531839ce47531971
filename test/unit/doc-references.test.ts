import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, test } from "vitest";
import { configKeyOf, namedBy } from "../../harness/docs/reference-names.ts";
import { type DocReference, pageReferences, sentenceAt } from "../../harness/docs/references.ts";

const parse = (source: string) => unified().use(remarkParse).use(remarkGfm).use(remarkMdx).parse(source);
const references = (source: string, page = "cli/doctor.md") => pageReferences({ page, file: `docs/${page}`, tree: parse(source) });
const brief = ({ kind, name, command, line, unit }: DocReference) => ({ kind, name, ...(command ? { command } : {}), line, unit });

describe("what inline code names", () => {
  test("a command is its leading bare words; its flags come along", () => {
    expect(namedBy("openclaw devices approve [requestId] [--latest]")).toEqual({ kind: "command", command: "openclaw devices approve", flags: ["--latest"] });
    expect(namedBy("OPENCLAW_HOME=/srv openclaw setup --mode=local")).toEqual({ kind: "command", command: "openclaw setup", flags: ["--mode"] });
  });

  test("flags, alone or as alternatives", () => {
    expect(namedBy("--repair|--fix")).toEqual({ kind: "flag", flags: ["--repair", "--fix"] });
    expect(namedBy("--session-sqlite <mode>")).toEqual({ kind: "flag", flags: ["--session-sqlite"] });
    expect(namedBy("-m")).toEqual({ kind: "flag", flags: ["-m"] });
  });

  test("config keys, with brackets, wildcards and placeholders; files, hosts and versions are not keys", () => {
    expect(configKeyOf("gateway.mode=local")).toBe("gateway.mode");
    expect(configKeyOf('agents.defaults.models["openai/gpt-5.5"].contextWindow')).toBe('agents.defaults.models["openai/gpt-5.5"].contextWindow');
    expect(configKeyOf("agents.entries.*.model")).toBe("agents.entries.*.model");
    expect(configKeyOf("models.providers.<id>.models")).toBe("models.providers.<id>.models");
    for (const notAKey of ["openclaw.json", "auth.openai.com", "docs.openclaw.ai", "gpt-5.5", "2026.9.6", "~/.openclaw/x.y", "a b.c", "README.md"]) expect(configKeyOf(notAKey), notAKey).toBeUndefined();
  });

  test("environment variables, with or without a value; other code names nothing", () => {
    expect(namedBy("OPENCLAW_STATE_DIR=/tmp/state")).toEqual({ kind: "envVar", name: "OPENCLAW_STATE_DIR" });
    expect(namedBy("OPENAI_API_KEY")).toEqual({ kind: "envVar", name: "OPENAI_API_KEY" });
    for (const nothing of ["PATH", "true", "~/.openclaw", "npm install -g openclaw"]) expect(namedBy(nothing), nothing).toBeUndefined();
  });
});

describe("the references of a page", () => {
  const page = [
    "# `openclaw doctor`", // 1
    "",
    "Run `openclaw doctor --fix` to repair. Then `--yes` skips the prompts.", // 3
    "",
    "- `--force`: apply aggressive repairs.", // 5
    "",
    "| Option | Effect |", // 7
    "| --- | --- |",
    "| `--deep` | Scan system services. |", // 9
    "",
    "## `doctor lint`", // 11
    "",
    "Set `gateway.auth.token` or export `OPENCLAW_GATEWAY_TOKEN`, then pass `--json`.", // 13
    "",
    "## `--bind` format", // 15
    "",
    "```bash", // 17
    "openclaw gateway status --deep | head",
    "openclaw models list \\",
    "  --provider openai",
    "```",
  ].join("\n");

  test("each command, flag, key and variable, with its line, unit and the command it belongs to", () => {
    expect(references(page).map(brief)).toEqual([
      { kind: "command", name: "openclaw doctor", line: 3, unit: "sentence" },
      { kind: "flag", name: "--fix", command: "openclaw doctor", line: 3, unit: "sentence" },
      { kind: "flag", name: "--yes", command: "openclaw doctor", line: 3, unit: "sentence" },
      { kind: "flag", name: "--force", command: "openclaw doctor", line: 5, unit: "list-item" },
      { kind: "flag", name: "--deep", command: "openclaw doctor", line: 9, unit: "table-row" },
      { kind: "configKey", name: "gateway.auth.token", line: 13, unit: "sentence" },
      { kind: "envVar", name: "OPENCLAW_GATEWAY_TOKEN", line: 13, unit: "sentence" },
      // Under a heading that names a subcommand of the page's command, a bare flag is its flag.
      { kind: "flag", name: "--json", command: "openclaw doctor lint", line: 13, unit: "sentence" },
      { kind: "command", name: "openclaw gateway status", line: 18, unit: "code-block" },
      { kind: "flag", name: "--deep", command: "openclaw gateway status", line: 18, unit: "code-block" },
      { kind: "command", name: "openclaw models list", line: 19, unit: "code-block" },
      { kind: "flag", name: "--provider", command: "openclaw models list", line: 19, unit: "code-block" },
    ]);
  });

  test("the text is the sentence, the list item, or the table row that names it", () => {
    const texts = Object.fromEntries(references(page).map(({ name, line, text }) => [`${name}:${line}`, text]));
    expect(texts["--yes:3"]).toBe("Then --yes skips the prompts.");
    expect(texts["--force:5"]).toBe("--force: apply aggressive repairs.");
    expect(texts["--deep:9"]).toBe("--deep | Scan system services.");
  });

  test("a page without a command title takes its command from its path under cli/", () => {
    expect(references("Use `--lint` in CI.", "cli/doctor/running.md").map(brief)).toEqual([{ kind: "flag", name: "--lint", command: "openclaw doctor", line: 1, unit: "sentence" }]);
    expect(references("Use `--lint` in CI.", "start/setup.md").map(brief)).toEqual([{ kind: "flag", name: "--lint", line: 1, unit: "sentence" }]);
  });

  test("sentences end before a capital, a code span or a link, not inside e.g. or a version", () => {
    const text = "Use it, e.g. on 2026.9.6 hosts. Then `x` runs. Done";
    expect(sentenceAt(text, text.indexOf("x"))).toBe("Then `x` runs.");
    expect(sentenceAt(text, 0)).toBe("Use it, e.g. on 2026.9.6 hosts.");
  });
});
