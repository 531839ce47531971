import { createServer, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import type { UpstreamHost } from "../upstream-hosts.ts";
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
 * ClientHello; anything else is refused at once (502). Every CONNECT is journaled.
 */
export async function startConnectProxy(socketDir: string, upstreams: UpstreamHost[], journal: Journal): Promise<Server> {
  const server = createServer((request, response) => {
    journal.record({ kind: "connect", origin: "sut", host: request.headers.host ?? "?", note: `proxy ${request.method} ${request.url}: only CONNECT is served; 502` });
    response.writeHead(502).end();
  });
  server.on("connect", (request, client: Socket, head: Buffer) => {
    const target = request.url ?? "";
    const upstream = upstreams.find((candidate) => `${candidate.host}:${candidate.port}` === target);
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
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(join(socketDir, PROXY_SOCKET_NAME), resolve);
  });
  return server;
}

/** The environment of a person behind the proxy: both spellings, local addresses excepted. */
export function behindProxyEnv(): Record<string, string> {
  const url = `http://${PROXY_ENDPOINT.address}:${PROXY_ENDPOINT.port}`;
  const local = "localhost,127.0.0.1,::1";
  return { HTTPS_PROXY: url, HTTP_PROXY: url, https_proxy: url, http_proxy: url, NO_PROXY: local, no_proxy: local };
}
