/** Levenshtein distance, with an early exit: anything above `limit` is reported as `limit + 1`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * How far `name` is from `known` (both already lower-case): their edit distance, where a name that contains
 * the other (`gpuHours` ⊂ `gpuHoursPerMonth`) counts as near and a misspelled start of a longer name
 * (`availabilty` → `availabilityTarget`) counts as its distance to that start plus one. Above `limit` it is
 * `limit + 1`.
 */
export function nameDistance(name: string, known: string, limit: number): number {
  const whole = editDistance(name, known, limit);
  // Containment is near, but less so the more it leaves out (`gpu` ⊂ `usdpergpuhour` is weak).
  const contains = name.length >= 3 && known.length >= 2 && (known.includes(name) || name.includes(known));
  const inside = contains ? 1 + Math.ceil(Math.abs(known.length - name.length) / 4) : limit + 1;
  const start =
    known.length > name.length + 2 ? editDistance(name, known.slice(0, name.length), limit) + 1 : limit + 1;
  return Math.min(whole, inside, start, limit + 1);
}

/** The largest distance `nearestNames` still calls near for a name of this length. */
export function nearLimit(name: string): number {
  return Math.max(2, Math.floor(name.length / 2));
}

/**
 * Up to `max` names from `known` nearest to `name` by `nameDistance`, case-insensitive. Ties keep `known`'s
 * order.
 */
export function nearestNames(name: string, known: readonly string[], max = 3): string[] {
  const lower = name.toLowerCase();
  const limit = nearLimit(lower);
  const scored: { name: string; score: number; index: number }[] = [];
  known.forEach((k, index) => {
    const d = nameDistance(lower, k.toLowerCase(), limit);
    if (d <= limit) scored.push({ name: k, score: d, index });
  });
  scored.sort((x, y) => x.score - y.score || x.index - y.index);
  const out: string[] = [];
  for (const s of scored) {
    if (!out.includes(s.name)) out.push(s.name);
    if (out.length === max) break;
  }
  return out;
}

/** `; did you mean "a", "b"?` naming the known names nearest to `name`, or '' when none is near. */
export function didYouMean(name: string, known: readonly string[]): string {
  const near = nearestNames(name, known);
  return near.length > 0 ? `; did you mean ${near.map((n) => JSON.stringify(n)).join(', ')}?` : '';
}
