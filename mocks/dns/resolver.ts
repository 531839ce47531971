import { createServer, type Server, type Socket } from "node:net";
import dnsPacket from "dns-packet";
import type { Journal } from "../edge/journal.ts";
import type { UpstreamHost } from "../upstream-hosts.ts";

export const DNS_SOCKET_NAME = "dns.sock";

/**
 * The SUT's only resolver. The relay forwards each UDP question over a unix socket, framed as
 * DNS over TCP (two length bytes, then the message). Every question is journaled; names we do
 * not serve get NXDOMAIN at once, so nothing waits on a timeout.
 */
export async function startResolver(socketPath: string, upstreams: UpstreamHost[], journal: Journal): Promise<Server> {
  const addresses = new Map(upstreams.map((upstream) => [upstream.host, upstream.address]));
  const answer = (query: Buffer): Buffer => {
    const question = dnsPacket.decode(query);
    const asked = question.questions?.[0];
    const name = asked?.name ?? "";
    const address = addresses.get(name);
    const answers = address && asked?.type === "A" ? [{ type: "A" as const, name, ttl: 60, data: address }] : [];
    journal.record({ kind: "dns", origin: "sut", host: name, note: address ? `${asked?.type} ${address}` : `${asked?.type} NXDOMAIN` });
    return dnsPacket.streamEncode({
      type: "response",
      id: question.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (address ? 0 : 3), // rcode 3 = NXDOMAIN
      questions: question.questions,
      answers,
    });
  };
  const server = createServer((socket: Socket) => {
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const length = pending.readUInt16BE(0);
        socket.write(answer(pending.subarray(2, 2 + length)));
        pending = pending.subarray(2 + length);
      }
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, resolve);
  });
  return server;
}
