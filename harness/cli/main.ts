import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import semver from "semver";
import type { RunReport } from "../../reports/writers/run-report.ts";
import { formatSummary } from "../../reports/writers/summary.ts";
import { ensureDocsOf, ensureDocsOfVersion } from "../docs/docs-package.ts";
import { resolveDocsOverride } from "../docs/docs-override.ts";
import { engineInVm, refuseRemoteEngine } from "../provision/docker-engine.ts";
import { provisionSut } from "../provision/provision.ts";
import { exitCodeFor } from "../run/exit-code.ts";
import { type LoadedReferenceSuite, type LoadedScenario, loadKnownDrift, loadReferenceSuites, loadScenarios } from "../scenario/load-scenarios.ts";
import { looksLikePath, type OpenClawTarget, resolveTarget, resolveTargets } from "../target/openclaw-target.ts";
import { checkVersionSyntax, DEFAULT_OPENCLAW_VERSIONS, resolveOpenClawReleases } from "../target/openclaw-version.ts";
import { commaList } from "../util/comma-list.ts";
import { BadInputError, ExitCode, type ExitCodeValue, HarnessError } from "../util/errors.ts";
import { harnessVersion } from "../util/harness-version.ts";
import { reportsDir } from "../util/paths.ts";
import { progress } from "../util/progress.ts";
import { runBisect } from "./bisect.ts";
import { inContainerAsked, insideHarnessContainer, runInContainer } from "./in-container.ts";
import { checkFormat, printCheck } from "./check.ts";
import { editedCommands } from "../coverage/edited-commands.ts";
import { editedDocs } from "../docs/edited-docs.ts";
import type { EditTouches } from "../../reports/writers/edited-commands-text.ts";
import { coverageFormat, type DocsOfVersion, measureVersions, printCoverage } from "./coverage.ts";
import { measurePromiseVersions, printPromises } from "./promise-coverage.ts";
import { explain } from "./explain.ts";
import { explainReferenceSuite } from "./explain-reference.ts";
import { printKnownDriftPatch } from "./known-drift.ts";
import { checkReportsDir } from "./reports-dir.ts";
import { printReport, reportFormat } from "./report.ts";
import { formatEvidence, scenariosForIssue, writeReproComment } from "./repro.ts";
import { writeReadmeTables } from "./readme-tables.ts";
import { defaultReportFile, readRunReport } from "./run-report-file.ts";
import { BLOB_DIR, mergeShards, runSuite } from "./run-suite.ts";
import { checkBlobDir, checkShard } from "./shard-options.ts";
import { type Selectable, type SelectOptions, selectScenarios } from "./select.ts";
import { pagesNamedBy } from "../scenario/pages-named.ts";
import { REFERENCE_EGRESS } from "../reference/run-reference.ts";

