import { defineConfig } from "vitest/config";

// `npm test`: the harness's own tests (unit and end to end) plus every scenario against the
// default OpenClaw version. The global setup provisions the engine and images once.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "harness/run/conformance.test.ts"],
    globalSetup: ["harness/run/global-setup.ts"],
    setupFiles: ["allure-vitest/setup"],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    // Two cores: end-to-end files each start containers, so they take turns.
    maxWorkers: 2,
    reporters: ["default", ["allure-vitest/reporter", { resultsDir: "reports/output/test-allure-results" }]],
    env: { TESTCONTAINERS_RYUK_DISABLED: "true" },
  },
});
