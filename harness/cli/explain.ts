import semver from "semver";
import { findKnownDrift } from "../scenario/known-drift.ts";
import { loadKnownDrift, loadScenarios } from "../scenario/load-scenarios.ts";
import { type PlannedScenario, planScenario, whereOf } from "../scenario/plan-step.ts";
import type { Expectation, KnownDrift, Scenario, Step } from "../scenario/schema.ts";
import { BadInputError, ExitCode, type ExitCodeValue } from "../util/errors.ts";
import { closeTo } from "../util/nearest.ts";

/** A scenario by id, or one clear line: the id it most likely meant, else the ids there are. */
export function findScenario(id: string): Scenario {
  const all = loadScenarios();
  const found = all.find(({ scenario }) => scenario.id === id);
  if (!found) {
    const ids = all.map(({ scenario }) => scenario.id);
    const guess = closeTo(id, ids);
    throw new BadInputError(`no scenario "${id}"${guess ? ` (did you mean "${guess}"?)` : ` (scenarios: ${ids.join(", ")})`}`);
  }
  return found.scenario;
}

function describeExpectation(expect: Expectation): string {
  const parts = [
    expect.exitCode !== undefined && `exit code ${expect.exitCode}`,
    expect.outputIncludes !== undefined && `output includes "${expect.outputIncludes}"`,
    expect.outputExcludes !== undefined && `output has no "${expect.outputExcludes}"`,
    expect.json && `${expect.json.path} = ${JSON.stringify(expect.json.equals)}`,
    expect.journal &&
      `journal: ${expect.journal.host}${expect.journal.path ?? ""}${expect.journal.clientClass ? ` from a ${expect.journal.clientClass} client` : ""}${expect.journal.status ? ` answered ${expect.journal.status}` : ""}`,
    expect.actorApproved !== undefined && (expect.actorApproved ? "the person gets through" : "the person does not get through"),
    expect.file &&
      (expect.file.exists
        ? `file ${expect.file.path}${expect.file.mode ? ` with mode ${expect.file.mode}` : ""}${expect.file.json ? ` where ${expect.file.json.path} = ${JSON.stringify(expect.file.json.equals)}` : ""}${expect.file.absent ? ` without ${expect.file.absent.join(", ")}` : ""}${expect.file.includes ? ` holding "${expect.file.includes}"` : ""}${expect.file.excludes ? ` not holding "${expect.file.excludes}"` : ""}`
        : `no file ${expect.file.path}`),
    expect.written &&
      [expect.written.under && `files written under ${expect.written.under}`, expect.written.notUnder.length && `none under ${expect.written.notUnder.join(", ")}${expect.written.except.length ? ` (but ${expect.written.except.join(", ")})` : ""}`].filter(Boolean).join(", "),
    expect.process && `${expect.process.seen ? "a" : "no"} process /${expect.process.matches}/ while it runs`,
    expect.log && `${expect.log.seen ? "an" : "no"} OpenClaw log line /${expect.log.matches}/ while it runs`,
  ];
  return parts.filter(Boolean).join("; ");
}