const usage = `usage: openclaw-conformance <command> [options]
  run                 run the scenarios against one OpenClaw version and write reports/output/
  list                list the scenarios, or those --scenario, --tag, --egress and --page select
                      (--json: as JSON, for scripts)
  explain <scenario>  print the doc steps and claims it will check, with file:line (starts nothing)
  repro <issue>       run the scenarios linked to an issue (number or URL) and print the evidence;
                      --markdown: as a comment to paste into the issue (also <reports>/repro-<issue>.md)
  provision           start the Docker engine and build the images (what .ci/run needs)
  report [run.json]   a run as Markdown (default: the last run): the scenario × version matrix, the
                      claims that do not plainly conform with their doc lines and issues; --base
                      <run.json>: also each verdict that changed since that run; --format
                      github: its findings as GitHub annotations at the quoted sentences
  bisect <scenario>[:<claim>] --good V --bad V [--pre]  the first published version whose verdict on
                      the scenario (or one claim) differs from --good's; each version run alone,
                      untestable ones skipped and named; reports under reports/bisect/<version>
  known-drift --update [run.json]  propose known-drift.yaml changes from a run (default: the last):
                      new drift → a draft entry, changed → its fails refitted when it fails the same
                      kind of way on the same step (note marked for review), else a draft in its
                      place saying why; unexpected pass → removal; a patch for review, never applied
  readme-tables [run.json]  rewrite the README's result tables from a run's report (default: the last run)
  coverage            every shell block of the onboarding pages (scenarios/coverage/pages.yaml) and what
                      runs or excludes it, per version (starts nothing; --format text|markdown|json);
                      --promises: every sentence, list item and table row of those pages that names a
                      command, flag, config key or environment variable in inline code, and what
                      answers for it: a claim judging its effect, a reference check only, or an exclusion
  check               every scenario's locators and quotes, and coverage, per version (starts nothing): the
                      first job of a docs pull request; with --docs DIR, against the edited tree, and
                      what the edit touches (changed commands, the scenarios that run them, the run);
                      --format text, github (annotations first) or markdown (a pull request's summary)
options:
  --openclaw <what,...>  OpenClaw versions or dist-tags from npm (default ${DEFAULT_OPENCLAW_VERSIONS}), or paths to
                         npm pack tarballs or built checkouts of OpenClaw (their own docs are tested);
                         every scenario runs on each
  --scenario <id,...>    only these scenarios
  --tag <tag,...>        only scenarios with one of these tags
  --egress <name,...>    only these egresses (open, cloudflare-sensitive, …) of the scenarios that run under them
                         (run, list, explain, repro)
  --page <glob>          list: only scenarios whose steps or claims name a matching page under docs/
                         (cli/doctor*.md), as written in the scenario files
  --docs <dir>           use this docs tree (a checkout's docs/) instead of the package's
  --allow-all-skipped    a run in which every selected scenario would be skipped exits 0, not 5
  --shard <i>/<n>        run only the i-th of n parts of the selected scenario files (vitest's --shard),
                         one per CI job; each also writes a blob report to <reports>/blob/
  --merge-reports <dir>  run: no tests, the reports (run.json, JUnit, Allure, summary, exit code) of a
                         sharded run from the shards' blob reports, gathered in <dir>
  --json                 list's output as JSON
  --version              print this harness's version
  --format <f>           coverage's output: text (default), markdown or json; check's: text, github or markdown;
                         report's: markdown (default) or github
                         (annotations: GitHub workflow commands at the docs' file:line)
exit codes: 0 as expected, 1 drift (new, changed, unexpected pass, doc drift), 2 harness broken,
  3 bad input, 4 environment, 5 nothing checked (every selected scenario skipped),
  6 uncovered (a documented command neither run nor excluded), 130 interrupted`;

/** The options, or one line saying what is wrong with them (exit 3), never a stack trace. */
function parseOptions() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        openclaw: { type: "string", default: process.env.OCF_OPENCLAW_VERSION ?? DEFAULT_OPENCLAW_VERSIONS },
        scenario: { type: "string" },
        tag: { type: "string" },
        egress: { type: "string" },
        page: { type: "string" },
        docs: { type: "string" },
        "allow-all-skipped": { type: "boolean", default: false },
        format: { type: "string", default: "text" },
        json: { type: "boolean", default: false },
        promises: { type: "boolean", default: false },
        markdown: { type: "boolean", default: false },
        update: { type: "boolean", default: false },
        good: { type: "string" },
        bad: { type: "string" },
        pre: { type: "boolean", default: false },
        shard: { type: "string" },
        base: { type: "string" },
        "merge-reports": { type: "string" },
        version: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new BadInputError(`${(error as Error).message.split("\n")[0]} (see --help)`);
  }
}

let values: ReturnType<typeof parseOptions>["values"];

function list(): void {
  const scenarios = loadScenarios();
  const suites = loadReferenceSuites();
  // What a listing adds to what the selection reads (ids, tags, versions, egresses, pages, files).
  type Described = [string, { title: string; issues: string[]; reference?: string }];
  const described = new Map([
    ...scenarios.map(({ scenario }): Described => [scenario.id, { title: scenario.title, issues: scenario.issues ?? [] }]),
    ...suites.map(({ suite }): Described => [suite.id, { title: suite.title, issues: [], reference: suite.reference }]),
  ]);
  const entries = selectScenarios(selectable(scenarios, suites), selectOptions()).map((one) => ({ ...one, ...described.get(one.id)! }));
  if (values.json) {
    console.log(JSON.stringify(entries, null, 2));
    return;
  }
  for (const entry of entries) {
    const runs = entry.reference ? `reference: ${entry.reference}` : entry.egress.join(", ");
    console.log(`${entry.id}  [${runs}] openclaw ${entry.openclaw}  tags: ${entry.tags.join(",") || "-"}\n    ${entry.title}\n    ${entry.file}`);
  }
}

