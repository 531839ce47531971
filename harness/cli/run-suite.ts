import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { createVitest } from "vitest/node";
import { RUN_REPORT_FILE, RunReport } from "../../reports/writers/run-report.ts";
import { provisionSut } from "../provision/provision.ts";
import { loadKnownDrift, loadScenarios } from "../scenario/load-scenarios.ts";
import { sweepLeftovers } from "../sut/sweep.ts";
import { HarnessError } from "../util/errors.ts";
import { projectRoot, reportsDir } from "../util/paths.ts";
import { progress } from "../util/progress.ts";

export interface SuiteOptions {
  openclaw: string;
  /** Scenario ids, comma-separated. */
  scenario?: string;
  tag?: string;
  /** A docs tree that stands in for the package's (already resolved). */
  docs?: string;
}

async function generateHtml(): Promise<void> {
  const results = join(reportsDir, "allure-results");
  if (!existsSync(results)) return;
  const output = join(reportsDir, "allure-report");
  const generated = await execa(join(projectRoot, "node_modules", ".bin", "allure"), ["generate", results, "--config", join(projectRoot, "reports", "allurerc.mjs"), "--output", output], {
    reject: false,
    env: { NO_COLOR: "1" },
  });
  if (generated.exitCode !== 0) progress(`Allure HTML report not generated: ${generated.stderr.split("\n")[0]}`);
  else progress(`HTML report: ${output}/index.html`);
}

/**
 * The main job: every selected scenario as a vitest test against one OpenClaw version, then the
 * reports. Returns undefined when interrupted (Ctrl-C), after removing what the run started.
 */
export async function runSuite(options: SuiteOptions): Promise<RunReport | undefined> {
  // Bad input first, before anything is built or started: one line and exit 3.
  loadScenarios();
  loadKnownDrift();
  const sut = await provisionSut(options.openclaw);
  const runId = `run-${randomBytes(4).toString("hex")}`;
  Object.assign(process.env, {
    OCF_RUN_ID: runId,
    OCF_OPENCLAW_VERSION: options.openclaw,
    ...(options.scenario ? { OCF_SCENARIO: options.scenario } : {}),
    ...(options.tag ? { OCF_TAG: options.tag } : {}),
    ...(options.docs ? { OCF_DOCS_DIR: options.docs } : {}),
  });
  await rm(reportsDir, { recursive: true, force: true });
  // The preflight's result goes to the tests, so the global setup does not provision again.
  const vitest = await createVitest("test", { config: join(projectRoot, "vitest.conformance.config.ts"), watch: false, run: true, provide: { sut } });
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
    await vitest.start();
  } finally {
    await vitest.close();
    await sweepLeftovers(runId);
  }
  if (interrupted) return undefined;
  const reportFile = join(reportsDir, RUN_REPORT_FILE);
  if (!existsSync(reportFile)) throw new HarnessError("the run wrote no run.json; see the test output above");
  const report = RunReport.parse(JSON.parse(readFileSync(reportFile, "utf8")));
  await generateHtml();
  return report;
}
