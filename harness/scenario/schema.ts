import { z } from "zod";
import { EgressProfile } from "../../mocks/edge/cloudflare-gate.ts";

const duration = z
  .string()
  .regex(/^\d+(ms|s|m)$/, "a duration such as 30s, 500ms or 2m")
  .transform((text) => {
    const value = Number.parseInt(text, 10);
    return text.endsWith("ms") ? value : text.endsWith("m") ? value * 60_000 : value * 1000;
  });

/** Where in the docs of the version under test a step's command is read from. */
export const DocsLocator = z.strictObject({
  page: z.string().regex(/\.mdx?$/, "a page path under docs/, e.g. providers/openai.md"),
  tab: z.string().optional(),
  step: z.string().optional(),
  block: z.number().int().positive(),
  line: z.number().int().positive().optional(),
});

const stepBase = {
  id: z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes"),
  tty: z.boolean().default(false),
  actor: z.enum(["device-code-user"]).optional(),
  timeout: duration.default(60_000),
};

export const Step = z.union([
  z.strictObject({ ...stepBase, docs: DocsLocator }),
  z.strictObject({
    ...stepBase,
    run: z.string().min(1),
    /** An explicit command must say why it is not read from the docs. */
    why: z.string().min(1, "say why this command is not taken from the docs"),
  }),
]);

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
});

/** A promise the docs make, quoted, and how it shows in what a step did. */
export const Claim = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes"),
  quote: z.string().min(10, "quote the sentence of the docs that makes the promise"),
  page: DocsLocator.shape.page,
  step: z.string(),
  expect: Expectation.refine((e) => Object.values(e).some((v) => v !== undefined), "say what must be observed"),
});

export const Scenario = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, "lower-case letters, digits and dashes"),
    title: z.string(),
    description: z.string().optional(),
    openclaw: z.string().describe("semver range of OpenClaw versions the scenario applies to"),
    egress: EgressProfile,
    tags: z.array(z.string()).default([]),
    issues: z.array(z.url()).default([]),
    steps: z.array(Step).min(1),
    claims: z.array(Claim).min(1, "a scenario asserts at least one claim of the docs"),
  })
  .superRefine((scenario, context) => {
    const stepIds = new Set(scenario.steps.map((step) => step.id));
    scenario.claims.forEach((claim, index) => {
      if (!stepIds.has(claim.step)) {
        context.addIssue({ code: "custom", path: ["claims", index, "step"], message: `no step "${claim.step}" (steps: ${[...stepIds].join(", ")})` });
      }
    });
  });

export type Scenario = z.infer<typeof Scenario>;
export type Step = z.infer<typeof Step>;
export type Claim = z.infer<typeof Claim>;
export type Expectation = z.infer<typeof Expectation>;
export type DocsLocator = z.infer<typeof DocsLocator>;

export const KnownDrift = z.array(
  z.strictObject({
    scenario: z.string(),
    claim: z.string(),
    openclaw: z.string().describe("semver range where the drift is known"),
    issue: z.url(),
    note: z.string().optional(),
  }),
);
export type KnownDrift = z.infer<typeof KnownDrift>;