/** An issue's scenarios that run under --egress (all of them without it): repro filters, as list does. */
function underEgress(ids: string[], issue: string): string[] {
  if (values.egress === undefined) return ids;
  const runUnder = new Set(selectScenarios(selectable(loadScenarios(), loadReferenceSuites()), { egress: values.egress }).map(({ id }) => id));
  const kept = ids.filter((id) => runUnder.has(id));
  if (!kept.length) throw new BadInputError(`none of the scenarios of issue ${issue} (${ids.join(", ")}) runs under ${values.egress}`);
  return kept;
}

/** The filters given on the command line. */
const selectOptions = (): SelectOptions => ({ scenario: values.scenario, tag: values.tag, egress: values.egress, page: values.page });

function argument(name: string, value: string | undefined): string {
  if (!value) throw new BadInputError(`${name} is missing (see --help)`);
  return value;
}

/**
 * Everything a run's input can get wrong, checked before any engine is installed, started or
 * built: the scenario files, the known-drift file against them, the selection, the docs tree,
 * the reports directory and what is under test (npm is asked about a version; that is the only
 * network this needs). A selection the version's ranges leave empty is "nothing checked".
 */
async function preflight(selection: SelectOptions): Promise<{ nothingToCheck: string; targets?: never } | { nothingToCheck?: never; targets: OpenClawTarget[]; scenarioFiles: string[]; docs?: string; egress?: string[] }> {
  const scenarios = loadScenarios();
  const suites = loadReferenceSuites();
  loadKnownDrift(undefined, scenarios, suites);
  const selected = selectScenarios(selectable(scenarios, suites), selection);
  const docs = values.docs ? resolveDocsOverride(values.docs) : undefined;
  checkReportsDir(reportsDir);
  const targets = await resolveTargets(values.openclaw!);
  const applies = targets.some(({ version }) => selected.some(({ openclaw }) => semver.satisfies(version, openclaw)));
  if (!applies) {
    const ranges = selected.map(({ id, openclaw }) => `${id} (${openclaw})`).join(", ");
    return { nothingToCheck: `no selected scenario applies to openclaw ${targets.map(({ version }) => version).join(" or ")}: ${ranges}` };
  }
  return { targets, scenarioFiles: selected.map(({ file }) => file), docs, egress: values.egress === undefined ? undefined : commaList(values.egress) };
}

/** The scenarios and the reference suites, as one list a run selects from; an id used twice is bad input. */
function selectable(scenarios: LoadedScenario[], suites: LoadedReferenceSuite[]): Selectable[] {
  const all = [
    ...scenarios.map(({ scenario, file }) => ({ id: scenario.id, tags: scenario.tags, openclaw: scenario.openclaw, file, egress: scenario.egress, pages: pagesNamedBy(scenario) })),
    ...suites.map(({ suite, file }) => ({ id: suite.id, tags: suite.tags, openclaw: suite.openclaw, file, egress: [REFERENCE_EGRESS], pages: [] })),
  ];
  const clash = all.find((one, index) => all.findIndex((other) => other.id === one.id) !== index);
  if (clash) throw new BadInputError(`${clash.file}: id "${clash.id}" is also used by ${all.find((other) => other.id === clash.id)!.file}`);
  return all;
}

/** The run's summary, where its reports are, and its exit code. */
function judge(report: RunReport, show: (report: RunReport) => string, allowAllSkipped: boolean): number {
  console.log(`\n${show(report)}\nreports: ${reportsDir}`);
  const code = exitCodeFor(report, { allowAllSkipped });
  if (code === ExitCode.nothingChecked) console.error("openclaw-conformance: nothing was checked: every scenario was skipped (see above); --allow-all-skipped to accept that");
  return code;
}

