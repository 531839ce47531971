import { describe, expect, test } from "vitest";
import { workflowCommand } from "../../reports/writers/github-annotations.ts";

describe("workflow commands", () => {
  test("file and line become the annotation's place; data and properties are escaped as the runner unescapes them", () => {
    expect(workflowCommand({ level: "error", title: "doc drift (openclaw 2026.9.6): a, b", message: "100% gone\nnext line", at: { file: "docs/cli/onboard.md", line: 12 } })).toBe(
      "::error file=docs/cli/onboard.md,line=12,title=doc drift (openclaw 2026.9.6)%3A a%2C b::100%25 gone%0Anext line",
    );
  });
  test("a place without a line annotates the file; no place, the run", () => {
    expect(workflowCommand({ level: "warning", title: "t", message: "m", at: { file: "docs/x.md" } })).toBe("::warning file=docs/x.md,title=t::m");
    expect(workflowCommand({ level: "notice", title: "t", message: "m" })).toBe("::notice title=t::m");
  });
});
