import { once } from "node:events";
import { request } from "node:https";
import { connect, createServer, type Socket } from "node:net";
import { join } from "node:path";
import { connect as tlsConnect } from "node:tls";
import dnsPacket from "dns-packet";
import { dir, type DirectoryResult } from "tmp-promise";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DNS_SOCKET_NAME } from "../../mocks/dns/resolver.ts";
import { PROXY_SOCKET_NAME } from "../../mocks/edge/connect-proxy.ts";
import { socketNameFor } from "../../mocks/edge/edge.ts";
import { UNSERVED_SOCKET_NAME } from "../../mocks/edge/unserved.ts";
import { openaiService } from "../../mocks/openai/service.ts";
import { servedHosts } from "../../mocks/services.ts";
import { UpstreamWorld } from "../../mocks/upstream-world.ts";

// Everything the SUT can send the world, malformed: the world answers as a real server would,
// journals it, and goes on serving. No Docker: the sockets are the ones the relay would use.
const HANDSHAKE_TIMEOUT_MS = 300;
let socketDir: DirectoryResult;
let world: UpstreamWorld;
const chatgpt = servedHosts().find((upstream) => upstream.host === "chatgpt.com")!;
const socketPath = (name: string) => join(socketDir.path, name);
const edgePath = () => socketPath(socketNameFor(chatgpt));

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** Sends bytes on a fresh connection and resolves with what came back once the server closed it. */
async function exchange(path: string, bytes: Buffer | string, { end = false } = {}): Promise<{ reply: Buffer; ms: number }> {
  const started = Date.now();
  const socket = connect(path);
  const chunks: Buffer[] = [];
  socket.on("data", (chunk) => chunks.push(chunk));
  socket.on("error", () => undefined);
  await once(socket, "connect");
  socket.write(bytes);
  if (end) socket.end();
  await once(socket, "close");
  return { reply: Buffer.concat(chunks), ms: Date.now() - started };
}

