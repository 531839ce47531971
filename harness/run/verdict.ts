import { AssertionError } from "node:assert";
import type { ClaimRecord, StepRecord } from "../scenario/records.ts";
import type { ScenarioResult } from "../scenario/run-scenario.ts";

/** One command of the run as it was typed, where it came from, and how it ended. */
function commandLine(step: StepRecord): string {
  const where = step.source.kind === "docs" ? `${step.source.file}:${step.source.line}` : "explicit";
  const ended = step.notRun ? `not run: ${step.notRun}` : `exit ${step.result.exitCode}${step.result.timedOut ? " (time limit)" : ""}`;
  const substituted = step.substitution ? `; then "${step.substitution.serve.command}" stood in (${step.substitution.serve.evidence})` : "";
  return `  $ ${step.result.command}  [${step.id}, ${where}] → ${ended}${substituted}`;
}

/** A failing claim as a person needs it: the promise with file:line, the command, what happened, the proof. */
export function describeClaim(claim: ClaimRecord, result: ScenarioResult): string {
  const step = result.steps.find((record) => record.id === claim.step);
  const label = {
    conforms: "conforms",
    "known-drift": `known drift (${claim.knownDrift?.issue})`,
    "new-drift": "NEW DRIFT",
    "unexpected-pass": `UNEXPECTED PASS: listed as known drift (${claim.knownDrift?.issue}) but the docs now hold; fixed upstream? remove the entry from scenarios/known-drift.yaml`,
  }[claim.status];
  return [
    `claim ${claim.id}: ${label}`,
    `  docs (${claim.source.file}:${claim.source.line}): "${claim.quote}"`,
    ...result.steps.slice(0, step ? result.steps.indexOf(step) + 1 : 0).map(commandLine),
    ...claim.observed.map((line) => `  ${line}`),
    ...claim.evidence.map((line) => `  journal ${line}`),
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * Turns a scenario result into the test's outcome: conforming and known drift pass; new drift,
 * unexpected passes and doc drift fail as assertions (Allure: failed), never as harness errors.
 */
export function assertAsExpected(result: ScenarioResult): void {
  if (result.status === "conforms" || result.status === "known-drift") return;
  const claims = result.claims.filter((claim) => claim.status === "new-drift" || claim.status === "unexpected-pass");
  const message = result.status === "doc-drift" ? `doc drift: ${result.message}` : claims.map((claim) => describeClaim(claim, result)).join("\n\n");
  throw new AssertionError({ message: `${result.id} on openclaw@${result.openclawVersion}: ${result.status}\n${message}` });
}
