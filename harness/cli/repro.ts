import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { claimEvidence } from "../../reports/writers/claim-evidence.ts";
import { formatReproMarkdown } from "../../reports/writers/repro-markdown.ts";
import type { RunReport } from "../../reports/writers/run-report.ts";
import { loadKnownDrift, loadScenarios } from "../scenario/load-scenarios.ts";
import { outcomeOf } from "../scenario/status.ts";
import { BadInputError } from "../util/errors.ts";
import { reportsDir } from "../util/paths.ts";

/** The number of an issue given as `82978`, `#82978` or its URL (…/issues/82978, …/pull/112211). */
function issueNumber(issue: string): string {
  const number = /^(?:#?(\d+)|https?:\/\/\S+\/(?:issues|pull)\/(\d+)\/?)$/.exec(issue.trim());
  if (!number) throw new BadInputError(`"${issue}" is not an issue: give its number (82978) or its URL (https://github.com/openclaw/openclaw/issues/82978)`);
  return (number[1] ?? number[2])!;
}

const linksTo = (url: string, number: string) => new RegExp(`/(issues|pull)/${number}/?$`).test(url);

/** The scenarios linked to an issue: in their own `issues:` or by a known-drift entry. */
export function scenariosForIssue(issue: string): string[] {
  const number = issueNumber(issue);
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
    const explained = !scenario.claims.length || outcomeOf(scenario.status) === "broken";
    lines.push(`\n${scenario.id}: ${scenario.status}${explained ? ` (${scenario.message})` : ""}`);
    lines.push(...scenario.claims.map((claim) => claimEvidence(scenario, claim, "  ")));
  }
  return lines.join("\n");
}

/** `repro <issue> --markdown`: the comment for the issue, written beside the run's reports and returned to print. */
export function writeReproComment(report: RunReport, issue: string, ids: string[]): string {
  const comment = formatReproMarkdown(report, issue, ids);
  const file = join(reportsDir, `repro-${issueNumber(issue)}.md`);
  writeFileSync(file, `${comment}\n`);
  return `${comment}\n\n(written to ${file})`;
}
