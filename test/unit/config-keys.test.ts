import { describe, expect, test } from "vitest";
import type { DocReference } from "../../harness/docs/references.ts";
import { configKeyArgument } from "../../harness/docs/reference-names.ts";
import { judgeKeyPath, keySegments } from "../../harness/reference/config-schema.ts";
import { judgeConfigKeys } from "../../harness/reference/judge-config-keys.ts";

// A config schema in the shape OpenClaw prints it: definitions, alternatives, open records.
const schema = {
  type: "object",
  properties: {
    gateway: { type: "object", properties: { auth: { $ref: "#/definitions/auth" }, mode: { type: "string" } }, additionalProperties: false },
    agents: { type: "object", properties: { entries: { type: "object", additionalProperties: { type: "object", properties: { model: { type: "string" } } } } } },
    models: { type: "object", properties: { providers: { type: "object", patternProperties: { "^[a-z-]+$": { anyOf: [{ type: "object", properties: { models: { type: "array", items: { type: "object", properties: { contextTokens: { type: "number" } } } } } }] } } } } },
    plugins: { type: "object", properties: { entries: { type: "object", additionalProperties: true } } },
  },
  definitions: { auth: { type: "object", properties: { token: { type: "string" }, mode: { type: "string" } } } },
};

describe("a key path in the version's config schema", () => {
  test("segments: dots outside brackets; quoted ids, indexes and placeholders", () => {
    expect(keySegments('models.providers["openai-codex"].models[0].contextTokens')).toEqual(["models", "providers", "openai-codex", "models", "[0]", "contextTokens"]);
    expect(keySegments("agents.entries.<id>.model")).toEqual(["agents", "entries", "<id>", "model"]);
    expect(keySegments("bindings[].match")).toEqual(["bindings", "[]", "match"]);
  });

  test("known through $ref, additionalProperties, patternProperties, anyOf, items and open records", () => {
    for (const key of ["gateway.auth.token", "agents.entries.<id>.model", "agents.entries.main.model", 'models.providers["openai-codex"].models[0].contextTokens', "plugins.entries.codex.config.anything"]) {
      expect(judgeKeyPath(schema, key), key).toEqual({ known: true });
    }
  });

  test("a missing segment names where, and what is there; a first segment that is no top-level key is not a config path", () => {
    expect(judgeKeyPath(schema, "gateway.auth.tokn")).toEqual({ known: false, at: "gateway.auth", missing: "tokn", offered: ["mode", "token"] });
    expect(judgeKeyPath(schema, "gateway.port")).toEqual({ known: false, at: "gateway", missing: "port", offered: ["auth", "mode"] });
    expect(judgeKeyPath(schema, "openclaw.json.rejected")).toEqual({ notAConfigPath: true });
  });
});

describe("keys given to config get/set/unset, judged", () => {
  test("the key argument of a config command, quotes dropped; placeholders and flags name none", () => {
    expect(configKeyArgument("openclaw config set 'agents.entries.main.model' \"openai/gpt-5.5\"")).toBe("agents.entries.main.model");
    expect(configKeyArgument("openclaw config get gateway.auth.token --json")).toBe("gateway.auth.token");
    expect(configKeyArgument("openclaw config get <path>")).toBeUndefined();
    expect(configKeyArgument("openclaw config set --batch-file ./set.json")).toBeUndefined();
  });

  test("keys given to a config command, and prose keys whose first segment is a top-level key, are claims; other dotted names are findings", () => {
    const ref = (name: string, attribution: "with-command" | undefined, line: number): DocReference => ({ kind: "configKey", name, ...(attribution ? { attribution, command: "openclaw config set" } : {}), page: "cli/config.md", file: "docs/cli/config.md", line, unit: attribution ? "code-block" : "sentence", text: attribution ? `openclaw config set ${name} x` : `Set \`${name}\`.` });
    const { verdicts, findings } = judgeConfigKeys(
      [ref("gateway.auth.token", "with-command", 1), ref("gateway.port", "with-command", 2), ref("talk.voiceId", undefined, 3), ref("routing.queue", "with-command", 4), ref("gateway.auth.mode", undefined, 5), ref("gateway.auth.tokn", undefined, 6), ref("gatway.mode", undefined, 7)],
      schema,
    );
    expect(verdicts.map(({ id, held, observed }) => [id, held, observed[0]])).toEqual([
      ["config-gateway-auth-token", true, "✓ gateway.auth.token is a key of this version's config (its schema)"],
      ["config-gateway-port", false, '✗ gateway has no key "port" in this version\'s config schema (its keys there: auth, mode)'],
      ["config-routing-queue", false, "✗ routing is no top-level key of this version's config (its schema's: gateway, agents, models, plugins)"],
      ["config-gateway-auth-mode", true, "✓ gateway.auth.mode is a key of this version's config (its schema)"],
      ["config-gateway-auth-tokn", false, '✗ gateway.auth has no key "tokn" in this version\'s config schema (its keys there: mode, token)'],
    ]);
    expect(findings).toEqual([
      "talk.voiceId (docs/cli/config.md:3) is no config path of this version: \"talk\" is no top-level key of its config",
      "gatway.mode (docs/cli/config.md:7) is no config path of this version: \"gatway\" is no top-level key of its config",
    ]);
  });

  test("a key both a command and prose name quotes the command's line", () => {
    const prose: DocReference = { kind: "configKey", name: "gateway.auth.token", page: "web/dashboard.md", file: "docs/web/dashboard.md", line: 3, unit: "sentence", text: "The token is `gateway.auth.token`." };
    const command: DocReference = { ...prose, attribution: "with-command", command: "openclaw config get", line: 9, unit: "code-block", text: "openclaw config get gateway.auth.token" };
    const [verdict] = judgeConfigKeys([prose, command], schema).verdicts;
    expect([verdict!.line, verdict!.alsoAt]).toEqual([9, 1]);
  });
});
