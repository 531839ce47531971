import { dir } from "tmp-promise";
import { UpstreamWorld } from "../../mocks/upstream-world.ts";
import type { CertificateAuthority } from "../../mocks/edge/certificate-authority.ts";
import { behindProxyEnv } from "../../mocks/edge/connect-proxy.ts";
import { formatJournalEntry } from "../../mocks/edge/journal.ts";
import type { NpmMirror } from "../../mocks/npm-registry/snapshot.ts";
import type { Actor } from "../actors/actor.ts";
import { BrowserUser } from "../actors/browser-user.ts";
import { DeviceCodeUser } from "../actors/device-code-user.ts";
import { TerminalUser } from "../actors/terminal-user.ts";
import { DocDriftError } from "../docs/doc-drift.ts";
import { findQuote, type QuoteLocation } from "../docs/find-quote.ts";
import { fillPlaceholders } from "../docs/placeholders.ts";
import type { CommandResult } from "../sut/command-result.ts";
import { SutContainer } from "../sut/sut-container.ts";
import { RUN_DIR_PREFIX } from "../sut/sweep.ts";
import type { SutImage } from "../sut/sut-image.ts";
import { evaluateClaim } from "./evaluate-claim.ts";
import { claimStatus, findKnownDrift } from "./known-drift.ts";
import { Captures } from "./captures.ts";
import { type PlannedStep, planStep, whereOf } from "./plan-step.ts";
import type { ClaimRecord, ScenarioStatus, StepRecord, SubstitutionRecord } from "./records.ts";
import { capturesUsedBy, type Expectation, type KnownDrift, type Scenario, type Substitution } from "./schema.ts";

export interface RunContext {
  image: SutImage;
  docsRoot: string;
  npmMirror: NpmMirror;
  knownDrift: KnownDrift;
  ca: CertificateAuthority;
  runId: string;
}

export interface ScenarioResult {
  id: string;
  title: string;
  openclawVersion: string;
  image: { tag: string; id: string; nodeVersion: string };
  /** The day of the npm snapshot the mock registry served. */
  npmSnapshot: string;
  egress: string;
  status: ScenarioStatus;
  message: string;
  steps: StepRecord[];
  claims: ClaimRecord[];
  durationMs: number;
  /** Time spent inside OpenClaw commands, the rest being container and harness overhead. */
  commandsMs: number;
  journal: string[];
}

/** The command as it will be typed: placeholders filled, captured values pasted. */
function commandToRun({ step, command, source }: PlannedStep, captures: Captures, env: Record<string, string>): string {
  return step.docs ? fillPlaceholders(command, whereOf(source), captures.pasteAll(step.docs.fill), env) : captures.paste(command);
}

const substitutionMs = (substitution?: SubstitutionRecord) =>
  substitution ? substitution.setup.reduce((sum, command) => sum + command.durationMs, substitution.serve.readyAfterMs) : 0;

const notRunResult = (command: string): CommandResult => ({ command, tty: false, exitCode: -1, stdout: "", stderr: "", durationMs: 0, timedOut: false });

const worst: ScenarioStatus[] = ["broken", "doc-drift", "new-drift", "unexpected-pass", "known-drift", "conforms"];

/**
 * Runs one scenario against a fresh SUT container and a fresh upstream world, then judges each
 * claim. Doc drift and harness failures are results of their own, never counted as drift.
 */
