import { once } from "node:events";
import { request } from "node:https";
import { join } from "node:path";
import { connect as tlsConnect } from "node:tls";
import { zstdCompressSync } from "node:zlib";
import { dir, type DirectoryResult } from "tmp-promise";
import { afterEach, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { socketNameFor } from "../../mocks/edge/edge.ts";
import type { EgressProfile } from "../../mocks/edge/cloudflare-gate.ts";
import { openaiService } from "../../mocks/openai/service.ts";
import { servedHosts } from "../../mocks/services.ts";
import { UpstreamWorld } from "../../mocks/upstream-world.ts";

// chatgpt.com as the codex binary and OpenClaw's transports use it, through the real TLS edge
// (no Docker: the edge's unix socket, as the relay would reach it).
const chatgpt = servedHosts().find((upstream) => upstream.host === "chatgpt.com")!;
let socketDir: DirectoryResult | undefined;
let world: UpstreamWorld | undefined;

/** The ChatGPT access token the world's auth.openai.com issued: chatgpt.com takes no other. */
let bearer = "";

async function startWorld(profile: EgressProfile): Promise<UpstreamWorld> {
  socketDir = await dir({ prefix: "ocf-chatgpt-", unsafeCleanup: true });
  world = await UpstreamWorld.start({ socketDir: socketDir.path, profile });
  bearer = `Bearer ${(await world.stateOf(openaiService).tokens.mint("app_EMoamEEZ73f0CkXaXp7hrann")).access_token}`;
  return world;
}
afterEach(async () => {
  await world?.close();
  await socketDir?.cleanup();
});

const socketPath = () => join(socketDir!.path, socketNameFor(chatgpt));
const responsesUrl = "wss://chatgpt.com/backend-api/codex/responses";

/** A WebSocket to chatgpt.com whose TLS connection goes to the edge's socket, as the relay's would. */
function openWebSocket(headers: Record<string, string>): WebSocket {
  const createConnection = () => tlsConnect({ path: socketPath(), servername: "chatgpt.com", ca: world!.ca.certPem });
  return new WebSocket(responsesUrl, { headers, createConnection } as ConstructorParameters<typeof WebSocket>[2]);
}

/** The next `count` messages of a socket, parsed. */
async function nextMessages(socket: WebSocket, count: number): Promise<{ type: string; [key: string]: unknown }[]> {
  const messages: { type: string }[] = [];
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      messages.push(JSON.parse(data.toString()));
      if (messages.length === count) {
        socket.off("message", onMessage);
        resolve(messages);
      }
    };
    socket.on("message", onMessage);
  });
}

describe("the Responses WebSocket", () => {
  test("a warm-up, then a turn: the Responses events as text frames, journaled with the client's JA4", async () => {
    await startWorld("open");
    const socket = openWebSocket({ authorization: bearer, "openai-beta": "responses_websockets=2026-02-06" });
    await once(socket, "open");
    socket.send(JSON.stringify({ type: "response.create", model: "gpt-5.5", generate: false }));
    const warmUp = await nextMessages(socket, 2);
    expect(warmUp.map((event) => event.type)).toEqual(["response.created", "response.completed"]);
    expect(warmUp[1]).toMatchObject({ response: { output: [] } });
    socket.send(JSON.stringify({ type: "response.create", model: "gpt-5.5", input: [{ role: "user", content: [{ type: "input_text", text: "Reply PONG" }] }] }));
    const turn = await nextMessages(socket, 8);
    expect(turn.find((event) => event.type === "response.output_text.done")).toMatchObject({ text: "PONG" });
    expect(turn.at(-1)?.type).toBe("response.completed");
    socket.close();
    const entries = world!.journal.all().filter((entry) => entry.kind === "websocket");
    expect(entries[0]).toMatchObject({ status: 101, answeredBy: "chatgpt.com", clientClass: "node", path: "/backend-api/codex/responses" });
    expect(entries.map((entry) => entry.note).filter(Boolean)).toEqual(["← response.create (warm-up, generate: false) → 2 events", "← response.create → 8 events"]);
  });

  test("a message that is not a response.create gets an error event, and the connection stays", async () => {
    await startWorld("open");
    const socket = openWebSocket({ authorization: bearer });
    await once(socket, "open");
    socket.send("not json");
    expect((await nextMessages(socket, 1))[0]).toMatchObject({ type: "error" });
    socket.send(JSON.stringify({ type: "response.create", model: "gpt-5.5", generate: false }));
    expect(await nextMessages(socket, 2)).toHaveLength(2);
    // A model the account cannot use with Codex: chatgpt.com's error event, and the connection stays.
    socket.send(JSON.stringify({ type: "response.create", model: "gpt-4o", input: "Reply PONG" }));
    expect((await nextMessages(socket, 1))[0]).toMatchObject({ type: "error", status: 400, error: { message: "The 'gpt-4o' model is not supported when using Codex with a ChatGPT account." } });
    socket.close();
  });

  test.each([
    ["without credentials", "open", {}, 401],
    ["with a token this world never issued", "open", { authorization: "Bearer x.y.z" }, 401],
    ["from a client Cloudflare challenges", "cloudflare-sensitive", { authorization: "Bearer x.y.z" }, 403],
  ] as const)("refused %s", async (_, profile, headers, status) => {
    await startWorld(profile);
    const socket = openWebSocket(headers);
    socket.on("error", () => undefined);
    const [, response] = (await once(socket, "unexpected-response")) as [unknown, { statusCode: number; headers: Record<string, string> }];
    expect(response.statusCode).toBe(status);
    if (status === 403) expect(response.headers["cf-mitigated"]).toBe("challenge");
    socket.terminate();
    expect(world!.journal.all().find((entry) => entry.kind === "websocket")).toMatchObject({ status, answeredBy: status === 403 ? "cloudflare-gate" : "chatgpt.com" });
  });
});

test("the SSE fallback reads a zstd-compressed request body, as codex sends it", async () => {
  await startWorld("open");
  const body = zstdCompressSync(Buffer.from(JSON.stringify({ model: "gpt-5.5", stream: true, input: [{ role: "user", content: "Reply PONG" }] })));
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(
      { socketPath: socketPath(), servername: "chatgpt.com", host: "chatgpt.com", method: "POST", path: "/backend-api/codex/responses", ca: world!.ca.certPem, agent: false,
        headers: { authorization: bearer, "content-type": "application/json", "content-encoding": "zstd", accept: "text/event-stream" } },
      (res) => {
        let received = "";
        res.on("data", (chunk: Buffer) => (received += chunk.toString()));
        res.on("end", () => resolve(`${res.statusCode}\n${received}`));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
  expect(text.split("\n")[0]).toBe("200");
  expect(text).toContain('"type":"response.output_text.done"');
  expect(text).toContain('"text":"PONG"');
});
