import semver from "semver";
import type { Claim, Step } from "./schema.ts";

/**
 * Does a variant or known-drift entry (a version range, maybe some egresses) cover this version
 * under this egress? One rule for both, so a variant and its known drift never disagree.
 */
export const covers = (version: string, egress?: string) => (where: { openclaw: string; egress?: readonly string[] }) =>
  semver.satisfies(version, where.openclaw, { includePrerelease: true }) && (where.egress === undefined || where.egress.includes(egress ?? ""));

/**
 * A claim as one OpenClaw version states it: its own quote, page, step and expectation where a variant
 * of the claim covers that version, the claim's own otherwise; undefined where the variant says
 * this version makes no such promise (`skip`). A variant for one egress applies only under it.
 * The variants themselves are dropped.
 */
export function claimForVersion(claim: Claim, version: string, egress?: string): Claim | undefined {
  const { versions, ...base } = claim;
  const variant = versions?.find(covers(version, egress));
  if (!variant) return base;
  if (variant.skip) return undefined;
  return { ...base, quote: variant.quote ?? base.quote, page: variant.page ?? base.page, step: variant.step ?? base.step, expect: variant.expect ?? base.expect };
}

/**
 * A step as one version runs it: that version's command (docs or explicit), time limit, prompts, files and stand-in where
 * a variant covers it; undefined where the version has no such step (`skip`).
 */
export function stepForVersion(step: Step, version: string): Step | undefined {
  const { versions, ...base } = step;
  const variant = versions?.find(covers(version));
  if (!variant) return base;
  if (variant.skip) return undefined;
  // Other pages' blocks go with the docs they repeat: a variant's own docs: bring only its own alsoIn:.
  const command = variant.docs
    ? { docs: variant.docs, alsoIn: variant.alsoIn, run: undefined, why: undefined }
    : variant.run
      ? { docs: undefined, alsoIn: undefined, run: variant.run, why: variant.why }
      : { alsoIn: variant.alsoIn ?? base.alsoIn };
  return { ...base, ...command, timeout: variant.timeout ?? base.timeout, stopAfter: variant.stopAfter ?? base.stopAfter, answers: variant.answers ?? base.answers, files: variant.files ?? base.files, substitute: variant.substitute ?? base.substitute };
}

/** Why a version skips a step or claim (its covering variant's `skip`). */
export const skipReason = (variants: { openclaw: string; egress?: string[]; skip?: string }[] | undefined, version: string, egress?: string) =>
  variants?.find(covers(version, egress))?.skip ?? "";
