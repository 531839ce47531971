import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";
import type { ScenarioResult } from "../../harness/scenario/run-scenario.ts";
import "../../harness/run/provided.ts";
import { RUN_REPORT_FILE, type RunReport, type ScenarioEntry } from "./run-report.ts";
import { scenarioEntry } from "./scenario-entry.ts";

/** A test with no scenario result was skipped (with its reason) or the harness broke. */
function fromTestCase(test: TestCase): ScenarioEntry {
  const outcome = test.result();
  const skipped = outcome.state === "skipped";
  return {
    id: test.name, title: test.name, status: skipped ? "skipped" : "broken",
    message: skipped ? (outcome.note ?? "skipped") : (outcome.errors?.[0]?.message ?? "no result"),
    durationMs: Math.round(test.diagnostic()?.duration ?? 0), steps: [], claims: [], journal: [],
  };
}

/** Writes reports/output/run.json when the run ends. */
export default class RunJsonReporter implements Reporter {
  private readonly startedAt = new Date().toISOString();
  private readonly outputDir: string;

  constructor(options: { outputDir: string }) {
    this.outputDir = options.outputDir;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
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
        openclaw: results[0]?.openclawVersion ?? process.env.OCF_OPENCLAW_VERSION, image: results[0]?.image, npmSnapshot: results[0]?.npmSnapshot, harnessNode: process.version,
      },
      scenarios,
    };
    mkdirSync(this.outputDir, { recursive: true });
    writeFileSync(join(this.outputDir, RUN_REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  }
}
