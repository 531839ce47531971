import { createServer } from "node:http";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { type Listening, listenOn } from "../net/listen.ts";
import type { UpstreamHost } from "./upstream-host.ts";
import { socketNameFor } from "./edge.ts";
import type { Journal } from "./journal.ts";

export const PROXY_SOCKET_NAME = "proxy.sock";

/**
 * Where the SUT finds the proxy when a scenario runs behind one (as the report's user did, behind
 * mihomo, whose default port this is): an address on the SUT's loopback, relayed to this socket.
 */
export const PROXY_ENDPOINT = { address: "1.2.3.2", port: 7890 };

/**
 * An HTTP CONNECT proxy in front of the edge. A tunnel to a served host carries the client's
 * bytes unchanged to that host's edge socket, so the edge still sees the client's own
 * ClientHello; anything else is refused at once (502), a request it cannot parse gets 400, and a
 * client that sends no request within `idleTimeoutMs` is closed. Every one is journaled.
 */
export async function startConnectProxy(socketDir: string, upstreams: UpstreamHost[], journal: Journal, idleTimeoutMs: number): Promise<Listening> {
  const server = createServer((request, response) => {
    journal.record({ kind: "connect", origin: "sut", host: request.headers.host ?? "?", note: `proxy ${request.method} ${request.url}: only CONNECT is served; 502` });
    response.writeHead(502).end();
  });
  server.on("connection", (socket: Socket) => {
    socket.setTimeout(idleTimeoutMs, () => {
      journal.record({ kind: "connect", origin: "sut", host: "?", note: `proxy: no request within ${idleTimeoutMs} ms; closed` });
      socket.destroy();
    });
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    // Only the HTTP parser's complaints (HPE_*) are answered; a reset client is simply gone.
    if (!error.code?.startsWith("HPE_") || !socket.writable) return void socket.destroy();
    journal.record({ kind: "connect", origin: "sut", host: "?", note: `proxy: malformed request (${error.code}); 400` });
    socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
  });
  server.on("connect", (request, client: Socket, head: Buffer) => {
    client.setTimeout(0);
    const target = request.url ?? "";
    const upstream = upstreams.find((candidate) => `${candidate.host}:${candidate.port}` === target.toLowerCase());
    journal.record({ kind: "connect", origin: "sut", host: target.replace(/:\d+$/, ""), note: `proxy CONNECT ${target}${upstream ? "" : " is not served; 502"}` });
    client.on("error", () => client.destroy());
    if (!upstream) {
      client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
      return;
    }
    const tunnel = connect(join(socketDir, socketNameFor(upstream)), () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      tunnel.write(head);
      client.pipe(tunnel).pipe(client);
    });
    tunnel.on("error", () => client.destroy());
    client.on("close", () => tunnel.destroy());
  });
  return listenOn(server, join(socketDir, PROXY_SOCKET_NAME));
}
