import { z } from "zod";

/**
 * Every status a claim or a scenario can end in, declared once (wptrunner's single list is the
 * model). Listed from the most to the least severe: a scenario takes the worst of its claims.
 * `outcome` is what the status means for the run as a whole: `ok` passes, `drift` fails it
 * (exit 1), `broken` says the harness failed (exit 2, never counted as drift), `skipped` checked
 * nothing.
 */
const statuses = {
  broken: { label: "broken", symbol: "✗", outcome: "broken" },
  "doc-drift": { label: "doc drift", symbol: "§", outcome: "drift" },
  "new-drift": { label: "new drift", symbol: "✗", outcome: "drift" },
  "known-drift-changed": { label: "known drift changed", symbol: "≠", outcome: "drift" },
  "unexpected-pass": { label: "unexpected pass", symbol: "!", outcome: "drift" },
  "known-drift": { label: "known drift", symbol: "≈", outcome: "ok" },
  conforms: { label: "conforms", symbol: "✓", outcome: "ok" },
  skipped: { label: "skipped", symbol: "-", outcome: "skipped" },
} as const;

export type Outcome = (typeof statuses)[keyof typeof statuses]["outcome"];

const names = Object.keys(statuses) as (keyof typeof statuses)[];

/** A scenario's status, most severe first. */
export const ScenarioStatus = z.enum(names as [keyof typeof statuses, ...(keyof typeof statuses)[]]);
export type ScenarioStatus = z.infer<typeof ScenarioStatus>;

/** What one claim can end in: judged against what a step did. */
export const ClaimStatus = ScenarioStatus.extract(["new-drift", "known-drift-changed", "unexpected-pass", "known-drift", "conforms"]);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** What a scenario is expected to end in, given its known-drift entries. */
export const ExpectedStatus = ScenarioStatus.extract(["conforms", "known-drift"]);

export const statusLabel = (status: ScenarioStatus) => statuses[status].label;

/** Whether the claim itself held, whatever known-drift.yaml expected (an unexpected pass held). */
export const claimHeld = (status: ClaimStatus) => status === "conforms" || status === "unexpected-pass";
export const statusSymbol = (status: ScenarioStatus) => statuses[status].symbol;
export const outcomeOf = (status: ScenarioStatus): Outcome => statuses[status].outcome;

/** The most severe of some statuses (`conforms` when there are none). */
export function worstOf(found: Iterable<ScenarioStatus>): ScenarioStatus {
  const present = new Set(found);
  return names.find((status) => present.has(status) && status !== "skipped") ?? "conforms";
}

/** Counts per status, in severity order, for summaries ("2 conforms, 1 new drift"). */
export function countByStatus(found: readonly ScenarioStatus[]): string {
  return names
    .map((status) => [status, found.filter((one) => one === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${statusLabel(status)}`)
    .join(", ");
}
