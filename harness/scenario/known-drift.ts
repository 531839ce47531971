import semver from "semver";
import type { KnownDrift } from "./schema.ts";

/** The known-drift entry for this (scenario, claim) on this OpenClaw version, if any. */
export function findKnownDrift(entries: KnownDrift, scenario: string, claim: string, version: string) {
  return entries.find((entry) => entry.scenario === scenario && entry.claim === claim && semver.satisfies(version, entry.openclaw, { includePrerelease: true }));
}

/**
 * Strict, like wptrunner: a known drift that no longer happens fails the run, so a fix upstream
 * (or a regression after it) is never missed.
 */
export function claimStatus(held: boolean, known: boolean) {
  if (held) return known ? "unexpected-pass" : "conforms";
  return known ? "known-drift" : "new-drift";
}
