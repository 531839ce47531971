import semver from "semver";
import { z } from "zod";
import { Machine } from "../sut/image.ts";
import { captureRefs } from "./captures.ts";
import { Egress } from "../../mocks/egress.ts";
import { apiKeyKinds } from "../../mocks/services.ts";

function parseDuration(text: string): number {
  const value = Number.parseInt(text, 10);
  return text.endsWith("ms") ? value : text.endsWith("m") ? value * 60_000 : value * 1000;
}

const duration = z
  .string()
  .regex(/^\d+(ms|s|m)$/, "a duration such as 30s, 500ms or 2m")
  .transform(parseDuration)
  .refine((ms) => ms > 0, "a duration longer than zero");

/** One egress or several: a variant or known-drift entry limited to them. */
const egresses = z
  .union([Egress, z.array(Egress).min(1)])
  .transform((egress) => (Array.isArray(egress) ? [...new Set(egress)] : [egress]));

/** A semver range of OpenClaw versions, such as ">=2026.5.12 <2026.6.0" or "2026.5.12". */
export const versionRange = z
  .string()
  .refine((range) => semver.validRange(range) !== null, 'not a semver range (e.g. ">=2026.5.12 <2026.6.0" or "2026.5.12")');

const name = z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes");

/** A kind of API key some served provider issues (mocks/services.ts). */
const apiKeyName = z.string().refine((kind) => apiKeyKinds().some((known) => known.name === kind), {
  error: (issue) => `no served provider issues "${String(issue.input)}" (known: ${apiKeyKinds().map((known) => known.name).join(", ")})`,
});

export const regex = z.string().refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, "not a valid regular expression");

/** Values may use `{{name}}` to paste what an earlier step captured. */
const values = z.record(z.string(), z.string());

/** Where in the docs of the version under test a step's command is read from. */
export const DocsLocator = z.strictObject({
  page: z.string().regex(/\.mdx?$/, "a page path under docs/, e.g. providers/openai.md"),
  tab: z.string().optional().describe("title of a <Tab title=…>"),
  step: z.string().optional().describe("title of a <Step title=…>"),
  accordion: z.string().optional().describe("title of an <Accordion title=…> (inside the heading's section, when both are given)"),
  heading: z
    .union([z.string(), z.array(z.string()).min(1)])
    .transform((path) => (typeof path === "string" ? [path] : path))
    .optional()
    .describe("heading text, or a path of headings outermost first"),
  block: z.number().int().positive().describe("1-based index of the shell block in that part of the page"),
  line: z
    .union([z.number().int().positive(), z.literal("all")])
    .optional()
    .describe('1-based command of a multi-command block, or "all": the whole block in one shell, as a person pastes it'),
  fill: values.optional().describe("values for the command's <name> placeholders, keyed by name"),
  optional: z
    .union([z.enum(["none", "all"]), z.array(z.string().min(1)).min(1)])
    .optional()
    .describe("a usage synopsis's [optional] parts a person types: none, all, or the named ones (as written inside the brackets)"),
});

/** Where a config example of the docs stands: `block` counts the JSON5/JSON/YAML blocks, not the shell ones. */
export const ConfigLocator = DocsLocator.omit({ line: true, fill: true, optional: true });

/** A file the person writes before the step's command: a config example of the docs, pasted whole. */
export const DocFile = z.strictObject({
  path: z.string().regex(/^(~\/|\/|\.\/)/, "a path under ~/ (the OpenClaw user's home), ./ (where commands run: the home) or absolute"),
  docs: ConfigLocator,
});

/** The terminal user: when the screen shows `when`, types `send` (`\r` is Enter). */
export const Answer = z.strictObject({
  when: regex,
  send: z.string(),
});

/**
 * An environment adaptation: where the docs' command cannot do its job in a container (no
 * service manager for `gateway restart`), the harness runs `serve` supervised in the background
 * and waits until its output matches `ready`, having first stopped the earlier stand-ins when
 * `stop` says so (`gateway stop`: only that). The doc command still runs first and is recorded.
 */
