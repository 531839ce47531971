import { createServer, type Server } from "node:net";
import { createInterface } from "node:readline";
import { z } from "zod";
import type { Journal } from "./journal.ts";

export const UNSERVED_SOCKET_NAME = "unserved.sock";

/** What the relay reports, one JSON line per connection, for an address:port we do not serve. */
const UnservedConnection = z.object({ address: z.string(), port: z.number().int() });

/**
 * Connections the SUT opened to an address we do not serve (a literal IP, a stale DNS answer).
 * The relay resets each at once and reports it here, so the attempt is journaled, not lost.
 */
export async function startUnservedLog(socketPath: string, journal: Journal): Promise<Server> {
  const server = createServer((socket) => {
    createInterface({ input: socket }).on("line", (line) => {
      const parsed = UnservedConnection.safeParse(JSON.parse(line));
      const { address, port } = parsed.success ? parsed.data : { address: "?", port: 0 };
      journal.record({ kind: "connect", origin: "sut", host: address, address, note: `tcp ${address}:${port} is not served; reset` });
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, resolve);
  });
  return server;
}
