import { parseArgs } from "node:util";
import { formatSummary } from "../../reports/writers/summary.ts";
import { ensureDocsOfVersion } from "../docs/docs-package.ts";
import { resolveDocsOverride } from "../docs/docs-override.ts";
import { provisionSut } from "../provision/provision.ts";
import { exitCodeFor } from "../run/exit-code.ts";
import { loadScenarios } from "../scenario/load-scenarios.ts";
import { DEFAULT_OPENCLAW_VERSION } from "../sut/openclaw-version.ts";
import { BadInputError, ExitCode, HarnessError } from "../util/errors.ts";
import { reportsDir } from "../util/paths.ts";
import { explain, findScenario } from "./explain.ts";
import { formatEvidence, scenariosForIssue } from "./repro.ts";
import { runSuite } from "./run-suite.ts";

const usage = `usage: openclaw-conformance <command> [options]
  run                 run the scenarios against one OpenClaw version and write reports/output/
  list                list the scenarios
  explain <scenario>  print the doc steps and claims it will check, with file:line (starts nothing)
  repro <issue>       run the scenarios linked to an issue (number or URL) and print the evidence
  provision           start the Docker engine and build the images (what .ci/run needs)
options:
  --openclaw <version>   OpenClaw version from npm (default ${DEFAULT_OPENCLAW_VERSION})
  --scenario <id,...>    only these scenarios
  --tag <tag,...>        only scenarios with one of these tags
  --docs <dir>           use this docs tree (a checkout's docs/) instead of the package's
exit codes: 0 as expected, 1 drift (new, unexpected pass, doc drift), 2 harness broken,
  3 bad input, 4 environment, 130 interrupted`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    openclaw: { type: "string", default: process.env.OCF_OPENCLAW_VERSION ?? DEFAULT_OPENCLAW_VERSION },
    scenario: { type: "string" },
    tag: { type: "string" },
    docs: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

function list(): void {
  for (const { scenario, file } of loadScenarios()) {
    console.log(`${scenario.id}  [${scenario.egress}] openclaw ${scenario.openclaw}  tags: ${scenario.tags.join(",") || "-"}\n    ${scenario.title}\n    ${file}`);
  }
}

function argument(name: string, value: string | undefined): string {
  if (!value) throw new BadInputError(`${name} is missing\n${usage}`);
  return value;
}

async function run(scenario = values.scenario): Promise<number> {
  const docs = values.docs ? resolveDocsOverride(values.docs) : undefined;
  const report = await runSuite({ openclaw: values.openclaw, scenario, tag: values.tag, docs });
  if (!report) return ExitCode.interrupted;
  console.log(`\n${formatSummary(report)}\nreports: ${reportsDir}`);
  return exitCodeFor(report);
}

async function repro(issue: string): Promise<number> {
  const ids = scenariosForIssue(issue);
  const docs = values.docs ? resolveDocsOverride(values.docs) : undefined;
  const report = await runSuite({ openclaw: values.openclaw, scenario: ids.join(","), docs });
  if (!report) return ExitCode.interrupted;
  console.log(`\nissue ${issue} on openclaw ${report.run.openclaw}:${formatEvidence(report, ids)}\nreports: ${reportsDir}`);
  return exitCodeFor(report);
}

async function main(): Promise<number> {
  const [command, subject] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? ExitCode.asExpected : ExitCode.badInput;
  }
  switch (command) {
    case "run":
      return run();
    case "list":
      return (list(), ExitCode.asExpected);
    case "explain": {
      // The scenario first: a wrong id is one line, before any docs are fetched.
      const scenario = findScenario(argument("explain <scenario>", subject));
      const docsRoot = values.docs ? resolveDocsOverride(values.docs) : await ensureDocsOfVersion(values.openclaw);
      return explain(scenario, values.openclaw, docsRoot);
    }
    case "repro":
      return repro(argument("repro <issue>", subject));
    case "provision":
      return (await provisionSut(values.openclaw), ExitCode.asExpected);
    default:
      throw new BadInputError(`unknown command "${command}"\n${usage}`);
  }
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
