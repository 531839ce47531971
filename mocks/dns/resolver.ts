import { createServer, type Socket } from "node:net";
import dnsPacket from "dns-packet";
import type { Journal } from "../edge/journal.ts";
import { type Listening, listenOn } from "../net/listen.ts";
import type { UpstreamHost } from "../edge/upstream-host.ts";

export const DNS_SOCKET_NAME = "dns.sock";

const NXDOMAIN = 3;
const FORMERR = 1;
/** A DNS header is 12 bytes: anything shorter cannot even be answered, as real servers know. */
const HEADER_BYTES = 12;

/** What the resolver says to one message: the answer's bytes, or nothing (a too-short message). */
export function answerQuery(query: Buffer, addresses: ReadonlyMap<string, string>, journal: Journal): Buffer | undefined {
  let question: dnsPacket.Packet;
  try {
    question = dnsPacket.decode(query);
  } catch (error) {
    const answerable = query.length >= HEADER_BYTES;
    journal.record({ kind: "dns", origin: "sut", host: "?", note: `malformed query (${query.length} bytes: ${(error as Error).message}); ${answerable ? "FORMERR" : "dropped"}` });
    // FORMERR echoes the query's id, as a real server does, so the client stops at once.
    return answerable ? dnsPacket.encode({ type: "response", id: query.readUInt16BE(0), flags: FORMERR, questions: [] }) : undefined;
  }
  const asked = question.questions?.[0];
  const name = asked?.name ?? "";
  const address = addresses.get(name.toLowerCase());
  const answers = address && asked?.type === "A" ? [{ type: "A" as const, name, ttl: 60, data: address }] : [];
  journal.record({ kind: "dns", origin: "sut", host: name, note: address ? `${asked?.type} ${address}` : `${asked?.type} NXDOMAIN` });
  return dnsPacket.encode({
    type: "response",
    id: question.id,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (address ? 0 : NXDOMAIN),
    questions: question.questions,
    answers,
  });
}

/**
 * The SUT's only resolver. The relay forwards each UDP question over a unix socket, framed as
 * DNS over TCP (two length bytes, then the message). Every question is journaled; names we do
 * not serve get NXDOMAIN at once, malformed questions FORMERR, so nothing waits on a timeout.
 */
export async function startResolver(socketPath: string, upstreams: UpstreamHost[], journal: Journal): Promise<Listening> {
  const addresses = new Map(upstreams.map((upstream) => [upstream.host, upstream.address]));
  const server = createServer((socket: Socket) => {
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const length = pending.readUInt16BE(0);
        const query = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        let reply: Buffer | undefined;
        try {
          reply = answerQuery(query, addresses, journal);
        } catch (error) {
          journal.fault("the DNS resolver", error);
        }
        if (!reply) {
          socket.end();
          return;
        }
        const framed = Buffer.alloc(2 + reply.length);
        framed.writeUInt16BE(reply.length);
        reply.copy(framed, 2);
        socket.write(framed);
      }
    });
    socket.on("error", () => socket.destroy());
  });
  return listenOn(server, socketPath);
}
