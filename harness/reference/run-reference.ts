import { formatJournalEntry } from "../../mocks/edge/journal.ts";
import { type Egress, egressRoute } from "../../mocks/egress.ts";
import { pageSetPages } from "../coverage/load-coverage-files.ts";
import { docReferences } from "../docs/references.ts";
import { findKnownDrift, judgeClaim } from "../scenario/known-drift.ts";
import type { ClaimRecord, ScenarioResult, StepRecord } from "../scenario/records.ts";
import type { RunContext } from "../scenario/run-scenario.ts";
import type { ReferenceSuite } from "../scenario/schema.ts";
import { countByStatus, worstOf } from "../scenario/status.ts";
import type { CommandResult } from "../sut/command-result.ts";
import { startStage } from "../sut/stage.ts";
import { parseFishCompletion } from "./cli-tree.ts";
import { judgeConfigKeys } from "./judge-config-keys.ts";
import { helpToConfirm, judgeReferences } from "./judge-references.ts";
import { undocumentedFlags } from "./undocumented-flags.ts";

/** A reference suite asks the CLI itself and reaches no upstream: it runs under the open egress only. */
export const REFERENCE_EGRESS: Egress = "open";

const COMPLETION = "openclaw completion --shell fish";
const CONFIG_SCHEMA = "openclaw config schema";
/** Loading every plugin's commands takes OpenClaw 2026.9 about 30 s on this machine. */
const COMPLETION_TIMEOUT_MS = 180_000;
const HELP_TIMEOUT_MS = 60_000;
/** A reference suite's steps keep this much of their output in the reports (a completion script runs to 5,000 lines). */
const KEPT_OUTPUT = 4_000;

/** The schema a `config schema` call printed, or what went wrong. */
function parseSchema(result: CommandResult): Record<string, unknown> | string {
  if (result.exitCode !== 0) return `exited ${result.exitCode}`;
  try {
    const schema = JSON.parse(result.stdout) as unknown;
    return schema && typeof schema === "object" && "properties" in schema ? (schema as Record<string, unknown>) : "printed JSON without properties";
  } catch {
    return "printed no JSON";
  }
}

const kept = (result: CommandResult): CommandResult =>
  result.stdout.length <= KEPT_OUTPUT ? result : { ...result, stdout: `${result.stdout.slice(0, KEPT_OUTPUT)}\n… (${result.stdout.split("\n").length} lines in all)` };

/** The step that ran a command's --help: `help-models-auth-login`. */
const helpStepId = (command: string) => `help-${command.replace(/^openclaw ?/, "").replace(/ /g, "-") || "openclaw"}`;

const explicitStep = (id: string, why: string, result: CommandResult): StepRecord => ({
  id, source: { kind: "explicit", why }, result: kept(result), journal: [], actors: [], captured: {},
});

/**
 * A reference suite on one version: the page set's commands and flags (harness/docs/references.ts)
 * judged against what the version's CLI says of itself — its completion script, in one call, and
 * the `--help` of each command that script leaves in doubt — and the keys the pages give
 * `config get|set|unset` against the schema it prints for its config, in one SUT container that
 * reaches nothing but the world's mocks. Each documented command and command-and-flag is a claim quoting
 * the first sentence, list item, table row or command line that names it.
 */
