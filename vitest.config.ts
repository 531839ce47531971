import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// One config, three projects:
// - unit: the harness's core; starts nothing, needs no Docker and no network (seconds);
// - e2e: the harness against a real engine, the real SUT image and the real packaged docs;
// - conformance: every scenario against the version under test (the main job runs only this,
//   with its own reporters; `npm test` runs it too).
// The global setup provisions the engine and images once; the main job provides them itself.
// Scenarios spend most of their time waiting on OpenClaw in its own container, so one more than
// the cores run at once (OCF_CONCURRENCY overrides; 1 runs them one after another).
const scenarioConcurrency = Number(process.env.OCF_CONCURRENCY ?? availableParallelism() + 1);
const shared = {
  setupFiles: ["allure-vitest/setup"],
  env: { TESTCONTAINERS_RYUK_DISABLED: "true" },
};

export default defineConfig({
  test: {
    // Two cores: end-to-end files each start containers, so they take turns.
    maxWorkers: 2,
    reporters: ["default", ["allure-vitest/reporter", { resultsDir: "reports/output/test-allure-results" }]],
    projects: [
      { test: { ...shared, name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 60_000 } },
      { test: { ...shared, name: "e2e", include: ["test/e2e/**/*.test.ts"], globalSetup: ["harness/run/global-setup.ts"], testTimeout: 300_000, hookTimeout: 900_000 } },
      {
        test: { ...shared, name: "conformance", include: ["harness/run/conformance.test.ts"], globalSetup: ["harness/run/global-setup.ts"], testTimeout: 15 * 60_000, hookTimeout: 900_000, maxConcurrency: scenarioConcurrency },
      },
    ],
  },
});
