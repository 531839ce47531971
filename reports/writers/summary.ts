import { countByStatus, outcomeOf, statusSymbol } from "../../harness/scenario/status.ts";
import { describeBase } from "../../harness/sut/image.ts";
import { describeTarget } from "../../harness/target/openclaw-target.ts";
import { describeEditedDocs } from "../../harness/docs/edited-docs.ts";
import { causeLine } from "./claim-evidence.ts";
import { rerunCommand } from "./rerun.ts";
import type { RunReport } from "./run-report.ts";

/** More claims than this in one result: the summary lists only those that do not conform. */
const MANY_CLAIMS = 40;

/** The terminal summary of a run: one line per scenario, its claims, and the totals. */
export function formatSummary(report: RunReport): string {
  const registry = report.run.npmSnapshot ? `, npm as of ${report.run.npmSnapshot}` : "";
  const lines: string[] = [];
  for (const { target, image, docs } of report.run.versions) {
    const base = image?.base ? `, base ${describeBase(image.base)}` : "";
    lines.push(`${describeTarget(target)} (image ${image?.tag ?? "?"}${base}${registry})`);
    // An edited docs tree is what the scenarios followed: its drift may be the edit's, not the release's.
    if (docs) lines.push(`  ${describeEditedDocs(docs)}`);
  }
  const several = new Set(report.scenarios.map((scenario) => scenario.openclaw)).size > 1;
  const egresses = (id: string) => new Set(report.scenarios.filter((scenario) => scenario.id === id).map((scenario) => scenario.egress)).size;
  for (const scenario of report.scenarios) {
    const timing = scenario.commandsMs !== undefined ? ` ${(scenario.durationMs / 1000).toFixed(1)} s (OpenClaw commands ${(scenario.commandsMs / 1000).toFixed(1)} s)` : "";
    const egress = egresses(scenario.id) > 1 ? ` [${scenario.egress}]` : "";
    lines.push(`${statusSymbol(scenario.status)} ${scenario.id}${egress}${several ? ` on ${scenario.openclaw}` : ""}: ${scenario.status}${timing}`);
    // Where the claims do not tell the story (skipped, doc drift, broken), the message does.
    if (!scenario.claims.length || outcomeOf(scenario.status) === "broken") lines.push(`    ${scenario.message}`);
    // What the run did differently from a reader's terminal, so nobody mistakes it for the docs.
    for (const step of scenario.steps) {
      if (step.movedFrom) lines.push(`    ↪ ${step.id}: the docs moved; followed the anchor stub at ${step.movedFrom} to ${step.source}`);
      if (step.substitution) {
        const { serve, ready, readyAfterMs } = step.substitution;
        lines.push(`    ↺ ${step.id}: the doc command ran, then "${serve}" stood in for it (${ready ? `ready after ${(readyAfterMs / 1000).toFixed(1)} s` : "never ready"})`);
      }
      if (step.notRun) lines.push(`    ⊘ ${step.id}: not run: ${step.notRun}`);
    }
    // A generated suite holds hundreds of claims: past a screenful, only those that do not conform are listed.
    const many = scenario.claims.length > MANY_CLAIMS;
    for (const claim of scenario.claims) {
      if (many && claim.status === "conforms") continue;
      lines.push(`    ${statusSymbol(claim.status)} ${claim.id}: ${claim.status}${claim.issue ? ` (${claim.issue})` : ""}`);
      if (claim.status === "conforms") continue;
      const cause = causeLine(claim);
      if (cause) lines.push(`        ${cause}`);
      for (const observed of claim.observed) lines.push(`        ${observed}`);
    }
    const conforming = scenario.claims.filter((claim) => claim.status === "conforms").length;
    if (many && conforming) lines.push(`    ${statusSymbol("conforms")} ${conforming} more claims conform (all in run.json and the HTML report)`);
    if (scenario.findings?.length) lines.push(`    ⓘ ${scenario.findings.length} findings that fail nothing (options no page names, names that are no config path): in run.json and the Markdown report`);
  }
  for (const error of report.run.harnessErrors) lines.push(`✗ harness error in ${error.source}: ${error.message}`);
  lines.push(`${report.scenarios.length} scenarios: ${countByStatus(report.scenarios.map((scenario) => scenario.status)) || "none"}`);
  if (report.scenarios.some((scenario) => !["ok", "skipped"].includes(outcomeOf(scenario.status)))) lines.push(`re-run: ${rerunCommand(report.run)} (--scenario <id> for one)`);
  return lines.join("\n");
}
