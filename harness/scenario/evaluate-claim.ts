import { formatJournalEntry, type JournalEntry } from "../../mocks/edge/journal.ts";
import { stopNote, timeLimitNote } from "../sut/command-result.ts";
import { SUT_HOME } from "../sut/image.ts";
import { inContainer } from "./observe-step.ts";
import type { Expectation } from "./schema.ts";
import { parseJson, valueAt } from "./json-value.ts";
import type { StepObservations, StepRecord } from "./records.ts";

export interface Evaluation {
  held: boolean;
  observed: string[];
  evidence: string[];
}

type JournalExpectation = NonNullable<Expectation["journal"]>;

/** A request (HTTP, or a WebSocket upgrade: 101 when accepted) to the host and path the expectation is about. */
const atPlace = (entry: JournalEntry, want: JournalExpectation) =>
  (entry.kind === "http" || entry.kind === "websocket") && entry.host === want.host && (want.path === undefined || entry.path?.split("?")[0] === want.path);

function matchesJournal(entry: JournalEntry, want: JournalExpectation): boolean {
  return (
    atPlace(entry, want) &&
    (want.clientClass === undefined || entry.clientClass === want.clientClass) &&
    (want.header === undefined || entry.headers?.[want.header.name] === want.header.equals) &&
    (want.status === undefined || entry.status === want.status) &&
    (want.answeredBy === undefined || entry.answeredBy === want.answeredBy)
  );
}

const excerpt = (text: string) => {
  const line = text.trim().split("\n").filter(Boolean).slice(-4).join(" ⏎ ");
  return line.length > 400 ? `…${line.slice(-400)}` : line || "(nothing)";
};

/**
 * The expectations that can only be met by something absent: no such output, no such log line or
 * process, no such file, nobody got through. A step that failed early shows none of them, so such
 * a claim is judged only when the step got as far as its promise (see `getsThere`).
 */
export function absencesOnly(expect: Expectation): string[] | undefined {
  const absences = [
    expect.outputExcludes !== undefined && `no "${expect.outputExcludes}" in its output`,
    expect.log?.seen === false && `no log line /${expect.log.matches}/`,
    expect.process?.seen === false && `no process /${expect.process.matches}/`,
    expect.file?.exists === false && `no ${expect.file.path}`,
    expect.file?.excludes !== undefined && `no "…" in ${expect.file.path}`,
    expect.actorApproved === false && "that the person does not get through",
    expect.written && expect.written.under === undefined && `nothing written under ${expect.written.notUnder.join(", ")}`,
  ].filter((one): one is string => typeof one === "string");
  const positive =
    expect.exitCode !== undefined || expect.outputIncludes !== undefined || expect.json !== undefined || expect.journal !== undefined ||
    expect.actorApproved === true || (expect.file !== undefined && expect.file.exists !== false && (expect.file.excludes === undefined || expect.file.json !== undefined || expect.file.includes !== undefined || expect.file.mode !== undefined)) || expect.process?.seen === true || expect.log?.seen === true || expect.written?.under !== undefined;
  return positive || !absences.length ? undefined : absences;
}

/**
 * Why the step never got as far as showing an absence, or undefined when it did: it did not run,
 * was stopped at its time limit, its command (or, left running, its readiness) failed.
 */
export function stoppedShort(step: StepRecord): string | undefined {
  if (step.notRun) return `it did not run: ${step.notRun}`;
  const stopped = timeLimitNote(step.result);
  if (stopped) return `it was ${stopped}`;
  // Stopped once it said its work was done (a command known to keep running): it got that far.
  if (step.result.stoppedAfter) return undefined;
  if (step.background) return step.background.ready ? undefined : `it never got ready: ${step.background.evidence}`;
  return step.result.exitCode === 0 ? undefined : `it exited ${step.result.exitCode}; output ends: ${excerpt(`${step.result.stdout}\n${step.result.stderr}`)}`;
}

/**
 * Checks one claim's expectations against what its step did. Pure: no I/O. An absence alone is
 * never evidence of a step that failed first: such a claim fails saying so, unless it also expects
 * the failure (an exit code).
 */
