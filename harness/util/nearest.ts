import { distance } from "fastest-levenshtein";

/** The candidates closest to what was asked for, nearest first: what a reader would look at. */
export function nearest(wanted: string, candidates: string[], count = 3): string[] {
  const unique = [...new Set(candidates)];
  return unique
    .map((candidate) => ({ candidate, distance: distance(wanted.toLowerCase(), candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/**
 * The one candidate a typo of `wanted` most likely meant (a few letters off, or `wanted` a
 * part of it), or undefined when none is close enough to suggest.
 */
export function closeTo(wanted: string, candidates: string[]): string | undefined {
  const lower = wanted.toLowerCase();
  const [best] = nearest(wanted, candidates, 1);
  if (best === undefined) return undefined;
  const near = distance(lower, best.toLowerCase()) <= Math.max(2, Math.floor(wanted.length / 4));
  const part = lower.length >= 4 && candidates.filter((candidate) => candidate.toLowerCase().includes(lower));
  if (part && part.length === 1) return part[0];
  return near ? best : undefined;
}
