import { z } from "zod";

/**
 * What the relay inside the SUT's namespace does: which address:port it listens on and which of
 * the world's unix sockets each leads to, where DNS questions go, and where connections to
 * addresses nobody serves are reported. The world makes it; the SUT container hands it to the
 * relay as JSON; nothing else needs to know socket names or addresses.
 */
export const RelayPlan = z.object({
  listeners: z.array(z.object({ address: z.ipv4(), port: z.number().int(), socket: z.string() })),
  dns: z.object({ address: z.ipv4(), socket: z.string() }),
  catchAllPorts: z.array(z.number().int()),
  unservedSocket: z.string(),
});
export type RelayPlan = z.infer<typeof RelayPlan>;
