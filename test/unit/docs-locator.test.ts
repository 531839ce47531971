import { describe, expect, inject, test } from "vitest";
import { DocDriftError } from "../../harness/docs/doc-drift.ts";
import { findQuote } from "../../harness/docs/find-quote.ts";
import { locateCommand, splitCommands } from "../../harness/docs/locate-command.ts";
import "../../harness/run/provided.ts";

// The real docs shipped in the OpenClaw package under test, never a copy.
const { docsRoot, image } = inject("sut");

describe(`doc locators on openclaw@${image.openclawVersion}`, () => {
  test.runIf(image.openclawVersion === "2026.5.12")("the Codex subscription's device-code command, with file:line", () => {
    const located = locateCommand(docsRoot, { page: "providers/openai.md", tab: "Codex subscription", step: "Run Codex OAuth", block: 3 });
    expect(located).toEqual({ command: "openclaw models auth login --provider openai-codex --device-code", file: "docs/providers/openai.md", line: 219 });
  });

  test("a step that is not there is doc drift, with the candidates", () => {
    const attempt = () => locateCommand(docsRoot, { page: "providers/openai.md", tab: "Codex subscription", step: "No such step", block: 1 });
    expect(attempt).toThrow(DocDriftError);
    expect(attempt).toThrow(/found: .*"Run Codex OAuth"/);
  });

  test("a missing page is doc drift", () => {
    expect(() => locateCommand(docsRoot, { page: "providers/nowhere.md", block: 1 })).toThrow(/does not exist/);
  });

  test("a quote that wraps across lines is found; a changed one is doc drift", () => {
    expect(findQuote(docsRoot, "providers/openai.md", "OpenAI agent turns select the native Codex app-server runtime automatically").line).toBeGreaterThan(0);
    expect(() => findQuote(docsRoot, "providers/openai.md", "OpenAI agent turns always fail")).toThrow(DocDriftError);
  });
});

test("multi-command blocks split per command; continuations join", () => {
  expect(splitCommands("openclaw a \\\n  --flag\n# comment\nopenclaw b")).toEqual(["openclaw a --flag", "openclaw b"]);
});
