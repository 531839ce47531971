import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { knownDriftPatch, proposeKnownDrift } from "../../reports/writers/known-drift-patch.ts";
import { knownDriftFile, loadKnownDrift } from "../scenario/load-scenarios.ts";
import { ExitCode, type ExitCodeValue } from "../util/errors.ts";
import { projectRoot } from "../util/paths.ts";
import { readRunReport } from "./run-report-file.ts";

/** `known-drift --update [run.json]`: what the run says about known-drift.yaml, as a patch to review. */
export function printKnownDriftPatch(reportFile: string): ExitCodeValue {
  const file = knownDriftFile();
  const name = relative(projectRoot, file);
  const entries = loadKnownDrift();
  const patch = knownDriftPatch(readFileSync(file, "utf8"), entries, proposeKnownDrift(readRunReport(reportFile), entries), name);
  console.log(patch.includes("\n@@") ? patch : `${name}: nothing to change for ${reportFile}`);
  return ExitCode.asExpected;
}
