// "Did you mean ...?" for misspelt config keys and flags.

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two adjacent
 * characters each cost 1, so the common typo `regoin` is one edit from `region`.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    const row = d[i];
    if (row === undefined) continue;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate closest to `given`, or undefined when none is close enough to be a plausible typo.
 * `keyOf` maps a candidate to the strings compared (e.g. a dotted key and its last part), so that
 * `interval` at the top level still finds `refresh.interval`. Comparison ignores case.
 */
export function closestMatch<T extends string>(
  given: string,
  candidates: readonly T[],
  keyOf: (candidate: T) => readonly string[] = (c) => [c],
): T | undefined {
  const needle = given.toLowerCase();
  let best: { candidate: T; distance: number } | undefined;
  for (const candidate of candidates) {
    for (const key of keyOf(candidate)) {
      const hay = key.toLowerCase();
      // A unique-looking prefix (`--reg`) is as good as a one-letter typo.
      const distance = hay.startsWith(needle) && needle.length >= 3 ? 1 : editDistance(needle, hay);
      const allowed = Math.max(1, Math.floor(hay.length / 3));
      if (distance <= allowed && (best === undefined || distance < best.distance)) best = { candidate, distance };
    }
  }
  return best?.candidate;
}
