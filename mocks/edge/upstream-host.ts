import { z } from "zod";

/**
 * A host the world answers as, and the address it resolves to inside the SUT's namespace. The
 * addresses look public because OpenClaw's SSRF guard rejects loopback, private and special-use
 * answers; they exist only on the SUT's own loopback, so no packet can leave. A `fingerprinted`
 * host sits behind a Cloudflare edge that challenges TLS profiles it does not like.
 */
export const UpstreamHost = z.object({ host: z.string(), address: z.ipv4(), port: z.number(), fingerprinted: z.boolean().default(false) });
export type UpstreamHost = z.infer<typeof UpstreamHost>;
