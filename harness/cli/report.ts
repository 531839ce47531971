import { runAnnotations, workflowCommand } from "../../reports/writers/github-annotations.ts";
import { formatRunDiffMarkdown } from "../../reports/writers/run-diff.ts";
import { formatRunMarkdown } from "../../reports/writers/run-markdown.ts";
import { ExitCode, type ExitCodeValue } from "../util/errors.ts";
import { formatOption } from "./format-option.ts";
import { repoPath } from "./github-paths.ts";
import { readRunReport } from "./run-report-file.ts";

export type ReportFormat = "markdown" | "github";

/** report prints Markdown for people, or workflow commands for a runner; "text" (the options' default) is the Markdown. */
export const reportFormat = (given: string): ReportFormat => formatOption(["markdown", "github"] as const, given, { text: "markdown" });

/**
 * `report [run.json]`: a run as Markdown (with --base, what changed since a base run: the last
 * release's, the base branch's), or its findings as annotations (paths as the --docs tree's
 * repository names them).
 */
export function printReport(reportFile: string, format: ReportFormat, options: { docsRoot?: string; baseFile?: string } = {}): ExitCodeValue {
  const report = readRunReport(reportFile);
  const base = options.baseFile ? readRunReport(options.baseFile) : undefined;
  if (format === "markdown") console.log(base ? `${formatRunMarkdown(report)}\n\n${formatRunDiffMarkdown(base, report)}` : formatRunMarkdown(report));
  else for (const annotation of runAnnotations(report, (file) => repoPath(options.docsRoot, file))) console.log(workflowCommand(annotation));
  return ExitCode.asExpected;
}
