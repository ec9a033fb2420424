/** The closest candidate to a misspelt name, or undefined when nothing is close (within `maxDistance` edits). */
export function closest(
  word: string,
  candidates: Iterable<string>,
  maxDistance = Math.max(2, Math.floor(word.length / 3)),
): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= maxDistance ? best : undefined;
}

/** ` (did you mean "x"?)` for a misspelt or shortened name (e.g. "updated" for "updatedDate"), or "". */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  const lower = word.toLowerCase();
  const shortened = () =>
    word.length >= 4
      ? list
          .filter((c) => c.toLowerCase().startsWith(lower) || c.toLowerCase().endsWith(lower))
          .sort((a, b) => a.length - b.length)[0]
      : undefined;
  const match = closest(word, list) ?? shortened();
  return match ? ` (did you mean "${match}"?)` : '';
}

// Levenshtein distance, one row at a time.
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
