// Allure 3: one self-contained HTML file (the awesome plugin's single-file mode), with the run's
// statuses as categories, what was under test on the overview, and the history of earlier runs
// (kept in the reports folder between runs: trends and each test's past). run-suite.ts passes
// the history file and the variables.
import { defineConfig } from "allure";

// Each result carries its conformance status as the label "verdict" (harness/run/allure-record.ts);
// a known drift passes the gate, so it is matched by label, not by Allure's failed/broken.
const verdicts = ["new drift", "known drift changed", "unexpected pass", "doc drift", "broken", "known drift"];

export default defineConfig({
  name: "OpenClaw docs conformance",
  ...(process.env.OCF_ALLURE_HISTORY ? { historyPath: process.env.OCF_ALLURE_HISTORY, appendHistory: true } : {}),
  variables: JSON.parse(process.env.OCF_ALLURE_VARIABLES ?? "{}"),
  categories: { rules: verdicts.map((verdict) => ({ name: verdict, matchers: { labels: { verdict } }, groupByMessage: false })) },
  // What the test runner adds to every result and a reader never needs.
  hideLabels: ["framework", "language", "thread", "host", "package"],
  plugins: {
    awesome: { options: { singleFile: true, reportLanguage: "en", reportName: "OpenClaw docs conformance" } },
  },
});