export const Substitution = z
  .strictObject({
    why: z.string().min(1, "say why the docs' command cannot do its job here"),
    setup: z.array(z.string()).default([]).describe("commands run before serve, e.g. config it needs"),
    stop: z.boolean().default(false).describe("first stop what earlier stand-ins serve (a foreground gateway), as the service manager stops the service for `gateway stop`"),
    serve: z.string().min(1).optional(),
    ready: regex.optional().describe("a line of serve's output that says it is ready"),
    timeout: duration.default(60_000),
  })
  .superRefine((substitution, context) => {
    if (!substitution.serve && !substitution.stop) context.addIssue({ code: "custom", path: ["serve"], message: "a stand-in serves something (serve: and ready:) or stops the stand-ins (stop: true)" });
    if (Boolean(substitution.serve) !== Boolean(substitution.ready)) context.addIssue({ code: "custom", path: ["ready"], message: "serve: and ready: go together" });
  });

/**
 * A step's time limit when it names none. It is reached only when a command hangs, so it costs
 * nothing otherwise; 2026.5.12's CLI spends 20-40 s loading plugins on each command, and more
 * than 60 s of it beside other scenarios on two cores (CI, 2026-12-02: `models status`).
 */
const DEFAULT_STEP_TIMEOUT_MS = 180_000;

/**
 * A command measured to keep running once its work is done (a sign-in that never exits): the step
 * ends a grace after the line that says the work is done, however slow the machine, rather than at
 * a time limit tuned to the machine. An exit within the grace is the command's own.
 */
const StopAfter = z
  .strictObject({
    output: regex.describe("the line of its output that says its work is done"),
    grace: duration.default(15_000).describe("how long it may take to exit by itself after that line before it is stopped (exit 124)"),
  })
  .describe("the command is known to keep running once its work is done: it is stopped a grace after the line that says so");

const stepBase = {
  id: name,
  tty: z.boolean().default(false),
  actor: z.enum(["device-code-user", "browser-user"]).optional().describe("the person the docs talk to, played by the harness"),
  answers: z.array(Answer).optional().describe("prompts the terminal user answers, in order; implies tty"),
  env: values.optional().describe("environment of the command, e.g. the $OPENAI_API_KEY the docs expect"),
  capture: z.record(name, regex).optional().describe("name → regex with one group, matched on the output; reuse as {{name}}"),
  files: z.array(DocFile).optional().describe("config examples of the docs the person writes to files before the command (e.g. the patch file `config patch --file` reads)"),
  substitute: Substitution.optional(),
  background: z
    .strictObject({ ready: regex.describe("a line of its output that says it is up") })
    .optional()
    .describe("the command keeps running (a server the docs start in a terminal of its own): it runs supervised in the background, and the step ends once its output says it is ready"),
  startupFile: z
    .boolean()
    .default(false)
    .describe("the docs have the person add this line to their shell startup file (~/.bashrc): once it has run, every later step's shell runs it first, as a new terminal would"),
  timeout: duration.default(DEFAULT_STEP_TIMEOUT_MS).describe("how long the step may take before it is stopped (exit 124); the default is reached only by a hang"),
  stopAfter: StopAfter.optional(),
};

const ALSO_IN_NEEDS_DOCS = "alsoIn: names other blocks of a docs: command; a run: or skipped step has none";

/**
 * Where a version's docs or CLI need another command for the same step, or have no such step:
 * that version's `docs:` or `run:` (with `why:`), time limit, prompts, or `skip:` with the reason. The
 * first variant whose range holds wins.
 */
export const StepVariant = z
  .strictObject({
    openclaw: versionRange.describe("the versions this form of the step applies to"),
    docs: DocsLocator.optional(),
    alsoIn: z.array(DocsLocator).min(1).optional().describe("this version's other blocks that give the same command (with its docs:, or the step's)"),
    run: z.string().min(1).optional(),
    why: z.string().min(1).optional(),
    timeout: duration.optional(),
    stopAfter: StopAfter.optional().describe("this version's command keeps running once its work is done"),
    answers: z.array(Answer).optional().describe("this version's prompts, where its wizard asks otherwise"),
    files: z.array(DocFile).optional().describe("this version's config examples, where its docs hold others"),
    substitute: Substitution.optional().describe("this version's stand-in, where only its form of the command cannot do its job in a container"),
    skip: z.string().min(1).optional().describe("this version has no such step: why (its claims must skip it too)"),
  })
  .superRefine((variant, context) => {
    if (variant.docs && variant.run) context.addIssue({ code: "custom", path: [], message: "give docs: or run:, not both" });
    if (variant.run && !variant.why) context.addIssue({ code: "custom", path: ["run"], message: "say why this command is not taken from the docs (why:)" });
    if (variant.skip && (variant.docs || variant.run || variant.answers || variant.files || variant.substitute)) context.addIssue({ code: "custom", path: ["skip"], message: "a skipped step runs nothing: no docs:, run:, answers:, files: or substitute:" });
    if (variant.alsoIn && (variant.run || variant.skip)) context.addIssue({ code: "custom", path: ["alsoIn"], message: ALSO_IN_NEEDS_DOCS });
  });

