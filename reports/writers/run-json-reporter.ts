import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";
import type { ScenarioResult } from "../../harness/scenario/run-scenario.ts";
import "../../harness/run/provided.ts";
import { RUN_REPORT_FILE, type RunReport, type ScenarioEntry } from "./run-report.ts";

function fromResult(result: ScenarioResult): ScenarioEntry {
  const expected = result.claims.some((claim) => claim.knownDrift) ? "known-drift" : "conforms";
  return {
    id: result.id, title: result.title, status: result.status, expected, message: result.message, egress: result.egress,
    durationMs: result.durationMs, commandsMs: result.commandsMs,
    steps: result.steps.map((step) => ({
      id: step.id, command: step.result.command, exitCode: step.result.exitCode, durationMs: step.result.durationMs,
      source: step.source.kind === "docs" ? `${step.source.file}:${step.source.line}` : `explicit: ${step.source.why}`,
      movedFrom: step.source.kind === "docs" ? step.source.moved?.stub : undefined,
      actors: step.actors.length ? step.actors.map((outcome) => `${outcome.actor}: ${outcome.actions.join("; ")}`) : undefined,
      captured: Object.keys(step.captured).length ? step.captured : undefined,
      notRun: step.notRun,
      substitution: step.substitution && {
        why: step.substitution.why, setup: step.substitution.setup.map((command) => `${command.command} → exit ${command.exitCode}`),
        serve: step.substitution.serve.command, ready: step.substitution.serve.ready, evidence: step.substitution.serve.evidence,
        readyAfterMs: step.substitution.serve.readyAfterMs,
      },
    })),
    claims: result.claims.map((claim) => ({
      id: claim.id, status: claim.status, quote: claim.quote, source: `${claim.source.file}:${claim.source.line}`, step: claim.step,
      observed: claim.observed, evidence: claim.evidence, issue: claim.knownDrift?.issue,
    })),
    journal: result.journal.slice(0, 200),
  };
}

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
        scenarios.push(result ? fromResult(result) : fromTestCase(test));
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
