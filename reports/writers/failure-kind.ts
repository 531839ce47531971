/**
 * What kind of check a claim's failure is about, read off the observation's wording (the
 * words evaluate-claim.ts writes) or off a known-drift `fails:` pattern drafted from one. A
 * pattern that is only a piece of what the command printed is "output text". `known-drift
 * --update` refits a pattern only to a failure of the same kind.
 */
const DID_NOT_RUN = "its step did not run";
const STOPPED_SHORT = "its step failed before it could show an absence";
const KINDS: [kind: string, wording: RegExp][] = [
  [DID_NOT_RUN, /^step ".*" did not run/],
  [STOPPED_SHORT, /^the step failed before it could show/],
  ["exit code", /^exit code\b/],
  ["output lacks", /^output lacks "/],
  ["output includes", /^output includes "/],
  ["JSON value", /^(stdout is not JSON|[\w.[\]-]+ = .* \(expected )/],
  ["journal", /^(journal has|nothing reached )/],
  ["person at the terminal or browser", /^(the terminal never showed|[a-z]+(-[a-z]+)*-user: )/],
  ["process or log line", /^(no )?(process|OpenClaw log line) |^nothing \(.*\) was watched/],
  ["files written", /^(the files written|some under |none under )/],
  ["file", /^[~/.]\S* (exists|does not exist|was not looked at)/],
];

/** The kinds that say the claim's own step never got to show anything: an earlier step failed. */
export const NOT_THIS_STEP = new Set([DID_NOT_RUN, STOPPED_SHORT]);

export function failureKind(observationOrPattern: string): string {
  // A pattern as the observation it was drafted from: no anchor, no escapes, no leading ✗.
  const text = observationOrPattern.replace(/^\^/, "").replace(/\\(.)/g, "$1").replace(/^✗ /, "");
  const kind = KINDS.find(([, wording]) => wording.test(text))?.[0] ?? "output text";
  // An exit code is a kind of its own per code: a crash (1) is not a hang stopped at its limit (124/137).
  if (kind !== "exit code") return kind;
  const code = /^exit code (\(?[\d|]+\)?)/.exec(text)?.[1] ?? "";
  return /^\(?(124|137)(\|(124|137))*\)?$/.test(code) ? "exit code of a stopped command" : `exit code ${code}`;
}
