import type { Server, Socket } from "node:net";

/** A server listening on a unix socket, with a close that does not wait on idle clients. */
export interface Listening {
  readonly path: string;
  close(): Promise<void>;
}

/**
 * Listens on a unix socket and keeps track of every connection, so closing destroys the ones
 * still open (an idle client, a tunnel) instead of waiting on them: a run never hangs on close.
 */
export async function listenOn(server: Server, path: string): Promise<Listening> {
  const open = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
