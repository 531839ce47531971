// Allure 3: one self-contained HTML file (the awesome plugin's single-file mode).
import { defineConfig } from "allure";

export default defineConfig({
  name: "OpenClaw docs conformance",
  plugins: {
    awesome: { options: { singleFile: true, reportLanguage: "en", reportName: "OpenClaw docs conformance" } },
  },
});
