import { claimEvidence } from "../../reports/writers/claim-evidence.ts";
import type { RunReport } from "../../reports/writers/run-report.ts";
import { loadKnownDrift, loadScenarios } from "../scenario/load-scenarios.ts";
import { BadInputError } from "../util/errors.ts";

const linksTo = (url: string, issue: string) => new RegExp(`/(issues|pull)/${issue}$`).test(url) || url === issue;

/** The scenarios linked to an issue: in their own `issues:` or by a known-drift entry. */
export function scenariosForIssue(issue: string): string[] {
  const number = issue.replace(/^.*\/(issues|pull)\//, "").replace(/^#/, "");
  const byScenario = loadScenarios()
    .filter(({ scenario }) => scenario.issues.some((url) => linksTo(url, number)))
    .map(({ scenario }) => scenario.id);
  const byDrift = loadKnownDrift()
    .filter((entry) => linksTo(entry.issue, number))
    .map((entry) => entry.scenario);
  const ids = [...new Set([...byScenario, ...byDrift])];
  if (!ids.length) throw new BadInputError(`no scenario is linked to issue ${issue} (see issues: in scenarios/*.yaml and scenarios/known-drift.yaml)`);
  return ids;
}

/** The evidence of a repro, per claim: the docs' sentence, the commands, what was seen, the journal. */
export function formatEvidence(report: RunReport, ids: string[]): string {
  const lines: string[] = [];
  for (const scenario of report.scenarios.filter((entry) => ids.includes(entry.id))) {
    lines.push(`\n${scenario.id}: ${scenario.status}${scenario.status === "skipped" || scenario.status === "doc-drift" || scenario.status === "broken" ? ` (${scenario.message})` : ""}`);
    lines.push(...scenario.claims.map((claim) => claimEvidence(scenario, claim, "  ")));
  }
  return lines.join("\n");
}
