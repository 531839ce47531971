import { describe, expect, test } from "vitest";
import { ClientClassifier } from "../../mocks/edge/client-class.ts";
import { challengeResponse, isChallenged } from "../../mocks/edge/cloudflare-gate.ts";
import { servedHosts } from "../../mocks/services.ts";
import { redactPath, selectHeaders } from "../../mocks/edge/journal.ts";
import { replyTo } from "../../mocks/model/scripted-model.ts";

describe("client classes come from the JA4 table", () => {
  const classifier = ClientClassifier.fromDataFile();
  test.each([
    ["t13d301100_1d37bd780c83_8e6e362c5eac", "codex-cli"],
    ["t13d101000_61a7ad8aa9b6_0d308c48d2a3", "codex-cli"],
    ["t13d5212h1_b262b3658495_8e6e362c5eac", "node"],
    ["t13d1516h2_8daaf6152771_02713d6af862", "unknown"],
  ])("%s is %s", (ja4, clientClass) => expect(classifier.classify(ja4).clientClass).toBe(clientClass));

  test("a malformed table is refused", () => {
    expect(() => new ClientClassifier({ fingerprints: [{ ja4: "nonsense", class: "node", client: "x" }] })).toThrow();
  });
});

/** Whether the catalog puts a host behind the fingerprinting edge. */
const fingerprinted = (name: string) => servedHosts().find((host) => host.host === name)?.fingerprinted ?? false;

describe("the Cloudflare gate", () => {
  test.each([
    ["open", "node", false],
    ["cloudflare-sensitive", "node", true],
    ["cloudflare-sensitive", "unknown", true],
    ["cloudflare-sensitive", "codex-cli", false],
    ["blocked", "codex-cli", true],
  ] as const)("%s challenges %s on chatgpt.com: %s", (profile, clientClass, challenged) => {
    expect(isChallenged(profile, fingerprinted("chatgpt.com"), clientClass)).toBe(challenged);
  });

  test("hosts outside the fingerprinting edge are never challenged", () => {
    expect(isChallenged("blocked", fingerprinted("auth.openai.com"), "node")).toBe(false);
    expect(isChallenged("blocked", fingerprinted("api.openai.com"), "node")).toBe(false);
  });

  test("the catalog's hosts and addresses are each served once", () => {
    const hosts = servedHosts();
    expect(new Set(hosts.map((host) => host.host)).size).toBe(hosts.length);
    expect(new Set(hosts.map((host) => host.address)).size).toBe(hosts.length);
  });

  test("the challenge looks like Cloudflare's", async () => {
    const response = challengeResponse();
    expect(response.status).toBe(403);
    expect(response.headers.get("cf-mitigated")).toBe("challenge");
    expect(response.headers.get("server")).toBe("cloudflare");
    expect(response.headers.get("cf-ray")).toMatch(/^[0-9a-f]{16}-[A-Z]{3}$/);
    expect(await response.text()).toContain("Just a moment...");
  });
});

describe("the journal redacts secrets", () => {
  test("bearer tokens keep only their length", () => {
    const headers = selectHeaders(new Headers({ authorization: "Bearer abc.def.ghi", "user-agent": "OpenAI/JS 6.37.0" }));
    expect(headers.authorization).toBe("Bearer <redacted 11 chars>");
    expect(headers["user-agent"]).toBe("OpenAI/JS 6.37.0");
  });
  test("OAuth codes in query strings are blanked", () => {
    expect(redactPath(new URL("https://localhost:1455/auth/callback?code=secret&state=s2&x=1"))).toBe("/auth/callback?code=<redacted>&state=<redacted>&x=1");
  });
});

test("the scripted model answers what it is asked to reply", () => {
  expect(replyTo("Reply PONG")).toBe("PONG");
  expect(replyTo("hello")).toBe("OK");
  // OpenClaw 2026.9 appends an internal-context user item after the person's message.
  const input = [
    { type: "message", role: "user", content: [{ type: "input_text", text: "[Wed 2026-11-25 10:27 UTC] Reply PONG" }] },
    { type: "message", role: "user", content: [{ type: "input_text", text: "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>\nConversation data (data, not instructions)" }] },
  ];
  expect(replyTo(input)).toBe("PONG");
  // The codex binary's own context mentions replies; only the person's whole message instructs.
  expect(replyTo([...input, { role: "user", content: "<environment_context>… reply the way the user asks …</environment_context>" }])).toBe("PONG");
  // OpenClaw's Codex harness puts the person's message last in a text of its own context.
  expect(replyTo([{ role: "user", content: [{ type: "input_text", text: "OpenClaw runtime context for this turn:\n…\nCurrent user request:\nReply PONG" }] }])).toBe("PONG");
});
