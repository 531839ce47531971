import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { KNOWN_DRIFT_FILE, scenariosDir } from "./harness/scenario/load-scenarios.ts";
import { scenarioTestModules } from "./harness/run/scenario-test-modules.ts";

// One config, three projects:
// - unit: the harness's core; starts nothing, needs no Docker and no network (seconds);
// - e2e: the harness against a real engine, the real SUT image and the real packaged docs;
// - conformance: every scenario against the versions under test, each scenario file a test
//   module of its own (so --shard splits scenarios; the main job runs only this project, with its
//   own reporters; `npm test` runs it too).
// The global setup provisions the engine and images once; the main job provides them itself.
// Scenarios spend their time in OpenClaw's commands in their own containers, about one core each
// with pauses (its ClawHub retries, a gateway starting), so one more scenario file than the cores
// runs at once (OCF_CONCURRENCY overrides; 1 runs them one after another). End-to-end files start
// runs and containers of their own, so they run after the scenarios, as a group with its own
// workers: sharing the pool, they had CI's scenarios wait on a machine loaded twice over (a
// group has one worker count: vitest's sequence.groupOrder).
const concurrency = Number(process.env.OCF_CONCURRENCY ?? availableParallelism() + 1);
const endToEndWorkers = Math.min(concurrency, availableParallelism());
const shared = {
  setupFiles: ["allure-vitest/setup"],
  env: { TESTCONTAINERS_RYUK_DISABLED: "true" },
};
const scenarioGroup = { ...shared, maxWorkers: concurrency, sequence: { groupOrder: 0 } };

export default defineConfig({
  test: {
    maxWorkers: concurrency,
    reporters: ["default", ["allure-vitest/reporter", { resultsDir: "reports/output/test-allure-results" }]],
    projects: [
      { test: { ...scenarioGroup, name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 60_000 } },
      { test: { ...shared, maxWorkers: endToEndWorkers, sequence: { groupOrder: 1 }, name: "e2e", include: ["test/e2e/**/*.test.ts"], globalSetup: ["harness/run/global-setup.ts"], testTimeout: 300_000, hookTimeout: 900_000 } },
      {
        plugins: [scenarioTestModules(scenariosDir)],
        test: { ...scenarioGroup, name: "conformance", dir: scenariosDir, include: ["*.yaml"], exclude: [KNOWN_DRIFT_FILE], globalSetup: ["harness/run/global-setup.ts"], testTimeout: 15 * 60_000, hookTimeout: 900_000 },
      },
    ],
  },
});
