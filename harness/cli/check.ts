import { coverageHeadline, coveredBy } from "../../reports/writers/coverage-text.ts";
import { formatCoverageMarkdown } from "../../reports/writers/coverage-markdown.ts";
import { type EditTouches, editTouchesMarkdown, editTouchesText } from "../../reports/writers/edited-commands-text.ts";
import { checkAnnotations, workflowCommand } from "../../reports/writers/github-annotations.ts";
import type { VersionCoverage } from "../coverage/coverage.ts";
import { ExitCode, type ExitCodeValue } from "../util/errors.ts";
import { coverageExitCode, type DocsOfVersion } from "./coverage.ts";
import { formatOption } from "./format-option.ts";
import { repoPath } from "./github-paths.ts";

/** text: for a terminal; github: the same, after a workflow command per finding (annotations); markdown: a pull request's summary. */
export const CHECK_FORMATS = ["text", "github", "markdown"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const checkFormat = (given: string): CheckFormat => formatOption(CHECK_FORMATS, given);

/**
 * `check`: the first job of a docs pull request. Every scenario's locators and quotes against each
 * version's docs (or an edited tree), and docs coverage, starting no container. Doc drift fails it
 * (exit 1), then blocks nothing accounts for (exit 6).
 */
export function printCheck(coverages: VersionCoverage[], format: CheckFormat = "text", docs: DocsOfVersion[] = [], touches: EditTouches[] = []): ExitCodeValue {
  const code: ExitCodeValue = coverages.some((coverage) => coverage.drift.length > 0) ? ExitCode.drift : coverageExitCode(coverages);
  if (format === "markdown") {
    console.log([...touches.map(editTouchesMarkdown), formatCoverageMarkdown(coverages)].join("\n\n"));
    return code;
  }
  if (format === "github") {
    const annotations = checkAnnotations(coverages, (version, file) => repoPath(docs.find((one) => one.version === version)?.docsRoot, file));
    for (const annotation of annotations) console.log(workflowCommand(annotation));
  }
  for (const coverage of coverages) {
    const drift = coverage.drift.map((one) => `  ✗ doc drift: ${one.scenario} ${one.kind} ${one.id}: ${one.message}`);
    const unaccounted = coverage.blocks
      .filter((block) => block.status === "unaccounted")
      .flatMap((block) => block.commands.filter((command) => command.status === "unaccounted" || command.status === "unjudged").map((command) => `  ✗ ${block.file}:${command.line}  ${command.command}  → ${coveredBy(command)}`));
    const exitOnly = Object.entries(coverage.exitOnly);
    const exitOnlyCount = exitOnly.reduce((sum, [, claims]) => sum + claims.length, 0);
    const exitOnlyLine = `  exit-only claims (judged by an exit code alone, each with its exitOnly: reason): ${exitOnlyCount}${exitOnly.length ? ` (${exitOnly.map(([scenario, claims]) => `${scenario} ${claims.length}`).join(", ")})` : ""}`;
    const stale = coverage.staleExclusions.map((index) => `  ! exclusion #${index + 1} of scenarios/coverage/exclusions.yaml matches a command a scenario runs and judges: remove it`);
    const touched = touches.find((one) => one.version === coverage.openclaw);
    console.log([coverageHeadline(coverage), touched ? [editTouchesText(touched)] : [], drift.length ? drift : ["  ✓ every scenario's locators and quotes resolve"], exitOnlyLine, unaccounted, stale].flat().join("\n"));
  }
  return code;
}
