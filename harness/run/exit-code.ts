import type { RunReport } from "../../reports/writers/run-report.ts";
import { outcomeOf } from "../scenario/status.ts";
import { ExitCode, type ExitCodeValue } from "../util/errors.ts";

/**
 * The run's exit code. A broken scenario, or any error in the harness process, makes the verdict
 * unreliable, so it outranks drift; a run that judged nothing is never a success.
 */
export function exitCodeFor(report: RunReport, options: { allowAllSkipped?: boolean } = {}): ExitCodeValue {
  const outcomes = new Set(report.scenarios.map((scenario) => outcomeOf(scenario.status)));
  if (outcomes.has("broken") || report.run.harnessErrors.length) return ExitCode.harnessBroken;
  if (outcomes.has("drift")) return ExitCode.drift;
  if (!outcomes.has("ok") && !options.allowAllSkipped) return ExitCode.nothingChecked;
  return ExitCode.asExpected;
}
