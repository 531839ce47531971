import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { execa } from "execa";
import { createVitest } from "vitest/node";
import { RUN_REPORT_FILE, RunReport } from "../../reports/writers/run-report.ts";
import { formatSummary } from "../../reports/writers/summary.ts";
import { provisionSut } from "../provision/provision.ts";
import { exitCodeFor } from "../run/exit-code.ts";
import { loadKnownDrift, loadScenarios } from "../scenario/load-scenarios.ts";
import { DEFAULT_OPENCLAW_VERSION } from "../sut/openclaw-version.ts";
import { sweepLeftovers } from "../sut/sweep.ts";
import { BadInputError, ExitCode, HarnessError } from "../util/errors.ts";
import { projectRoot, reportsDir } from "../util/paths.ts";
import { progress } from "../util/progress.ts";

const usage = `usage: openclaw-conformance <command> [options]
  run        run the scenarios against one OpenClaw version and write reports/output/
  list       list the scenarios
  provision  start the Docker engine and build the images (what .ci/run needs)
options:
  --openclaw <version>   OpenClaw version from npm (default ${DEFAULT_OPENCLAW_VERSION})
  --scenario <id,...>    only these scenarios
  --tag <tag,...>        only scenarios with one of these tags`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    openclaw: { type: "string", default: process.env.OCF_OPENCLAW_VERSION ?? DEFAULT_OPENCLAW_VERSION },
    scenario: { type: "string" },
    tag: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

function list(): void {
  for (const { scenario, file } of loadScenarios()) {
    console.log(`${scenario.id}  [${scenario.egress}] openclaw ${scenario.openclaw}  tags: ${scenario.tags.join(",") || "-"}\n    ${scenario.title}\n    ${file}`);
  }
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

async function run(): Promise<number> {
  // Bad input first, before anything is built or started: one line and exit 3.
  loadScenarios();
  loadKnownDrift();
  await provisionSut(values.openclaw);
  const runId = `run-${randomBytes(4).toString("hex")}`;
  Object.assign(process.env, {
    OCF_RUN_ID: runId,
    OCF_OPENCLAW_VERSION: values.openclaw,
    ...(values.scenario ? { OCF_SCENARIO: values.scenario } : {}),
    ...(values.tag ? { OCF_TAG: values.tag } : {}),
  });
  await rm(reportsDir, { recursive: true, force: true });
  const vitest = await createVitest("test", { config: join(projectRoot, "vitest.conformance.config.ts"), watch: false, run: true });
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
  if (interrupted) return ExitCode.interrupted;
  const reportFile = join(reportsDir, RUN_REPORT_FILE);
  if (!existsSync(reportFile)) throw new HarnessError("the run wrote no run.json; see the test output above");
  const report = RunReport.parse(JSON.parse(readFileSync(reportFile, "utf8")));
  await generateHtml();
  console.log(`\n${formatSummary(report)}\nreports: ${reportsDir}`);
  return exitCodeFor(report);
}

async function main(): Promise<number> {
  const [command] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? ExitCode.asExpected : ExitCode.badInput;
  }
  if (command === "run") return run();
  if (command === "list") return (list(), ExitCode.asExpected);
  if (command === "provision") return (await provisionSut(values.openclaw), ExitCode.asExpected);
  throw new BadInputError(`unknown command "${command}"\n${usage}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Our own errors are one line with their exit code; anything else is a harness bug.
    if (error instanceof HarnessError) {
      console.error(`openclaw-conformance: ${error.message}`);
      process.exit(error.exitCode);
    }
    console.error(error);
    process.exit(ExitCode.harnessBroken);
  },
);
