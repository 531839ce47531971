import { describe, expect, test } from "vitest";
import { bisect, BisectInputError, type Verdict } from "../../harness/bisect/search.ts";
import { versionsBetween } from "../../harness/cli/bisect.ts";

const versions = ["1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.6.0", "1.7.0"];
/** Verdicts that change at `from`; `untestable` versions cannot be tested. */
const world = (from: string, untestable: string[] = []) => {
  const asked: string[] = [];
  const verdictOf = async (version: string): Promise<Verdict> => {
    asked.push(version);
    if (untestable.includes(version)) return { testable: false, why: "image build failed" };
    return { testable: true, verdict: versions.indexOf(version) >= versions.indexOf(from) ? "conforms" : "known drift" };
  };
  return { asked, verdictOf };
};

describe("bisect's search", () => {
  test("finds the first version whose verdict differs, in log2 steps", async () => {
    const { asked, verdictOf } = world("1.5.0");
    const result = await bisect(versions, verdictOf);
    expect(result).toMatchObject({ lastGood: "1.4.0", firstDiffering: "1.5.0", undecided: [] });
    expect(asked.length).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(versions.length - 2)) + 1);
  });
  test("a version that cannot be tested is skipped, not guessed: the answer is exact when a neighbour decides it", async () => {
    const { verdictOf } = world("1.5.0", ["1.3.0"]);
    expect(await bisect(versions, verdictOf)).toMatchObject({ lastGood: "1.4.0", firstDiffering: "1.5.0", undecided: [] });
  });
  test("when skipped versions stand between the bounds, they are named as undecided", async () => {
    const { verdictOf } = world("1.5.0", ["1.4.0", "1.5.0"]);
    expect(await bisect(versions, verdictOf)).toMatchObject({ lastGood: "1.3.0", firstDiffering: "1.6.0", undecided: ["1.4.0", "1.5.0"] });
  });
  test("good and bad with the same verdict, or an untestable bound, is the user's mistake", async () => {
    await expect(bisect(versions, world("9.9.9").verdictOf)).rejects.toThrow(BisectInputError);
    await expect(bisect(versions, world("1.5.0", ["1.0.0"]).verdictOf)).rejects.toThrow(/the good version 1\.0\.0 cannot be tested: image build failed/);
  });
});

describe("the versions bisect walks", () => {
  const published = ["2026.5.7", "2026.5.12", "2026.5.18-beta.1", "2026.5.18", "2026.6.1", "2026.9.6", "2026.9.7-beta.2"];
  test("from good to bad, oldest first, pre-releases only on request", () => {
    expect(versionsBetween(published, "2026.5.12", "2026.9.6", false)).toEqual(["2026.5.12", "2026.5.18", "2026.6.1", "2026.9.6"]);
    expect(versionsBetween(published, "2026.5.12", "2026.9.6", true)).toEqual(["2026.5.12", "2026.5.18-beta.1", "2026.5.18", "2026.6.1", "2026.9.6"]);
    expect(versionsBetween(published, "2026.5.12", "2026.9.7-beta.2", false)).toEqual(["2026.5.12", "2026.5.18", "2026.6.1", "2026.9.6", "2026.9.7-beta.2"]);
  });
  test("bounds that are not published releases, or in the wrong order, are bad input", () => {
    expect(() => versionsBetween(published, "2026.5.13", "2026.9.6", false)).toThrow(/--good 2026\.5\.13: npm has no such openclaw release/);
    expect(() => versionsBetween(published, "2026.9.6", "2026.5.12", false)).toThrow(/must be older/);
    expect(() => versionsBetween(published, "latest", "2026.9.6", false)).toThrow(/give a published version/);
  });
});
