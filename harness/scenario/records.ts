import type { JournalEntry } from "../../mocks/edge/journal.ts";
import type { DeviceCodeApproval } from "../actors/device-code-user.ts";
import type { CommandResult } from "../sut/command-result.ts";

/** What one step did: the command (and where the docs say it), its result, and what reached the mocks. */
export interface StepRecord {
  id: string;
  source: { kind: "docs"; file: string; line: number } | { kind: "explicit"; why: string };
  result: CommandResult;
  journal: JournalEntry[];
  actor?: DeviceCodeApproval | null;
}

export type ClaimStatus = "conforms" | "known-drift" | "new-drift" | "unexpected-pass";

export interface ClaimRecord {
  id: string;
  quote: string;
  /** Where the quote stands in this version's docs. */
  source: { file: string; line: number };
  step: string;
  held: boolean;
  status: ClaimStatus;
  /** What was seen, one line per expectation. */
  observed: string[];
  /** The journal lines that show it. */
  evidence: string[];
  knownDrift?: { issue: string; note?: string };
}

export type ScenarioStatus = ClaimStatus | "doc-drift" | "broken" | "skipped";
