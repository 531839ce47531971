import { whereOf } from "./plan-step.ts";
import type { FailureCause } from "./cause.ts";
import type { StepRecord } from "./records.ts";
import { stepEnding } from "./step-progress.ts";

/** Lines that never say what went wrong: OpenClaw's banner, its closing hints, blank lines. */
const NOISE = [/^🦞/, /^\s*$/, /OPENCLAW_DEBUG=1/, /^(\[openclaw\] )?(Try|Help|Docs):/, /^Session terminated/];
const TELLING = /error|unknown|invalid|fail|cannot|can't|\bno\b|\bnot\b|refus|denied|missing|requires|expected/i;

/** The first line of the output that says what went wrong: stderr before stdout; else the first that is not noise. */
export function firstTellingLine(stderr: string, stdout: string): string {
  const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter((line) => !NOISE.some((noise) => noise.test(line)));
  const candidates = [lines(stderr), lines(stdout)];
  const telling = candidates.map((some) => some.find((line) => TELLING.test(line))).find(Boolean);
  // Whole: reports cut it after redaction, so no secret is cut in half before it could be found.
  return telling ?? candidates.flat()[0] ?? "(no output)";
}

/** How a step ended, when it failed: undefined when it exited as `expected` (0 unless a claim on it expects another code). */
function failureOf(step: StepRecord, expected: readonly number[]): string | undefined {
  if (step.notRun) return undefined;
  // A doc command that cannot do its job in a container (a service restart) is expected to fail
  // there: the harness's stand-in does the job, and only a stand-in that never got ready failed.
  if (step.substitution) return step.substitution.serve.ready ? undefined : "its stand-in never got ready";
  if (step.background) return step.background.ready ? undefined : stepEnding(step);
  if (step.result.timedOut) return stepEnding(step);
  if (step.result.stoppedAfter) return undefined;
  return (expected.length ? expected : [0]).includes(step.result.exitCode) ? undefined : stepEnding(step);
}

/** What a failed step said: a background command's or stand-in's readiness evidence, else its telling output line. */
const saidBy = (step: StepRecord) => step.background?.evidence ?? step.substitution?.serve.evidence ?? firstTellingLine(step.result.stderr, step.result.stdout);

const causeAt = (step: StepRecord, ended: string, earlier: boolean): FailureCause => ({
  step: step.id, at: whereOf(step.source), command: step.result.command, ended, line: saidBy(step), earlier,
});

/**
 * The failed command behind a claim on `stepId`, or undefined when its command did as expected
 * (the claim then failed on what it printed or changed, which its observations say). `expectedExits`
 * are the exit codes the scenario's claims expect of each step.
 */
export function failureCause(stepId: string, steps: readonly StepRecord[], expectedExits: ReadonlyMap<string, number[]>): FailureCause | undefined {
  const index = steps.findIndex((step) => step.id === stepId);
  const own = steps[index];
  if (own && !own.notRun) {
    const ended = failureOf(own, expectedExits.get(own.id) ?? []);
    return ended ? causeAt(own, ended, false) : undefined;
  }
  // Its step never ran (or is not among those that did): the nearest earlier step that failed.
  const before = index < 0 ? steps : steps.slice(0, index);
  for (const step of [...before].reverse()) {
    const ended = failureOf(step, expectedExits.get(step.id) ?? []);
    if (ended) return causeAt(step, ended, true);
  }
  return undefined;
}
