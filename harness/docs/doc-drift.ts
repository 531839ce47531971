import { HarnessError } from "../util/errors.ts";

/** Where in the docs a reader should look: a page (`docs/…`), and its line when one is known. */
export interface DocPlace {
  file: string;
  line?: number;
}

/**
 * The docs of the version under test no longer contain what a scenario points at (a page, tab,
 * step, code block or quoted sentence). That is a finding about the docs, not a harness failure.
 * `at` is the place a reviewer of the docs change would look (a pull request annotates it).
 */
export class DocDriftError extends Error {
  override name = "DocDriftError";
  readonly at?: DocPlace;

  /** `candidates`: what stands there instead (the nearest titles, the block's commands), named in the message. */
  constructor(message: string, candidates: string[] = [], at?: DocPlace) {
    super(candidates.length ? `${message} (found: ${candidates.map((c) => JSON.stringify(c)).join(", ")})` : message);
    if (at) this.at = at;
  }

  /** The same finding, placed where the caller knows it stands (kept if already placed). */
  placedAt(at: DocPlace): DocDriftError {
    return this.at ? this : new DocDriftError(this.message, [], at);
  }
}

/** The docs folder itself is missing: the install is broken, so the harness is. */
export class DocsMissingError extends HarnessError {
  override name = "DocsMissingError";
}
