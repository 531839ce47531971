import { whereOf } from "./plan-step.ts";
import type { StepRecord } from "./records.ts";

/** How a step ended, in a few words: what a progress line and a reader of the log need first. */
export function stepEnding(step: StepRecord): string {
  if (step.notRun) return "not run";
  if (step.background) return step.background.ready ? `running, ready after ${seconds(step.background.readyAfterMs)}` : "never ready";
  const stopped = step.result.timedOut ? " (time limit)" : step.result.stoppedAfter ? " (stopped once done)" : "";
  return `exit ${step.result.exitCode}${stopped}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * One line as a step finishes: scenario, version, egress, step, the doc line it ran, how it
 * ended and how long it took. No command text or output: a progress line carries no secret.
 */
export function stepProgressLine(at: { scenario: string; openclaw: string; egress: string }, step: StepRecord): string {
  return `${at.scenario} @${at.openclaw} [${at.egress}] · ${step.id} · ${whereOf(step.source)} · ${stepEnding(step)} · ${seconds(step.result.durationMs)}`;
}
