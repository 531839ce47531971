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

/** A summary table of the versions, then per version and page every block and what covers it. */
export function formatCoverageMarkdown(coverages: VersionCoverage[]): string {
  const summary = [coverageSummaryTable(coverages)];
  const details = coverages.map((coverage) => {
    const rows = coverage.blocks.flatMap((block) =>
      block.commands.map((command, index) => `| ${index === 0 ? `\`${block.file}:${block.line}\`` : ""} | ${index === 0 ? statusLabel[block.status] : ""} | \`${cell(command.command)}\` | ${cell(coveredBy(command))} |`),
    );
    return [`### openclaw ${coverage.openclaw}`, "", "| block | status | command | covered by |", "|---|---|---|---|", ...rows].join("\n");
  });
  return [...summary, "", ...details].join("\n");
}