function describeStep(step: Step, plan: PlannedScenario): string[] {
  // This version's form of the step (its prompts, time limit), where it has one.
  const own = plan.steps.find((candidate) => candidate.step.id === step.id)?.step ?? step;
  const extras = [
    step.actor && `actor: ${step.actor}`,
    own.answers && `the terminal user answers ${own.answers.length} prompt(s)`,
    step.capture && `captures ${Object.keys(step.capture).map((name) => `{{${name}}}`).join(", ")}`,
    step.env && `env: ${Object.keys(step.env).join(", ")}`,
  ].filter(Boolean);
  const tail = [
    ...(extras.length ? [`     ${extras.join(" · ")}`] : []),
    ...(step.substitute ? [`     then, standing in for it: ${[...(step.substitute.stop ? ["stop the stand-ins"] : []), ...step.substitute.setup, ...(step.substitute.serve ? [`${step.substitute.serve} (until /${step.substitute.ready}/)`] : [])].join(" → ")}`, `       why: ${step.substitute.why.trim()}`] : []),
  ];
  const skipped = plan.skipped.find((one) => one.kind === "step" && one.id === step.id);
  if (skipped) return [`  ${step.id}  not on this version: ${skipped.why}`];
  const planned = plan.steps.find((candidate) => candidate.step.id === step.id);
  if (!planned) {
    const drift = plan.drift.find((one) => one.kind === "step" && one.id === step.id);
    return [`  ${step.id}  § doc drift: ${drift?.message}`, ...tail];
  }
  if (!planned.step.docs) return [`  ${step.id}  explicit: ${planned.step.why}`, `     $ ${planned.step.run}`, ...tail];
  const { command, source } = planned;
  const moved = source.kind === "docs" && source.moved ? [`     the docs moved: followed the anchor stub at ${source.moved.stub}`] : [];
  const also = source.kind === "docs" ? (source.also ?? []).map((block) => `     the same command at ${block.file}:${block.line}`) : [];
  const files = planned.files.map((file) => `     writes ${file.path}: the config example at ${file.file}:${file.line}`);
  return [`  ${step.id}  ${whereOf(source)}`, ...files, `     $ ${command}`, ...also, ...moved, ...tail];
}

/**
 * `explain <scenario>`: the doc steps it will run and the claims it will check, with file:line,
 * in the docs of the chosen version, under each of its egresses (or those given). Nothing is
 * started. Exit 1 when the docs no longer resolve.
 */
export function explain(scenario: Scenario, openclaw: string, docsRoot: string, egresses?: string[]): ExitCodeValue {
  const knownDrift = loadKnownDrift();
  const drifted = scenario.egress.filter((egress) => !egresses || egresses.includes(egress)).map((egress) => explainUnder(scenario, egress, openclaw, docsRoot, knownDrift));
  return drifted.some(Boolean) ? ExitCode.drift : ExitCode.asExpected;
}

/** One egress of the scenario; true when its docs no longer resolve. */
function explainUnder(scenario: Scenario, egress: string, openclaw: string, docsRoot: string, knownDrift: KnownDrift): boolean {
  const applies = semver.satisfies(openclaw, scenario.openclaw);
  const out = [
    `${scenario.id}${scenario.egress.length > 1 ? ` [${egress}]` : ""}: ${scenario.title}`,
    `  openclaw ${scenario.openclaw} (${openclaw}: ${applies ? "applies" : "does not apply; a run would skip it"}) · egress ${egress} · tags ${scenario.tags.join(", ") || "-"}`,
    `  docs: ${docsRoot}`,
    "steps:",
  ];
  const plan = planScenario(scenario, docsRoot, openclaw, egress);
  for (const step of scenario.steps) out.push(...describeStep(step, plan));
  out.push("claims:");
  for (const skipped of plan.skipped.filter((one) => one.kind === "claim")) out.push(`  ${skipped.id}  not on this version: ${skipped.why}`);
  for (const claim of plan.claims) {
    const found = plan.quotes.get(claim.id);
    const where = found
      ? `${found.file}:${found.line}${found.movedFrom ? ` (moved: followed the anchor stub at ${found.movedFrom})` : ""}`
      : `§ doc drift: ${plan.drift.find((one) => one.kind === "claim" && one.id === claim.id)?.message}`;
    const known = findKnownDrift(knownDrift, scenario.id, claim.id, openclaw, egress);
    out.push(`  ${claim.id}  (step ${claim.step})`, `     "${claim.quote}"  ${where}`, `     expects: ${describeExpectation(claim.expect)}`);
    if (known) out.push(`     known drift on ${openclaw}: ${known.issue}`);
  }
  console.log(out.join("\n"));
  return plan.drift.length > 0;
}
