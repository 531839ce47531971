import type { Reporter, TestCase, TestModule, TestSpecification } from "vitest/node";
import { progress } from "../util/progress.ts";
import "./provided.ts";

/** The project whose test modules are scenario files (vitest.config.ts). */
const CONFORMANCE = "conformance";

/**
 * Live progress of a run in the main process, on stderr beside the workers' step lines: each
 * scenario's verdict as its test ends, and a running count of scenario files done.
 */
export default class ScenarioCountReporter implements Reporter {
  private total = 0;
  private done = 0;

  onTestRunStart(specifications: readonly TestSpecification[]): void {
    this.total = specifications.filter((specification) => specification.project.name === CONFORMANCE).length;
  }

  onTestCaseResult(test: TestCase): void {
    if (test.project.name !== CONFORMANCE) return;
    const { scenario, openclaw, egress, conformance } = test.meta();
    const outcome = test.result();
    const verdict = conformance?.status ?? (outcome.state === "skipped" ? `skipped (${outcome.note ?? "no reason"})` : outcome.state === "failed" ? "broken" : outcome.state);
    const took = Math.round((test.diagnostic()?.duration ?? 0) / 1000);
    progress(`${scenario ?? test.name} @${openclaw ?? "?"}${egress ? ` [${egress}]` : ""}: ${verdict}${outcome.state === "skipped" ? "" : ` (${took} s)`}`);
  }

  onTestModuleEnd(module: TestModule): void {
    if (module.project.name !== CONFORMANCE) return;
    this.done += 1;
    progress(`${this.done}/${this.total} scenario files done`);
  }
}
