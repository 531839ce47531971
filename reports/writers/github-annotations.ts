import type { VersionCoverage } from "../../harness/coverage/coverage.ts";
import { outcomeOf, statusLabel } from "../../harness/scenario/status.ts";
import type { DocPlace } from "../../harness/docs/doc-drift.ts";
import { causeLine, causeSaid } from "./claim-evidence.ts";
import { coveredBy } from "./coverage-text.ts";
import type { RunReport } from "./run-report.ts";

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`): the runner turns
 * each into an annotation on that line of the pull request's diff. Escaping as the runner's
 * toolkit does it: data loses %, CR and LF; properties also lose : and ,.
 */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

export interface Annotation {
  level: "error" | "warning" | "notice";
  title: string;
  message: string;
  at?: DocPlace;
}

export function workflowCommand({ level, title, message, at }: Annotation): string {
  const properties = [...(at ? [`file=${escapeProperty(at.file)}`, ...(at.line ? [`line=${at.line}`] : [])] : []), `title=${escapeProperty(title)}`];
  return `::${level} ${properties.join(",")}::${escapeData(message)}`;
}

/**
 * `check`'s findings as annotations: doc drift where the docs changed, and documented commands
 * nothing runs or excludes where they stand. `repoPath` maps a docs file (`docs/…`) to its path in
 * the repository the pull request changes.
 */
export function checkAnnotations(coverages: VersionCoverage[], repoPath: (version: string, file: string) => string): Annotation[] {
  return coverages.flatMap((coverage) => {
    const place = (at: DocPlace): DocPlace => ({ ...at, file: repoPath(coverage.openclaw, at.file) });
    const drift = coverage.drift.map(
      (one): Annotation => ({
        level: "error",
        title: `doc drift (openclaw ${coverage.openclaw}): ${one.scenario} ${one.kind} ${one.id}`,
        message: one.message,
        ...(one.at ? { at: place(one.at) } : {}),
      }),
    );
    const unaccounted = coverage.blocks
      .filter((block) => block.status === "unaccounted")
      .flatMap((block) =>
        block.commands
          .filter((command) => command.status === "unaccounted" || command.status === "unjudged")
          .map(
            (command): Annotation => ({
              level: "error",
              title: `not covered (openclaw ${coverage.openclaw})`,
              message: `${command.command} → ${coveredBy(command)} (scenarios/, scenarios/coverage/exclusions.yaml)`,
              at: place({ file: block.file, line: command.line }),
            }),
          ),
      );
    return [...drift, ...unaccounted];
  });
}

/**
 * A run's findings as annotations: each claim that fails the gate at the sentence it quotes (new
 * drift, a known drift that changed, an unexpected pass), and each scenario that judged nothing
 * because it hit doc drift or broke. Known drift is a notice: the gate passes, a reader still sees it.
 */
export function runAnnotations(report: RunReport, repoPath: (file: string) => string): Annotation[] {
  const placeOf = (source: string): DocPlace | undefined => {
    const match = /^(.+):(\d+)$/.exec(source);
    return match ? { file: repoPath(match[1]!), line: Number(match[2]) } : undefined;
  };
  return report.scenarios.flatMap((entry) => {
    const who = `${entry.id}${entry.egress ? ` [${entry.egress}]` : ""} on openclaw ${entry.openclaw}`;
    if (!entry.claims.length && (entry.status === "doc-drift" || entry.status === "broken")) {
      return [{ level: "error" as const, title: `${statusLabel(entry.status)}: ${who}`, message: entry.message }];
    }
    return entry.claims
      .filter((claim) => claim.status !== "conforms")
      .flatMap((claim): Annotation[] => {
        const at = placeOf(claim.source);
        const failure = claim.observed.filter((line) => line.startsWith("✗")).join("\n") || claim.observed.join("\n");
        const level = outcomeOf(claim.status) === "drift" ? "error" : "notice";
        const cause = causeLine(claim);
        const title = `${statusLabel(claim.status)}: ${who}, claim ${claim.id}`;
        const atSentence: Annotation = { level, title, message: `${cause ? `${cause}\n` : ""}"${claim.quote}"${claim.issue ? ` (${claim.issue})` : ""}\n${failure}`, ...(at ? { at } : {}) };
        // A pull request shows annotations near its changed lines: the failed command's own line too.
        const commandAt = claim.cause && placeOf(claim.cause.at);
        if (!commandAt || (at && commandAt.file === at.file && commandAt.line === at.line)) return [atSentence];
        return [{ level, title: `${title}: the command failed`, message: `${claim.cause!.command} → ${claim.cause!.ended}: ${causeSaid(claim.cause!)}\n(for "${claim.quote}", ${claim.source})`, at: commandAt }, atSentence];
      });
  });
}
