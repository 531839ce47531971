import { dir } from "tmp-promise";
import { UpstreamWorld } from "../../mocks/upstream-world.ts";
import type { CertificateAuthority } from "../../mocks/edge/certificate-authority.ts";
import { formatJournalEntry } from "../../mocks/edge/journal.ts";
import { DeviceCodeUser } from "../actors/device-code-user.ts";
import { DocDriftError } from "../docs/doc-drift.ts";
import { findQuote } from "../docs/find-quote.ts";
import { locateCommand } from "../docs/locate-command.ts";
import { SutContainer } from "../sut/sut-container.ts";
import { RUN_DIR_PREFIX } from "../sut/sweep.ts";
import type { SutImage } from "../sut/sut-image.ts";
import { evaluateClaim } from "./evaluate-claim.ts";
import { claimStatus, findKnownDrift } from "./known-drift.ts";
import type { ClaimRecord, ScenarioStatus, StepRecord } from "./records.ts";
import type { KnownDrift, Scenario, Step } from "./schema.ts";

export interface RunContext {
  image: SutImage;
  docsRoot: string;
  knownDrift: KnownDrift;
  ca: CertificateAuthority;
  runId: string;
}

export interface ScenarioResult {
  id: string;
  title: string;
  openclawVersion: string;
  image: { tag: string; id: string; nodeVersion: string };
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

interface PlannedStep {
  step: Step;
  command: string;
  source: StepRecord["source"];
}

/** Reads each step's command from the docs of this version (or takes the explicit one). */
function planSteps(scenario: Scenario, docsRoot: string): PlannedStep[] {
  return scenario.steps.map((step) => {
    if ("docs" in step) {
      const located = locateCommand(docsRoot, step.docs);
      return { step, command: located.command, source: { kind: "docs", file: located.file, line: located.line } };
    }
    return { step, command: step.run, source: { kind: "explicit", why: step.why } };
  });
}

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
    image: { tag: image.tag, id: image.id, nodeVersion: image.nodeVersion },
  };
  const finish = (status: ScenarioStatus, message: string, steps: StepRecord[] = [], claims: ClaimRecord[] = [], journal: string[] = []): ScenarioResult => ({
    ...base, status, message, steps, claims, journal,
    durationMs: Math.round(performance.now() - started),
    commandsMs: steps.reduce((sum, step) => sum + step.result.durationMs, 0),
  });

  let plan: PlannedStep[];
  let quotes: Map<string, { file: string; line: number }>;
  try {
    plan = planSteps(scenario, context.docsRoot);
    quotes = new Map(scenario.claims.map((claim) => [claim.id, findQuote(context.docsRoot, claim.page, claim.quote)]));
  } catch (error) {
    if (error instanceof DocDriftError) return finish("doc-drift", error.message);
    throw error;
  }

  const socketDir = await dir({ prefix: `${RUN_DIR_PREFIX}${process.pid}-`, unsafeCleanup: true });
  let world: UpstreamWorld | undefined;
  let sut: SutContainer | undefined;
  try {
    world = await UpstreamWorld.start({ socketDir: socketDir.path, profile: scenario.egress, ca: context.ca });
    sut = await SutContainer.start({ image: context.image, socketDir: socketDir.path, caPem: context.ca.certPem, upstreams: world.upstreams, runId: context.runId });
    const steps: StepRecord[] = [];
    for (const { step, command, source } of plan) {
      const actor = step.actor === "device-code-user" ? new DeviceCodeUser({ fetch: (request) => world!.actorFetch(request) }) : undefined;
      const mark = world.journal.mark;
      const result = await sut.exec(command, { tty: step.tty, timeoutMs: step.timeout, onOutput: (chunk) => actor?.read(chunk) });
      steps.push({ id: step.id, source, result, journal: world.journal.since(mark), actor: actor ? ((await actor.result()) ?? null) : undefined });
    }
    const claims: ClaimRecord[] = scenario.claims.map((claim) => {
      const step = steps.find((record) => record.id === claim.step)!;
      const evaluation = evaluateClaim(claim.expect, step);
      const known = findKnownDrift(context.knownDrift, scenario.id, claim.id, context.image.openclawVersion);
      return {
        id: claim.id, quote: claim.quote, source: quotes.get(claim.id)!, step: claim.step,
        held: evaluation.held, status: claimStatus(evaluation.held, Boolean(known)),
        observed: evaluation.observed, evidence: evaluation.evidence,
        knownDrift: known ? { issue: known.issue, note: known.note } : undefined,
      };
    });
    const status = worst.find((candidate) => claims.some((claim) => claim.status === candidate)) ?? "conforms";
    return finish(status, summarise(status, claims), steps, claims, world.journal.all().map(formatJournalEntry));
  } finally {
    await sut?.stop().catch(() => undefined);
    await world?.close().catch(() => undefined);
    await socketDir.cleanup().catch(() => undefined);
  }
}

function summarise(status: ScenarioStatus, claims: ClaimRecord[]): string {
  const count = (wanted: string) => claims.filter((claim) => claim.status === wanted).length;
  const parts = [`${count("conforms")} conform`, `${count("known-drift")} known drift`, `${count("new-drift")} new drift`, `${count("unexpected-pass")} unexpected pass`];
  return `${status}: ${parts.join(", ")}`;
}