/** A real ClientHello, as Node's TLS sends it for chatgpt.com. */
async function realClientHello(): Promise<Buffer> {
  const path = socketPath("hello-capture.sock");
  const captured = new Promise<Buffer>((resolve) => {
    const server = createServer((socket) => socket.once("data", (chunk) => (resolve(chunk), socket.destroy(), server.close())));
    server.listen(path);
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  tlsConnect({ path, servername: "chatgpt.com" }).on("error", () => undefined);
  return captured;
}

/** A GET through the edge with TLS, as a well-behaved client sends it: the mocks still answer it. */
function stillServes(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: edgePath(), servername: "chatgpt.com", host: "chatgpt.com", path: "/backend-api/nothing-here", ca: world.ca.certPem, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

const notes = (kind: string) => world.journal.all().filter((entry) => entry.kind === kind).map((entry) => entry.note ?? "");

beforeAll(async () => {
  socketDir = await dir({ prefix: "ocf-fuzz-", unsafeCleanup: true });
  world = await UpstreamWorld.start({ socketDir: socketDir.path, profile: "open", handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS });
});

afterAll(async () => {
  await world?.close();
  await socketDir?.cleanup();
});

describe("the edge (TLS)", () => {
  test("bytes that are not TLS are reset at once and journaled", async () => {
    const { ms } = await exchange(edgePath(), "GET / HTTP/1.1\r\nHost: chatgpt.com\r\n\r\n");
    expect(ms).toBeLessThan(HANDSHAKE_TIMEOUT_MS);
    expect(notes("tls")).toContainEqual(expect.stringMatching(/^not TLS: .*; closed$/));
  });

  test("a connection that sends nothing is closed at the handshake timeout and journaled", async () => {
    const { ms } = await exchange(edgePath(), Buffer.alloc(0));
    expect(ms).toBeGreaterThanOrEqual(HANDSHAKE_TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(HANDSHAKE_TIMEOUT_MS * 5);
    expect(notes("tls")).toContainEqual(`no complete ClientHello within ${HANDSHAKE_TIMEOUT_MS} ms (0 bytes); closed`);
  });

  test("half a ClientHello is closed at the handshake timeout", async () => {
    const hello = await realClientHello();
    const { ms } = await exchange(edgePath(), hello.subarray(0, 40));
    expect(ms).toBeLessThan(HANDSHAKE_TIMEOUT_MS * 5);
    expect(notes("tls")).toContainEqual(`no complete ClientHello within ${HANDSHAKE_TIMEOUT_MS} ms (40 bytes); closed`);
  });

  test("200 mutated ClientHellos each end in a closed connection, never a hang or a crash", async () => {
    const hello = await realClientHello();
    const next = random(82978);
    const before = world.journal.mark;
    const mutants = Array.from({ length: 200 }, () => {
      const mutated = Buffer.from(hello);
      const flips = 1 + Math.floor(next() * 8);
      for (let flip = 0; flip < flips; flip++) mutated[Math.floor(next() * mutated.length)] = Math.floor(next() * 256);
      return { bytes: mutated.subarray(0, Math.max(1, Math.floor(mutated.length * (0.5 + next())))), end: next() < 0.5 };
    });
    // Fifty at a time: many wait out the handshake timeout, as a stalled client would.
    for (let batch = 0; batch < mutants.length; batch += 50) {
      const results = await Promise.all(mutants.slice(batch, batch + 50).map(({ bytes, end }) => exchange(edgePath(), bytes, { end })));
      for (const { ms } of results) expect(ms).toBeLessThan(HANDSHAKE_TIMEOUT_MS * 10);
    }
    // Each closed connection left a line in the journal (a failed handshake, a close, a timeout).
    expect(world.journal.mark - before).toBeGreaterThanOrEqual(200);
  }, 60_000);

  test.each(["a b", "x%zz", "-", "ä.example"])("an SNI of %j fails the handshake and is journaled", async (servername) => {
    const socket = tlsConnect({ path: edgePath(), servername, rejectUnauthorized: false });
    const [error] = (await once(socket, "error")) as [Error];
    expect(error.message).toMatch(/alert|handshake|socket/i);
    await expect.poll(() => notes("tls")).toContainEqual(expect.stringContaining(`is not a host name`));
  });

  test.each([
    ["a request line no URL can be made of", "GET *%zz HTTP/1.1\r\nHost: chatgpt.com\r\n\r\n", /^unreadable request/],
    ["malformed HTTP", "\u0000\u0001 nonsense\r\n\r\n", /^malformed HTTP/],
  ])("%s inside TLS gets 400, journaled", async (_, bytes, note) => {
    const socket = tlsConnect({ path: edgePath(), servername: "chatgpt.com", ca: world.ca.certPem });
    await once(socket, "secureConnect");
    socket.write(bytes);
    const [reply] = (await once(socket, "data")) as [Buffer];
    socket.destroy();
    expect(reply.toString()).toMatch(/^HTTP\/1\.1 400/);
    expect(world.journal.all().at(-1)).toMatchObject({ kind: "http", status: 400, note: expect.stringMatching(note) });
  });
});

describe("the edge (WebSocket upgrades)", () => {
  /** Raw upgrade request bytes over TLS; resolves with the first bytes the edge sends back. */
  async function upgrade(request: string, after?: Buffer): Promise<string> {
    const socket = tlsConnect({ path: edgePath(), servername: "chatgpt.com", ca: world.ca.certPem });
    socket.on("error", () => undefined);
    await once(socket, "secureConnect");
    socket.write(request);
    const [reply] = (await once(socket, "data")) as [Buffer];
    if (after) {
      socket.write(after);
      await once(socket, "close");
    }
    socket.destroy();
    return reply.toString();
  }
  // A token this world issued: chatgpt.com refuses any other before the upgrade.
  let bearer = "";
  beforeAll(async () => {
    bearer = (await world.stateOf(openaiService).tokens.mint("app_EMoamEEZ73f0CkXaXp7hrann")).access_token;
  });
  const headers = (path: string, extra = "") =>
    `GET ${path} HTTP/1.1\r\nHost: chatgpt.com\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nauthorization: Bearer ${bearer}\r\n${extra}\r\n`;

  test("an upgrade to a path nothing serves gets 404, journaled", async () => {
    expect(await upgrade(headers("/backend-api/nowhere", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"))).toMatch(/^HTTP\/1\.1 404/);
    expect(world.journal.all().at(-1)).toMatchObject({ kind: "websocket", status: 404, answeredBy: "unmatched" });
  });

  test("an upgrade without a valid key is refused by the WebSocket server, not crashed on", async () => {
    expect(await upgrade(headers("/backend-api/codex/responses", "Sec-WebSocket-Key: short\r\n"))).toMatch(/^HTTP\/1\.1 400/);
  });

  test("garbage frames after an accepted upgrade close that connection and nothing else", async () => {
    const reply = await upgrade(headers("/backend-api/codex/responses", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"), Buffer.from([0xff, 0xff, 0x00, 0x01, 0x02, 0x03]));
    expect(reply).toMatch(/^HTTP\/1\.1 101/);
    expect(world.journal.faults()).toEqual([]);
  });
});

describe("the resolver (DNS)", () => {
  const framed = (message: Buffer) => Buffer.concat([Buffer.from([message.length >> 8, message.length & 0xff]), message]);

  test("a message too short for a header is dropped and journaled", async () => {
    const { reply } = await exchange(socketPath(DNS_SOCKET_NAME), framed(Buffer.from("x")));
    expect(reply.length).toBe(0);
    expect(notes("dns").at(-1)).toMatch(/^malformed query \(1 bytes: .*\); dropped$/);
  });

  test("a malformed message gets FORMERR with its id", async () => {
    const garbage = Buffer.from([0x12, 0x34, ...Array.from({ length: 20 }, (_, index) => (index * 37) & 0xff)]);
    const socket = connect(socketPath(DNS_SOCKET_NAME));
    socket.write(framed(garbage));
    const [reply] = (await once(socket, "data")) as [Buffer];
    socket.destroy();
    const answer = dnsPacket.decode(reply.subarray(2));
    expect(answer.id).toBe(0x1234);
    expect((answer as { rcode?: string }).rcode).toBe("FORMERR");
  });

  test("500 random messages: each answered or dropped, and a real question still answered after", async () => {
    const next = random(53);
    for (let round = 0; round < 500; round++) {
      const garbage = Buffer.from(Array.from({ length: Math.floor(next() * 64) }, () => Math.floor(next() * 256)));
      const socket = connect(socketPath(DNS_SOCKET_NAME));
      socket.on("error", () => undefined);
      socket.write(framed(garbage));
      await Promise.race([once(socket, "data"), once(socket, "close")]);
      socket.destroy();
    }
    const socket = connect(socketPath(DNS_SOCKET_NAME));
    socket.write(framed(dnsPacket.encode({ type: "query", id: 7, questions: [{ type: "A", name: "chatgpt.com" }] })));
    const [reply] = (await once(socket, "data")) as [Buffer];
    socket.destroy();
    expect(dnsPacket.decode(reply.subarray(2)).answers?.[0]).toMatchObject({ type: "A", data: chatgpt.address });
  }, 60_000);
});

describe("the CONNECT proxy", () => {
  test.each([
    ["a request line that is not HTTP", "GARBAGE\r\n\r\n"],
    ["CONNECT without a target", "CONNECT\r\n\r\n"],
    ["a header without a colon", "CONNECT chatgpt.com:443 HTTP/1.1\r\nbroken header\r\n\r\n"],
  ])("%s gets 400, journaled", async (_, line) => {
    const { reply } = await exchange(socketPath(PROXY_SOCKET_NAME), line);
    expect(reply.toString()).toMatch(/^HTTP\/1\.1 400/);
    expect(notes("connect").at(-1)).toMatch(/^proxy: malformed request/);
  });

  test("a CONNECT to a host we do not serve gets 502", async () => {
    const { reply } = await exchange(socketPath(PROXY_SOCKET_NAME), "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n");
    expect(reply.toString()).toMatch(/^HTTP\/1\.1 502/);
  });

  test("a client that sends nothing is closed at the timeout, journaled", async () => {
    const { ms } = await exchange(socketPath(PROXY_SOCKET_NAME), Buffer.alloc(0));
    expect(ms).toBeLessThan(HANDSHAKE_TIMEOUT_MS * 5);
    expect(notes("connect").at(-1)).toBe(`proxy: no request within ${HANDSHAKE_TIMEOUT_MS} ms; closed`);
  });
});

describe("the relay's report of unserved connections", () => {
  test("an unreadable line is a harness fault, journaled; the next line is read", async () => {
    const socket = connect(socketPath(UNSERVED_SOCKET_NAME));
    socket.end('not json\n{"address":"9.9.9.9"}\n{"address":"93.184.215.14","port":443}\n');
    await once(socket, "close");
    await expect.poll(() => notes("connect")).toContainEqual("tcp 93.184.215.14:443 is not served; reset");
    expect(world.journal.faults()).toEqual([
      { source: "the relay's report of unserved connections", message: 'unreadable line "not json"' },
      { source: "the relay's report of unserved connections", message: 'unreadable line "{\\"address\\":\\"9.9.9.9\\"}"' },
    ]);
  });
});

test("after all of it the world still serves, and closes at once with idle clients connected", async () => {
  const mark = world.journal.mark;
  expect(await stillServes()).toBe(404);
  expect(world.journal.since(mark)).toEqual([expect.objectContaining({ kind: "http", path: "/backend-api/nothing-here", answeredBy: "unmatched", clientClass: "node" })]);
  const idle: Socket[] = [edgePath(), socketPath(PROXY_SOCKET_NAME), socketPath(DNS_SOCKET_NAME)].map((path) => connect(path).on("error", () => undefined));
  await Promise.all(idle.map((socket) => once(socket, "connect")));
  const started = Date.now();
  await world.close();
  expect(Date.now() - started).toBeLessThan(200);
});
