import { closest, distance } from "fastest-levenshtein";

/** The candidate an editor most likely meant, or undefined when none is close enough to be a typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(input.toLowerCase(), candidates.map((c) => c.toLowerCase()));
  const match = candidates.find((c) => c.toLowerCase() === best)!;
  const allowed = Math.max(2, Math.floor(match.length / 3));
  return distance(input.toLowerCase(), best) <= allowed ? match : undefined;
}
