import semver from "semver";
import type { DocPlace } from "../docs/doc-drift.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import { yamlLine, shownPath } from "../scenario/load-yaml.ts";
import { notAPromiseMessage, planScenario } from "../scenario/plan-step.ts";
import { isExitOnly } from "../scenario/schema.ts";
import type { QuotedClaim } from "./promises.ts";

/** A doc command a scenario step runs on one version, and the claims that judge that step. */
export interface DocCommandRun {
  file: string;
  /** The lines of the doc commands the step runs (every command of a block it runs whole). */
  lines: number[];
  scenario: string;
  step: string;
  /** Claim ids judging the step, under any of the scenario's egresses; empty when none does. */
  judgedBy: string[];
  /** The command cannot do its job here: a stand-in of the harness does it after (`substitute:`). */
  substituted: boolean;
}

/** Doc drift a scenario meets on this version's docs: its locators or quotes no longer resolve. */
export interface PlanDrift {
  scenario: string;
  kind: "step" | "claim";
  id: string;
  message: string;
  /** Where the docs change stands, for an annotation on the pull request. */
  at?: DocPlace;
}

/**
 * Plans every scenario that applies to a version against its docs (under each of its egresses,
 * since claims may differ by egress), starting nothing: which doc commands run, which claims
 * judge them, and what no longer resolves.
 */
export function planRuns(scenarios: LoadedScenario[], docsRoot: string, version: string): { runs: DocCommandRun[]; drift: PlanDrift[]; notPromises: string[]; exitOnly: Record<string, string[]>; quoted: QuotedClaim[] } {
  const runs = new Map<string, DocCommandRun>();
  const quoted = new Map<string, QuotedClaim>();
  const drift = new Map<string, PlanDrift>();
  const notPromises = new Set<string>();
  const exitOnly: Record<string, string[]> = {};
  for (const { scenario, file } of scenarios) {
    if (!semver.satisfies(version, scenario.openclaw, { includePrerelease: true })) continue;
    for (const egress of scenario.egress) {
      const plan = planScenario(scenario, docsRoot, version, egress);
      for (const one of plan.drift) drift.set(`${scenario.id}/${one.kind}/${one.id}`, { scenario: scenario.id, ...one });
      const exitOnlyHere = plan.claims.filter((claim) => isExitOnly(claim.expect)).map((claim) => claim.id);
      if (exitOnlyHere.length) exitOnly[scenario.id] = [...new Set([...(exitOnly[scenario.id] ?? []), ...exitOnlyHere])];
      for (const claim of plan.claims) {
        const at = plan.quotes.get(claim.id);
        if (at && !at.notAPromise) quoted.set(`${scenario.id}/${claim.id}`, { scenario: scenario.id, claim: claim.id, file: at.file, line: at.line, quote: claim.quote });
      }
      for (const one of plan.notPromises) {
        const at = yamlLine(file, ["claims", scenario.claims.findIndex((claim) => claim.id === one.claim), "quote"]);
        notPromises.add(`${shownPath(file)}:${at}: ${notAPromiseMessage(one)}`);
      }
      for (const { step, source } of plan.steps) {
        if (source.kind !== "docs") continue;
        const judging = plan.claims.filter((claim) => claim.step === step.id).map((claim) => claim.id);
        // The step runs its block's command, and with it every other page's block that gives it.
        for (const block of [source, ...(source.also ?? [])]) {
          const key = `${scenario.id}/${step.id}/${block.file}:${block.line}`;
          const run = runs.get(key) ?? { file: block.file, lines: block.lines ?? [block.line], scenario: scenario.id, step: step.id, judgedBy: [], substituted: Boolean(step.substitute) };
          runs.set(key, { ...run, judgedBy: [...new Set([...run.judgedBy, ...judging])] });
        }
      }
    }
  }
  return { runs: [...runs.values()], drift: [...drift.values()], notPromises: [...notPromises], exitOnly, quoted: [...quoted.values()] };
}