/**
 * A step reads its command from the docs (`docs:`) or gives it explicitly (`run:` with `why:`).
 * One object rather than a union, so a mistake in either kind gets a precise message.
 */
export const Step = z
  .strictObject({
    ...stepBase,
    docs: DocsLocator.optional(),
    alsoIn: z
      .array(DocsLocator)
      .min(1)
      .optional()
      .describe("other pages' blocks that give the person this same command (the same step, followed from another page); each must hold it, else doc drift"),
    run: z.string().min(1).optional().describe("an explicit command; may use {{name}} captured by an earlier step"),
    /** An explicit command must say why it is not read from the docs. */
    why: z.string().min(1).optional().describe("why this command is not taken from the docs"),
    versions: z.array(StepVariant).optional().describe("per-version command, time limit or skip, where a version's docs or CLI differ"),
  })
  .superRefine((step, context) => {
    if (Boolean(step.docs) === Boolean(step.run)) {
      context.addIssue({ code: "custom", path: [], message: "give either docs: (a locator into the docs) or run: (an explicit command), exactly one" });
    } else if (step.run && !step.why) {
      context.addIssue({ code: "custom", path: ["run"], message: "say why this command is not taken from the docs (why:)" });
    } else if (step.docs && step.why) {
      context.addIssue({ code: "custom", path: ["why"], message: "why: belongs to run: steps; a docs: step needs no excuse" });
    }
    if (step.alsoIn && !step.docs) context.addIssue({ code: "custom", path: ["alsoIn"], message: ALSO_IN_NEEDS_DOCS });
    if (step.background && (step.tty || step.actor || step.answers || step.substitute)) {
      context.addIssue({ code: "custom", path: ["background"], message: "a background command has no terminal, person or stand-in: drop tty, actor, answers and substitute" });
    }
  });

/** A path as claims write it: absolute, or under ~/ (the OpenClaw user's home). */
const homeOrAbsolute = z.string().regex(/^(~\/|\/)/, "an absolute path, or one under ~/ (the OpenClaw user's home)");

