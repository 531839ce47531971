import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { createVitest, type InlineConfig } from "vitest/node";
import RunJsonReporter from "../run/run-json-reporter.ts";
import ScenarioCountReporter from "../run/scenario-count-reporter.ts";
import { describeEditedDocs, editedDocs as editedDocsOf } from "../docs/edited-docs.ts";
import { type AllureResultFile, asVerdict } from "../../reports/writers/allure-verdicts.ts";
import { basesOf, RUN_REPORT_FILE, RunReport } from "../../reports/writers/run-report.ts";
import { type ProvisionedSut, provisionSut } from "../provision/provision.ts";
import "../run/provided.ts";
import { startGuardedRun } from "../sut/run-guard.ts";
import { sweepLeftovers } from "../sut/sweep.ts";
import { describeTarget, type OpenClawTarget } from "../target/openclaw-target.ts";
import { HarnessError } from "../util/errors.ts";
import { harnessVersion } from "../util/harness-version.ts";
import { projectRoot, reportsDir } from "../util/paths.ts";
import { progress } from "../util/progress.ts";
import { ALLURE_HISTORY_FILE, prepareReportsDir } from "./reports-dir.ts";

export interface SuiteOptions {
  /** What is under test, already resolved (releases, tarballs or packed checkouts): every scenario runs on each. */
  targets: OpenClawTarget[];
  /** The selected scenario files, already checked: vitest's file filter (each is a test module). */
  scenarioFiles: string[];
  /** A docs tree that stands in for the package's (already resolved). */
  docs?: string;
  /** Only these egresses of each scenario (already checked). */
  egress?: string[];
  /** "index/count": only this shard of the scenario files (vitest's --shard), which also writes a blob report to merge. */
  shard?: string;
}

/** Where a shard leaves its blob report: a folder of blobs only, as vitest's --merge-reports reads one. */
export const BLOB_DIR = "blob";

/** What the HTML report's overview names: what was under test and with what (reports/allurerc.mjs reads it). */
function reportVariables(report: RunReport): Record<string, string> {
  const { run } = report;
  return {
    OpenClaw: run.versions.map(({ target }) => describeTarget(target)).join(", "),
    "SUT images": run.versions.map(({ image }) => image?.tag ?? "?").join(", "),
    ...(basesOf(report).length ? { "base image": basesOf(report).join(", ") } : {}),
    ...Object.fromEntries(run.versions.flatMap(({ target, docs }) => (docs ? [[`docs read as ${target.version}`, describeEditedDocs(docs)]] : []))),
    ...(run.npmSnapshot ? { "npm snapshot": run.npmSnapshot } : {}),
    harness: `openclaw-conformance ${harnessVersion()} (node ${run.harnessNode})`,
  };
}

/** The Allure results as verdicts (reports/writers/allure-verdicts.ts), rewritten in place before the HTML is made. */
function resultsAsVerdicts(results: string): void {
  for (const name of readdirSync(results).filter((file) => file.endsWith("-result.json"))) {
    const file = join(results, name);
    writeFileSync(file, JSON.stringify(asVerdict(JSON.parse(readFileSync(file, "utf8")) as AllureResultFile)));
  }
}

/** The HTML report of a run, from the Allure results in its reports folder (`dir`), as verdicts. */
export async function generateHtml(report: RunReport, dir = reportsDir): Promise<void> {
  const results = join(dir, "allure-results");
  if (!existsSync(results)) return;
  resultsAsVerdicts(results);
  const output = join(dir, "allure-report");
  const generated = await execa(join(projectRoot, "node_modules", ".bin", "allure"), ["generate", results, "--config", join(projectRoot, "reports", "allurerc.mjs"), "--output", output], {
    reject: false,
    env: { NO_COLOR: "1", OCF_ALLURE_HISTORY: join(dir, ALLURE_HISTORY_FILE), OCF_ALLURE_VARIABLES: JSON.stringify(reportVariables(report)) },
  });
  if (generated.exitCode !== 0) progress(`Allure HTML report not generated: ${generated.stderr.split("\n")[0]}`);
  else progress(`HTML report: ${output}/index.html`);
}

