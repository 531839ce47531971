import { outcomeOf } from "../../harness/scenario/status.ts";
import { describeTarget } from "../../harness/target/openclaw-target.ts";
import { commandLine, stepsUpTo, verdictLabel } from "./claim-evidence.ts";
import { describeEditedDocs } from "../../harness/docs/edited-docs.ts";
import { rowNamer } from "./markdown-table.ts";
import { rerunCommand } from "./rerun.ts";
import type { RunReport } from "./run-report.ts";

/** A fenced block that no line of its text can close. */
function fenced(language: string, lines: readonly string[]): string {
  const longest = Math.max(2, ...lines.map((line) => /`+/g.exec(line)?.[0].length ?? 0));
  const fence = "`".repeat(longest + 1);
  return [`${fence}${language}`, ...lines, fence].join("\n");
}

/**
 * `repro <issue> --markdown`: a comment to paste into the upstream issue. Per scenario linked to
 * it, on each version: each claim that does not plainly conform with the docs' sentence, the
 * commands as typed, what was observed and the journal lines, then the conforming claims in one
 * line and the command that re-runs it. Built from run.json, whose credentials are redacted.
 */
export function formatReproMarkdown(report: RunReport, issue: string, ids: string[]): string {
  const rowOf = rowNamer(report);
  const registry = report.run.npmSnapshot ? `, npm as of ${report.run.npmSnapshot}` : "";
  const lines = [
    `### Reproduced with openclaw-conformance: issue ${issue}`,
    "",
    `${report.run.versions.map(({ target, image }) => `${describeTarget(target)}${image ? ` (image \`${image.tag}\`)` : ""}`).join(" · ")}${registry}; the docs' commands run verbatim, in a container that reaches only mocks.`,
    ...report.run.versions.flatMap(({ target, docs }) => (docs ? ["", `Edited docs, read as ${target.version}: ${describeEditedDocs(docs)}`] : [])),
  ];
  for (const scenario of report.scenarios.filter((entry) => ids.includes(entry.id))) {
    lines.push("", `#### \`${rowOf(scenario)}\` on ${scenario.openclaw}: ${scenario.status}`);
    if (!scenario.claims.length || outcomeOf(scenario.status) === "broken") lines.push("", scenario.message);
    for (const claim of scenario.claims.filter((one) => one.status !== "conforms")) {
      lines.push(
        "",
        `**${claim.id}**: ${verdictLabel(claim)}`,
        "",
        `> ${claim.quote.replace(/\n/g, " ")}`,
        ">",
        `> — \`${claim.source}\``,
        "",
        fenced("console", stepsUpTo(scenario, claim).map(commandLine)),
        "",
        ...claim.observed.map((line) => `- ${line}`),
      );
      if (claim.evidence.length) lines.push("", `<details><summary>journal (${claim.evidence.length} lines)</summary>`, "", fenced("text", claim.evidence), "", "</details>");
    }
    const held = scenario.claims.filter((one) => one.status === "conforms").map((one) => `\`${one.id}\``);
    if (held.length) lines.push("", `Conforms: ${held.join(", ")}.`);
    lines.push("", `Re-run: \`${rerunCommand(report.run, { ...scenario, severalEgresses: rowOf(scenario) !== scenario.id })}\``);
  }
  return lines.join("\n");
}
