/**
 * The harness's own failures, kept apart from drift. Each class owns an exit code so a CI job
 * can tell "the docs drifted" (1) from "the input was wrong" or "the harness broke".
 */
export const ExitCode = {
  asExpected: 0,
  drift: 1,
  harnessBroken: 2,
  badInput: 3,
  environment: 4,
  /** Every selected scenario was skipped: nothing was checked (allowed with --allow-all-skipped). */
  nothingChecked: 5,
  /** Docs coverage: a documented command is neither run by a scenario nor excluded with a reason. */
  uncovered: 6,
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The harness itself failed; never reported as drift. */
export class HarnessError extends Error {
  readonly exitCode: ExitCodeValue = ExitCode.harnessBroken;
  override name = "HarnessError";
}

/** A scenario file, known-drift file, version or option the user gave is wrong. */
export class BadInputError extends HarnessError {
  override readonly exitCode = ExitCode.badInput;
  override name = "BadInputError";
}

/** The machine lacks something (Docker engine, root, apt) and says how to fix it. */
export class EnvironmentError extends HarnessError {
  override readonly exitCode = ExitCode.environment;
  override name = "EnvironmentError";
}
