import type { QuoteLocation } from "../docs/find-quote.ts";
import type { Captures } from "./captures.ts";
import { evaluateClaim } from "./evaluate-claim.ts";
import { failureCause } from "./failure-cause.ts";
import { findKnownDrift, judgeClaim } from "./known-drift.ts";
import type { ClaimRecord, StepRecord } from "./records.ts";
import type { Expectation, KnownDrift, Scenario } from "./schema.ts";
import { countByStatus, type ScenarioStatus, worstOf } from "./status.ts";

/** Something that went wrong in the harness process while the scenario ran (a mock threw, …). */
export interface HarnessFault {
  source: string;
  message: string;
}

export interface Judgement {
  status: ScenarioStatus;
  message: string;
  claims: ClaimRecord[];
}

export interface JudgeInput {
  scenario: Scenario;
  openclawVersion: string;
  egress: string;
  steps: StepRecord[];
  captures: Captures;
  quotes: ReadonlyMap<string, QuoteLocation>;
  knownDrift: KnownDrift;
  /** Faults the upstream world recorded; any one makes the scenario broken. */
  faults: readonly HarnessFault[];
  /** The scenario's time budget ran out: where, and the steps that never ran. It makes the scenario broken. */
  outOfTime?: { budgetMs: number; at: string; notRun: string[] };
}

/** Expectations may quote what a step printed or a key the person held (`outputIncludes: "{{token}}"`, `file: { excludes: "{{openai-api-key}}" }`). */
export function pasteInto(expect: Expectation, captures: Captures): Expectation {
  const paste = (text?: string) => (text === undefined ? undefined : captures.paste(text));
  const file = expect.file && { ...expect.file, includes: paste(expect.file.includes), excludes: paste(expect.file.excludes) };
  return { ...expect, outputIncludes: paste(expect.outputIncludes), outputExcludes: paste(expect.outputExcludes), ...(file ? { file } : {}) };
}

/**
 * The verdict on a scenario from what its steps did. Pure: no I/O, so every rule is unit-tested.
 * The harness's own failures come first and are never counted as drift: a fault in the mocks,
 * or a substitution that never got ready, makes the scenario broken whatever the claims say.
 */
export function judgeScenario(input: JudgeInput): Judgement {
  const { scenario, steps, captures } = input;
  const unready = steps.find((step) => step.substitution && !step.substitution.serve.ready);
  if (unready?.substitution) {
    const { serve } = unready.substitution;
    return { status: "broken", message: `broken: the substitution in step "${unready.id}" (${serve.command}) never got ready: ${serve.evidence}`, claims: [] };
  }
  // The exit codes the claims expect of each step: any other exit of a step is a failed command.
  const expectedExits = new Map<string, number[]>();
  for (const claim of scenario.claims) if (claim.expect.exitCode !== undefined) expectedExits.set(claim.step, [...(expectedExits.get(claim.step) ?? []), claim.expect.exitCode]);
  const claims: ClaimRecord[] = scenario.claims.map((claim) => {
    const step = steps.find((record) => record.id === claim.step);
    const uncaptured = captures.unknownIn(JSON.stringify(claim.expect));
    const evaluation = !step
      ? { held: false, observed: [`✗ step "${claim.step}" never ran`], evidence: [] }
      : uncaptured.length
        ? { held: false, observed: [`✗ the claim needs ${uncaptured.map((name) => `{{${name}}}`).join(", ")}, which no step's output showed`], evidence: [] }
        : evaluateClaim(pasteInto(claim.expect, captures), step);
    const known = findKnownDrift(input.knownDrift, scenario.id, claim.id, input.openclawVersion, input.egress);
    const { status, observed } = judgeClaim(evaluation, known, { output: step ? `${step.result.stdout}\n${step.result.stderr}` : "", timedOut: step?.result.timedOut ?? false });
    // A broken run (out of time, a mock's fault) is the harness's failure, never blamed on a command.
    const cause = evaluation.held || input.outOfTime || input.faults.length ? undefined : failureCause(claim.step, steps, expectedExits);
    return {
      id: claim.id, quote: claim.quote, source: input.quotes.get(claim.id)!, step: claim.step,
      held: evaluation.held, status, observed, evidence: evaluation.evidence, ...(cause ? { cause } : {}),
      knownDrift: known ? { issue: known.issue, note: known.note, fails: known.fails } : undefined,
    };
  });
  if (input.outOfTime) {
    const { budgetMs, at, notRun } = input.outOfTime;
    const skipped = notRun.length ? `; not run: ${notRun.join(", ")}` : "";
    return { status: "broken", message: `broken: the scenario ran out of its ${Math.round(budgetMs / 1000)} s time budget ${at}${skipped}; no claim is judged on it`, claims };
  }
  if (input.faults.length) {
    const where = input.faults.map((fault) => `${fault.source}: ${fault.message}`).join("; ");
    return { status: "broken", message: `broken: the harness failed while the scenario ran (${where}); no claim is judged on it`, claims };
  }
  const status = worstOf(claims.map((claim) => claim.status));
  return { status, message: `${status}: ${countByStatus(claims.map((claim) => claim.status))}`, claims };
}
