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
}

/** How a command stopped at its time limit is said wherever its exit code is shown, or undefined. */
export const timeLimitNote = (result: Pick<CommandResult, "durationMs"> & { timedOut?: boolean }): string | undefined =>
  result.timedOut ? `stopped at the step's time limit after ${Math.round(result.durationMs / 1000)} s` : undefined;

/** Terminal output as a person reads it: no colour or cursor codes; a line overwritten with \r is joined. */
export function plainText(output: string): string {
  return stripVTControlCharacters(output.replace(/\r\n/g, "\n").replace(/\r/g, ""));
}
