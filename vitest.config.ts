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
// Scenarios and end-to-end files spend most of their time waiting on OpenClaw in its own
// container, so one more file than the cores runs at once (OCF_CONCURRENCY overrides; 1 runs them
// one after another). Vitest wants one worker count for projects that run together.
const concurrency = Number(process.env.OCF_CONCURRENCY ?? availableParallelism() + 1);
const shared = {
  setupFiles: ["allure-vitest/setup"],
  env: { TESTCONTAINERS_RYUK_DISABLED: "true" },
  maxWorkers: concurrency,
};

export default defineConfig({
  test: {
    maxWorkers: concurrency,
    reporters: ["default", ["allure-vitest/reporter", { resultsDir: "reports/output/test-allure-results" }]],
    projects: [
      { test: { ...shared, name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 60_000 } },
      { test: { ...shared, name: "e2e", include: ["test/e2e/**/*.test.ts"], globalSetup: ["harness/run/global-setup.ts"], testTimeout: 300_000, hookTimeout: 900_000 } },
      {
        plugins: [scenarioTestModules(scenariosDir)],
        test: { ...shared, name: "conformance", dir: scenariosDir, include: ["*.yaml"], exclude: [KNOWN_DRIFT_FILE], globalSetup: ["harness/run/global-setup.ts"], testTimeout: 15 * 60_000, hookTimeout: 900_000 },
      },
    ],
  },
});
