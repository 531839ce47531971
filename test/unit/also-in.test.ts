import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { planRuns } from "../../harness/coverage/scenario-runs.ts";
import { stepForVersion } from "../../harness/scenario/for-version.ts";
import { planScenario } from "../../harness/scenario/plan-step.ts";
import { Scenario } from "../../harness/scenario/schema.ts";

// A docs tree where two pages give the same command and a third gives another.
const root = mkdtempSync(join(tmpdir(), "ocf-also-in-"));
const docsRoot = join(root, "docs");
const page = (path: string, text: string) => {
  mkdirSync(dirname(join(docsRoot, path)), { recursive: true });
  writeFileSync(join(docsRoot, path), text);
};
page("start/wizard.md", "# Wizard\n\nRun it:\n\n```bash\nopenclaw onboard\n```\n\nAdd one:\n\n```bash\nopenclaw agents add <name>\n```\n");
page("start/overview.md", "# Overview\n\n## CLI onboarding\n\n```bash\nopenclaw onboard\n```\n");
page("concepts/oauth.md", "# OAuth\n\nThe promise is kept here.\n\n```bash\nopenclaw agents add work\nopenclaw onboard --flow manual\n```\n");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const scenario = (steps: unknown[]) =>
  Scenario.parse({
    id: "also-in", title: "one step followed from several pages", openclaw: ">=2026.5.0", egress: "open", steps,
    claims: [{ id: "c", quote: "The promise is kept here.", page: "concepts/oauth.md", step: "s", expect: { exitCode: 0, exitOnly: "the sentence promises only that it succeeds" } }],
  });

describe("a step followed from several pages (alsoIn)", () => {
  test("each other page's block that gives the same command is recorded, placeholders filled as the person types them", () => {
    const plan = planScenario(
      scenario([{ id: "s", docs: { page: "concepts/oauth.md", block: 1, line: 1 }, alsoIn: [{ page: "start/wizard.md", block: 2, fill: { name: "work" } }] }]),
      docsRoot, "2026.9.6", "open",
    );
    expect(plan.drift).toEqual([]);
    expect(plan.steps[0]!.source).toMatchObject({ kind: "docs", file: "docs/concepts/oauth.md", line: 6, also: [{ file: "docs/start/wizard.md", line: 12 }] });
  });

  test("coverage counts the step on every page it is followed from, judged by the same claims", () => {
    const loaded = [{ file: "also-in.yaml", scenario: scenario([{ id: "s", docs: { page: "start/wizard.md", block: 1 }, alsoIn: [{ page: "start/overview.md", heading: "CLI onboarding", block: 1 }] }]) }];
    const { runs } = planRuns(loaded, docsRoot, "2026.9.6");
    expect(runs.map(({ file, lines, judgedBy }) => ({ file, lines, judgedBy }))).toEqual([
      { file: "docs/start/wizard.md", lines: [6], judgedBy: ["c"] },
      { file: "docs/start/overview.md", lines: [6], judgedBy: ["c"] },
    ]);
  });

  test("a block that gives another command is doc drift naming both places", () => {
    const plan = planScenario(scenario([{ id: "s", docs: { page: "start/wizard.md", block: 1 }, alsoIn: [{ page: "concepts/oauth.md", block: 1, line: 2 }] }]), docsRoot, "2026.9.6", "open");
    expect(plan.drift).toHaveLength(1);
    expect(plan.drift[0]!.message).toMatch(/docs\/concepts\/oauth\.md:7 \(alsoIn\) gives another command than the step's docs\/start\/wizard\.md:6: "openclaw onboard" \(found: "openclaw onboard --flow manual"\)/);
  });

  test("alsoIn belongs to docs steps: an explicit command has no other pages", () => {
    expect(() => scenario([{ id: "s", run: "openclaw onboard", why: "typed", alsoIn: [{ page: "start/wizard.md", block: 1 }] }])).toThrow(/alsoIn: names other blocks of a docs: command/);
  });

  test("a variant's own docs bring only its own alsoIn; a variant without docs keeps the step's", () => {
    const [step] = scenario([
      {
        id: "s", docs: { page: "start/wizard.md", block: 1 }, alsoIn: [{ page: "start/overview.md", block: 1 }],
        versions: [{ openclaw: "<2026.6.0", docs: { page: "concepts/oauth.md", block: 1, line: 2 } }, { openclaw: "<2026.8.0", timeout: "9s" }],
      },
    ]).steps;
    expect(stepForVersion(step!, "2026.5.12")!.alsoIn).toBeUndefined();
    expect(stepForVersion(step!, "2026.7.0")!.alsoIn).toEqual([expect.objectContaining({ page: "start/overview.md" })]);
  });
});
