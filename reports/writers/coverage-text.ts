import type { BlockCoverage, CommandCoverage, VersionCoverage } from "../../harness/coverage/coverage.ts";
import type { BlockStatus, CommandStatus } from "../../harness/coverage/status.ts";

const blockSymbol: Record<BlockStatus, string> = { run: "✓", substituted: "⇄", platform: "⊘", upstream: "↑", excluded: "–", unaccounted: "✗" };
const commandSymbol: Record<CommandStatus, string> = { run: "✓", substituted: "⇄", unjudged: "?", platform: "⊘", upstream: "↑", "not-here": "–", unaccounted: "✗" };

/** What accounts for one command, in a few words. */
export function coveredBy(command: CommandCoverage): string {
  const steps = command.runs.map((run) => `${run.scenario}/${run.step}${run.claims.length ? ` (${run.claims.join(", ")})` : ""}`).join("; ");
  const exclusion = command.exclusion;
  switch (command.status) {
    case "run":
      return steps;
    case "substituted":
      return `run by ${steps}, but a stand-in of the harness did its job`;
    case "unjudged":
      return `run by ${steps}, but no claim judges it`;
    case "platform":
      return `platform (${exclusion?.platform}): ${exclusion?.why}`;
    case "upstream":
      return `upstream: ${exclusion?.why}`;
    case "not-here":
      return `not here: ${exclusion?.why}; runnable when ${exclusion?.runnableWhen}`;
    case "unaccounted":
      return "neither run nor excluded";
  }
}

/** The headline of a version's coverage: the figures the bars are judged on. */
export function coverageHeadline(coverage: VersionCoverage): string {
  const { totals } = coverage;
  return (
    `openclaw ${coverage.openclaw}: ${totals.blocks} blocks on ${coverage.pages.length} pages · ` +
    `run ${totals.run} (${totals.percentRun} % of the ${totals.blocks - totals.platform - totals.upstream} not for another platform or upstream) · ` +
    `substituted ${totals.substituted} · platform ${totals.platform} (${totals.percentPlatform} %) · upstream ${totals.upstream} · excluded ${totals.excluded} · unaccounted ${totals.unaccounted}\n` +
    `  commands: ${totals.commands.run} run and judged, ${totals.commands.substituted} substituted, ${totals.commands.unjudged} run but unjudged, ${totals.commands.unaccounted} unaccounted`
  );
}

function blockLines(block: BlockCoverage): string[] {
  const [first, ...rest] = block.commands;
  if (!first) return [];
  if (rest.length === 0) return [`  ${blockSymbol[block.status]} :${block.line}  ${first.command}  → ${coveredBy(first)}`];
  return [`  ${blockSymbol[block.status]} :${block.line}  (${block.commands.length} commands)`, ...block.commands.map((command) => `      ${commandSymbol[command.status]} :${command.line}  ${command.command}  → ${coveredBy(command)}`)];
}

/** For a terminal: per version the headline, then per page every block and what covers it. */
export function formatCoverageText(coverages: VersionCoverage[]): string {
  return coverages
    .map((coverage) => {
      const pages = coverage.pages.map((page) => {
        const blocks = coverage.blocks.filter((block) => block.page === page);
        return blocks.length ? [`docs/${page}`, ...blocks.flatMap(blockLines)].join("\n") : `docs/${page}  (no shell blocks)`;
      });
      const drift = coverage.drift.map((one) => `  doc drift: ${one.scenario} ${one.kind} ${one.id}: ${one.message}`);
      return [coverageHeadline(coverage), ...drift, ...pages].join("\n");
    })
    .join("\n\n");
}
