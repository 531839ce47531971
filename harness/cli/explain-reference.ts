import semver from "semver";
import { pageSetPages } from "../coverage/load-coverage-files.ts";
import { docReferences } from "../docs/references.ts";
import type { ReferenceSuite } from "../scenario/schema.ts";
import { ExitCode, type ExitCodeValue } from "../util/errors.ts";

/**
 * What a reference suite will check on a version, read from its docs (starts nothing): the
 * commands, flags and config key paths each page names, and the reviewed exclusions. The judging needs the
 * version's CLI, so it happens in a run.
 */
export function explainReferenceSuite(suite: ReferenceSuite, version: string, docsRoot: string): ExitCodeValue {
  const applies = semver.satisfies(version, suite.openclaw);
  console.log(`${suite.id}: ${suite.title}\n  openclaw ${suite.openclaw}${applies ? "" : ` (${version}: does not apply; a run would skip it)`} · reference: ${suite.reference} · tags ${suite.tags.join(", ") || "-"}\n  docs: ${docsRoot}`);
  if (suite.description) console.log(`  ${suite.description.trim()}`);
  const references = docReferences(docsRoot, pageSetPages(docsRoot, version));
  const byPage = Map.groupBy(references, (reference) => reference.file);
  console.log(`what the pages name (each command, command-and-flag and config key path is one claim, judged by ${version}'s own CLI and config schema in a run; a dotted name in prose whose first segment is no top-level key of that schema is a finding):`);
  for (const [file, named] of byPage) {
    const count = (kind: string) => new Set(named.filter((reference) => reference.kind === kind).map((reference) => `${reference.command ?? ""} ${reference.name}`)).size;
    console.log(`  ${file}: ${count("command")} commands, ${count("flag")} flags, ${count("configKey")} config key paths`);
  }
  for (const exclusion of suite.exclusions) console.log(`  excluded: ${exclusion.name} on ${exclusion.page}: ${exclusion.why}`);
  return ExitCode.asExpected;
}
