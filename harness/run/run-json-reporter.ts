import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Reporter, SerializedError, TestCase, TestModule } from "vitest/node";
import type { ScenarioResult } from "../scenario/records.ts";
import "./provided.ts";
import { projectRoot } from "../util/paths.ts";
import { redact } from "../util/redact.ts";
import { RUN_REPORT_FILE, type RunReport, type ScenarioEntry } from "../../reports/writers/run-report.ts";
import { scenarioEntry } from "../../reports/writers/scenario-entry.ts";

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

type Entry = { entry: ScenarioEntry; versionIndex: number; position: number };

/**
 * The run's entries in one order whatever order the tests ended in, and however they were split
 * over shards: by version (as given), then scenario, then the test's place in its file (the
 * egresses as the scenario declares them; a file is never split over shards).
 */
function inRunOrder(entries: Entry[]): ScenarioEntry[] {
  return entries
    .sort((a, b) => a.versionIndex - b.versionIndex || a.entry.id.localeCompare(b.entry.id) || a.position - b.position)
    .map(({ entry }) => entry);
}

/** The versions the tests ran on, in the run's order: read from the tests, so a merge of shards knows them too. */
function versionsOf(tests: TestCase[]): RunReport["run"]["versions"] {
  const byIndex = new Map<number, RunReport["run"]["versions"][number]>();
  for (const test of tests) {
    const version = test.meta().version;
    if (version && !byIndex.has(version.index)) byIndex.set(version.index, { target: version.target, image: version.image, ...(version.docs ? { docs: version.docs } : {}) });
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, version]) => version);
}

/**
 * Writes run.json when the run ends: after a run, or after vitest merged the blob reports of a
 * sharded run (the same file either way, but for its times).
 */
export default class RunJsonReporter implements Reporter {
  private readonly startedAt = new Date().toISOString();
  private readonly outputDir: string;

  constructor(options: { outputDir: string }) {
    this.outputDir = options.outputDir;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const tests = testModules.flatMap((module) => [...module.children.allTests()]);
    const results: ScenarioResult[] = [];
    const entries: Entry[] = [];
    // A test's place in this list is its place in its file, since a module's tests come together.
    tests.forEach((test, position) => {
      const result = test.meta().conformance;
      if (result) results.push(result);
      entries.push({ entry: result ? scenarioEntry(result) : fromTestCase(test), versionIndex: test.meta().version?.index ?? Number.MAX_SAFE_INTEGER, position });
    });
    const report: RunReport = {
      run: {
        startedAt: this.startedAt, finishedAt: new Date().toISOString(),
        versions: versionsOf(tests), npmSnapshot: results[0]?.npmSnapshot, harnessNode: process.version,
        harnessErrors: [
          // An error thrown where no test could catch it: in a mock's listener, a timer, a worker.
          ...unhandledErrors.map((error) => ({ source: unhandledSource(error), message: firstLine(error.message) })),
          ...testModules.flatMap((module) => module.errors().map((error) => ({ source: relative(projectRoot, module.moduleId), message: firstLine(error.message) }))),
        ],
      },
      scenarios: inRunOrder(entries),
    };
    mkdirSync(this.outputDir, { recursive: true });
    writeFileSync(join(this.outputDir, RUN_REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  }
}
