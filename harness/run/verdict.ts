import { AssertionError } from "node:assert";
import { claimEvidence } from "../../reports/writers/claim-evidence.ts";
import { scenarioEntry } from "../../reports/writers/scenario-entry.ts";
import type { ScenarioResult } from "../scenario/run-scenario.ts";

/**
 * Turns a scenario result into the test's outcome: conforming and known drift pass; new drift,
 * unexpected passes and doc drift fail as assertions (Allure: failed), never as harness errors.
 */
export function assertAsExpected(result: ScenarioResult): void {
  if (result.status === "conforms" || result.status === "known-drift") return;
  const entry = scenarioEntry(result);
  const claims = entry.claims.filter((claim) => claim.status === "new-drift" || claim.status === "unexpected-pass");
  const message = result.status === "doc-drift" ? `doc drift: ${result.message}` : claims.map((claim) => claimEvidence(entry, claim)).join("\n\n");
  throw new AssertionError({ message: `${result.id} on openclaw@${result.openclawVersion}: ${result.status}\n${message}` });
}
