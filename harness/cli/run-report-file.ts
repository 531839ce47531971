import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RUN_REPORT_FILE, RunReport } from "../../reports/writers/run-report.ts";
import { BadInputError } from "../util/errors.ts";

/** A run's report named by the user: a missing or foreign file is bad input. */
export function readRunReport(reportFile: string): RunReport {
  if (!existsSync(reportFile)) throw new BadInputError(`no run report at ${reportFile}: run \`npm run conformance\` first, or name one`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(reportFile, "utf8"));
  } catch (error) {
    throw new BadInputError(`${reportFile} is not a run report: ${(error as Error).message}`);
  }
  const parsed = RunReport.safeParse(json);
  if (!parsed.success) throw new BadInputError(`${reportFile} is not a run report: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The last run's report: run.json in the reports directory. */
export const defaultReportFile = (reportsDir: string) => join(reportsDir, RUN_REPORT_FILE);
