import type { RunReport } from "../../reports/writers/run-report.ts";
import { ExitCode, type ExitCodeValue } from "../util/errors.ts";

/** A broken scenario makes the run's verdict unreliable, so it outranks drift. */
export function exitCodeFor(report: RunReport): ExitCodeValue {
  const statuses = new Set(report.scenarios.map((scenario) => scenario.status));
  if (statuses.has("broken")) return ExitCode.harnessBroken;
  if (statuses.has("new-drift") || statuses.has("unexpected-pass") || statuses.has("doc-drift")) return ExitCode.drift;
  return ExitCode.asExpected;
}
