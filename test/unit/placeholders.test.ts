import { describe, expect, test } from "vitest";
import { DocDriftError } from "../../harness/docs/doc-drift.ts";
import { fillPlaceholders, findPlaceholders } from "../../harness/docs/placeholders.ts";

describe("a doc command's placeholders are filled from what the scenario declares, never silently", () => {
  test("an elided value the reader types (\"...\", KEY=...) is a placeholder of its own", () => {
    expect(findPlaceholders('export <PROVIDER>_API_KEY="..."').angle).toEqual(["PROVIDER", "..."]);
    expect(findPlaceholders("<PROVIDER>_API_KEY=...").angle).toEqual(["PROVIDER", "..."]);
    expect(fillPlaceholders('export <PROVIDER>_API_KEY="..."', "a.md:1", { PROVIDER: "ANTHROPIC", "...": "sk-ant-1" }, {})).toBe('export ANTHROPIC_API_KEY="sk-ant-1"');
  });
  test("a synopsis's repeatable <name...> is filled by its name, with one value or several", () => {
    const synopsis = "openclaw models auth order set --provider <id> <profileIds...>";
    expect(findPlaceholders(synopsis).angle).toEqual(["id", "profileIds"]);
    expect(fillPlaceholders(synopsis, "a.md:1", { id: "openai", profileIds: "openai:work openai:home" }, {})).toBe("openclaw models auth order set --provider openai openai:work openai:home");
    expect(() => fillPlaceholders(synopsis, "a.md:1", { id: "openai" }, {})).toThrow(/<profileIds>/);
  });
  test("an ellipsis that is not a whole value is prose, not a placeholder", () => {
    expect(findPlaceholders("openclaw onboard --non-interactive --accept-risk ...").angle).toEqual([]);
    expect(findPlaceholders('echo "loading..."').angle).toEqual([]);
  });
  test("an elided value nobody fills is doc drift naming it, not a literal \"...\" key", () => {
    expect(() => fillPlaceholders('export OPENAI_API_KEY="..."', "a.md:1", {}, {})).toThrow(DocDriftError);
    expect(() => fillPlaceholders('export OPENAI_API_KEY="..."', "a.md:1", {}, {})).toThrow(/elided value/);
  });
  test("a sample value (\"your-token\") is kept unless the scenario fills it; a fill it no longer has is drift", () => {
    const block = 'export OPENAI_API_KEY="your-provider-key"\nexport OPENCLAW_GATEWAY_TOKEN="your-token"';
    expect(fillPlaceholders(block, "a.md:1", {}, {})).toBe(block);
    expect(fillPlaceholders(block, "a.md:1", { "your-provider-key": "sk-1" }, {})).toBe('export OPENAI_API_KEY="sk-1"\nexport OPENCLAW_GATEWAY_TOKEN="your-token"');
    expect(() => fillPlaceholders('export OPENAI_API_KEY="sk-real"', "a.md:1", { "your-provider-key": "sk-1" }, {})).toThrow(/no longer has/);
  });
  test("a sample path (/path/to/reference.png) is kept unless the scenario fills it", () => {
    const command = "openclaw infer image edit --file /path/to/reference.png --prompt \"Keep the shape\"";
    expect(fillPlaceholders(command, "a.md:1", {}, {})).toBe(command);
    expect(fillPlaceholders(command, "a.md:1", { "/path/to/reference.png": "/tmp/a.png" }, {})).toBe('openclaw infer image edit --file /tmp/a.png --prompt "Keep the shape"');
    expect(fillPlaceholders('--runtime-path "/absolute/path/to/node"', "a.md:1", { "/absolute/path/to/node": "/usr/bin/node" }, {})).toBe('--runtime-path "/usr/bin/node"');
  });
});
