import { z } from "zod";
import { ClaimStatus, ExpectedStatus, ScenarioStatus } from "../../harness/scenario/status.ts";
import { EditedDocs } from "../../harness/docs/edited-docs.ts";
import { FailureCause } from "../../harness/scenario/cause.ts";
import { describeBase, ImageRef } from "../../harness/sut/image.ts";
import { OpenClawTarget } from "../../harness/target/openclaw-target.ts";

/** reports/output/run.json, wpt-report-like: run info, then one entry per scenario and version. */
export const ScenarioEntry = z.object({
  id: z.string(),
  title: z.string(),
  /** The OpenClaw version this result is for: a run covers one or more. */
  openclaw: z.string(),
  status: ScenarioStatus,
  expected: ExpectedStatus.optional(),
  message: z.string(),
  egress: z.string().optional(),
  durationMs: z.number(),
  commandsMs: z.number().optional(),
  steps: z.array(
    z.object({
      id: z.string(),
      command: z.string(),
      source: z.string(),
      exitCode: z.number(),
      durationMs: z.number(),
      /** When its command started (ms since the epoch): a timeline's, and the CPU bench's, anchor. */
      startedAt: z.number().optional(),
      /** The command was stopped at the step's time limit; its exit code is the stop's. */
      timedOut: z.boolean().optional(),
      /** The command, known to keep running once its work is done, was stopped a grace after the line that said so; its exit code is the stop's. */
      stoppedAfter: z.object({ line: z.string(), graceMs: z.number() }).optional(),
      /** The docs' anchor stub that was followed to the page the step now stands on. */
      movedFrom: z.string().optional(),
      actors: z.array(z.string()).optional(),
      captured: z.record(z.string(), z.string()).optional(),
      notRun: z.string().optional(),
      /** A command left running in the background: whether it got ready, and the line that said so or why not. */
      background: z.object({ ready: z.boolean(), evidence: z.string(), readyAfterMs: z.number() }).optional(),
      substitution: z
        .object({ why: z.string(), setup: z.array(z.string()), serve: z.string(), ready: z.boolean(), evidence: z.string(), readyAfterMs: z.number() })
        .optional(),
    }),
  ),
  claims: z.array(
    z.object({
      id: z.string(),
      status: ClaimStatus,
      quote: z.string(),
      source: z.string(),
      /** The docs' anchor stub that was followed to the page the quote now stands on. */
      movedFrom: z.string().optional(),
      step: z.string().optional(),
      observed: z.array(z.string()),
      /** The journal lines that show what was observed. */
      evidence: z.array(z.string()).default([]),
      issue: z.string().optional(),
      /** How the known drift is recorded to fail (known-drift.yaml's `fails`). */
      knownFailure: z.string().optional(),
      /** The failed command behind it, when one failed: the doc line to look at first. */
      cause: FailureCause.optional(),
    }),
  ),
  journal: z.array(z.string()),
  /** What a reference suite noticed that fails nothing: options no page names, dotted names that are no config path. */
  findings: z.array(z.string()).optional(),
});

export const RunReport = z.object({
  run: z.object({
    startedAt: z.string(),
    finishedAt: z.string(),
    /** What was under test, one entry per version: a release from npm, or a tarball (path, sha256) or a checkout packed into one, and its image. */
    versions: z.array(z.object({ target: OpenClawTarget, image: ImageRef.optional(), docs: EditedDocs.optional() })),
    /** The day of the npm snapshot the mock registry served (mocks/npm-registry/snapshot.json). */
    npmSnapshot: z.string().optional(),
    harnessNode: z.string(),
    /** Errors raised in the harness process outside any scenario's verdict (mocks, workers, reporters): the run is broken. */
    harnessErrors: z.array(z.object({ source: z.string(), message: z.string() })).default([]),
  }),
  scenarios: z.array(ScenarioEntry),
});
export type RunReport = z.infer<typeof RunReport>;
export type ScenarioEntry = z.infer<typeof ScenarioEntry>;

/** The base images a run's machines were built on, as the reports name them (one, unless shards of different machines were merged). */
export const basesOf = (report: RunReport): string[] => [...new Set(report.run.versions.flatMap(({ image }) => (image?.base ? [describeBase(image.base)] : [])))];

export const RUN_REPORT_FILE = "run.json";
