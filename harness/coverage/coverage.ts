import { matchesGlob } from "node:path";
import semver from "semver";
import type { DocBlock } from "./doc-blocks.ts";
import type { Exclusion } from "./schema.ts";
import type { DocCommandRun, PlanDrift } from "./scenario-runs.ts";
import { type BlockStatus, CommandStatus, blockStatus } from "./status.ts";

export interface CommandCoverage {
  command: string;
  line: number;
  status: CommandStatus;
  /** The scenario steps that run it, with the claims that judge each and whether a stand-in did its job. */
  runs: { scenario: string; step: string; claims: string[]; substituted: boolean }[];
  /** The exclusion that accounts for it (its index in the exclusions file, and its reason). */
  exclusion?: Pick<Exclusion, "kind" | "platform" | "why" | "runnableWhen"> & { index: number };
}

export interface BlockCoverage {
  page: string;
  file: string;
  line: number;
  lang: string;
  status: BlockStatus;
  commands: CommandCoverage[];
}

export interface CoverageTotals {
  blocks: number;
  run: number;
  substituted: number;
  platform: number;
  upstream: number;
  excluded: number;
  unaccounted: number;
  /** run ÷ (blocks − platform − upstream), in percent. */
  percentRun: number;
  /** platform ÷ blocks, in percent: reported apart. */
  percentPlatform: number;
  /** The documented commands, by what accounts for each. */
  commands: Record<CommandStatus, number>;
}

/** Docs coverage of one version: every block of its onboarding pages and what accounts for it. */
export interface VersionCoverage {
  openclaw: string;
  pages: string[];
  blocks: BlockCoverage[];
  totals: CoverageTotals;
  /** Scenario locators or quotes that no longer resolve on this version. */
  drift: PlanDrift[];
  /** Exclusions (by index) that match a command some scenario runs and judges: remove them. */
  staleExclusions: number[];
  /** Per scenario, its claims judged by an exit code alone (each says why: exitOnly). */
  exitOnly: Record<string, string[]>;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);

/** The exclusions that hold for a version, each with its command regex compiled once. */
function exclusionMatcher(exclusions: readonly Exclusion[], version: string) {
  const holding = exclusions.map((entry) => ({
    entry,
    applies: semver.satisfies(version, entry.openclaw, { includePrerelease: true }),
    command: entry.command === undefined ? undefined : new RegExp(entry.command),
  }));
  /** The index of the first exclusion that matches a command of a block, or -1. */
  return (block: DocBlock, command: string): number =>
    holding.findIndex(
      ({ entry, applies, command: pattern }) =>
        applies &&
        matchesGlob(block.page, entry.page) &&
        (entry.lang === undefined || entry.lang === block.lang) &&
        (entry.tab === undefined || block.tabs.includes(entry.tab)) &&
        (entry.accordion === undefined || block.accordions.includes(entry.accordion)) &&
        (entry.heading === undefined || block.heading === entry.heading) &&
        (pattern === undefined || pattern.test(command)),
    );
}

/**
 * Accounts for every documented command of a version: the scenario steps that run it (by the
 * docs line they read it from), else the first exclusion that matches it. Environment-free: the
 * blocks, runs and exclusions come in, the coverage goes out.
 */
export function measureCoverage(input: { openclaw: string; pages: string[]; blocks: DocBlock[]; runs: DocCommandRun[]; drift: PlanDrift[]; exclusions: readonly Exclusion[]; exitOnly?: Record<string, string[]> }): VersionCoverage {
  const stale = new Set<number>();
  const matchingExclusion = exclusionMatcher(input.exclusions, input.openclaw);
  const blocks = input.blocks.map((block): BlockCoverage => {
    const commands = block.commands.map(({ command, line }): CommandCoverage => {
      const runs = input.runs.filter((run) => run.file === block.file && run.lines.includes(line)).map(({ scenario, step, judgedBy, substituted }) => ({ scenario, step, claims: judgedBy, substituted }));
      const index = matchingExclusion(block, command);
      const judgedRuns = runs.filter((run) => run.claims.length > 0);
      const judged = judgedRuns.length > 0;
      if (judged && index >= 0) stale.add(index);
      const matched = index >= 0 && !judged ? input.exclusions[index]! : undefined;
      const exclusion = matched && { index, kind: matched.kind, platform: matched.platform, why: matched.why, runnableWhen: matched.runnableWhen };
      // Judged, but only where a stand-in did its job: the command itself was never seen doing it.
      const ranItself = judgedRuns.some((run) => !run.substituted);
      const status: CommandStatus = judged ? (ranItself ? "run" : "substituted") : exclusion ? exclusion.kind : runs.length ? "unjudged" : "unaccounted";
      return { command, line, status, runs, ...(exclusion ? { exclusion } : {}) };
    });
    return { page: block.page, file: block.file, line: block.line, lang: block.lang, status: blockStatus(commands.map(({ status }) => status)), commands };
  });
  const count = (status: BlockStatus) => blocks.filter((block) => block.status === status).length;
  const platform = count("platform");
  const upstream = count("upstream");
  const commands = blocks.flatMap((block) => block.commands.map((command) => command.status));
  const totals: CoverageTotals = {
    blocks: blocks.length,
    run: count("run"),
    substituted: count("substituted"),
    platform,
    upstream,
    excluded: count("excluded"),
    unaccounted: count("unaccounted"),
    percentRun: percent(count("run"), blocks.length - platform - upstream),
    percentPlatform: percent(platform, blocks.length),
    commands: Object.fromEntries(CommandStatus.options.map((status) => [status, commands.filter((one) => one === status).length])) as Record<CommandStatus, number>,
  };
  return { openclaw: input.openclaw, pages: input.pages, blocks, totals, drift: input.drift, staleExclusions: [...stale].sort((a, b) => a - b), exitOnly: input.exitOnly ?? {} };
}
