import { sourceLabel } from "../../harness/scenario/plan-step.ts";
import type { ScenarioResult } from "../../harness/scenario/records.ts";
import { isSecretName, redactDeep } from "../../harness/util/redact.ts";
import type { ScenarioEntry } from "./run-report.ts";

/** The API keys the person held, and the values the steps captured under a credential's name (a dashboard token, a code). */
export function capturedSecrets(result: Pick<ScenarioResult, "steps" | "keys">): string[] {
  const captured = result.steps.flatMap((step) => Object.entries(step.captured).filter(([name]) => isSecretName(name)).map(([, value]) => value));
  return [...Object.values(result.keys ?? {}), ...captured];
}

/**
 * The result itself with every credential redacted: what a test hands to reporters that keep
 * results raw (vitest's blob report, which a sharded run uploads as an artifact).
 */
export const redactedResult = (result: ScenarioResult): ScenarioResult => redactDeep(result, capturedSecrets(result));

/**
 * A scenario's result in run.json's shape: what reports, failure messages and repro all print
 * from. Credentials are redacted here, once, so nothing written from it can leak them.
 */
export function scenarioEntry(result: ScenarioResult): ScenarioEntry {
  return redactDeep(entryOf(result), capturedSecrets(result));
}

function entryOf(result: ScenarioResult): ScenarioEntry {
  const expected = result.claims.some((claim) => claim.knownDrift) ? "known-drift" : "conforms";
  return {
    id: result.id, title: result.title, openclaw: result.openclawVersion, status: result.status, expected, message: result.message, egress: result.egress,
    durationMs: result.durationMs, commandsMs: result.commandsMs,
    steps: result.steps.map((step) => ({
      id: step.id, command: step.result.command, exitCode: step.result.exitCode, durationMs: step.result.durationMs, startedAt: step.startedAt, timedOut: step.result.timedOut || undefined, stoppedAfter: step.result.stoppedAfter,
      source: sourceLabel(step.source),
      movedFrom: step.source.kind === "docs" ? step.source.moved?.stub : undefined,
      actors: step.actors.length ? step.actors.map((outcome) => `${outcome.actor}: ${outcome.actions.join("; ")}`) : undefined,
      captured: Object.keys(step.captured).length ? step.captured : undefined,
      notRun: step.notRun,
      background: step.background,
      substitution: step.substitution && {
        why: step.substitution.why, setup: step.substitution.setup.map((command) => `${command.command} → exit ${command.exitCode}`),
        serve: step.substitution.serve.command, ready: step.substitution.serve.ready, evidence: step.substitution.serve.evidence,
        readyAfterMs: step.substitution.serve.readyAfterMs,
      },
    })),
    claims: result.claims.map((claim) => ({
      id: claim.id, status: claim.status, quote: claim.quote, source: `${claim.source.file}:${claim.source.line}`, movedFrom: claim.source.movedFrom, step: claim.step,
      observed: claim.observed, evidence: claim.evidence, issue: claim.knownDrift?.issue, knownFailure: claim.knownDrift?.fails, cause: claim.cause,
    })),
    journal: result.journal.slice(0, 200),
    findings: result.findings,
  };
}
