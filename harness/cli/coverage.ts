import { formatCoverageMarkdown } from "../../reports/writers/coverage-markdown.ts";
import { formatCoverageText } from "../../reports/writers/coverage-text.ts";
import { type VersionCoverage, measureCoverage } from "../coverage/coverage.ts";
import { docBlocks } from "../coverage/doc-blocks.ts";
import { loadExclusions, loadPageSet, pageSetPages } from "../coverage/load-coverage-files.ts";
import { planRuns } from "../coverage/scenario-runs.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import { BadInputError, ExitCode, type ExitCodeValue } from "../util/errors.ts";
import { formatOption } from "./format-option.ts";

export const COVERAGE_FORMATS = ["text", "markdown", "json"] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

export const coverageFormat = (given: string): CoverageFormat => formatOption(COVERAGE_FORMATS, given);

/** The docs tree of one version under test, as main resolves it (a release's, a tarball's, --docs). */
export interface DocsOfVersion {
  version: string;
  docsRoot: string;
}

/** Docs coverage of each version: the page set's blocks, the scenarios' runs, the exclusions. */
export function measureVersions(docs: DocsOfVersion[], scenarios: LoadedScenario[]): VersionCoverage[] {
  const pageSet = loadPageSet();
  const exclusions = loadExclusions();
  return docs.map(({ version, docsRoot }) => {
    const pages = pageSetPages(docsRoot, version, pageSet);
    if (pages.length === 0) throw new BadInputError(`no page of scenarios/coverage/pages.yaml exists in the docs of openclaw ${version} (${docsRoot})`);
    const { runs, drift, notPromises, exitOnly } = planRuns(scenarios, docsRoot, version);
    // A claim must quote a promise; one that quotes a heading or a label is the scenario's mistake.
    if (notPromises.length) throw new BadInputError(`on openclaw ${version}, ${notPromises.length} claim(s) quote no promise:\n${notPromises.join("\n")}`);
    return measureCoverage({ openclaw: version, pages, blocks: docBlocks(docsRoot, pages), runs, drift, exclusions, exitOnly });
  });
}

/** Blocks neither run nor excluded fail the command, so a new doc command surfaces the day it lands. */
export const coverageExitCode = (coverages: VersionCoverage[]): ExitCodeValue =>
  coverages.some((coverage) => coverage.totals.unaccounted > 0) ? ExitCode.uncovered : ExitCode.asExpected;

/** `coverage`: every block of the onboarding pages and what covers it, in the chosen format. */
export function printCoverage(coverages: VersionCoverage[], format: CoverageFormat): ExitCodeValue {
  const text = format === "json" ? JSON.stringify(coverages, null, 2) : format === "markdown" ? formatCoverageMarkdown(coverages) : formatCoverageText(coverages);
  console.log(text);
  return coverageExitCode(coverages);
}
