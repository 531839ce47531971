import semver from "semver";
import type { Claim } from "./schema.ts";

/**
 * A claim as one OpenClaw version states it: its own quote, page and expectation where a variant
 * of the claim covers that version, the claim's own otherwise. The variant itself is dropped.
 */
export function claimForVersion(claim: Claim, version: string): Claim {
  const { versions, ...base } = claim;
  const variant = versions?.find((candidate) => semver.satisfies(version, candidate.openclaw, { includePrerelease: true }));
  if (!variant) return base;
  return { ...base, quote: variant.quote ?? base.quote, page: variant.page ?? base.page, expect: variant.expect ?? base.expect };
}