export function evaluateClaim(expect: Expectation, step: StepRecord): Evaluation {
  if (step.notRun) return { held: false, observed: [`✗ step "${step.id}" did not run: ${step.notRun}`], evidence: [] };
  const absences = absencesOnly(expect);
  const short = absences && stoppedShort(step);
  if (absences && short) {
    return { held: false, observed: [`✗ the step failed before it could show ${absences.join(", ")}: ${short}`], evidence: step.journal.map(formatJournalEntry) };
  }
  const checks: { held: boolean; observed: string }[] = [];
  const output = `${step.result.stdout}\n${step.result.stderr}`;
  const evidence = new Set<string>();

  if (expect.exitCode !== undefined) {
    const held = step.result.exitCode === expect.exitCode;
    // Another exit code says little by itself: what the command printed last says why, and a
    // command the harness stopped never got to choose one.
    const stopped = stopNote(step.result);
    checks.push({ held, observed: `exit code ${step.result.exitCode} (expected ${expect.exitCode})${stopped ? `; ${stopped}` : ""}${held ? "" : `; output ends: ${excerpt(output)}`}` });
  }
  if (expect.outputIncludes !== undefined) {
    const held = output.includes(expect.outputIncludes);
    checks.push({ held, observed: held ? `output includes "${expect.outputIncludes}"` : `output lacks "${expect.outputIncludes}"; it ends: ${excerpt(output)}` });
  }
  if (expect.outputExcludes !== undefined) {
    const held = !output.includes(expect.outputExcludes);
    checks.push({ held, observed: held ? `output has no "${expect.outputExcludes}"` : `output includes "${expect.outputExcludes}"` });
  }
  if (expect.json) {
    const json = parseJson(step.result.stdout);
    const actual = json === undefined ? undefined : valueAt(json, expect.json.path);
    const held = actual === expect.json.equals;
    // A path the JSON lacks says little by itself: the JSON's end says what came instead (an error object, say).
    const instead = !held && json !== undefined && actual === undefined ? `; the JSON ends: ${excerpt(JSON.stringify(json))}` : "";
    checks.push({
      held,
      observed:
        json === undefined
          ? `stdout is not JSON; output ends: ${excerpt(output)}`
          : `${expect.json.path} = ${JSON.stringify(actual)} (expected ${JSON.stringify(expect.json.equals)})${instead}`,
    });
  }
  if (expect.journal) {
    const want = expect.journal;
    const sameHost = step.journal.filter((entry) => atPlace(entry, want));
    const matched = sameHost.filter((entry) => matchesJournal(entry, want));
    for (const entry of sameHost.length ? sameHost : step.journal) evidence.add(formatJournalEntry(entry));
    const wanted = [want.host + (want.path ?? ""), want.clientClass, want.status, want.answeredBy].filter((part) => part !== undefined).join(" ");
    checks.push({
      held: matched.length > 0,
      observed: matched.length
        ? `journal has ${wanted} (${matched.length}×)`
        : sameHost.length
          ? `journal has no ${wanted}; it has ${sameHost.map((e) => `${e.status} to ${e.clientClass}`).join(", ")}`
          : `nothing reached ${want.host}${want.path ?? ""} during this step`,
    });
  }
  if (expect.actorApproved !== undefined) {
    const approved = step.actors.length > 0 && step.actors.every((outcome) => outcome.approved);
    checks.push({
      held: approved === expect.actorApproved,
      observed: step.actors.length
        ? step.actors.map((outcome) => `${outcome.actor}: ${outcome.actions.join("; ")}`).join(" | ")
        : "the terminal never showed the person anything to act on",
    });
  }
  if (expect.file) checks.push(checkFile(expect.file, step.observed));
  if (expect.written) checks.push(checkWritten(expect.written, step.observed?.written));
  if (expect.process) checks.push(checkSeen("process", expect.process, step.observed?.processes));
  if (expect.log) checks.push(checkSeen("OpenClaw log line", expect.log, step.observed?.log));
  return { held: checks.every((check) => check.held), observed: checks.map((check) => `${check.held ? "✓" : "✗"} ${check.observed}`), evidence: [...evidence] };
}

type Check = { held: boolean; observed: string };

