import { AssertionError } from "node:assert";
import { HarnessError } from "../util/errors.ts";
import { claimEvidence } from "../../reports/writers/claim-evidence.ts";
import { scenarioEntry } from "../../reports/writers/scenario-entry.ts";
import type { ScenarioResult } from "../scenario/records.ts";
import { outcomeOf } from "../scenario/status.ts";

/**
 * Turns a scenario result into the test's outcome: conforming and known drift pass; drift of
 * every kind fails as an assertion (Allure: failed); a broken scenario fails as an error
 * (Allure: broken), never as drift.
 */
export function assertAsExpected(result: ScenarioResult): void {
  if (outcomeOf(result.status) === "ok") return;
  const entry = scenarioEntry(result);
  const claims = entry.claims.filter((claim) => outcomeOf(claim.status) === "drift");
  const message = claims.length ? claims.map((claim) => claimEvidence(entry, claim)).join("\n\n") : entry.message;
  const text = `${result.id} on openclaw@${result.openclawVersion}: ${result.status}\n${message}`;
  if (outcomeOf(result.status) === "broken") throw new HarnessError(text);
  throw new AssertionError({ message: text });
}
