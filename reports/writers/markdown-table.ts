import { type ScenarioStatus, statusLabel, statusSymbol } from "../../harness/scenario/status.ts";
import type { RunReport } from "./run-report.ts";

/** A table cell holds no pipe and no line break. */
export const cell = (text: string) => text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");

/** A GitHub-flavoured Markdown table; cells are escaped here. */
export function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)].join("\n");
}

/** The versions a run's results are for, in the order they ran. */
export const versionsOf = (report: RunReport) => [...new Set(report.scenarios.map((entry) => entry.openclaw))];

/** A scenario's row name: its id, and its egress where the report runs it under several. */
export function rowNamer(report: RunReport): (entry: { id: string; egress?: string }) => string {
  const egresses = new Map<string, Set<string | undefined>>();
  for (const entry of report.scenarios) egresses.set(entry.id, (egresses.get(entry.id) ?? new Set()).add(entry.egress));
  return (entry) => ((egresses.get(entry.id)?.size ?? 0) > 1 && entry.egress ? `${entry.id} [${entry.egress}]` : entry.id);
}

/** A status as a cell: its symbol and its name. */
export const mark = (status: ScenarioStatus) => `${statusSymbol(status)} ${statusLabel(status)}`;

/** `https://github.com/openclaw/openclaw/issues/71889` → `[openclaw/openclaw#71889](…)`. */
export const issueLink = (url: string | undefined) => (url ? `[${url.replace(/^https:\/\/github\.com\//, "").replace(/\/(issues|pull)\//, "#")}](${url})` : "");
