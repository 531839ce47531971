import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import semver from "semver";
import { RUN_REPORT_FILE, RunReport } from "../../reports/writers/run-report.ts";
import { bisect, BisectInputError, type Verdict } from "../bisect/search.ts";
import { claimHeld } from "../scenario/status.ts";
import { publishedOpenClawVersions } from "../target/openclaw-version.ts";
import { BadInputError, ExitCode, type ExitCodeValue } from "../util/errors.ts";
import { projectRoot } from "../util/paths.ts";
import { progress } from "../util/progress.ts";
import { findScenario } from "./explain.ts";

export interface BisectRequest {
  /** `<scenario>` or `<scenario>:<claim>`. */
  subject: string;
  good: string;
  bad: string;
  /** Walk pre-releases too (the bounds are always walked). */
  prereleases: boolean;
  /** Where each version's run writes its reports (one folder per version). */
  reportsRoot: string;
}

/** The published versions from good to bad, oldest first; pre-releases only on request. */
export function versionsBetween(published: readonly string[], good: string, bad: string, prereleases: boolean): string[] {
  for (const [name, version] of [["--good", good], ["--bad", bad]] as const) {
    if (!semver.valid(version)) throw new BadInputError(`bisect ${name} ${version}: give a published version, such as 2026.5.12`);
    if (!published.includes(version)) throw new BadInputError(`bisect ${name} ${version}: npm has no such openclaw release`);
  }
  if (!semver.lt(good, bad)) throw new BadInputError(`bisect: --good ${good} must be older than --bad ${bad}`);
  return published
    .filter((version) => semver.gte(version, good) && semver.lte(version, bad) && (prereleases || !semver.prerelease(version) || version === good || version === bad))
    .sort(semver.compare);
}

/**
 * What a version does with the subject: which of the claims fail (or whether one claim holds),
 * from the run of the scenario alone on that version. Known drift and new drift are the same
 * behaviour here (known-drift.yaml pins versions), so a claim either holds or fails.
 */
function verdictFrom(report: RunReport, scenario: string, claim: string | undefined): Verdict {
  const entries = report.scenarios.filter((entry) => entry.id === scenario);
  if (!entries.length) return { testable: false, why: "the run has no result for the scenario" };
  const cannot = entries.find((entry) => entry.status === "skipped" || entry.status === "doc-drift" || entry.status === "broken");
  if (cannot) return { testable: false, why: `${cannot.status}: ${cannot.message.slice(0, 200)}` };
  const verdicts = entries.map((entry) => {
    const claims = entry.claims.filter((one) => claim === undefined || one.id === claim);
    if (claim !== undefined && !claims.length) return undefined;
    const failing = claims.filter((one) => !claimHeld(one.status)).map((one) => one.id);
    const label = claim !== undefined ? (failing.length ? "fails" : "holds") : failing.length ? `fails: ${failing.sort().join(", ")}` : "every claim holds";
    return entries.length > 1 ? `[${entry.egress}] ${label}` : label;
  });
  if (verdicts.includes(undefined)) return { testable: false, why: `the claim ${claim} is not judged on this version` };
  return { testable: true, verdict: verdicts.join("; ") };
}

/** One version's verdict: the scenario run alone on it, as a user would run it; its reports kept. */
async function runVersion(request: BisectRequest, scenario: string, claim: string | undefined, version: string): Promise<Verdict> {
  const reports = join(request.reportsRoot, version);
  mkdirSync(reports, { recursive: true });
  const started = Date.now();
  progress(`bisect: openclaw@${version}: running ${scenario}`);
  const run = await execa(process.execPath, [join(projectRoot, "harness", "cli", "main.ts"), "run", "--openclaw", version, "--scenario", scenario], { reject: false, env: { OCF_REPORTS_DIR: reports } });
  const file = join(reports, RUN_REPORT_FILE);
  const report = existsSync(file) ? RunReport.parse(JSON.parse(readFileSync(file, "utf8"))) : undefined;
  // Exit 2–5 (broken, bad input such as an engine the SUT's Node lacks, environment, nothing checked): not testable.
  const verdict: Verdict =
    run.exitCode !== ExitCode.asExpected && run.exitCode !== ExitCode.drift
      ? { testable: false, why: `the run exited ${run.exitCode}: ${(run.stderr.trim().split("\n").at(-1) ?? "").slice(0, 200)}` }
      : report
        ? verdictFrom(report, scenario, claim)
        : { testable: false, why: "the run wrote no report" };
  const image = report?.run.versions[0]?.image?.tag;
  progress(`bisect: openclaw@${version}: ${verdict.testable ? verdict.verdict : `skipped (${verdict.why})`} · ${((Date.now() - started) / 1000).toFixed(0)} s${image ? ` · image ${image}` : ""}`);
  return verdict;
}

/**
 * `bisect <scenario>[:<claim>] --good V --bad V`: the first published version whose verdict on
 * the subject differs from the good one's, each version run alone (its image built once, by
 * content), the untestable ones skipped and named.
 */
export async function runBisect(request: BisectRequest): Promise<ExitCodeValue> {
  const [scenarioId, claim] = request.subject.split(":") as [string, string | undefined];
  const scenario = findScenario(scenarioId);
  if (claim !== undefined && !scenario.claims.some((one) => one.id === claim)) {
    throw new BadInputError(`scenario "${scenarioId}" has no claim "${claim}" (claims: ${scenario.claims.map((one) => one.id).join(", ")})`);
  }
  const versions = versionsBetween(await publishedOpenClawVersions(), request.good, request.bad, request.prereleases);
  progress(`bisect: ${versions.length} versions from ${request.good} to ${request.bad}; reports under ${request.reportsRoot}`);
  try {
    const result = await bisect(versions, (version) => runVersion(request, scenarioId, claim, version));
    const tested = result.steps.filter((step) => step.verdict.testable).length;
    console.log(
      [
        `bisect ${request.subject}: the first version whose verdict differs is openclaw@${result.firstDiffering}; the last with the good verdict is ${result.lastGood}`,
        ...(result.undecided.length ? [`  untestable between them, so the change may be in: ${result.undecided.join(", ")}`] : []),
        ...result.steps.map(({ version, verdict }) => `  ${version}: ${verdict.testable ? verdict.verdict : `skipped: ${verdict.why}`}`),
        `  ${tested} versions tested, ${result.steps.length - tested} skipped; reports: ${join(request.reportsRoot, result.lastGood)} and ${join(request.reportsRoot, result.firstDiffering)}`,
      ].join("\n"),
    );
    return ExitCode.asExpected;
  } catch (error) {
    if (error instanceof BisectInputError) throw new BadInputError(error.message);
    throw error;
  }
}
