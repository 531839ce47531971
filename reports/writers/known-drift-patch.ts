import { createTwoFilesPatch } from "diff";
import { isScalar, isSeq, parseDocument, type YAMLMap } from "yaml";
import { findKnownDrift } from "../../harness/scenario/known-drift.ts";
import type { KnownDrift } from "../../harness/scenario/schema.ts";
import { firstFailure } from "./claim-evidence.ts";
import { failureKind, NOT_THIS_STEP } from "./failure-kind.ts";
import type { RunReport, ScenarioEntry } from "./run-report.ts";

type Claim = ScenarioEntry["claims"][number];

/**
 * What a run says about known-drift.yaml: one change per claim whose verdict asks for it. A
 * known drift that now fails otherwise is refitted only when the failure is of the kind its
 * pattern was about, on the claim's own step; else it is redrafted (`why`), so an old issue never
 * covers a new failure.
 */
export interface DriftProposal {
  change: "add" | "refit" | "redraft" | "remove";
  entry: ScenarioEntry;
  claim: Claim;
  why?: string;
}

/** The first failure a claim observed, whole (its first observation when none is marked failed). */
const failureOf = (claim: Claim) => firstFailure(claim.observed, Infinity) ?? claim.observed[0] ?? "";

/**
 * A `fails:` pattern drafted from an observation: its first clause (up to "; it ends" or
 * "; output ends", where the command's own output follows), regex-escaped, at most 80 characters.
 * A draft: the reviewer narrows it to what identifies the drift.
 */
