import { z } from "zod";
import { regex, versionRange } from "../scenario/schema.ts";

/**
 * The onboarding pages whose commands the harness answers for, per version range (globs under
 * docs/, since pages move between versions). Every entry whose range holds contributes.
 */
export const PageSet = z.array(
  z.strictObject({
    openclaw: versionRange.describe("the versions these pages are onboarding pages of"),
    pages: z.array(z.string().min(1)).min(1).describe("globs under docs/, e.g. cli/gateway*.md or help/faq-first-run/*.md"),
  }),
);

/** Why a documented command does not run here. */
export const ExclusionKind = z.enum(["platform", "upstream", "not-here"]);

/** Why it is excluded, as every exclusion says it: its kind, the platform, the reason, what would make it runnable. */
const excusal = {
  kind: ExclusionKind.describe("platform: for another OS or shell; upstream: an artifact no package ships and that cannot be reached (openclaw.ai's installers, a source checkout from github.com); not-here: a Linux user runs it, this harness cannot yet"),
  platform: z.string().min(1).optional().describe("platform: which one (macOS, Windows PowerShell, …)"),
  why: z.string().min(10, "say why it cannot run here"),
  runnableWhen: z.string().min(10).optional().describe("not-here: what would make it runnable"),
};

function checkKind(entry: { kind: ExclusionKind; platform?: string; runnableWhen?: string }, context: z.RefinementCtx) {
  if (entry.kind === "platform" && !entry.platform) context.addIssue({ code: "custom", path: ["platform"], message: "a platform exclusion names the platform" });
  if (entry.kind === "not-here" && !entry.runnableWhen) context.addIssue({ code: "custom", path: ["runnableWhen"], message: "a not-here exclusion says what would make it runnable (runnableWhen:)" });
}

/**
 * A block (or some commands of one) that the harness does not run, reviewed like code. It
 * matches commands by page (a glob), the block's language, the tab or accordion it stands in, the heading it
 * stands under and a regex over the command; every matcher given must hold.
 */
export const Exclusion = z
  .strictObject({
    page: z.string().min(1).describe("glob of the pages it applies to (always given, so a new command on another page surfaces)"),
    lang: z.string().optional().describe("the block's language, e.g. powershell"),
    tab: z.string().optional().describe("the title of a <Tab> the block stands in, e.g. macOS"),
    heading: z.string().optional().describe("the text of the heading the block stands under, e.g. From source"),
    accordion: z.string().optional().describe("the title of an <Accordion> the block stands in, e.g. a FAQ's question"),
    command: regex.optional().describe("a regex a command of the block must match"),
    openclaw: versionRange.default("*"),
    ...excusal,
  })
  .superRefine((entry, context) => {
    if (!entry.lang && !entry.tab && !entry.heading && !entry.accordion && !entry.command) context.addIssue({ code: "custom", path: [], message: "say which commands: lang:, tab:, heading:, accordion:, command: or several" });
    checkKind(entry, context);
  });

export const Exclusions = z.array(Exclusion);

/**
 * Promises of the docs (sentences, list items, table rows naming a command, flag, config key or
 * environment variable) that nothing judges, reviewed like code. It matches by page (a glob), a
 * regex over the promise's text and/or one that every name left unjudged in it must match.
 */
export const PromiseExclusion = z
  .strictObject({
    page: z.string().min(1).describe("glob of the pages it applies to (always given, so a new promise on another page surfaces)"),
    text: regex.optional().describe("a regex over the sentence, list item or table row, as the docs read"),
    name: regex.optional().describe("a regex every name in it that no reference suite checks must match, e.g. ^OPENCLAW_"),
    openclaw: versionRange.default("*"),
    ...excusal,
  })
  .superRefine((entry, context) => {
    if (!entry.text && !entry.name) context.addIssue({ code: "custom", path: [], message: "say which promises: text:, name: or both" });
    checkKind(entry, context);
  });
export const PromiseExclusions = z.array(PromiseExclusion);
export type PromiseExclusion = z.infer<typeof PromiseExclusion>;
export type PromiseExclusions = z.infer<typeof PromiseExclusions>;

export type PageSet = z.infer<typeof PageSet>;
export type Exclusions = z.infer<typeof Exclusions>;
export type Exclusion = z.infer<typeof Exclusion>;
export type ExclusionKind = z.infer<typeof ExclusionKind>;
