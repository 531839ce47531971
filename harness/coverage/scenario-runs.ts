import semver from "semver";
import type { DocPlace } from "../docs/doc-drift.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import { planScenario } from "../scenario/plan-step.ts";

/** A doc command a scenario step runs on one version, and the claims that judge that step. */
export interface DocCommandRun {
  file: string;
  /** The lines of the doc commands the step runs (every command of a block it runs whole). */
  lines: number[];
  scenario: string;
  step: string;
  /** Claim ids judging the step, under any of the scenario's egresses; empty when none does. */
  judgedBy: string[];
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
export function planRuns(scenarios: LoadedScenario[], docsRoot: string, version: string): { runs: DocCommandRun[]; drift: PlanDrift[] } {
  const runs = new Map<string, DocCommandRun>();
  const drift = new Map<string, PlanDrift>();
  for (const { scenario } of scenarios) {
    if (!semver.satisfies(version, scenario.openclaw, { includePrerelease: true })) continue;
    for (const egress of scenario.egress) {
      const plan = planScenario(scenario, docsRoot, version, egress);
      for (const one of plan.drift) drift.set(`${scenario.id}/${one.kind}/${one.id}`, { scenario: scenario.id, ...one });
      for (const { step, source } of plan.steps) {
        if (source.kind !== "docs") continue;
        const judging = plan.claims.filter((claim) => claim.step === step.id).map((claim) => claim.id);
        // The step runs its block's command, and with it every other page's block that gives it.
        for (const block of [source, ...(source.also ?? [])]) {
          const key = `${scenario.id}/${step.id}/${block.file}:${block.line}`;
          const run = runs.get(key) ?? { file: block.file, lines: block.lines ?? [block.line], scenario: scenario.id, step: step.id, judgedBy: [] };
          runs.set(key, { ...run, judgedBy: [...new Set([...run.judgedBy, ...judging])] });
        }
      }
    }
  }
  return { runs: [...runs.values()], drift: [...drift.values()] };
}
