import type { RunReport } from "./run-report.ts";

/** A table cell holds no pipe and no line break. */
export const cell = (text: string) => text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");

/** A GitHub-flavoured Markdown table; cells are escaped here. */
export function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)].join("\n");
}

/** The versions a run's results are for, in the order they ran. */
export const versionsOf = (report: RunReport) => [...new Set(report.scenarios.map((entry) => entry.openclaw))];