export async function runReferenceSuite(suite: ReferenceSuite, context: Pick<RunContext, "image" | "docsRoot" | "npmMirror" | "knownDrift" | "ca" | "runId">): Promise<ScenarioResult> {
  const started = performance.now();
  const { image } = context;
  const version = image.openclawVersion;
  const references = docReferences(context.docsRoot, pageSetPages(context.docsRoot, version));
  const stage = await startStage({ image, profile: egressRoute(REFERENCE_EGRESS).profile, ca: context.ca, npmMirror: context.npmMirror, runId: context.runId });
  const steps: StepRecord[] = [];
  let verdicts: ReturnType<typeof judgeReferences> | undefined;
  let broken: string | undefined;
  const findings: string[] = [];
  try {
    const completion = await stage.sut.exec(COMPLETION, { timeoutMs: COMPLETION_TIMEOUT_MS });
    steps.push(explicitStep("completion", "the version's own list of its commands and their options (the CLI's completion script, for fish: it names each command's path)", completion));
    const tree = parseFishCompletion(completion.stdout);
    if (completion.exitCode !== 0 || tree.commands.size < 2) {
      broken = `broken: ${COMPLETION} listed no commands (exit ${completion.exitCode}); no reference can be judged without them`;
    } else {
      const helps = new Map<string, string>();
      for (const command of helpToConfirm(references, tree, suite.exclusions)) {
        const help = await stage.sut.exec(`${command} --help`, { timeoutMs: HELP_TIMEOUT_MS });
        steps.push(explicitStep(helpStepId(command), `the completion script leaves ${command} in doubt: its own --help settles it`, help));
        helps.set(command, `${help.stdout}\n${help.stderr}`);
      }
      verdicts = judgeReferences(references, tree, helps, suite.exclusions);
      findings.push(...undocumentedFlags(references, tree));
      const schema = await stage.sut.exec(CONFIG_SCHEMA, { timeoutMs: HELP_TIMEOUT_MS });
      steps.push(explicitStep("config-schema", "the version's own JSON schema of its config: where a key given to config get/set/unset is looked up", schema));
      const parsed = parseSchema(schema);
      if (typeof parsed === "string") broken = `broken: ${CONFIG_SCHEMA} ${parsed}; the config keys the pages give config get/set/unset cannot be judged`;
      else {
        const keys = judgeConfigKeys(references, parsed, suite.exclusions);
        verdicts.push(...keys.verdicts);
        findings.push(...keys.findings);
      }
      // A suite that judged nothing is never green: the page set named no command at all.
      if (!verdicts.length) broken = `broken: the page set of openclaw ${version} names no openclaw command or flag; nothing was judged`;
    }
  } finally {
    await stage.close();
  }
  const faults = stage.world.journal.faults();
  if (faults.length) broken = `broken: the harness failed while the suite ran (${faults.map((fault) => `${fault.source}: ${fault.message}`).join("; ")}); no claim is judged on it`;
  const claims: ClaimRecord[] = broken
    ? []
    : verdicts!.map((verdict) => {
        const known = findKnownDrift(context.knownDrift, suite.id, verdict.id, version);
        const step = verdict.confirmedBy ? helpStepId(verdict.confirmedBy.replace(/ --help$/, "")) : "completion";
        const { status, observed } = judgeClaim({ held: verdict.held, observed: verdict.observed, evidence: [] }, known, { output: "", timedOut: false });
        const also = verdict.alsoAt ? [`  (named in ${verdict.alsoAt} more place${verdict.alsoAt === 1 ? "" : "s"} of the page set)`] : [];
        return { id: verdict.id, quote: verdict.quote, source: { file: verdict.file, line: verdict.line }, step, held: verdict.held, status, observed: [...observed, ...also], evidence: [], ...(known ? { knownDrift: { issue: known.issue, fails: known.fails, ...(known.note ? { note: known.note } : {}) } } : {}) };
      });
  const status = broken ? "broken" : worstOf(claims.map((claim) => claim.status));
  return {
    id: suite.id, title: suite.title, openclawVersion: version, egress: REFERENCE_EGRESS,
    image: { tag: image.tag, id: image.id, nodeVersion: image.nodeVersion }, npmSnapshot: context.npmMirror.takenOn,
    status, message: broken ?? `${status}: ${countByStatus(claims.map((claim) => claim.status))}`,
    steps, claims, journal: stage.world.journal.all().map(formatJournalEntry), keys: {}, ...(findings.length ? { findings } : {}),
    durationMs: Math.round(performance.now() - started),
    commandsMs: steps.reduce((sum, step) => sum + step.result.durationMs, 0),
  };
}
