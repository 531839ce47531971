import { writeFileSync } from "node:fs";
import { join } from "node:path";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { dir } from "tmp-promise";
import { unified } from "unified";
import { describe, expect, test } from "vitest";
import { measurePromises, type QuotedClaim } from "../../harness/coverage/promises.ts";
import { PromiseExclusion, PromiseExclusions } from "../../harness/coverage/schema.ts";
import { docReferences, pageReferences } from "../../harness/docs/references.ts";
import { isJudgedByReference } from "../../harness/reference/judge-references.ts";
import { promisesExitCode } from "../../harness/cli/promise-coverage.ts";
import { ExitCode } from "../../harness/util/errors.ts";

const page = `# \`openclaw doctor\`

Run \`openclaw doctor --fix\` to apply repairs. Set \`OPENCLAW_STATE_DIR\` to move the state.

- \`--deep\`: scan system services for extra gateway installs.
- \`OPENCLAW_NIX_MODE=1\` keeps doctor read-only.

| Flag | Effect |
| --- | --- |
| \`--yes\` | accept the defaults without prompting |
| \`gateway.auth.token\` | where the token is kept |
| \`OPENCLAW_GATEWAY_TOKEN\` | the token doctor generates |
`;

const references = pageReferences({ page: "cli/doctor.md", file: "docs/cli/doctor.md", tree: unified().use(remarkParse).use(remarkGfm).use(remarkMdx).parse(page) });
const claim = (id: string, line: number, quote: string): QuotedClaim => ({ scenario: "doctor-modes", claim: id, file: "docs/cli/doctor.md", line, quote });

function measure(claims: QuotedClaim[], exclusions: PromiseExclusions = []) {
  return measurePromises({ openclaw: "2026.9.6", references, claims, isReferenceChecked: isJudgedByReference, exclusions });
}

const statusOf = (coverage: ReturnType<typeof measure>, start: string) => coverage.promises.find((promise) => promise.text.startsWith(start))?.status;

describe("promise coverage: every sentence, list item and table row that names something, and what answers for it", () => {
  test("each prose unit is one promise, with the names it gives; shell blocks are not promises", () => {
    const coverage = measure([]);
    expect(coverage.promises.map((promise) => [promise.unit, promise.line, promise.names.map((name) => name.name)])).toEqual([
      ["sentence", 3, ["openclaw doctor", "--fix"]],
      ["sentence", 3, ["OPENCLAW_STATE_DIR"]],
      ["list-item", 5, ["--deep"]],
      ["list-item", 6, ["OPENCLAW_NIX_MODE"]],
      ["table-row", 10, ["--yes"]],
      ["table-row", 11, ["gateway.auth.token"]],
      ["table-row", 12, ["OPENCLAW_GATEWAY_TOKEN"]],
    ]);
  });

  test("a reference check alone is 'reference', never 'effect'; a name no suite checks leaves the promise unaccounted", () => {
    const coverage = measure([]);
    expect(coverage.promises.map((promise) => promise.status)).toEqual(["reference", "unaccounted", "reference", "unaccounted", "reference", "reference", "unaccounted"]);
    expect(coverage.totals).toMatchObject({ promises: 7, effect: 0, reference: 4, excluded: 0, unaccounted: 3, percentEffect: 0 });
    expect(promisesExitCode([coverage])).toBe(ExitCode.uncovered);
  });

  test("a claim judges the sentence it quotes, not the other sentence of its paragraph", () => {
    const coverage = measure([claim("state-dir-moves", 3, "Set `OPENCLAW_STATE_DIR` to move the state.")]);
    expect(statusOf(coverage, "Set OPENCLAW_STATE_DIR")).toBe("effect");
    expect(statusOf(coverage, "Run openclaw doctor --fix")).toBe("reference");
    expect(coverage.promises.find((promise) => promise.status === "effect")!.claims).toEqual(["doctor-modes/state-dir-moves"]);
  });

  test("a list item or table row is judged by a claim quoting part of it; a quote on another page or line judges nothing", () => {
    const coverage = measure([claim("nix-read-only", 6, "keeps doctor read-only"), claim("yes", 10, "accept the defaults without prompting"), { ...claim("elsewhere", 12, "the token doctor generates"), file: "docs/cli/onboard.md" }]);
    expect(statusOf(coverage, "OPENCLAW_NIX_MODE")).toBe("effect");
    expect(statusOf(coverage, "--yes")).toBe("effect");
    expect(statusOf(coverage, "OPENCLAW_GATEWAY_TOKEN")).toBe("unaccounted");
  });

  test("an exclusion accounts for the names no suite checks, with its kind and reason; one matching a judged promise is stale", () => {
    const exclusions = PromiseExclusions.parse([
      { page: "cli/doctor.md", name: "^OPENCLAW_(STATE|NIX)", kind: "not-here", why: "environment variables are judged by effect only", runnableWhen: "a scenario that runs doctor with it set" },
      { page: "cli/*.md", text: "token doctor generates", kind: "not-here", why: "doctor generates a token only with a gateway", runnableWhen: "a gateway in the SUT" },
    ]);
    const coverage = measure([claim("state-dir-moves", 3, "Set `OPENCLAW_STATE_DIR` to move the state.")], exclusions);
    expect(coverage.promises.map((promise) => promise.status)).toEqual(["reference", "effect", "reference", "excluded", "reference", "reference", "excluded"]);
    expect(coverage.promises[3]!.exclusion).toMatchObject({ index: 0, kind: "not-here" });
    expect(coverage.promises[6]!.exclusion).toMatchObject({ index: 1 });
    expect(coverage.staleExclusions).toEqual([0]);
    expect(promisesExitCode([coverage])).toBe(ExitCode.asExpected);
  });

  test("an exclusion that says nothing of which promises, or a not-here one without runnableWhen, is bad input", () => {
    expect(PromiseExclusion.safeParse({ page: "**", kind: "upstream", why: "no matcher at all here" }).success).toBe(false);
    expect(PromiseExclusion.safeParse({ page: "**", name: "^X_", kind: "not-here", why: "no runnableWhen given" }).success).toBe(false);
  });

  test("neither the front matter nor a sentence that labels a block promises anything; a list item that ends in a colon, or a colon inside a sentence, still does", async () => {
    const docs = await dir({ unsafeCleanup: true });
    try {
      const labelled = `---
summary: "CLI reference for \`openclaw gateway\` (run, status)"
read_when:
  - You set \`OPENCLAW_GATEWAY_PORT\`
---

Set \`OPENCLAW_GATEWAY_PORT\` before you start it:

\`\`\`bash
openclaw gateway run
\`\`\`

- \`OPENCLAW_GATEWAY_PORT\` moves the port. Set it in either place:

Set \`OPENCLAW_GATEWAY_TOKEN\` as \`mode:\` "token" for the route.
`;
      writeFileSync(join(docs.path, "gateway.md"), labelled);
      const coverage = measurePromises({ openclaw: "2026.9.6", references: docReferences(docs.path, ["gateway.md"]), claims: [], isReferenceChecked: isJudgedByReference, exclusions: [] });
      expect(coverage.promises.map((promise) => [promise.unit, promise.line])).toEqual([["list-item", 13], ["sentence", 15]]);
    } finally {
      await docs.cleanup();
    }
  });

  test("per-page figures add up to the version's", () => {
    const coverage = measure([claim("yes", 10, "accept the defaults without prompting")]);
    expect(coverage.pages).toEqual([{ page: "cli/doctor.md", ...coverage.totals }]);
    expect(coverage.totals).toMatchObject({ effect: 1, percentEffect: 14.3 });
  });
});
