import type { FailureCause } from "./cause.ts";
import type { JournalEntry } from "../../mocks/edge/journal.ts";
import type { ActorOutcome } from "../actors/actor.ts";
import type { QuoteLocation } from "../docs/find-quote.ts";
import type { DocMove } from "../docs/follow-move.ts";
import type { CommandResult } from "../sut/command-result.ts";
import type { ServeResult } from "../sut/sut-container.ts";
import type { ClaimStatus, ScenarioStatus } from "./status.ts";

/** Where a docs block stands, and the doc lines of the commands the step runs from it. */
export type DocBlockRef = { file: string; line: number; lines?: number[] };

/**
 * Where a step's command comes from: a docs line (and the lines of every command, for a whole
 * block) with other pages' blocks that give the same command (`alsoIn:`), or the scenario.
 */
export type StepSource = ({ kind: "docs"; moved?: DocMove; also?: DocBlockRef[] } & DocBlockRef) | { kind: "explicit"; why: string };

/** A config example of the docs the person wrote to a file before the step's command. */
export interface WrittenFile {
  path: string;
  /** Where the example stands in the docs. */
  file: string;
  line: number;
  moved?: DocMove;
}

/** An environment adaptation that ran after the doc command: what it ran and whether it got ready. */
export interface SubstitutionRecord {
  why: string;
  setup: CommandResult[];
  /** The earlier stand-ins, stopped (`ready`: they all ended). */
  stopped?: ServeResult;
  /** The stand-in it started; without one, the stop is the whole stand-in. */
  serve: ServeResult;
}

/** A file in the SUT after a step, as far as the claims on that step asked about it. */
export interface FileFact {
  path: string;
  exists: boolean;
  /** Octal permission bits, e.g. "600". */
  mode?: string;
  /** The values at the JSON paths the claims named (never the whole file: it may hold credentials). */
  json?: Record<string, unknown>;
  /** Why the JSON paths could not be read (not JSON). */
  jsonError?: string;
  /** Whether the file holds each text the claims asked about (never the text itself: it may be a credential). */
  holds?: Record<string, boolean>;
  /** For each JSON path a claim wants gone: whether it was set before the step and is still set after (never its value). */
  gone?: Record<string, { before: boolean; after: boolean }>;
}

/** What the harness saw in the SUT around a step, gathered only for the claims that ask. */
export interface StepObservations {
  files: FileFact[];
  /** Distinct command lines of the processes seen while the step ran. */
  processes?: string[];
  /** The lines OpenClaw wrote to its own log while the step ran, as text. */
  log?: string[];
  /** The files the step created or changed (under the home, /tmp, /var/tmp and the folders claims named), as container paths. */
  written?: string[];
}

/** What one step did: the command (and where the docs say it), its result, and what reached the mocks. */
export interface StepRecord {
  id: string;
  source: StepSource;
  /** When its command started (ms since the epoch), for reports that show a timeline. */
  startedAt?: number;
  /** Files written from the docs before the command ran. */
  files?: WrittenFile[];
  result: CommandResult;
  journal: JournalEntry[];
  /** The people who acted during the step (the declared actor, the terminal user). */
  actors: ActorOutcome[];
  /** Values this step's output gave to later steps. */
  captured: Record<string, string>;
  substitution?: SubstitutionRecord;
  /** A step whose command keeps running: whether it got ready, and the line that said so or why not. */
  background?: { ready: boolean; evidence: string; readyAfterMs: number };
  /** Files, processes and log lines, when a claim on this step asks for them. */
  observed?: StepObservations;
  /** Set when the step could not run, e.g. a value it needs was never printed. */
  notRun?: string;
}


export interface ClaimRecord {
  id: string;
  quote: string;
  /** Where the quote stands in this version's docs. */
  source: QuoteLocation;
  step: string;
  held: boolean;
  status: ClaimStatus;
  /** What was seen, one line per expectation. */
  observed: string[];
  /** The journal lines that show it. */
  evidence: string[];
  knownDrift?: { issue: string; note?: string; fails: string };
  /** When it did not hold because a command failed: that command, its doc line and what it said. */
  cause?: FailureCause;
}

/** One scenario on one OpenClaw version: what ran, what reached the mocks, and the verdict. */
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
  /** The API keys the person held (issued by the world), by kind: credentials, redacted in every report. */
  keys: Record<string, string>;
  /** What a reference suite noticed that fails nothing: options no page names, dotted names that are no config path. */
  findings?: string[];
}
