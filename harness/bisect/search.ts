/**
 * Bisect's search, environment-free: over versions ordered oldest first, whose first has the
 * "good" verdict and whose last another one, find the first version whose verdict differs from
 * the good one. Like `git bisect run`, a version that cannot be tested is skipped, never guessed:
 * the answer may then be a range of candidates.
 */
export type Verdict = { testable: true; verdict: string } | { testable: false; why: string };

export interface BisectStep {
  version: string;
  verdict: Verdict;
}

export interface BisectResult {
  /** The last version tested with the good verdict. */
  lastGood: string;
  /** The first version tested with another verdict. */
  firstDiffering: string;
  /** Untested versions between the two that could hold the change (skipped ones): empty when the answer is exact. */
  undecided: string[];
  steps: BisectStep[];
}

export class BisectInputError extends Error {
  override name = "BisectInputError";
}

export async function bisect(versions: readonly string[], verdictOf: (version: string) => Promise<Verdict>): Promise<BisectResult> {
  if (versions.length < 2) throw new BisectInputError("bisect needs a good and a bad version, the good one older");
  const steps: BisectStep[] = [];
  const test = async (index: number) => {
    const verdict = await verdictOf(versions[index]!);
    steps.push({ version: versions[index]!, verdict });
    return verdict;
  };
  const good = await test(0);
  if (!good.testable) throw new BisectInputError(`the good version ${versions[0]} cannot be tested: ${good.why}`);
  const bad = await test(versions.length - 1);
  if (!bad.testable) throw new BisectInputError(`the bad version ${versions.at(-1)} cannot be tested: ${bad.why}`);
  if (bad.verdict === good.verdict) throw new BisectInputError(`${versions[0]} and ${versions.at(-1)} have the same verdict (${good.verdict}): nothing to bisect`);

  let low = 0;
  let high = versions.length - 1;
  const skipped = new Set<number>();
  for (;;) {
    // The untested, unskipped versions between the bounds, nearest to the middle first.
    const middle = (low + high) / 2;
    const open = Array.from({ length: high - low - 1 }, (_, offset) => low + 1 + offset).filter((index) => !skipped.has(index));
    if (!open.length) break;
    const index = open.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle) || a - b)[0]!;
    const verdict = await test(index);
    if (!verdict.testable) skipped.add(index);
    else if (verdict.verdict === good.verdict) low = index;
    else high = index;
  }
  const undecided = [...skipped].filter((index) => index > low && index < high).sort((a, b) => a - b).map((index) => versions[index]!);
  return { lastGood: versions[low]!, firstDiffering: versions[high]!, undecided, steps };
}
