import * as allure from "allure-js-commons";
import { Status } from "allure-js-commons";
import { BaseMessageTestRuntime, getGlobalTestRuntime, type StepContext } from "allure-js-commons/sdk/runtime";
import type { ScenarioResult } from "../scenario/records.ts";
import type { Scenario } from "../scenario/schema.ts";
import { claimEvidence } from "../../reports/writers/claim-evidence.ts";
import { capturedSecrets, scenarioEntry } from "../../reports/writers/scenario-entry.ts";
import { type ClaimStatus, statusLabel } from "../scenario/status.ts";
import { sourceLabel } from "../scenario/plan-step.ts";
import { stepEnding } from "../scenario/step-progress.ts";
import { redact } from "../util/redact.ts";

/**
 * How a claim shows in the HTML report: conforming passes, drift fails, and known drift is
 * Allure's "unknown" — not green (the promise does not hold) and not red (the gate passes).
 */
const UNKNOWN = "unknown" as Status; // Allure's fifth status: its reports read it, the JS enum lacks it
const CLAIM_STATUS: Record<ClaimStatus, Status> = {
  conforms: Status.PASSED, "known-drift": UNKNOWN, "new-drift": Status.FAILED, "known-drift-changed": Status.FAILED, "unexpected-pass": Status.FAILED,
};

/**
 * A step with the time it really took and its own status. The facade's step() times its body
 * (here, writing attachments after the fact: 0 s) and passes whatever ran; the runtime's own
 * step messages carry both. Without a message runtime (no Allure reporter), the plain step.
 */
async function timedStep(name: string, status: Status, start: number, stop: number, body: (step: StepContext) => Promise<void>): Promise<void> {
  const runtime = getGlobalTestRuntime();
  if (!(runtime instanceof BaseMessageTestRuntime)) return allure.step(name, body);
  await runtime.sendMessage({ type: "step_start", data: { name, start } });
  // Parameters of the step, not of the test: the test's history id is made of the test's own.
  await body({ displayName: (text) => runtime.stepDisplayName(text), parameter: (key, value, mode) => runtime.stepParameter(key, value, mode) });
  await runtime.sendMessage({ type: "step_stop", data: { status, stop } });
}

/** Puts a scenario's steps, claims and journal into its Allure test result, credentials redacted. */
export async function recordInAllure(scenario: Pick<Scenario, "tags" | "description"> & { issues?: string[] }, result: ScenarioResult, docLine: (source: string) => string | undefined): Promise<void> {
  const secrets = capturedSecrets(result);
  const clean = (text: string) => redact(text, secrets);
  await allure.parameter("openclaw", result.openclawVersion);
  await allure.parameter("egress", result.egress);
  // The conformance status, which reports/allurerc.mjs turns into the report's categories.
  await allure.label("verdict", statusLabel(result.status));
  await allure.tags(...scenario.tags);
  for (const url of scenario.issues ?? []) await allure.issue(url, url.split("/").pop());
  if (scenario.description) await allure.description(scenario.description);
  // A step failed when its command did (a claim names it as the cause), never got ready or hit its limit.
  const failed = new Set(result.claims.flatMap((claim) => (claim.cause ? [claim.cause.step] : [])));
  for (const step of result.steps) {
    const where = sourceLabel(step.source);
    const ended = stepEnding(step);
    const status = step.notRun ? Status.SKIPPED : failed.has(step.id) || step.result.timedOut || step.background?.ready === false ? Status.FAILED : Status.PASSED;
    const start = step.startedAt ?? Date.now();
    await timedStep(clean(`${step.id}: ${step.result.command} → ${ended}`), status, start, start + step.result.durationMs, async (context) => {
      await context.parameter("source", where);
      await allure.attachment("output", clean(step.result.stdout) || "(empty)", "text/plain");
      if (step.result.stderr) await allure.attachment("stderr", clean(step.result.stderr), "text/plain");
      if (step.journal.length) await allure.attachment("journal", clean(JSON.stringify(step.journal, null, 2)), "application/json");
      if (step.source.kind === "docs" && step.source.moved) await context.parameter("moved from", step.source.moved.stub);
      for (const file of step.files ?? []) await context.parameter(`wrote ${file.path}`, `the example at ${file.file}:${file.line}`);
      if (step.observed) await allure.attachment("observed in the SUT", clean(JSON.stringify(step.observed, null, 2)), "application/json");
      for (const outcome of step.actors) await allure.attachment(outcome.actor, clean(outcome.actions.join("\n")), "text/plain");
      if (step.notRun) await context.parameter("not run", clean(step.notRun));
      if (step.substitution) {
        const { why, setup, serve } = step.substitution;
        const text = [`why: ${why}`, ...setup.map((command) => `$ ${command.command} → exit ${command.exitCode}`), `$ ${serve.command} (background) → ${serve.ready ? "ready" : "never ready"}: ${serve.evidence}`];
        await allure.attachment("substitution", clean(text.join("\n")), "text/plain");
      }
    });
  }
  const entry = scenarioEntry(result);
  // Known drift passes the gate; its issue is linked where a reader sees the result.
  for (const claim of entry.claims) if (claim.issue) await allure.issue(claim.issue, `${statusLabel(claim.status)}: ${claim.id}`);
  // Each claim's sentence, and each failed command's line, where a reader can open it.
  for (const claim of entry.claims.filter((one) => one.status !== "conforms")) {
    for (const [source, name] of [[claim.source, `${claim.id}: ${claim.source}`], ...(claim.cause ? [[claim.cause.at, `${claim.id}: the failed command, ${claim.cause.at}`]] : [])] as const) {
      const url = docLine(source);
      if (url) await allure.link(url, name);
    }
  }
  const judged = Date.now();
  for (const claim of entry.claims) {
    await timedStep(`claim ${claim.id}: ${statusLabel(claim.status)}`, CLAIM_STATUS[claim.status], judged, judged, async () => {
      await allure.attachment("claim", claimEvidence(entry, claim), "text/plain");
    });
  }
  await allure.attachment("journal", entry.journal.join("\n") || "(nothing reached the mocks)", "text/plain");
}