async function run(selection: SelectOptions, show: (report: RunReport) => string): Promise<number> {
  if (values["merge-reports"]) return mergeReports(values["merge-reports"], show);
  const shard = values.shard ? checkShard(values.shard) : undefined;
  const checked = await preflight(selection);
  if (checked.nothingToCheck !== undefined) {
    // Nothing is built or started for a run that would skip everything.
    const allowed = values["allow-all-skipped"];
    console.error(`openclaw-conformance: nothing to check: ${checked.nothingToCheck}${allowed ? " (allowed by --allow-all-skipped)" : "; --allow-all-skipped to accept that"}`);
    return allowed ? ExitCode.asExpected : ExitCode.nothingChecked;
  }
  // An engine in a VM carries no sockets through bind mounts: the run goes to a container of the harness's own on it.
  const vm = insideHarnessContainer() ? undefined : await engineInVm();
  if (vm || inContainerAsked()) {
    if (vm) progress(`the Docker engine runs in ${vm}`);
    await refuseRemoteEngine();
    return runInContainer(process.argv.slice(2), pathsNamed(), Boolean(vm));
  }
  const report = await runSuite({ targets: checked.targets, scenarioFiles: checked.scenarioFiles, docs: checked.docs, egress: checked.egress, shard });
  if (!report) return ExitCode.interrupted;
  if (shard) progress(`shard ${shard}: blob report in ${join(reportsDir, BLOB_DIR)}; merge the shards' blobs with run --merge-reports <dir>`);
  // A shard may hold only scenarios its versions skip; whether the run checked anything is the merge's to say.
  return judge(report, show, values["allow-all-skipped"] || Boolean(shard));
}

/** The host paths a run reads or writes besides its reports, which the harness's own container mounts. */
function pathsNamed(): string[] {
  const given = [values.docs, ...commaList(values.openclaw ?? "").filter(looksLikePath), process.env.OCF_SCENARIOS_DIR, process.env.OCF_IMAGE_ARCHIVE];
  return given.filter((path): path is string => Boolean(path));
}

/** The reports of a sharded run from its shards' blob reports, judged as one run. */
async function mergeReports(blobDir: string, show: (report: RunReport) => string): Promise<number> {
  checkBlobDir(blobDir);
  checkReportsDir(reportsDir);
  return judge(await mergeShards(resolve(blobDir)), show, values["allow-all-skipped"]);
}

/**
 * The docs read for one --openclaw item: a release's from npm's cache (each release of a range),
 * a tarball's or checkout's own, or an edited tree (--docs) read as that version.
 */
async function docsOf(given: string, override?: string): Promise<DocsOfVersion[]> {
  if (looksLikePath(given)) {
    const target = await resolveTarget(given);
    return [{ version: target.version, docsRoot: override ?? (await ensureDocsOf(target)) }];
  }
  checkVersionSyntax(given);
  // A version names its docs; a dist-tag (latest) or a range is asked of npm first.
  const versions = semver.valid(given) ? [given] : (await resolveOpenClawReleases(given)).map((release) => release.version);
  return Promise.all(versions.map(async (version) => ({ version, docsRoot: override ?? (await ensureDocsOfVersion(version)) })));
}

/** The docs of each --openclaw item, or --docs DIR read as each of those versions (unless `packaged`: the items' own). */
async function docsOfVersions({ packaged = false } = {}): Promise<DocsOfVersion[]> {
  const override = values.docs && !packaged ? resolveDocsOverride(values.docs) : undefined;
  const docs: DocsOfVersion[] = [];
  for (const given of commaList(values.openclaw!)) {
    for (const one of await docsOf(given, override)) if (!docs.some((known) => known.version === one.version)) docs.push(one);
  }
  return docs;
}

/** What a --docs tree changes on each version: the documented commands it edits, and the scenarios that run them. */
async function editTouches(edited: DocsOfVersion[]): Promise<EditTouches[]> {
  const packaged = await docsOfVersions({ packaged: true });
  const scenarios = loadScenarios();
  return edited.map(({ version, docsRoot }) => {
    const own = packaged.find((one) => one.version === version)!.docsRoot;
    const docs = editedDocs(docsRoot, own);
    return { version, docs, commands: editedCommands(docs, own, version, scenarios) };
  });
}

/** Coverage of each selected version's docs; the scenario files and known drift are read (and checked) first. */
async function measureSelected() {
  const scenarios = loadScenarios();
  loadKnownDrift(undefined, scenarios);
  const docs = await docsOfVersions();
  return { docs, coverages: measureVersions(docs, scenarios) };
}

