import { countByStatus, outcomeOf } from "../../harness/scenario/status.ts";
import { describeTarget } from "../../harness/target/openclaw-target.ts";
import { causeSaid, firstFailure } from "./claim-evidence.ts";
import { cell, issueLink, mark, rowNamer, table, versionsOf } from "./markdown-table.ts";
import { describeEditedDocs } from "../../harness/docs/edited-docs.ts";
import { rerunCommand } from "./rerun.ts";
import { basesOf, type RunReport } from "./run-report.ts";


/** What a reader looks at first: the failed command and the line it said, else the first failure seen. */
const firstOf = (claim: RunReport["scenarios"][number]["claims"][number]) =>
  claim.cause ? `${claim.cause.earlier ? `step ${claim.cause.step} failed first: ` : ""}\`${claim.cause.at}\` ${claim.cause.ended}: ${causeSaid(claim.cause)}` : (firstFailure(claim.observed) ?? "");

/**
 * A run for the people reading a pull request or an issue: a scenario × version matrix, then each
 * claim that does not plainly conform (its version, doc line, issue and first failure), then the
 * harness's own errors. Built from run.json, whose credentials are already redacted.
 */
export function formatRunMarkdown(report: RunReport): string {
  const versions = versionsOf(report);
  // A scenario run under several egresses has a row per egress.
  const rowOf = rowNamer(report);
  const rows = [...new Set(report.scenarios.map(rowOf))].map((row) => [
    row,
    ...versions.map((version) => {
      const entry = report.scenarios.find((one) => rowOf(one) === row && one.openclaw === version);
      return entry ? mark(entry.status) : "";
    }),
  ]);

  const registry = report.run.npmSnapshot ? ` · npm as of ${report.run.npmSnapshot}` : "";
  const lines = [
    `## OpenClaw conformance: ${countByStatus(report.scenarios.map((entry) => entry.status)) || "nothing run"}`,
    "",
    `${report.run.versions.map(({ target }) => describeTarget(target)).join(" · ")}${registry}${basesOf(report).map((base) => ` · base image ${base}`).join("")}`,
    ...report.run.versions.flatMap(({ target, docs }) => (docs ? ["", `**Edited docs**, read as ${target.version}: ${describeEditedDocs(docs)}`] : [])),
    "",
    table(["scenario", ...versions], rows),
  ];

  const claims = report.scenarios.flatMap((entry) =>
    entry.claims
      .filter((claim) => claim.status !== "conforms")
      .map((claim) => [entry.openclaw, rowOf(entry), claim.id, mark(claim.status), `\`${claim.source}\``, issueLink(claim.issue), claim.status === "known-drift" ? "" : firstOf(claim)]),
  );
  // Doc drift and a broken scenario judge no claim: their message is the story.
  const unjudged = report.scenarios
    .filter((entry) => !entry.claims.length && entry.status !== "conforms" && entry.status !== "skipped")
    .map((entry) => [entry.openclaw, rowOf(entry), "", mark(entry.status), "", "", entry.message.slice(0, 300)]);
  if (claims.length || unjudged.length) {
    lines.push("", "### Claims that do not plainly conform", "", table(["version", "scenario", "claim", "status", "docs", "issue", "first failure"], [...claims, ...unjudged]));
  }
  // Findings fail nothing: collapsed, so they never crowd out what does.
  for (const { findings = [], ...entry } of report.scenarios) {
    if (findings.length) lines.push("", `<details><summary>${rowOf(entry)} on ${entry.openclaw}: ${findings.length} findings (they fail nothing)</summary>`, "", ...findings.map((finding) => `- ${cell(finding)}`), "", "</details>");
  }
  if (report.run.harnessErrors.length) {
    lines.push("", "### Harness errors (the run is broken, not drift)", "", ...report.run.harnessErrors.map((error) => `- ${error.source}: ${cell(error.message)}`));
  }
  const failing = report.scenarios.some((entry) => outcomeOf(entry.status) !== "ok" && outcomeOf(entry.status) !== "skipped") || report.run.harnessErrors.length > 0;
  lines.push("", failing ? `Re-run: \`${rerunCommand(report.run)}\` (\`--scenario <id>\` for one)` : "Every result is as expected.");
  return lines.join("\n");
}
