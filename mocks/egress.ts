import { z } from "zod";
import { EgressProfile } from "./edge/cloudflare-gate.ts";

const VIA_PROXY = "-via-proxy";
type EgressName = EgressProfile | `${EgressProfile}${typeof VIA_PROXY}`;

/**
 * How the SUT reaches the internet, as a scenario names it: the edge's view of the egress (its
 * profile), reached directly or through an HTTP CONNECT proxy (`…-via-proxy`: every OpenClaw
 * process has HTTPS_PROXY/HTTP_PROXY set, as the report's user behind mihomo had).
 */
export const Egress = z.enum(EgressProfile.options.flatMap((profile): EgressName[] => [profile, `${profile}${VIA_PROXY}`]) as [EgressName, ...EgressName[]]);
export type Egress = z.infer<typeof Egress>;

/** What the world needs to know to build an egress: the edge's profile, and whether a proxy stands in between. */
export function egressRoute(egress: Egress): { profile: EgressProfile; viaProxy: boolean } {
  const viaProxy = egress.endsWith(VIA_PROXY);
  return { profile: EgressProfile.parse(viaProxy ? egress.slice(0, -VIA_PROXY.length) : egress), viaProxy };
}