async function main(): Promise<number> {
  const parsed = parseOptions();
  values = parsed.values;
  const [command, subject] = parsed.positionals;
  if (values.version) {
    console.log(`openclaw-conformance ${harnessVersion()} (node ${process.version})`);
    return ExitCode.asExpected;
  }
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? ExitCode.asExpected : ExitCode.badInput;
  }
  switch (command) {
    case "run":
      if (values.page !== undefined) throw new BadInputError("--page selects what list shows; give run the ids it lists (--scenario)");
      return run(selectOptions(), formatSummary);
    case "list":
      return (list(), ExitCode.asExpected);
    case "explain": {
      // The scenario first: a wrong id (or an egress it does not run under) is one line, before any docs are fetched.
      const id = argument("explain <scenario>", subject);
      const scenarios = loadScenarios();
      const suites = loadReferenceSuites();
      selectScenarios(selectable(scenarios, suites), { scenario: id, egress: values.egress });
      const suite = suites.find((one) => one.suite.id === id)?.suite;
      const scenario = scenarios.find((one) => one.scenario.id === id)?.scenario;
      const egresses = values.egress === undefined ? undefined : commaList(values.egress);
      const explainOn = (version: string, docsRoot: string) => (suite ? explainReferenceSuite(suite, version, docsRoot) : explain(scenario!, version, docsRoot, egresses));
      if (values.docs) return explainOn(values.openclaw!, resolveDocsOverride(values.docs));
      let code: ExitCodeValue = ExitCode.asExpected;
      for (const { version, docsRoot } of await docsOfVersions()) code = Math.max(code, explainOn(version, docsRoot)) as ExitCodeValue;
      return code;
    }
    case "repro": {
      const issue = argument("repro <issue>", subject);
      const ids = underEgress(scenariosForIssue(issue), issue);
      const selection = { scenario: ids.join(","), egress: values.egress };
      if (values.markdown) return run(selection, (report) => writeReproComment(report, issue, ids));
      return run(selection, (report) => `issue ${issue} on openclaw ${report.run.versions.map(({ target }) => target.version).join(", ")}:${formatEvidence(report, ids)}`);
    }
    case "report":
      return printReport(subject ?? defaultReportFile(reportsDir), reportFormat(values.format!), { docsRoot: values.docs ? resolveDocsOverride(values.docs) : undefined, baseFile: values.base });
    case "bisect":
      return runBisect({
        subject: argument("bisect <scenario>[:<claim>]", subject),
        good: argument("bisect --good <version>", values.good),
        bad: argument("bisect --bad <version>", values.bad),
        prereleases: values.pre!,
        reportsRoot: join(dirname(reportsDir), "bisect"),
      });
    case "known-drift":
      if (!values.update) throw new BadInputError("known-drift: give --update to propose changes from a run (see --help)");
      return printKnownDriftPatch(subject ?? defaultReportFile(reportsDir));
    case "readme-tables": {
      const reportFile = subject ?? defaultReportFile(reportsDir);
      const report = readRunReport(reportFile);
      // The report names exactly what was under test: its docs, without resolving or packing it again.
      const docs = await Promise.all(report.run.versions.map(async ({ target }) => ({ version: target.version, docsRoot: await ensureDocsOf(target) })));
      const scenarios = loadScenarios();
      writeReadmeTables(report, reportFile, measureVersions(docs, scenarios), measurePromiseVersions(docs, scenarios, loadReferenceSuites()));
      return ExitCode.asExpected;
    }
    case "coverage": {
      const format = coverageFormat(values.format!);
      if (values.promises) return printPromises(measurePromiseVersions(await docsOfVersions(), loadScenarios(), loadReferenceSuites()), format);
      return printCoverage((await measureSelected()).coverages, format);
    }
    case "check": {
      const format = checkFormat(values.format!);
      const { docs, coverages } = await measureSelected();
      return printCheck(coverages, format, docs, values.docs ? await editTouches(docs) : []);
    }
    case "provision": {
      for (const target of await resolveTargets(values.openclaw!)) await provisionSut(target);
      return ExitCode.asExpected;
    }
    default:
      throw new BadInputError(`unknown command "${command}" (see --help)`);
  }
}

// Exit once what was printed has reached the pipe: a large report (coverage --format json) is
// written asynchronously to a pipe, and process.exit would cut it short.
const exitAfterOutput = (code: number) => process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));

main().then(
  (code) => exitAfterOutput(code),
  (error: unknown) => {
    // Our own errors are one line with their exit code; anything else is a harness bug.
    if (error instanceof HarnessError) {
      console.error(`openclaw-conformance: ${error.message}`);
      return exitAfterOutput(error.exitCode);
    }
    console.error(error);
    exitAfterOutput(ExitCode.harnessBroken);
  },
);