type Reporters = Extract<NonNullable<InlineConfig["reporters"]>, unknown[]>;

/** The reports a run writes, read from its tests: so a merge of shards writes the same. */
const reportWriters = (): Reporters => [
  "default",
  ["allure-vitest/reporter", { resultsDir: join(reportsDir, "allure-results") }],
  ["junit", { outputFile: join(reportsDir, "junit.xml") }],
  new RunJsonReporter({ outputDir: reportsDir }),
  new ScenarioCountReporter(),
];

/** run.json, which the reporters have written, and the HTML report made from the Allure results. */
async function finishReports(): Promise<RunReport> {
  const reportFile = join(reportsDir, RUN_REPORT_FILE);
  if (!existsSync(reportFile)) throw new HarnessError("the run wrote no run.json; see the test output above");
  const report = RunReport.parse(JSON.parse(readFileSync(reportFile, "utf8")));
  await generateHtml(report);
  return report;
}

/**
 * The main job: every selected scenario as a vitest test module (the `conformance` project)
 * against each OpenClaw version, then the reports. Its input is checked before it is called;
 * returns undefined when interrupted (Ctrl-C), after removing what the run started.
 */
export async function runSuite(options: SuiteOptions): Promise<RunReport | undefined> {
  await prepareReportsDir(reportsDir);
  const suts: ProvisionedSut[] = [];
  for (const target of options.targets) suts.push(await provisionSut(target));
  // An edited docs tree is named with what it changed, version by version, wherever the run is reported.
  const docs = options.docs;
  const editedDocs = docs ? Object.fromEntries(suts.map((sut) => [sut.image.openclawVersion, editedDocsOf(docs, sut.docsRoot)])) : undefined;
  // kill -9 leaves this process no say: the run's guard sweeps then.
  const { runId, release } = startGuardedRun();
  const shardBlob: Reporters = options.shard ? [["blob", { outputFile: join(reportsDir, BLOB_DIR, `blob-${options.shard.replace("/", "-")}.json`) }]] : [];
  const vitest = await createVitest("test", {
    config: join(projectRoot, "vitest.config.ts"),
    project: ["conformance"],
    watch: false,
    run: true,
    shard: options.shard,
    // A shard may be given none of the selected files, or only ones its versions skip: the merge judges the run.
    passWithNoTests: Boolean(options.shard),
    reporters: [...reportWriters(), ...shardBlob],
  });
  // The preflight's result goes to the tests, so the global setup does not provision again.
  for (const project of vitest.projects) {
    project.provide("sut", suts[0]!);
    project.provide("suts", suts);
    project.provide("selection", { docsDir: options.docs, egress: options.egress, editedDocs });
    project.provide("runId", runId);
  }
  // Ctrl-C: let vitest stop its workers, then remove whatever they had started. Vitest's own
  // handler exits the process 1 ms after the signal, before any cleanup could run: replace it.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    progress("interrupted: stopping scenarios and removing their containers");
    void vitest.cancelCurrentRun("keyboard-input");
  };
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onInterrupt);
  try {
    await vitest.start(options.scenarioFiles);
  } finally {
    await vitest.close();
    await sweepLeftovers(runId);
    release();
  }
  if (interrupted) return undefined;
  return finishReports();
}

/**
 * The reports of a sharded run: vitest merges the shards' blob reports (--merge-reports) and
 * replays them to the same reporters a run has, so run.json, JUnit and Allure come out as one
 * machine's run would write them. Starts nothing.
 */
export async function mergeShards(blobDir: string): Promise<RunReport> {
  await prepareReportsDir(reportsDir);
  const vitest = await createVitest("test", {
    config: join(projectRoot, "vitest.config.ts"),
    project: ["conformance"],
    watch: false,
    run: true,
    mergeReports: blobDir,
    reporters: reportWriters(),
  });
  try {
    await vitest.mergeReports();
  } finally {
    await vitest.close();
  }
  return finishReports();
}
