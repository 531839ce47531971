import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dir } from "tmp-promise";
import { describe, expect, test } from "vitest";
import type { SerializedError } from "vitest/node";
import { exitCodeFor } from "../../harness/run/exit-code.ts";
import type { ScenarioStatus } from "../../harness/scenario/status.ts";
import { ExitCode } from "../../harness/util/errors.ts";
import RunJsonReporter from "../../harness/run/run-json-reporter.ts";
import { RunReport } from "../../reports/writers/run-report.ts";

const report = (statuses: ScenarioStatus[], harnessErrors: { source: string; message: string }[] = []): RunReport => ({
  run: { startedAt: "", finishedAt: "", versions: [], harnessNode: "v24", harnessErrors },
  scenarios: statuses.map((status, index) => ({ id: `s${index}`, title: "t", openclaw: "2026.5.12", status, message: "", durationMs: 1, steps: [], claims: [], journal: [] })),
});

describe("the run's exit code", () => {
  test.each([
    [["conforms", "known-drift"], ExitCode.asExpected],
    [["conforms", "new-drift"], ExitCode.drift],
    [["known-drift-changed"], ExitCode.drift],
    [["unexpected-pass", "conforms"], ExitCode.drift],
    [["doc-drift"], ExitCode.drift],
    [["new-drift", "broken"], ExitCode.harnessBroken],
    [["conforms", "skipped"], ExitCode.asExpected],
    [["skipped", "skipped"], ExitCode.nothingChecked],
    [[], ExitCode.nothingChecked],
  ] as [ScenarioStatus[], number][])("%j → %i", (statuses, code) => expect(exitCodeFor(report(statuses))).toBe(code));

  test("every scenario skipped is allowed only when asked", () => {
    expect(exitCodeFor(report(["skipped"]), { allowAllSkipped: true })).toBe(ExitCode.asExpected);
  });

  test("an error in the harness process makes a conforming run broken", () => {
    expect(exitCodeFor(report(["conforms"], [{ source: "mocks/dns/resolver.ts", message: "boom" }]))).toBe(ExitCode.harnessBroken);
  });
});

test("run.json names each unhandled error and where in our code it was raised", async () => {
  const out = await dir({ unsafeCleanup: true });
  const error: SerializedError = {
    name: "TypeError", message: "Cannot read properties of undefined\n(more)",
    stack: "TypeError: Cannot read properties of undefined\n    at answer (/work/main/node_modules/dns-packet/index.js:1:1)\n    at Socket.<anonymous> (/work/main/mocks/dns/resolver.ts:48:17)",
  } as SerializedError;
  new RunJsonReporter({ outputDir: out.path }).onTestRunEnd([], [error]);
  const written = RunReport.parse(JSON.parse(readFileSync(join(out.path, "run.json"), "utf8")));
  expect(written.run.harnessErrors).toEqual([{ source: "TypeError at Socket.<anonymous> (/work/main/mocks/dns/resolver.ts:48:17)", message: "Cannot read properties of undefined" }]);
  expect(exitCodeFor(written)).toBe(ExitCode.harnessBroken);
  await out.cleanup();
});
