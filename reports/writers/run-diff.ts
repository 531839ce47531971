import semver from "semver";
import type { ScenarioStatus } from "../../harness/scenario/status.ts";
import { mark, rowNamer, table, versionsOf } from "./markdown-table.ts";
import type { RunReport, ScenarioEntry } from "./run-report.ts";

/** One verdict that is not what the base run said: a claim's, or a scenario's where it judged no claim. */
export interface VerdictChange {
  version: string;
  /** The base run's version it is compared with: the same, or the release before it. */
  baseVersion: string;
  scenario: string;
  /** Empty for the scenario's own verdict (doc drift, broken, skipped: no claim was judged). */
  claim: string;
  /** Undefined where the base run had no such verdict (a new scenario or claim), or this run has none (gone). */
  before?: ScenarioStatus;
  after?: ScenarioStatus;
  /** The docs' file:line the claim quotes, in this run (or the base's, for one that is gone). */
  source?: string;
}

/**
 * The base run's version to compare a version with: the same version where the base ran it,
 * otherwise the newest base version before it (a pull request's build against the last
 * release), otherwise the base's oldest.
 */
function baseVersionFor(version: string, baseVersions: string[]): string | undefined {
  if (baseVersions.includes(version)) return version;
  const valid = baseVersions.filter((base) => semver.valid(base)).sort(semver.compare);
  if (!semver.valid(version)) return valid.at(-1) ?? baseVersions[0];
  return valid.filter((base) => semver.lt(base, version)).at(-1) ?? valid[0] ?? baseVersions[0];
}

const key = (entry: ScenarioEntry) => `${entry.id}\u0000${entry.egress ?? ""}`;

/** The claims of a scenario by id, with its own verdict (under "") where it judged none. */
function verdicts(entry: ScenarioEntry | undefined): Map<string, { status: ScenarioStatus; source?: string }> {
  const found = new Map<string, { status: ScenarioStatus; source?: string }>();
  if (!entry) return found;
  for (const claim of entry.claims) found.set(claim.id, { status: claim.status, source: claim.source });
  if (!entry.claims.length) found.set("", { status: entry.status });
  return found;
}

/** Every verdict of `head` that differs from `base`'s, version by version, scenario by scenario. */
export function runChanges(base: RunReport, head: RunReport): VerdictChange[] {
  const baseVersions = versionsOf(base);
  const rowOf = rowNamer(head);
  const changes: VerdictChange[] = [];
  for (const version of versionsOf(head)) {
    const baseVersion = baseVersionFor(version, baseVersions);
    const heads = head.scenarios.filter((entry) => entry.openclaw === version);
    const bases = base.scenarios.filter((entry) => entry.openclaw === baseVersion);
    const keys = [...new Set([...heads.map(key), ...bases.map(key)])];
    for (const scenarioKey of keys) {
      const now = heads.find((entry) => key(entry) === scenarioKey);
      const then = bases.find((entry) => key(entry) === scenarioKey);
      const after = verdicts(now);
      const before = verdicts(then);
      for (const claim of new Set([...after.keys(), ...before.keys()])) {
        const [was, is] = [before.get(claim), after.get(claim)];
        if (was?.status === is?.status) continue;
        changes.push({ version, baseVersion: baseVersion ?? "-", scenario: rowOf((now ?? then)!), claim, before: was?.status, after: is?.status, source: is?.source ?? was?.source });
      }
    }
  }
  return changes;
}

/** The changes as a Markdown section for a pull request: what this run says that the base did not. */
export function formatRunDiffMarkdown(base: RunReport, head: RunReport): string {
  const changes = runChanges(base, head);
  const lines = [`### Since the base run (${versionsOf(base).join(", ") || "no results"}, started ${base.run.startedAt})`, ""];
  if (!changes.length) return [...lines, "No verdict changed."].join("\n");
  const shown = (status: ScenarioStatus | undefined, missing: string) => (status ? mark(status) : missing);
  const rows = changes.map((change) => [
    change.baseVersion === change.version ? change.version : `${change.version} (base ${change.baseVersion})`,
    change.scenario,
    change.claim || "(scenario)",
    shown(change.before, "(not in the base run)"),
    shown(change.after, "(gone)"),
    change.source ? `\`${change.source}\`` : "",
  ]);
  return [...lines, table(["version", "scenario", "claim", "base", "now", "docs"], rows)].join("\n");
}
