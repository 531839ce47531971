import type { CertificateAuthority } from "../../mocks/edge/certificate-authority.ts";
import { formatJournalEntry } from "../../mocks/edge/journal.ts";
import { type Egress, egressRoute } from "../../mocks/egress.ts";
import type { NpmMirror } from "../../mocks/npm-registry/snapshot.ts";
import type { UpstreamWorld } from "../../mocks/upstream-world.ts";
import type { Actor } from "../actors/actor.ts";
import { BrowserUser } from "../actors/browser-user.ts";
import { DeviceCodeUser } from "../actors/device-code-user.ts";
import { TerminalUser } from "../actors/terminal-user.ts";
import { fillPlaceholders } from "../docs/placeholders.ts";
import type { CommandResult } from "../sut/command-result.ts";
import type { MachineImage, SutImage } from "../sut/image.ts";
import type { ServeResult, SutContainer } from "../sut/sut-container.ts";
import { startStage } from "../sut/stage.ts";
import { BadInputError } from "../util/errors.ts";
import { progress } from "../util/progress.ts";
import { Captures } from "./captures.ts";
import { judgeScenario, pasteInto } from "./judge.ts";
import { describeDrift, notAPromiseMessage, type PlannedStep, planScenario, whereOf } from "./plan-step.ts";
import type { ScenarioResult, StepRecord, SubstitutionRecord } from "./records.ts";
import { watchStep } from "./observe-step.ts";
import { capturesUsedBy, type Expectation, type KnownDrift, type Scenario, type Substitution } from "./schema.ts";
import type { ScenarioStatus } from "./status.ts";
import { stepProgressLine } from "./step-progress.ts";

export interface RunContext {
  /** The version under test, installed: the image of scenarios that start with OpenClaw on the machine. */
  image: SutImage;
  /** Node and npm only: the image of scenarios that install OpenClaw first. */
  nodeOnlyImage: MachineImage;
  docsRoot: string;
  npmMirror: NpmMirror;
  knownDrift: KnownDrift;
  ca: CertificateAuthority;
  runId: string;
  /** The world refuses WebSocket upgrades (a client's SSE fallback under test); served by default. */
  webSockets?: "served" | "refused";
  /**
   * How long the scenario may take in all. A step gets what is left when that is less than its own
   * limit; when time runs out the steps after it are not run and the scenario is broken (a harness
   * limit, never drift), with every step that ran recorded.
   */
  budgetMs?: number;
}

/** Less than this left of the budget: the next step is not started at all. */
const LEAST_STEP_MS = 5_000;

/** The command as it will be typed: placeholders filled, captured values pasted. */
function commandToRun({ step, command, source }: PlannedStep, captures: Captures, env: Record<string, string>): string {
  return step.docs ? fillPlaceholders(command, whereOf(source), captures.pasteAll(step.docs.fill), env) : captures.paste(command);
}

const substitutionMs = (substitution?: SubstitutionRecord) =>
  substitution ? substitution.setup.reduce((sum, command) => sum + command.durationMs, substitution.serve.readyAfterMs) : 0;

const notRunResult = (command: string): CommandResult => ({ command, tty: false, exitCode: -1, stdout: "", stderr: "", durationMs: 0, timedOut: false });

/**
 * Runs one scenario under one of its egresses against a fresh SUT container and a fresh upstream world, then has
 * `judgeScenario` give the verdict. Doc drift and harness failures are results of their own,
 * never counted as drift.
 */
export async function runScenario(scenario: Scenario, egress: Egress, context: RunContext): Promise<ScenarioResult> {
  const started = performance.now();
  const { image } = context;
  const machineImage = scenario.machine === "node-only" ? context.nodeOnlyImage : image;
  const keys: Record<string, string> = {};
  const finish = (status: ScenarioStatus, message: string, rest: Pick<ScenarioResult, "steps" | "claims" | "journal"> = { steps: [], claims: [], journal: [] }): ScenarioResult => ({
    id: scenario.id, title: scenario.title, openclawVersion: image.openclawVersion, egress,
    image: { tag: machineImage.tag, id: machineImage.id, nodeVersion: machineImage.nodeVersion }, npmSnapshot: context.npmMirror.takenOn,
    status, message, ...rest, keys,
    durationMs: Math.round(performance.now() - started),
    commandsMs: rest.steps.reduce((sum, step) => sum + step.result.durationMs + substitutionMs(step.substitution), 0),
  });

  const plan = planScenario(scenario, context.docsRoot, image.openclawVersion, egress);
  if (plan.notPromises.length) throw new BadInputError(`${scenario.id} on openclaw ${image.openclawVersion}: ${plan.notPromises.map(notAPromiseMessage).join("; ")}`);
  if (plan.drift.length) return finish("doc-drift", describeDrift(plan.drift));

  const { profile, viaProxy } = egressRoute(egress);
  const stage = await startStage({ image: machineImage, profile, ca: context.ca, npmMirror: context.npmMirror, runId: context.runId, behindProxy: viaProxy, webSockets: context.webSockets });
  const steps: StepRecord[] = [];
  const captures = new Captures();
  const deadline = started + (context.budgetMs ?? Number.POSITIVE_INFINITY);
  let outOfTime: { at: string; notRun: string[] } | undefined;
  // The keys the person made on the providers' dashboards before following the docs.
  for (const kind of scenario.keys) {
    keys[kind] = stage.world.apiKeys.issue(kind);
    captures.give(kind, keys[kind]);
  }
  try {
    for (const [index, planned] of plan.steps.entries()) {
      const left = deadline - performance.now();
      const notRun = plan.steps.slice(index).map(({ step }) => step.id);
      if (left < LEAST_STEP_MS) {
        outOfTime = { at: `before step "${planned.step.id}"`, notRun };
        break;
      }
      const cut = left < planned.step.timeout;
      const asked = plan.claims.filter((claim) => claim.step === planned.step.id).map((claim) => pasteInto(claim.expect, captures));
      const record = await runStep({ ...planned, step: { ...planned.step, timeout: Math.min(planned.step.timeout, left) } }, captures, stage.world, stage.sut, asked);
      steps.push(record);
      progress(stepProgressLine({ scenario: scenario.id, openclaw: image.openclawVersion, egress }, record));
      if (cut && record.result.timedOut) {
        outOfTime = { at: `in step "${planned.step.id}", cut to the ${Math.round(left / 1000)} s left`, notRun: notRun.slice(1) };
        break;
      }
      // A stand-in that never got ready leaves nothing worth running the next steps against.
      if (record.substitution && !record.substitution.serve.ready) break;
    }
  } finally {
    await stage.close();
  }
  const { world } = stage;
  const judgement = judgeScenario({
    scenario: { ...scenario, claims: plan.claims }, openclawVersion: image.openclawVersion, egress, steps, captures, quotes: plan.quotes, knownDrift: context.knownDrift, faults: world.journal.faults(),
    ...(outOfTime && context.budgetMs !== undefined ? { outOfTime: { ...outOfTime, budgetMs: context.budgetMs } } : {}),
  });
  return finish(judgement.status, judgement.message, { steps, claims: judgement.claims, journal: world.journal.all().map(formatJournalEntry) });
}

