import type { Evaluation } from "./evaluate-claim.ts";
import { covers } from "./for-version.ts";
import type { KnownDrift } from "./schema.ts";
import type { ClaimStatus } from "./status.ts";

type KnownDriftEntry = KnownDrift[number];

/** The known-drift entry for this (scenario, claim) on this OpenClaw version and egress, if any. */
export function findKnownDrift(entries: KnownDrift, scenario: string, claim: string, version: string, egress?: string): KnownDriftEntry | undefined {
  const applies = covers(version, egress);
  return entries.find((entry) => entry.scenario === scenario && entry.claim === claim && applies(entry));
}

/**
 * Strict, like wptrunner: a known drift that no longer happens fails the run, so a fix upstream
 * (or a regression after it) is never missed; and one that fails in another way than recorded
 * (`fails`, matched against what was observed and the step's output) fails it too, since that
 * is another bug.
 */
export function judgeClaim(evaluation: Evaluation, known: KnownDriftEntry | undefined, step: { output: string; timedOut: boolean }): { status: ClaimStatus; observed: string[] } {
  const { held, observed } = evaluation;
  if (!known) return { status: held ? "conforms" : "new-drift", observed };
  if (held) return { status: "unexpected-pass", observed };
  if (new RegExp(known.fails).test(`${observed.join("\n")}\n${step.output}`)) return { status: "known-drift", observed };
  // A command stopped at its time limit may not have got as far as the recorded failure.
  const stopped = step.timedOut ? "; the step was stopped at its time limit first: if the machine was only slow, raise the step's timeout" : "";
  return { status: "known-drift-changed", observed: [...observed, `✗ the known drift is recorded as failing with /${known.fails}/, which neither the above nor the step's output shows${stopped}`] };
}
