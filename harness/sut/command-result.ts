import { stripVTControlCharacters } from "node:util";

/** What one command run inside the SUT did. Output is kept raw and also without terminal codes. */
export interface CommandResult {
  command: string;
  tty: boolean;
  exitCode: number;
  /** stdout (for a TTY command: the terminal, stdout and stderr merged). */
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  /** Set when the harness stopped a command known to keep running once its work is done: the line that said so, and the grace it was given. */
  stoppedAfter?: { line: string; graceMs: number };
}

/** How a command stopped at its time limit is said wherever its exit code is shown, or undefined. */
export const timeLimitNote = (result: Pick<CommandResult, "durationMs"> & { timedOut?: boolean }): string | undefined =>
  result.timedOut ? `stopped at the step's time limit after ${Math.round(result.durationMs / 1000)} s` : undefined;

/** How a command's end is said beside its exit code: stopped at its limit, or stopped once done (a known hang), or undefined. */
export const stopNote = (result: Pick<CommandResult, "durationMs" | "stoppedAfter"> & { timedOut?: boolean }): string | undefined =>
  timeLimitNote(result) ??
  (result.stoppedAfter && `stopped ${Math.round(result.stoppedAfter.graceMs / 1000)} s after it printed "${result.stoppedAfter.line}", as it keeps running once its work is done`);

/** Terminal output as a person reads it: no colour or cursor codes; a line overwritten with \r is joined. */
export function plainText(output: string): string {
  return stripVTControlCharacters(output.replace(/\r\n/g, "\n").replace(/\r/g, ""));
}
