import type { RunReport } from "./run-report.ts";

const symbols: Record<string, string> = {
  conforms: "✓", "known-drift": "≈", "new-drift": "✗", "unexpected-pass": "!", "doc-drift": "§", broken: "✗", skipped: "-",
};

/** The terminal summary of a run: one line per scenario, its claims, and the totals. */
export function formatSummary(report: RunReport): string {
  const registry = report.run.npmSnapshot ? `, npm as of ${report.run.npmSnapshot}` : "";
  const lines = [`OpenClaw ${report.run.openclaw ?? "?"} (image ${report.run.image?.tag ?? "?"}${registry})`];
  for (const scenario of report.scenarios) {
    const timing = scenario.commandsMs !== undefined ? ` ${(scenario.durationMs / 1000).toFixed(1)} s (OpenClaw commands ${(scenario.commandsMs / 1000).toFixed(1)} s)` : "";
    lines.push(`${symbols[scenario.status] ?? "?"} ${scenario.id}: ${scenario.status}${timing}`);
    if (scenario.status === "skipped" || scenario.status === "broken" || scenario.status === "doc-drift") lines.push(`    ${scenario.message}`);
    // What the run did differently from a reader's terminal, so nobody mistakes it for the docs.
    for (const step of scenario.steps) {
      if (step.movedFrom) lines.push(`    ↪ ${step.id}: the docs moved; followed the anchor stub at ${step.movedFrom} to ${step.source}`);
      if (step.substitution) {
        const { serve, ready, readyAfterMs } = step.substitution;
        lines.push(`    ↺ ${step.id}: the doc command ran, then "${serve}" stood in for it (${ready ? `ready after ${(readyAfterMs / 1000).toFixed(1)} s` : "never ready"})`);
      }
      if (step.notRun) lines.push(`    ⊘ ${step.id}: not run: ${step.notRun}`);
    }
    for (const claim of scenario.claims) {
      lines.push(`    ${symbols[claim.status] ?? "?"} ${claim.id}: ${claim.status}${claim.issue ? ` (${claim.issue})` : ""}`);
      if (claim.status !== "conforms") for (const observed of claim.observed) lines.push(`        ${observed}`);
    }
  }
  const count = (status: string) => report.scenarios.filter((scenario) => scenario.status === status).length;
  lines.push(
    `${report.scenarios.length} scenarios: ${count("conforms")} conform, ${count("known-drift")} known drift, ${count("new-drift")} new drift, ` +
      `${count("unexpected-pass")} unexpected pass, ${count("doc-drift")} doc drift, ${count("broken")} broken, ${count("skipped")} skipped`,
  );
  return lines.join("\n");
}
