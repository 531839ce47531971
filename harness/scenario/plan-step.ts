import { locateCommand } from "../docs/locate-command.ts";
import { fillPlaceholders } from "../docs/placeholders.ts";
import type { StepSource } from "./records.ts";
import type { Step } from "./schema.ts";

export interface PlannedStep {
  step: Step;
  /** The docs' command with `<name>` placeholders, or the explicit one (`{{name}}` not yet pasted). */
  command: string;
  source: StepSource;
}

export const whereOf = (source: StepSource) => (source.kind === "docs" ? `${source.file}:${source.line}` : "the scenario");

/**
 * Reads a step's command from the docs of this version (or takes the explicit one), and checks
 * that the scenario fills every placeholder the docs' command has, so a doc edit shows up before
 * any container starts. Throws DocDriftError when the docs no longer hold it. Used by the runner
 * and by `explain`.
 */
export function planStep(step: Step, docsRoot: string): PlannedStep {
  if (!step.docs) return { step, command: step.run!, source: { kind: "explicit", why: step.why! } };
  const located = locateCommand(docsRoot, step.docs);
  const source: StepSource = { kind: "docs", file: located.file, line: located.line, ...(located.moved ? { moved: located.moved } : {}) };
  fillPlaceholders(located.command, whereOf(source), step.docs.fill ?? {}, step.env ?? {});
  return { step, command: located.command, source };
}
