import type { VersionCoverage } from "../../harness/coverage/coverage.ts";
import type { BlockStatus } from "../../harness/coverage/status.ts";
import { coveredBy } from "./coverage-text.ts";

const statusLabel: Record<BlockStatus, string> = { run: "✓ run", substituted: "⇄ substituted", platform: "⊘ platform", upstream: "↑ upstream", excluded: "– excluded", unaccounted: "✗ unaccounted" };

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The figures per version: what the coverage bar is judged on. */
export const coverageSummaryTable = (coverages: VersionCoverage[]): string =>
  [
    "| OpenClaw | pages | blocks | run | run % (platform, upstream apart) | substituted | platform | upstream | excluded (not here) | unaccounted | commands run / judged by a stand-in / unjudged |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...coverages.map(
      ({ openclaw, pages, totals: t }) =>
        `| ${openclaw} | ${pages.length} | ${t.blocks} | ${t.run} | ${t.percentRun} % | ${t.substituted} | ${t.platform} | ${t.upstream} | ${t.excluded} | ${t.unaccounted} | ${t.commands.run} / ${t.commands.substituted} / ${t.commands.unjudged} |`,
    ),
  ].join("\n");

/** Per page: its blocks by status, the roll-up a reader scans before the full table. */
function pageRollUp(coverage: VersionCoverage): string {
  const statuses = Object.keys(statusLabel) as BlockStatus[];
  const pages = [...new Set(coverage.blocks.map((block) => block.file))];
  const rows = pages.map((file) => {
    const blocks = coverage.blocks.filter((block) => block.file === file);
    return `| \`${file}\` | ${blocks.length} | ${statuses.map((status) => blocks.filter((block) => block.status === status).length || "").join(" | ")} |`;
  });
  return [`| page | blocks | ${statuses.map((status) => statusLabel[status]).join(" | ")} |`, `|---|---|${statuses.map(() => "---").join("|")}|`, ...rows].join("\n");
}

/** A summary table of the versions, then per version a roll-up by page, and every block and what covers it, collapsed. */
export function formatCoverageMarkdown(coverages: VersionCoverage[]): string {
  const summary = [coverageSummaryTable(coverages)];
  const details = coverages.map((coverage) => {
    const rows = coverage.blocks.flatMap((block) =>
      block.commands.map((command, index) => `| ${index === 0 ? `\`${block.file}:${block.line}\`` : ""} | ${index === 0 ? statusLabel[block.status] : ""} | \`${cell(command.command)}\` | ${cell(coveredBy(command))} |`),
    );
    const full = ["| block | status | command | covered by |", "|---|---|---|---|", ...rows].join("\n");
    return [`### openclaw ${coverage.openclaw}`, "", pageRollUp(coverage), "", `<details><summary>every block and what covers it (${coverage.blocks.length})</summary>`, "", full, "", "</details>"].join("\n");
  });
  return [...summary, "", ...details].join("\n");
}
