import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { BadInputError } from "../util/errors.ts";

/**
 * `--docs <dir>`: a docs tree from a checkout, to check doc edits before they merge. Either the
 * docs folder itself or a checkout that has one.
 */
export function resolveDocsOverride(dir: string): string {
  const given = resolve(dir);
  const candidates = [join(given, "docs"), given];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isDirectory() && existsSync(join(candidate, "providers")));
  if (!found) throw new BadInputError(`--docs ${dir}: no OpenClaw docs tree there (expected a folder with providers/, or a checkout with docs/providers/)`);
  return found;
}