function checkFile(want: NonNullable<Expectation["file"]>, observed: StepObservations | undefined): Check {
  const fact = observed?.files.find((file) => file.path === want.path);
  if (!fact) return { held: false, observed: `${want.path} was not looked at` };
  if (!fact.exists) return { held: !want.exists, observed: `${want.path} does not exist${want.exists ? "" : " (as expected)"}` };
  if (!want.exists) return { held: false, observed: `${want.path} exists (mode ${fact.mode}); expected none` };
  const parts: Check[] = [{ held: true, observed: `${want.path} exists` }];
  if (want.mode !== undefined) parts.push({ held: Number.parseInt(fact.mode ?? "", 8) === Number.parseInt(want.mode, 8), observed: `mode ${fact.mode} (expected ${want.mode})` });
  if (want.json) {
    const actual = fact.json?.[want.json.path];
    parts.push({
      held: actual === want.json.equals,
      observed: fact.jsonError ? fact.jsonError : `${want.json.path} = ${JSON.stringify(actual)} (expected ${JSON.stringify(want.json.equals)})`,
    });
  }
  if (want.absent) {
    const still = want.absent.filter((path) => fact.gone?.[path]?.after);
    const neverSet = want.absent.filter((path) => !fact.gone?.[path]?.before);
    const said = [still.length && `${still.join(", ")} still set (expected gone)`, neverSet.length && `${neverSet.join(", ")} not set before the step (nothing to remove)`].filter(Boolean).join("; ");
    parts.push({
      held: fact.gone !== undefined && still.length === 0 && neverSet.length === 0,
      observed: fact.jsonError ?? (said || `${want.absent.join(", ")} set before the step, gone after`),
    });
  }
  // The text itself is never shown: it may be a credential.
  const shown = (text: string) => (text.length > 12 ? `${text.slice(0, 4)}…(${text.length} chars)` : text);
  if (want.includes !== undefined) parts.push({ held: fact.holds?.[want.includes] === true, observed: `${fact.holds?.[want.includes] ? "holds" : "does not hold"} "${shown(want.includes)}"` });
  if (want.excludes !== undefined) parts.push({ held: fact.holds?.[want.excludes] === false, observed: `${fact.holds?.[want.excludes] ? "holds" : "does not hold"} "${shown(want.excludes)}"${fact.holds?.[want.excludes] ? " (expected not)" : ""}` });
  return { held: parts.every((part) => part.held), observed: parts.map((part) => part.observed).join(", ") };
}

const shownPath = (path: string) => (path.startsWith(`${SUT_HOME}/`) ? `~/${path.slice(SUT_HOME.length + 1)}` : path);

/**
 * Where the files a step wrote went: at least one under `under` (when given), none under
 * `notUnder` but for those under `except`.
 */
function checkWritten(want: NonNullable<Expectation["written"]>, written: string[] | undefined): Check {
  if (!written) return { held: false, observed: "the files written during this step were not looked at" };
  const isUnder = (path: string, folder: string) => path === inContainer(folder) || path.startsWith(`${inContainer(folder).replace(/\/$/, "")}/`);
  const within = (folder: string) => written.filter((path) => isUnder(path, folder) && !want.except.some((allowed) => isUnder(path, allowed)));
  const listed = (paths: string[]) => `${paths.slice(0, 4).map(shownPath).join(", ")}${paths.length > 4 ? `, … (${paths.length} in all)` : ""}`;
  const some = want.under === undefined ? undefined : within(want.under);
  const stray = want.notUnder.map((folder) => ({ folder, paths: within(folder) }));
  const parts = [
    ...(some === undefined ? [] : [some.length ? `${some.length} file(s) written under ${want.under}: ${listed(some)}` : `nothing written under ${want.under} (written: ${written.length ? listed(written) : "nothing"})`]),
    ...stray.map(({ folder, paths }) => (paths.length ? `${paths.length} file(s) written under ${folder}: ${listed(paths)}` : `none under ${folder}`)),
  ];
  const exempt = want.except.length ? ` (${want.except.join(", ")} aside)` : "";
  return { held: (some === undefined || some.length > 0) && stray.every(({ paths }) => paths.length === 0), observed: `${parts.join("; ")}${exempt}` };
}

/** A process or log line matching the pattern, seen (or, with seen: false, not seen) during the step. */
function checkSeen(what: string, want: { matches: string; seen: boolean }, lines: string[] | undefined): Check {
  if (!lines) return { held: false, observed: `nothing (${what}) was watched during this step` };
  const pattern = new RegExp(want.matches);
  const hits = lines.filter((line) => pattern.test(line));
  const shown = (line: string) => (line.length > 240 ? `${line.slice(0, 240)}…` : line);
  if (hits.length) return { held: want.seen, observed: `${what} /${want.matches}/ seen (${hits.length}×): ${shown(hits[0]!)}` };
  return { held: !want.seen, observed: `no ${what} matched /${want.matches}/ among ${lines.length} seen` };
}
