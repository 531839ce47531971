import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, SerializedError, TestCase, TestModule } from "vitest/node";
import type { ScenarioResult } from "../../harness/scenario/records.ts";
import "../../harness/run/provided.ts";
import { redact } from "../../harness/util/redact.ts";
import { RUN_REPORT_FILE, type RunReport, type ScenarioEntry } from "./run-report.ts";
import { scenarioEntry } from "./scenario-entry.ts";

/** A test with no scenario result was skipped (with its reason) or the harness broke. */
function fromTestCase(test: TestCase): ScenarioEntry {
  const outcome = test.result();
  const skipped = outcome.state === "skipped";
  return {
    id: test.meta().scenario ?? test.name, title: test.name, openclaw: test.meta().openclaw ?? "?", egress: test.meta().egress, status: skipped ? "skipped" : "broken",
    message: redact(skipped ? (outcome.note ?? "skipped") : (outcome.errors?.[0]?.message ?? "no result")),
    durationMs: Math.round(test.diagnostic()?.duration ?? 0), steps: [], claims: [], journal: [],
  };
}

const firstLine = (text: string | undefined) => redact((text ?? "unknown error").split("\n")[0]!);

/** Where an unhandled error came from: the first frame of its stack that is ours. */
function unhandledSource(error: SerializedError): string {
  const frame = error.stack?.split("\n").find((line) => /\/(mocks|harness|reports)\//.test(line) && !line.includes("node_modules"));
  return frame ? `${error.name ?? "Error"} at ${frame.trim().replace(/^at /, "")}` : `${error.name ?? "Error"} (no frame of ours in its stack)`;
}

/** Writes reports/output/run.json when the run ends. */
export default class RunJsonReporter implements Reporter {
  private readonly startedAt = new Date().toISOString();
  private readonly outputDir: string;
  /** What is under test, per version, for the report. */
  private readonly versions: RunReport["run"]["versions"];

  constructor(options: { outputDir: string; versions?: RunReport["run"]["versions"] }) {
    this.outputDir = options.outputDir;
    this.versions = options.versions ?? [];
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const results: ScenarioResult[] = [];
    const scenarios: ScenarioEntry[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.meta().conformance;
        if (result) results.push(result);
        scenarios.push(result ? scenarioEntry(result) : fromTestCase(test));
      }
    }
    const report: RunReport = {
      run: {
        startedAt: this.startedAt, finishedAt: new Date().toISOString(),
        versions: this.versions, npmSnapshot: results[0]?.npmSnapshot, harnessNode: process.version,
        harnessErrors: [
          // An error thrown where no test could catch it: in a mock's listener, a timer, a worker.
          ...unhandledErrors.map((error) => ({ source: unhandledSource(error), message: firstLine(error.message) })),
          ...testModules.flatMap((module) => module.errors().map((error) => ({ source: module.moduleId, message: firstLine(error.message) }))),
        ],
      },
      scenarios,
    };
    mkdirSync(this.outputDir, { recursive: true });
    writeFileSync(join(this.outputDir, RUN_REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  }
}
