import { runAnnotations, workflowCommand } from "../../reports/writers/github-annotations.ts";
import { formatRunMarkdown } from "../../reports/writers/run-markdown.ts";
import { BadInputError, ExitCode, type ExitCodeValue } from "../util/errors.ts";
import { repoPath } from "./github-paths.ts";
import { readRunReport } from "./readme-tables.ts";

export type ReportFormat = "markdown" | "github";

/** report prints Markdown for people, or workflow commands for a runner; "text" is the options' default. */
export function reportFormat(given: string): ReportFormat {
  if (given === "text" || given === "markdown") return "markdown";
  if (given === "github") return "github";
  throw new BadInputError(`--format ${given}: report prints markdown or github`);
}

/** `report [run.json]`: a run as Markdown, or its findings as annotations (paths as the --docs tree's repository names them). */
export function printReport(reportFile: string, format: ReportFormat, docsRoot?: string): ExitCodeValue {
  const report = readRunReport(reportFile);
  if (format === "markdown") console.log(formatRunMarkdown(report));
  else for (const annotation of runAnnotations(report, (file) => repoPath(docsRoot, file))) console.log(workflowCommand(annotation));
  return ExitCode.asExpected;
}
