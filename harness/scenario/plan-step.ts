import { DocDriftError, type DocPlace } from "../docs/doc-drift.ts";
import { findQuote, type QuoteLocation } from "../docs/find-quote.ts";
import { locateCommand, locateConfigExample } from "../docs/locate-command.ts";
import { fillPlaceholders } from "../docs/placeholders.ts";
import { chooseOptional } from "../docs/synopsis.ts";
import type { DocBlockRef, StepSource, WrittenFile } from "./records.ts";
import { HarnessError } from "../util/errors.ts";
import { claimForVersion, skipReason, stepForVersion } from "./for-version.ts";
import type { Claim, Scenario, Step } from "./schema.ts";

export interface PlannedStep {
  step: Step;
  /** The docs' command with `<name>` placeholders, or the explicit one (`{{name}}` not yet pasted). */
  command: string;
  source: StepSource;
  /** Config examples to write before the command, with their text. */
  files: (WrittenFile & { text: string })[];
}

/** What a scenario will run and check in one docs tree, and what of it the docs no longer hold. */
export interface PlannedScenario {
  steps: PlannedStep[];
  /** The claims as this version states them (its quote, page and expectation). */
  claims: Claim[];
  /** Where each claim's quote stands, by claim id. */
  quotes: Map<string, QuoteLocation>;
  /** Steps and claims whose locator or quote no longer resolves: doc drift. */
  drift: { kind: "step" | "claim"; id: string; message: string; at?: DocPlace }[];
  /** Steps and claims this version does not have, with the scenario's reason. */
  skipped: { kind: "step" | "claim"; id: string; why: string }[];
  /** Claims whose quote promises nothing (a heading, a title, a label): bad input, named by `notAPromiseMessage`. */
  notPromises: { claim: string; quote: string; at: QuoteLocation }[];
}

/** One line for a claim whose quote promises nothing: the claim, where the quote stands, and the fix. */
export const notAPromiseMessage = ({ claim, quote, at }: PlannedScenario["notPromises"][number]) =>
  `claim ${claim} quotes ${at.notAPromise} (${at.file}:${at.line}), which promises nothing: "${quote}"; quote the sentence under it that says what happens`;

const where = (block: { file: string; line: number }) => `${block.file}:${block.line}`;

/** Where a step's command comes from when the docs do not give it (an explicit `run:`). */
export const SCENARIO_OWN = "the scenario";
export const whereOf = (source: StepSource) => (source.kind === "docs" ? where(source) : SCENARIO_OWN);
/** A step's source as reports show it: its doc line, or why the scenario gives the command itself. */
export const sourceLabel = (source: StepSource) => (source.kind === "docs" ? where(source) : `explicit: ${source.why}`);

/**
 * Reads a step's command from the docs of this version (or takes the explicit one), and checks
 * that the scenario fills every placeholder the docs' command has, so a doc edit shows up before
 * any container starts. Throws DocDriftError when the docs no longer hold it.
 */
export function planStep(step: Step, docsRoot: string): PlannedStep {
  const files = (step.files ?? []).map(({ path, docs }) => ({ path, ...locateConfigExample(docsRoot, docs) }));
  if (!step.docs) return { step, command: step.run!, source: { kind: "explicit", why: step.why! }, files };
  const { block, moved, command, typed } = readBlock(step.docs, step, docsRoot);
  const also = (step.alsoIn ?? []).map((locator) => {
    const other = readBlock(locator, step, docsRoot);
    if (other.typed !== typed) {
      throw new DocDriftError(`${where(other.block)} (alsoIn) gives another command than the step's ${where(block)}: ${JSON.stringify(typed)}`, [other.typed], other.block);
    }
    return other.block;
  });
  const source: StepSource = { kind: "docs", ...block, ...(moved ? { moved } : {}), ...(also.length ? { also } : {}) };
  return { step, command, source, files };
}

/**
 * One docs block's command for a step: as located (the optional parts a person types chosen),
 * and as typed once its placeholders are filled (so two pages' blocks compare as the person
 * would type them). Checks that the step fills every placeholder the command has.
 */
function readBlock(locator: NonNullable<Step["docs"]>, step: Step, docsRoot: string) {
  const located = locateCommand(docsRoot, locator);
  const block: DocBlockRef = { file: located.file, line: located.line, ...(located.lines.length > 1 ? { lines: located.lines } : {}) };
  const atBlock = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      throw error instanceof DocDriftError ? error.placedAt({ file: block.file, line: block.line }) : error;
    }
  };
  const command = atBlock(() => chooseOptional(located.command, where(block), locator.optional));
  const typed = atBlock(() => fillPlaceholders(command, where(block), locator.fill ?? {}, step.env ?? {}));
  return { block, moved: located.moved, command, typed };
}

/** Collects doc drift instead of stopping at the first, so every problem is named at once. */
function orDrift<T>(kind: "step" | "claim", id: string, drift: PlannedScenario["drift"], resolve: () => T): T | undefined {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof DocDriftError)) throw error;
    drift.push({ kind, id, message: error.message, ...(error.at ? { at: error.at } : {}) });
    return undefined;
  }
}

/**
 * Every step and claim of a scenario against one version's docs tree, under one of its egresses. The runner and `explain`
 * both plan here.
 */
export function planScenario(scenario: Scenario, docsRoot: string, version: string, egress: string): PlannedScenario {
  const drift: PlannedScenario["drift"] = [];
  // The person's shell keeps what the docs exported: every step starts with the scenario's env.
  const versionSteps = scenario.steps.flatMap((step) => stepForVersion(step, version) ?? []).map((step) => (scenario.env ? { ...step, env: { ...scenario.env, ...step.env } } : step));
  const steps = versionSteps.flatMap((step) => orDrift("step", step.id, drift, () => planStep(step, docsRoot)) ?? []);
  const claims = scenario.claims.flatMap((claim) => claimForVersion(claim, version, egress) ?? []);
  const orphan = claims.find((claim) => !versionSteps.some((step) => step.id === claim.step));
  if (orphan) throw new HarnessError(`${scenario.id}: on openclaw ${version} claim "${orphan.id}" judges step "${orphan.step}", which that version skips; give the claim a variant for it (skip: or another step)`);
  const quotes = new Map<string, QuoteLocation>();
  for (const claim of claims) {
    const found = orDrift("claim", claim.id, drift, () => findQuote(docsRoot, claim.page, claim.quote));
    if (found) quotes.set(claim.id, found);
  }
  const skipped = [
    ...scenario.steps.filter((step) => !versionSteps.some((kept) => kept.id === step.id)).map((step) => ({ kind: "step" as const, id: step.id, why: skipReason(step.versions, version) })),
    ...scenario.claims.filter((claim) => !claims.some((kept) => kept.id === claim.id)).map((claim) => ({ kind: "claim" as const, id: claim.id, why: skipReason(claim.versions, version, egress) })),
  ];
  const notPromises = claims.flatMap((claim) => {
    const at = quotes.get(claim.id);
    return at?.notAPromise ? [{ claim: claim.id, quote: claim.quote, at }] : [];
  });
  return { steps, claims, quotes, drift, skipped, notPromises };
}

/** Doc drift of a plan as one message, each problem named by the step or claim it is in. */
export const describeDrift = (drift: PlannedScenario["drift"]) => drift.map((one) => `${one.kind} ${one.id}: ${one.message}`).join("; ");
