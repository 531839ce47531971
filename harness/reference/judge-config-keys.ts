import type { DocReference } from "../docs/references.ts";
import { judgeKeyPath } from "./config-schema.ts";
import { type ReferenceExclusion, type ReferenceVerdict, withoutExcluded } from "./judge-references.ts";

type Schema = Parameters<typeof judgeKeyPath>[0];

/** What the config keys of the page set came to: claims, and what fails nothing but is worth a look. */
export interface ConfigKeyJudgement {
  verdicts: ReferenceVerdict[];
  /** Dotted names in prose that are no config path of this version (their first segment is no top-level key). */
  findings: string[];
}

/**
 * Each config key path the page set names, judged by the JSON schema the version prints for its
 * own config (`openclaw config schema`): every segment a key of its parent (a placeholder, an
 * index or a quoted id stands for any key the parent allows). A key given to `config
 * get|set|unset` must be a config path. A dotted name only in prose is read as one when its first
 * segment is a top-level key of this version's config; otherwise it names something else — a
 * diagnostic event, a chat payload's field — and is listed as a finding (measured: near-misses
 * of top-level keys there are mostly such names, `message.from.id`, `diagnostic.memory.pressure`).
 * Legacy keys a migration table names are missing by design: reviewed exclusions take them out.
 */
export function judgeConfigKeys(references: DocReference[], schema: Schema, exclusions: ReferenceExclusion[] = []): ConfigKeyJudgement {
  const byKey = Map.groupBy(
    withoutExcluded(references, exclusions).filter((reference) => reference.kind === "configKey"),
    (reference) => reference.name,
  );
  const topLevel = Object.keys((schema.properties ?? {}) as object).filter((key) => key !== "$schema");
  const verdicts: ReferenceVerdict[] = [];
  const findings: string[] = [];
  for (const [key, refs] of byKey) {
    const first = refs.find((reference) => reference.attribution === "with-command") ?? refs[0]!;
    const base = { id: `config-${key.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`, kind: "config" as const, subject: key, quote: first.text, file: first.file, line: first.line, alsoAt: refs.length - 1 };
    const verdict = judgeKeyPath(schema, key);
    if ("notAConfigPath" in verdict) {
      const head = key.split(/[.[]/)[0]!;
      if (first.attribution === "with-command") verdicts.push({ ...base, held: false, observed: [`✗ ${head} is no top-level key of this version's config (its schema's: ${topLevel.join(", ")})`] });
      else findings.push(`${key} (${first.file}:${first.line}) is no config path of this version: "${head}" is no top-level key of its config`);
    } else if (verdict.known) {
      verdicts.push({ ...base, held: true, observed: [`✓ ${key} is a key of this version's config (its schema)`] });
    } else {
      verdicts.push({ ...base, held: false, observed: [`✗ ${verdict.at} has no key "${verdict.missing}" in this version's config schema (its keys there: ${verdict.offered.join(", ") || "none"})`] });
    }
  }
  return { verdicts, findings };
}
