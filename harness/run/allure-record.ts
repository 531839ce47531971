import * as allure from "allure-js-commons";
import type { ScenarioResult } from "../scenario/records.ts";
import type { Scenario } from "../scenario/schema.ts";
import { claimEvidence } from "../../reports/writers/claim-evidence.ts";
import { capturedSecrets, scenarioEntry } from "../../reports/writers/scenario-entry.ts";
import { statusLabel } from "../scenario/status.ts";
import { redact } from "../util/redact.ts";

/** Puts a scenario's steps, claims and journal into its Allure test result, credentials redacted. */
export async function recordInAllure(scenario: Pick<Scenario, "tags" | "description"> & { issues?: string[] }, result: ScenarioResult): Promise<void> {
  const secrets = capturedSecrets(result);
  const clean = (text: string) => redact(text, secrets);
  await allure.parameter("openclaw", result.openclawVersion);
  await allure.parameter("egress", result.egress);
  // The conformance status, which reports/allurerc.mjs turns into the report's categories.
  await allure.label("verdict", statusLabel(result.status));
  await allure.tags(...scenario.tags);
  for (const url of scenario.issues ?? []) await allure.issue(url, url.split("/").pop());
  if (scenario.description) await allure.description(scenario.description);
  for (const step of result.steps) {
    const where = step.source.kind === "docs" ? `${step.source.file}:${step.source.line}` : `explicit: ${step.source.why}`;
    const ended = step.background ? (step.background.ready ? "running, ready" : "never ready") : `exit ${step.result.exitCode}${step.result.timedOut ? " (time limit)" : step.result.stoppedAfter ? " (stopped once done)" : ""}`;
    await allure.step(clean(`${step.id}: ${step.result.command} → ${ended}`), async (context) => {
      await context.parameter("source", where);
      await context.parameter("duration", `${step.result.durationMs} ms`);
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
  for (const claim of entry.claims) {
    await allure.step(`claim ${claim.id}: ${claim.status}`, async () => {
      await allure.attachment("claim", claimEvidence(entry, claim), "text/plain");
    });
  }
  await allure.attachment("journal", entry.journal.join("\n") || "(nothing reached the mocks)", "text/plain");
}
