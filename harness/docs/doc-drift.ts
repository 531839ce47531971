import { HarnessError } from "../util/errors.ts";

/**
 * The docs of the version under test no longer contain what a scenario points at (a page, tab,
 * step, code block or quoted sentence). That is a finding about the docs, not a harness failure.
 */
export class DocDriftError extends Error {
  override name = "DocDriftError";
  readonly candidates: string[];

  constructor(message: string, candidates: string[] = []) {
    super(candidates.length ? `${message} (found: ${candidates.map((c) => JSON.stringify(c)).join(", ")})` : message);
    this.candidates = candidates;
  }
}

/** The docs folder itself is missing: the install is broken, so the harness is. */
export class DocsMissingError extends HarnessError {
  override name = "DocsMissingError";
}
