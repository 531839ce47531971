import { join } from "node:path";
import { defineConfig } from "vitest/config";
import RunJsonReporter from "./reports/writers/run-json-reporter.ts";

// The main job (`npm run conformance`): only the scenarios, with every report writer.
const outputDir = process.env.OCF_REPORTS_DIR ?? join(import.meta.dirname, "reports", "output");

export default defineConfig({
  test: {
    include: ["harness/run/conformance.test.ts"],
    globalSetup: ["harness/run/global-setup.ts"],
    setupFiles: ["allure-vitest/setup"],
    testTimeout: 15 * 60_000,
    hookTimeout: 900_000,
    reporters: [
      "default",
      ["allure-vitest/reporter", { resultsDir: join(outputDir, "allure-results") }],
      ["junit", { outputFile: join(outputDir, "junit.xml") }],
      new RunJsonReporter({ outputDir }),
    ],
    env: { TESTCONTAINERS_RYUK_DISABLED: "true" },
  },
});