export async function runScenario(scenario: Scenario, context: RunContext): Promise<ScenarioResult> {
  const started = performance.now();
  const { image } = context;
  const base = {
    id: scenario.id, title: scenario.title, openclawVersion: image.openclawVersion, egress: scenario.egress,
    image: { tag: image.tag, id: image.id, nodeVersion: image.nodeVersion }, npmSnapshot: context.npmMirror.takenOn,
  };
  const finish = (status: ScenarioStatus, message: string, steps: StepRecord[] = [], claims: ClaimRecord[] = [], journal: string[] = []): ScenarioResult => ({
    ...base, status, message, steps, claims, journal,
    durationMs: Math.round(performance.now() - started),
    commandsMs: steps.reduce((sum, step) => sum + step.result.durationMs + substitutionMs(step.substitution), 0),
  });

  let plan: PlannedStep[];
  let quotes: Map<string, QuoteLocation>;
  try {
    plan = scenario.steps.map((step) => planStep(step, context.docsRoot));
    quotes = new Map(scenario.claims.map((claim) => [claim.id, findQuote(context.docsRoot, claim.page, claim.quote)]));
  } catch (error) {
    if (error instanceof DocDriftError) return finish("doc-drift", error.message);
    throw error;
  }

  const socketDir = await dir({ prefix: `${RUN_DIR_PREFIX}${process.pid}-`, unsafeCleanup: true });
  let world: UpstreamWorld | undefined;
  let sut: SutContainer | undefined;
  try {
    world = await UpstreamWorld.start({ socketDir: socketDir.path, profile: scenario.egress, ca: context.ca, npmMirror: context.npmMirror });
    sut = await SutContainer.start({
      image: context.image, socketDir: socketDir.path, caPem: context.ca.certPem, upstreams: world.upstreams, runId: context.runId,
      userEnv: scenario.proxy === "http" ? behindProxyEnv() : {},
    });
    const steps: StepRecord[] = [];
    const captures = new Captures();
    const journalLines = () => world!.journal.all().map(formatJournalEntry);
    for (const planned of plan) {
      const record = await runStep(planned, captures, world, sut);
      steps.push(record);
      if (record.substitution && !record.substitution.serve.ready) {
        const message = `broken: the substitution in step "${record.id}" (${record.substitution.serve.command}) never got ready: ${record.substitution.serve.evidence}`;
        return finish("broken", message, steps, [], journalLines());
      }
    }
    const claims: ClaimRecord[] = scenario.claims.map((claim) => {
      const step = steps.find((record) => record.id === claim.step)!;
      const uncaptured = captures.unknownIn(JSON.stringify(claim.expect));
      const evaluation = uncaptured.length
        ? { held: false, observed: [`✗ the claim needs ${uncaptured.map((name) => `{{${name}}}`).join(", ")}, which no step's output showed`], evidence: [] }
        : evaluateClaim(pasteInto(claim.expect, captures), step);
      const known = findKnownDrift(context.knownDrift, scenario.id, claim.id, context.image.openclawVersion);
      return {
        id: claim.id, quote: claim.quote, source: quotes.get(claim.id)!, step: claim.step,
        held: evaluation.held, status: claimStatus(evaluation.held, Boolean(known)),
        observed: evaluation.observed, evidence: evaluation.evidence,
        knownDrift: known ? { issue: known.issue, note: known.note } : undefined,
      };
    });
    const status = worst.find((candidate) => claims.some((claim) => claim.status === candidate)) ?? "conforms";
    return finish(status, summarise(status, claims), steps, claims, journalLines());
  } finally {
    await sut?.stop().catch(() => undefined);
    await world?.close().catch(() => undefined);
    await socketDir.cleanup().catch(() => undefined);
  }
}

/** One step: its command with the people who act on its terminal, then captures and substitution. */
async function runStep(planned: PlannedStep, captures: Captures, world: UpstreamWorld, sut: SutContainer): Promise<StepRecord> {
  const { step, source } = planned;
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
  const mark = world.journal.mark;
  const result = await sut.exec(command, {
    tty: step.tty || Boolean(step.answers),
    timeoutMs: step.timeout,
    env,
    onOutput: (chunk, keyboard) => actors.forEach((actor) => actor.read(chunk, keyboard)),
  });
  actors.forEach((actor) => actor.end());
  const outcomes = (await Promise.all(actors.map((actor) => actor.result()))).filter((outcome) => outcome !== undefined);
  const found = captures.take(`${result.stdout}\n${result.stderr}`, step.capture ?? {});
  const substitution = step.substitute ? await substitute(step.substitute, sut) : undefined;
  return { id: step.id, source, result, journal: world.journal.since(mark), actors: outcomes, captured: found, substitution };
}

/** Expectations may quote what a step printed (`outputIncludes: "{{token}}"`). */
function pasteInto(expect: Expectation, captures: Captures): Expectation {
  const paste = (text?: string) => (text === undefined ? undefined : captures.paste(text));
  return { ...expect, outputIncludes: paste(expect.outputIncludes), outputExcludes: paste(expect.outputExcludes) };
}

/** The environment adaptation, after the doc command has run and been recorded. */
async function substitute(substitution: Substitution, sut: SutContainer): Promise<SubstitutionRecord> {
  const setup: CommandResult[] = [];
  for (const command of substitution.setup) setup.push(await sut.exec(command, { timeoutMs: substitution.timeout }));
  const serve = await sut.serve(substitution.serve, new RegExp(substitution.ready), substitution.timeout);
  return { why: substitution.why, setup, serve };
}

function summarise(status: ScenarioStatus, claims: ClaimRecord[]): string {
  const count = (wanted: string) => claims.filter((claim) => claim.status === wanted).length;
  const parts = [`${count("conforms")} conform`, `${count("known-drift")} known drift`, `${count("new-drift")} new drift`, `${count("unexpected-pass")} unexpected pass`];
  return `${status}: ${parts.join(", ")}`;
}
