import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { KNOWN_DRIFT_FILE, REFERENCE_DIR, scenariosDir } from "./harness/scenario/load-scenarios.ts";
import { scenarioTestModules } from "./harness/run/scenario-test-modules.ts";

// One config, three projects:
// - unit: the harness's core; starts nothing, needs no Docker and no network (seconds);
// - e2e: the harness against a real engine, the real SUT image and the real packaged docs;
// - conformance: every scenario against the versions under test, each scenario file a test
//   module of its own (so --shard splits scenarios; the main job runs only this project, with its
//   own reporters; `npm test` runs it too).
// The global setup provisions the engine and images once; the main job provides them itself.
// A scenario keeps about one core busy in OpenClaw's commands, with pauses (a gateway starting, a
// probe budget waited out), so one more scenario file than the cores runs at once (OCF_CONCURRENCY
// overrides; 1 runs them one after another). Measured on the whole suite, 2 cores: three at a time
// took 75 min for 13,200 s of scenario time, two at a time 113 min for 13,230 s (2026-12-06 and
// -07); a six-file sample once favoured two (303 s against 354 s), so the whole suite decides.
// End-to-end files start runs and containers of their own: beside the scenarios they loaded the
// machine twice over, so they run after them, at most one per core. A group
// (sequence.groupOrder) has one worker count.
const concurrency = Number(process.env.OCF_CONCURRENCY ?? availableParallelism() + 1);
const shared = {
  setupFiles: ["allure-vitest/setup"],
  env: { TESTCONTAINERS_RYUK_DISABLED: "true" },
};
const withScenarios = { ...shared, maxWorkers: concurrency, sequence: { groupOrder: 0 } };
const afterScenarios = { ...shared, maxWorkers: Math.min(concurrency, availableParallelism()), sequence: { groupOrder: 1 } };
// The projects that start containers: the engine and images first, and time to provision them.
const withEngine = { globalSetup: ["harness/run/global-setup.ts"], hookTimeout: 900_000 };

export default defineConfig({
  test: {
    maxWorkers: concurrency,
    reporters: ["default", ["allure-vitest/reporter", { resultsDir: "reports/output/test-allure-results" }], "./harness/run/scenario-count-reporter.ts"],
    projects: [
      { test: { ...withScenarios, name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 60_000 } },
      { test: { ...afterScenarios, ...withEngine, name: "e2e", include: ["test/e2e/**/*.test.ts"], testTimeout: 300_000 } },
      {
        plugins: [scenarioTestModules(scenariosDir)],
        test: { ...withScenarios, ...withEngine, name: "conformance", dir: scenariosDir, include: ["*.yaml", `${REFERENCE_DIR}/*.yaml`], exclude: [KNOWN_DRIFT_FILE], testTimeout: 15 * 60_000 },
      },
    ],
  },
});
