import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { z } from "zod";
import { type Listening, listenOn } from "../net/listen.ts";
import type { Journal } from "./journal.ts";

export const UNSERVED_SOCKET_NAME = "unserved.sock";

/** What the relay reports, one JSON line per connection, for an address:port we do not serve. */
const UnservedConnection = z.object({ address: z.string(), port: z.number().int() });

/** One line from the relay: a connection to journal, or a line our own relay should never write. */
export function recordUnserved(line: string, journal: Journal): void {
  let parsed: ReturnType<typeof UnservedConnection.safeParse>;
  try {
    parsed = UnservedConnection.safeParse(JSON.parse(line));
  } catch {
    parsed = UnservedConnection.safeParse(undefined);
  }
  if (!parsed.success) {
    // The relay is ours: a line it cannot have meant is a harness failure (a connection may be lost).
    journal.fault("the relay's report of unserved connections", `unreadable line ${JSON.stringify(line.slice(0, 200))}`);
    return;
  }
  const { address, port } = parsed.data;
  journal.record({ kind: "connect", origin: "sut", host: address, address, note: `tcp ${address}:${port} is not served; reset` });
}

/**
 * Connections the SUT opened to an address we do not serve (a literal IP, a stale DNS answer).
 * The relay resets each at once and reports it here, so the attempt is journaled, not lost.
 */
export async function startUnservedLog(socketPath: string, journal: Journal): Promise<Listening> {
  const server = createServer((socket) => {
    createInterface({ input: socket, crlfDelay: Infinity }).on("line", (line) => recordUnserved(line, journal));
    socket.on("error", () => socket.destroy());
  });
  return listenOn(server, socketPath);
}
