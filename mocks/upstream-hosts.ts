import { z } from "zod";

/**
 * The remote services we play, and the address each resolves to inside the SUT's namespace.
 * The addresses look public because OpenClaw's SSRF guard rejects loopback, private and
 * special-use answers; they exist only on the SUT's own loopback, so no packet can leave.
 */
export const UpstreamHost = z.object({ host: z.string(), address: z.ipv4(), port: z.number() });
export type UpstreamHost = z.infer<typeof UpstreamHost>;

export const upstreamHosts: UpstreamHost[] = [
  { host: "chatgpt.com", address: "1.2.3.10", port: 443 },
  { host: "auth.openai.com", address: "1.2.3.11", port: 443 },
  { host: "api.openai.com", address: "1.2.3.12", port: 443 },
  { host: "registry.npmjs.org", address: "1.2.3.13", port: 443 },
];