/** One step: its command with the people who act on its terminal, then captures and substitution. */
async function runStep(planned: PlannedStep, captures: Captures, world: UpstreamWorld, sut: SutContainer, asked: Expectation[]): Promise<StepRecord> {
  const { step, source } = planned;
  const startedAt = Date.now();
  const needed = capturesUsedBy(step).filter((name) => !captures.has(name));
  if (needed.length) {
    return {
      id: step.id, source, result: notRunResult(planned.command), journal: [], actors: [], captured: {},
      notRun: `it needs ${needed.map((name) => `{{${name}}}`).join(", ")}, which no earlier step's output showed`,
    };
  }
  const env = captures.pasteAll(step.env);
  const command = commandToRun(planned, captures, env);
  const browser = { fetch: (request: Request) => world.actorFetch(request) };
  const actors: Actor[] = [
    ...(step.actor === "device-code-user" ? [new DeviceCodeUser(browser)] : []),
    ...(step.actor === "browser-user" ? [new BrowserUser(browser, sut)] : []),
    ...(step.answers ? [new TerminalUser(step.answers.map((answer) => ({ when: answer.when, send: captures.paste(answer.send) })))] : []),
  ];
  for (const file of planned.files) await sut.writeUserFile(file.path, file.text);
  const files = planned.files.map(({ text: _text, ...written }) => written);
  const mark = world.journal.mark;
  const finishWatch = await watchStep(sut, asked);
  const served = step.background ? await sut.serve(command, new RegExp(step.background.ready), step.timeout, env) : undefined;
  const result = served
    ? backgroundResult(served)
    : await sut.exec(command, {
        tty: step.tty || Boolean(step.answers),
        timeoutMs: step.timeout,
        ...(step.stopAfter ? { stopAfter: { output: new RegExp(step.stopAfter.output), graceMs: step.stopAfter.grace } } : {}),
        env,
        onOutput: (chunk, keyboard) => actors.forEach((actor) => actor.read(chunk, keyboard)),
      });
  actors.forEach((actor) => actor.end());
  if (step.startupFile && result.exitCode === 0) await sut.addToShellStartup(command);
  const outcomes = (await Promise.all(actors.map((actor) => actor.result()))).filter((outcome) => outcome !== undefined);
  const found = captures.take(`${result.stdout}\n${result.stderr}`, step.capture ?? {});
  // What the step shows is what the documented command did: the watch ends before any stand-in starts.
  const observed = await finishWatch();
  const substitution = step.substitute ? await substitute(step.substitute, sut, env) : undefined;
  const background = served && { ready: served.ready, evidence: served.evidence, readyAfterMs: served.readyAfterMs };
  return { id: step.id, source, startedAt, ...(files.length ? { files } : {}), ...(background ? { background } : {}), result, journal: world.journal.since(mark), actors: outcomes, captured: found, substitution, ...(observed ? { observed } : {}) };
}

/** A command left running: its output so far; no exit code yet (-1) while it runs. */
const backgroundResult = (served: ServeResult): CommandResult => ({
  command: served.command, tty: false, exitCode: -1, stdout: served.output, stderr: "", durationMs: served.readyAfterMs, timedOut: false,
});

/**
 * The environment adaptation, after the doc command has run and been recorded. It runs in the
 * person's shell (the step's env): a service started from there sees what they exported.
 */
async function substitute(substitution: Substitution, sut: SutContainer, env: Record<string, string>): Promise<SubstitutionRecord> {
  const stopped = substitution.stop ? await sut.stopServed() : undefined;
  const setup: CommandResult[] = [];
  for (const command of substitution.setup) setup.push(await sut.exec(command, { timeoutMs: substitution.timeout, env }));
  if (!substitution.serve) return { why: substitution.why, setup, serve: stopped! };
  const serve = await sut.serve(substitution.serve, new RegExp(substitution.ready!), substitution.timeout, env, { standIn: true });
  return { why: substitution.why, setup, ...(stopped && { stopped }), serve };
}
