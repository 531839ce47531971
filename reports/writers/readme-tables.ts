import { statusLabel, statusSymbol } from "../../harness/scenario/status.ts";
import { firstFailure } from "./claim-evidence.ts";
import { table, versionsOf } from "./markdown-table.ts";
import type { RunReport, ScenarioEntry } from "./run-report.ts";

/** The model stream's address: the requests that say which client carried a turn, and what it got. */
const RESPONSES = "chatgpt.com/backend-api/codex/responses";


/**
 * A claim × version table for the given scenarios (the drift items of an issue, say), in the
 * order their files declare the claims: each cell the claim's verdict on that version, the doc
 * line it quotes, and what failed.
 */
export function claimMatrix(report: RunReport, scenarios: readonly { id: string; claims: readonly string[] }[]): string {
  const versions = versionsOf(report);
  const entries = report.scenarios.filter((entry) => scenarios.some((scenario) => scenario.id === entry.id));
  const rows = scenarios.flatMap(({ id: scenario, claims }) => claims.map((claimId) => {
    const cells = versions.map((version) => {
      const runs = entries.filter((entry) => entry.id === scenario && entry.openclaw === version);
      const claims = runs.flatMap((entry) => entry.claims.filter((claim) => claim.id === claimId));
      if (!claims.length) return runs.length ? "— (not on this version)" : "— (not run)";
      return claims
        .map((claim) => {
          const failure = claim.status === "conforms" ? undefined : firstFailure(claim.observed);
          const issue = claim.issue ? ` [issue](${claim.issue})` : "";
          return `${statusSymbol(claim.status)} ${statusLabel(claim.status)}${issue} · \`${claim.source}\`${failure ? ` · ${failure}` : ""}`;
        })
        .join("; ");
    });
    return [`${scenarios.length > 1 ? `${scenario}: ` : ""}${claimId}`, ...cells];
  }));
  return table(["Claim", ...versions.map((version) => `openclaw ${version}`)], rows);
}

/** What reached the model stream in one run: each client class with the statuses it got. */
export function modelStreamSummary(entry: ScenarioEntry): string {
  const seen = new Map<string, number>();
  for (const line of entry.journal) {
    if (!line.includes(RESPONSES)) continue;
    const match = /→ (\d+) by \S+ \[(\S+)/.exec(line);
    if (!match) continue;
    const key = `${match[2]} ${match[1]}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return seen.size ? [...seen].map(([key, count]) => `${key}${count > 1 ? ` ×${count}` : ""}`).join(", ") : "nothing reached it";
}

/**
 * Egress × route × version: for every scenario run under more than one egress, the verdict per
 * version and which client reached chatgpt.com's model stream with what answer.
 */
export function egressMatrix(report: RunReport): string {
  const versions = versionsOf(report);
  const egressesOf = (id: string) => new Set(report.scenarios.filter((entry) => entry.id === id).map((entry) => entry.egress));
  const routes = [...new Set(report.scenarios.map((entry) => entry.id))].filter((id) => egressesOf(id).size > 1);
  const rows = routes.flatMap((id) =>
    [...egressesOf(id)].map((egress) => [
      id,
      egress ?? "?",
      ...versions.map((version) => {
        const entry = report.scenarios.find((one) => one.id === id && one.egress === egress && one.openclaw === version);
        if (!entry) return "— (not run)";
        const verdict = `${statusSymbol(entry.status)} ${statusLabel(entry.status)}`;
        return entry.status === "skipped" ? `${verdict} (not on this version)` : `${verdict} · ${modelStreamSummary(entry)}`;
      }),
    ]),
  );
  return table(["Route (scenario)", "Egress", ...versions.map((version) => `openclaw ${version}`)], rows);
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`; throws when the markers are missing. */
export function replaceBetweenMarkers(document: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no "${start}" … "${end}" markers`);
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`;
}
