import { outcomeOf, ScenarioStatus, statusLabel } from "../../harness/scenario/status.ts";

/** The parts of an Allure result file (allure-vitest's *-result.json) that the verdict changes. */
export interface AllureResultFile {
  status?: string;
  labels?: { name: string; value: string }[];
  statusDetails?: { message?: string; trace?: string; known?: boolean };
  [other: string]: unknown;
}

/** The verdict labels that are drift (findings about OpenClaw), from the one list of statuses. */
const DRIFT = new Set<string>(ScenarioStatus.options.filter((status) => outcomeOf(status) === "drift").map(statusLabel));

/**
 * An Allure result as the report must show it. Vitest passes a scenario whose only findings are
 * known drift, so allure-vitest writes it "passed" (green): it becomes "unknown" (the promise
 * does not hold; the gate passes). A failed result is drift, not a crash: its stack trace (the
 * harness's assertion, vitest's internals) is dropped; only a broken one keeps it.
 */
export function asVerdict(result: AllureResultFile): AllureResultFile {
  const verdict = result.labels?.find((label) => label.name === "verdict")?.value;
  if (verdict === "known drift" && result.status === "passed") {
    return { ...result, status: "unknown", statusDetails: { ...result.statusDetails, message: "known drift: the gate passes, but the documented promise does not hold (see its issue)" } };
  }
  if (verdict !== undefined && DRIFT.has(verdict) && result.status === "failed" && result.statusDetails?.trace) {
    const { trace: _trace, ...details } = result.statusDetails;
    return { ...result, statusDetails: details };
  }
  return result;
}
