import { outcomeOf, statusLabel } from "../../harness/scenario/status.ts";
import { SCENARIO_OWN } from "../../harness/scenario/plan-step.ts";
import { stopNote } from "../../harness/sut/command-result.ts";
import type { ScenarioEntry } from "./run-report.ts";

/** The first thing a claim saw fail ("✗ " dropped), cut to `max` characters: what a reader needs beside the verdict. */
export const firstFailure = (observed: readonly string[], max = 140) => observed.find((line) => line.startsWith("✗"))?.slice(2).slice(0, max);

type StepEntry = ScenarioEntry["steps"][number];
type ClaimEntry = ScenarioEntry["claims"][number];

/** What a reader must do about a claim's status, where there is something to do. */
const advice: Partial<Record<ClaimEntry["status"], (claim: ClaimEntry) => string>> = {
  "known-drift": (claim) => ` (${claim.issue})`,
  "unexpected-pass": (claim) => `: listed as known drift (${claim.issue}) but the docs now hold; fixed upstream? remove the entry from scenarios/known-drift.yaml`,
  "known-drift-changed": (claim) => `: listed as known drift (${claim.issue}) failing with /${claim.knownFailure}/, but it fails otherwise now; a new bug? update or split the entry in scenarios/known-drift.yaml`,
};

export function verdictLabel(claim: ClaimEntry): string {
  const label = statusLabel(claim.status);
  const headline = outcomeOf(claim.status) === "drift" ? label.toUpperCase() : label;
  return headline + (advice[claim.status]?.(claim) ?? "");
}

/** One command of the run as it was typed, where it came from, and how it ended. */
export function commandLine(step: StepEntry): string {
  const stopped = stopNote(step);
  const ended = step.notRun
    ? `not run: ${step.notRun}`
    : step.background
      ? `left running: ${step.background.ready ? `ready after ${step.background.readyAfterMs} ms (${step.background.evidence})` : `never ready: ${step.background.evidence}`}`
      : `exit ${step.exitCode}${stopped ? ` (${stopped})` : ""}`;
  const substituted = step.substitution ? `; then "${step.substitution.serve}" stood in (${step.substitution.evidence})` : "";
  return `$ ${step.command}  [${step.id}, ${step.source}] → ${ended}${substituted}`;
}

/** What a failed command said, cut for a report line (run.json keeps it whole, redacted before the cut). */
export const causeSaid = (cause: NonNullable<ClaimEntry["cause"]>) => (cause.line.length > 240 ? `${cause.line.slice(0, 240)}…` : cause.line);

/**
 * The failed command behind a claim, first thing a reader sees: its own doc line and the line it
 * said, or the earlier step that kept the claim's from getting there.
 */
export function causeLine(claim: ClaimEntry): string | undefined {
  const { cause } = claim;
  if (!cause) return undefined;
  const failed = cause.at === SCENARIO_OWN ? `$ ${cause.command} (the scenario's own command) → ${cause.ended}: ${causeSaid(cause)}` : `${cause.at} $ ${cause.command} → ${cause.ended}: ${causeSaid(cause)}`;
  return cause.earlier ? `↳ its step never got there: step "${cause.step}" failed first, ${failed}` : `↳ the command failed: ${failed}`;
}

/** The steps a claim's evidence shows: every one up to the claim's own. */
export const stepsUpTo = (scenario: ScenarioEntry, claim: ClaimEntry) => scenario.steps.slice(0, scenario.steps.findIndex((step) => step.id === claim.step) + 1);

/**
 * A claim as a person needs it: the verdict, the docs' promise with file:line, every command up
 * to the claim's step, what was observed, and the journal lines that prove it. Failure messages,
 * the Allure report and `repro` all print this.
 */
export function claimEvidence(scenario: ScenarioEntry, claim: ClaimEntry, indent = ""): string {
  const cause = causeLine(claim);
  return [
    `claim ${claim.id}: ${verdictLabel(claim)}`,
    ...(cause ? [`  ${cause}`] : []),
    `  docs (${claim.source}${claim.movedFrom ? `, moved: followed the anchor stub at ${claim.movedFrom}` : ""}): "${claim.quote}"`,
    ...stepsUpTo(scenario, claim).map((step) => `  ${commandLine(step)}`),
    ...claim.observed.map((line) => `  ${line}`),
    ...claim.evidence.map((line) => `  journal ${line}`),
  ]
    .map((line) => indent + line)
    .join("\n");
}