/** One observable outcome; every field given must hold. */
export const Expectation = z.strictObject({
  exitCode: z.number().int().optional(),
  outputIncludes: z.string().optional(),
  outputExcludes: z.string().optional(),
  json: z.strictObject({ path: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }).optional(),
  journal: z
    .strictObject({
      host: z.string(),
      path: z.string().optional(),
      clientClass: z.enum(["codex-cli", "node", "unknown"]).optional(),
      status: z.number().int().optional(),
      answeredBy: z.string().optional(),
      header: z.strictObject({ name: z.string(), equals: z.string() }).optional(),
    })
    .optional(),
  actorApproved: z.boolean().optional(),
  file: z
    .strictObject({
      path: homeOrAbsolute,
      exists: z.boolean().default(true),
      mode: z.string().regex(/^[0-7]{3,4}$/, "octal permission bits, e.g. 600").optional(),
      json: z.strictObject({ path: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }).optional(),
      absent: z
        .array(z.string().regex(/^[^*<>'\s]+$/, "a concrete JSON path, as json.path is written (no wildcard, placeholder or quote)"))
        .min(1)
        .optional()
        .describe("paths its JSON had before the step and must not have after (e.g. a legacy key doctor moved or removed), written as json.path is"),
      includes: z.string().min(1).optional().describe("text the file holds (may paste {{name}}, e.g. a key that must be stored)"),
      excludes: z.string().min(1).optional().describe("text the file must not hold (e.g. {{openai-api-key}}, where the docs promise a reference instead of the plaintext)"),
    })
    .refine((file) => file.exists || file.absent === undefined, { path: ["absent"], message: "absent: reads the file's JSON, which a file that must not exist has none of" })
    .optional()
    .describe("a file in the SUT after the step: whether it exists, its mode, a value of its JSON, keys it had and lost, text it holds or must not"),
  written: z
    .strictObject({
      under: homeOrAbsolute.optional().describe("a folder where the step must have created or changed at least one file"),
      notUnder: z.array(homeOrAbsolute).default([]).describe("folders or files where it must have created or changed none (e.g. ~/.openclaw, when a variable moves the state elsewhere; ~/.openclaw/openclaw.json, for a write that must leave the config untouched)"),
      except: z.array(homeOrAbsolute).default([]).describe("folders inside a notUnder one where writing is allowed (a default the docs give apart, e.g. ~/.openclaw/workspace)"),
    })
    .refine((written) => written.under !== undefined || written.notUnder.length > 0, "say where: under:, notUnder: or both")
    .optional()
    .describe("the files the step created or changed, anywhere under the OpenClaw user's home, /tmp, /var/tmp and the folders named: some under one folder, none under others"),
  process: z
    .strictObject({ matches: regex, seen: z.boolean().default(true) })
    .optional()
    .describe("a process whose command line matches, seen (or not) in the SUT while the step ran"),
  log: z
    .strictObject({ matches: regex, seen: z.boolean().default(true) })
    .optional()
    .describe("a line OpenClaw wrote to its own log (/tmp/openclaw/*.log) while the step ran"),
  exitOnly: z
    .string()
    .min(10, "say why the exit status is the whole promise")
    .optional()
    .describe("the claim is judged by exitCode alone: why the sentence promises nothing more (nothing written, nothing shown)"),
});

/** Whether an expectation judges the exit status and nothing else. */
export const isExitOnly = (expect: Expectation) => Object.entries(expect).every(([key, value]) => value === undefined || key === "exitCode" || key === "exitOnly");

const quote = z.string().min(10, "quote the sentence of the docs that makes the promise");
const expectation = Expectation.refine((e) => Object.entries(e).some(([key, value]) => value !== undefined && key !== "exitOnly"), "say what must be observed").superRefine((expect, context) => {
  if (expect.exitOnly !== undefined && !(isExitOnly(expect) && expect.exitCode !== undefined)) {
    context.addIssue({ code: "custom", path: ["exitOnly"], message: "exitOnly: is for a claim judged by its exit code alone; drop it where other expectations judge the effect" });
  } else if (expect.exitCode !== undefined && isExitOnly(expect) && expect.exitOnly === undefined) {
    context.addIssue({
      code: "custom",
      path: ["exitCode"],
      message: "an exit code alone judges no effect: add what the sentence promises (file:, json:, outputIncludes:, journal:, a read command's output) or say why the exit status is the whole promise (exitOnly:)",
    });
  }
});

/**
 * Where a version words the promise differently, or it shows differently: that version's quote,
 * page or expectation, for the versions in its range. The first variant whose range holds wins.
 */
export const ClaimVariant = z.strictObject({
  openclaw: versionRange.describe("the versions this wording applies to"),
  egress: egresses.optional().describe("only under this egress or these (a scenario may run under several); every egress when omitted"),
  quote: quote.optional(),
  page: DocsLocator.shape.page.optional(),
  step: z.string().optional().describe("the step that shows it on these versions, where another step does the same job there"),
  expect: expectation.optional(),
  skip: z.string().min(1).optional().describe("this version makes no such promise, or its step does not run: why"),
});

/** A promise the docs make, quoted, and how it shows in what a step did. */
export const Claim = z.strictObject({
  id: name,
  quote,
  page: DocsLocator.shape.page,
  step: z.string(),
  expect: expectation,
  versions: z.array(ClaimVariant).optional().describe("per-version quote, page or expectation, where a version words or shows the promise differently"),
});

export const Scenario = z
  .strictObject({
    id: name,
    title: z.string(),
    description: z.string().optional(),
    openclaw: versionRange.describe("semver range of OpenClaw versions the scenario applies to"),
    egress: egresses.describe("the egress the SUT has, or a list: the scenario runs under each, a result per egress"),
    tags: z.array(z.string()).default([]),
    machine: Machine.default("openclaw-installed").describe("what the person's machine has when the first step runs: OpenClaw installed (the onboarding pages' start), or only Node and npm (the install pages' start); OpenClaw is then what the mock registry serves as openclaw@latest, the version under test"),
    keys: z
      .array(apiKeyName)
      .default([])
      .describe("API keys the person made on a provider's dashboard before the first step (the docs' 'get your API key'): each is issued fresh by the world, accepted only by its provider's mock, pasted as {{name}} and redacted in every report"),
    env: values.optional().describe("the environment of the person's shell for every step (what the docs export first); a step's env: adds to it"),
    issues: z.array(z.url()).default([]),
    steps: z.array(Step).min(1),
    claims: z.array(Claim).min(1, "a scenario asserts at least one claim of the docs"),
  })
  .superRefine((scenario, context) => {
    const captured = new Set<string>(scenario.keys);
    for (const used of captureRefs(Object.values(scenario.env ?? {}).join(" "))) {
      if (!captured.has(used)) context.addIssue({ code: "custom", path: ["env"], message: `{{${used}}} is pasted before any step runs: only a key in keys: can be` });
    }
    scenario.steps.forEach((step, index) => {
      for (const used of capturesUsedBy(step)) {
        if (!captured.has(used)) context.addIssue({ code: "custom", path: ["steps", index], message: `{{${used}}} is not captured by an earlier step (nor a key in keys:)` });
      }
      Object.keys(step.capture ?? {}).forEach((key) => captured.add(key));
    });
    const stepIds = new Set(scenario.steps.map((step) => step.id));
    scenario.claims.forEach((claim, index) => {
      for (const used of captureRefs(JSON.stringify([claim.expect, claim.versions ?? []]))) {
        if (!captured.has(used)) context.addIssue({ code: "custom", path: ["claims", index, "expect"], message: `{{${used}}} is not captured by any step` });
      }
      if (!stepIds.has(claim.step)) {
        context.addIssue({ code: "custom", path: ["claims", index, "step"], message: `no step "${claim.step}" (steps: ${[...stepIds].join(", ")})` });
      }
      claim.versions?.forEach((variant, at) => {
        if (variant.step !== undefined && !stepIds.has(variant.step)) {
          context.addIssue({ code: "custom", path: ["claims", index, "versions", at, "step"], message: `no step "${variant.step}" (steps: ${[...stepIds].join(", ")})` });
        }
      });
    });
  });

/** `{{name}}` references in the values a step declares. */
export function capturesUsedBy(step: z.infer<typeof Step>): string[] {
  const texts = [
    step.run ?? "",
    ...Object.values(step.docs?.fill ?? {}),
    ...Object.values(step.env ?? {}),
    ...(step.answers ?? []).map((answer) => answer.send),
  ];
  return captureRefs(texts.join(" "));
}

export type Scenario = z.infer<typeof Scenario>;
export type Step = z.infer<typeof Step>;
export type Claim = z.infer<typeof Claim>;
export type ClaimVariant = z.infer<typeof ClaimVariant>;
export type StepVariant = z.infer<typeof StepVariant>;
export type Expectation = z.infer<typeof Expectation>;
export type DocsLocator = z.infer<typeof DocsLocator>;
export type Answer = z.infer<typeof Answer>;
export type Substitution = z.infer<typeof Substitution>;

/**
 * A reference suite: claims generated from the page set rather than written one by one. `cli`:
 * every command and command-and-flag the pages name (scenarios/coverage/pages.yaml) exists in
 * the version's own CLI, and every key they give `config get|set|unset` is in its config schema.
 * Its claim ids are generated (`command-<words>`, `flag-<words>--<flag>`, `config-<key>`).
 */
export const ReferenceSuite = z.strictObject({
  id: name,
  title: z.string(),
  description: z.string().optional(),
  openclaw: versionRange.describe("semver range of OpenClaw versions the suite applies to"),
  tags: z.array(z.string()).default([]),
  reference: z.literal("cli").describe("what the pages' names are judged against: cli, the version's own commands and options"),
  exclusions: z
    .array(
      z.strictObject({
        name: z
          .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
          .describe("the command or flag as the page writes it, e.g. --max-old-space-size, or several (another program's options listed on one page)"),
        page: z.string().min(1).describe("a page or page glob under docs/ where it is named"),
        why: z.string().min(10).describe("why it is not OpenClaw's to take: another program's flag, a future flag the sentence says is not there yet"),
      }),
    )
    .default([]),
});
export type ReferenceSuite = z.infer<typeof ReferenceSuite>;

/** A generated claim id of a reference suite. */
export const REFERENCE_CLAIM_ID = /^(command|flag|config)-[a-z0-9-]+$/;

export const KnownDrift = z.array(
  z.strictObject({
    scenario: z.string(),
    claim: z.string(),
    openclaw: versionRange.describe("semver range where the drift is known"),
    egress: egresses.optional().describe("only under this egress or these; under every egress the scenario runs with when omitted"),
    issue: z.url(),
    fails: regex.describe("how the drift shows, matched against the claim's observed lines; a claim that fails otherwise is 'known drift changed'"),
    note: z.string().optional(),
  }),
);
export type KnownDrift = z.infer<typeof KnownDrift>;
