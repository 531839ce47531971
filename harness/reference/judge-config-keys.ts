import type { DocReference } from "../docs/references.ts";
import { judgeKeyPath } from "./config-schema.ts";
import { isJudgedByReference, type ReferenceExclusion, type ReferenceVerdict, withoutExcluded } from "./judge-references.ts";

type Schema = Parameters<typeof judgeKeyPath>[0];

/**
 * Each config key a page gives `openclaw config get|set|unset`, judged by the JSON schema the
 * version prints for its own config (`openclaw config schema`): every segment a key of its
 * parent (a placeholder, an index or a quoted id stands for any key the parent allows). Keys
 * named only in prose are not judged here: without the command, a dotted name may be a legacy
 * key a migration table lists, a JSON output field or a protocol event.
 */
export function judgeConfigKeys(references: DocReference[], schema: Schema, exclusions: ReferenceExclusion[] = []): ReferenceVerdict[] {
  const byKey = Map.groupBy(
    withoutExcluded(references, exclusions).filter((reference) => reference.kind === "configKey" && isJudgedByReference(reference)),
    (reference) => reference.name,
  );
  const topLevel = Object.keys((schema.properties ?? {}) as object).filter((key) => key !== "$schema");
  return [...byKey].map(([key, refs]) => {
    const first = refs[0]!;
    const base = { id: `config-${key.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`, kind: "config" as const, subject: key, quote: first.text, file: first.file, line: first.line, alsoAt: refs.length - 1 };
    const verdict = judgeKeyPath(schema, key);
    if ("notAConfigPath" in verdict) return { ...base, held: false, observed: [`✗ ${key.split(/[.[]/)[0]} is no top-level key of this version's config (its schema's: ${topLevel.join(", ")})`] };
    if (verdict.known) return { ...base, held: true, observed: [`✓ ${key} is a key of this version's config (its schema)`] };
    return { ...base, held: false, observed: [`✗ ${verdict.at} has no key "${verdict.missing}" in this version's config schema (its keys there: ${verdict.offered.join(", ") || "none"})`] };
  });
}