export function draftFails(claim: Claim): string {
  const clause = failureOf(claim).split(/; (?:it|output) ends/)[0]!.slice(0, 80);
  return clause.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * New drift → a draft entry (its issue still to be found or filed); known drift that fails
 * otherwise → its `fails:` refitted to what was seen; an unexpected pass → the entry removed (fixed
 * upstream?). Everything else asks nothing.
 */
export function proposeKnownDrift(report: RunReport, entries: KnownDrift): DriftProposal[] {
  return report.scenarios.flatMap((entry) =>
    entry.claims.flatMap((claim): DriftProposal[] => {
      if (claim.status === "new-drift") return [{ change: "add", entry, claim }];
      if (claim.status === "known-drift-changed") return [changed(entries, entry, claim)];
      if (claim.status === "unexpected-pass") return [{ change: "remove", entry, claim }];
      return [];
    }),
  );
}

/** A refit where the new failure is the same kind of failure of the same step; a redraft, saying why, otherwise. */
function changed(entries: KnownDrift, entry: ScenarioEntry, claim: Claim): DriftProposal {
  const known = findKnownDrift(entries, entry.id, claim.id, entry.openclaw, entry.egress);
  const was = failureKind(known?.fails ?? claim.knownFailure ?? "");
  const now = failureKind(failureOf(claim));
  if (NOT_THIS_STEP.has(now)) return { change: "redraft", entry, claim, why: `the claim's step never got there (${now}): an earlier step fails now, a failure of its own` };
  if (was === "output text") return { change: "redraft", entry, claim, why: `the pattern named what the command printed (/${known?.fails}/), which it no longer prints: a failure of another kind (${now})` };
  if (was !== now) return { change: "redraft", entry, claim, why: `the pattern was about the ${was}; the claim now fails on the ${now}` };
  return { change: "refit", entry, claim };
}

/** The known-drift entry (by index in the file) a proposal is about, as the run matched it. */
function indexOf(entries: KnownDrift, { entry, claim }: DriftProposal): number {
  const known = findKnownDrift(entries, entry.id, claim.id, entry.openclaw, entry.egress);
  return known ? entries.indexOf(known) : -1;
}

/** The offset where the line holding `offset` starts. */
const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;

/**
 * The proposals as a unified diff of scenarios/known-drift.yaml, for review (`git apply` it, or
 * edit it first); never applied here. The file is edited as text at the entries' own ranges, so
 * its comments, folding and the other entries stay byte for byte.
 */
export function knownDriftPatch(fileText: string, entries: KnownDrift, proposals: DriftProposal[], path = "scenarios/known-drift.yaml"): string {
  const list = parseDocument(fileText).contents;
  if (!isSeq(list)) throw new Error(`${path} is not a list of entries`);
  // Edits as [from, to, replacement], applied from the end so earlier offsets stay right.
  const edits: [number, number, string][] = [];
  const added: string[] = [];
  for (const proposal of proposals) {
    const index = indexOf(entries, proposal);
    const item = list.items[index] as YAMLMap | undefined;
    if ((proposal.change === "remove" || proposal.change === "redraft") && item?.range) {
      const next = list.items[index + 1]?.range;
      edits.push([lineStart(fileText, item.range[0]), next ? lineStart(fileText, next[0]) : fileText.length, ""]);
    }
    if (proposal.change === "refit" && item) {
      const fails = valueOf(item, "fails");
      if (isScalar(fails) && fails.range) {
        edits.push([fails.range[0], fails.range[1], quoted(draftFails(proposal.claim))]);
        // The note was written for the old failure: the reviewer must read it again.
        const note = valueOf(item, "note");
        const review = `REVIEW: fails refitted by known-drift --update from /${String(fails.value)}/; does this note still say why? ${isScalar(note) ? String(note.value).trim() : ""}`.trim();
        // A folded note's range ends after its last line break; a quoted one's before it.
        if (isScalar(note) && note.range) edits.push([note.range[0], note.range[1], `${JSON.stringify(review)}${fileText.slice(note.range[0], note.range[1]).endsWith("\n") ? "\n" : ""}`]);
        else edits.push([fails.range[1], fails.range[1], `\n  note: ${JSON.stringify(review)}`]);
      }
    }
    // A draft only for drift the file does not know yet (the run may be older than the file), or for
    // a known drift that now fails another way (in place of its entry, whose issue may not be this one).
    if ((proposal.change === "add" && index < 0) || proposal.change === "redraft") {
      const { entry, claim } = proposal;
      const severalEgresses = proposals.some((other) => other.entry.id === entry.id && other.entry.egress !== entry.egress);
      const replaced = proposal.change === "redraft" ? entries[index] : undefined;
      added.push(
        [
          ...(replaced ? [`# REDRAFTED: was known drift ${replaced.issue} failing /${replaced.fails}/; not refitted because ${proposal.why}`] : []),
          "# DRAFT from a run: find or file the upstream issue, then narrow `fails` to what identifies the drift",
          `- scenario: ${entry.id}`,
          `  claim: ${claim.id}`,
          `  openclaw: "${entry.openclaw}"`,
          ...(entry.egress && severalEgresses ? [`  egress: ${entry.egress}`] : []),
          "  issue: https://github.com/openclaw/openclaw/issues/FIXME",
          `  fails: ${quoted(draftFails(claim))}`,
          `  note: ${JSON.stringify(`drafted from the run: ${failureOf(claim)}`.slice(0, 300))}`,
        ].join("\n"),
      );
    }
  }
  // An entry removed whole takes no other edit inside it (a refit on another egress, say): its
  // offsets would be stale once the removal has cut the text.
  const removals = edits.filter(([from, to, replacement]) => replacement === "" && to > from);
  const kept = edits.filter((edit) => removals.includes(edit) || !removals.some(([from, to]) => edit[0] >= from && edit[1] <= to));
  let text = fileText;
  for (const [from, to, replacement] of [...new Map(kept.map((edit) => [edit[0], edit])).values()].sort((a, b) => b[0] - a[0])) text = text.slice(0, from) + replacement + text.slice(to);
  if (added.length) text = `${text.replace(/\n*$/, "\n")}${added.join("\n")}\n`;
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, fileText, text, "", "", { context: 3 });
}

/** The value of one key of an entry, as the YAML document holds it. */
const valueOf = (item: YAMLMap, key: string) => item.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.value;

/** A YAML single-quoted scalar: regexes keep their backslashes as written. */
const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;
