import semver from "semver";
import { formatPromisesMarkdown } from "../../reports/writers/promises-markdown.ts";
import { formatPromisesText } from "../../reports/writers/promises-text.ts";
import { loadPageSet, loadPromiseExclusions, pageSetPages } from "../coverage/load-coverage-files.ts";
import { measurePromises, type VersionPromises } from "../coverage/promises.ts";
import { planRuns } from "../coverage/scenario-runs.ts";
import { docReferences, type DocReference } from "../docs/references.ts";
import { isExcludedFromReference, isJudgedByReference } from "../reference/judge-references.ts";
import type { LoadedReferenceSuite, LoadedScenario } from "../scenario/load-scenarios.ts";
import { BadInputError, ExitCode, type ExitCodeValue } from "../util/errors.ts";
import type { CoverageFormat, DocsOfVersion } from "./coverage.ts";

/** Whether a reference suite that applies to the version checks what a reference names (and no exclusion of it takes it out). */
const referenceCheckOn = (suites: LoadedReferenceSuite[], version: string) => {
  const applying = suites.filter(({ suite }) => semver.satisfies(version, suite.openclaw, { includePrerelease: true }));
  return (reference: DocReference) =>
    isJudgedByReference(reference) && applying.some(({ suite }) => !isExcludedFromReference(reference, suite.exclusions));
};

/** Promise coverage of each version: the page set's promises, the scenarios' claims, the reference suites, the promise exclusions. */
export function measurePromiseVersions(docs: DocsOfVersion[], scenarios: LoadedScenario[], suites: LoadedReferenceSuite[]): VersionPromises[] {
  const pageSet = loadPageSet();
  const exclusions = loadPromiseExclusions();
  return docs.map(({ version, docsRoot }) => {
    const pages = pageSetPages(docsRoot, version, pageSet);
    if (pages.length === 0) throw new BadInputError(`no page of scenarios/coverage/pages.yaml exists in the docs of openclaw ${version} (${docsRoot})`);
    const { quoted } = planRuns(scenarios, docsRoot, version);
    return measurePromises({ openclaw: version, references: docReferences(docsRoot, pages), claims: quoted, isReferenceChecked: referenceCheckOn(suites, version), exclusions });
  });
}

/** A promise nothing answers for fails the command, so a new documented behaviour surfaces the day it lands. */
export const promisesExitCode = (versions: VersionPromises[]): ExitCodeValue =>
  versions.some((version) => version.totals.unaccounted > 0) ? ExitCode.uncovered : ExitCode.asExpected;

/** `coverage --promises`: every promise of the page set and what answers for it, in the chosen format. */
export function printPromises(versions: VersionPromises[], format: CoverageFormat): ExitCodeValue {
  const text = format === "json" ? JSON.stringify(versions, null, 2) : format === "markdown" ? formatPromisesMarkdown(versions) : formatPromisesText(versions);
  console.log(text);
  return promisesExitCode(versions);
}
