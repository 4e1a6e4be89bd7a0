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
 * Up to `max` names from `known` nearest to `name`: case-insensitive edit distance, where a name that
 * contains the other (`gpuHours` ⊂ `gpuHoursPerMonth`) counts as near and a misspelled start of a longer name
 * (`availabilty` → `availabilityTarget`) counts as its distance to that start plus one. Ties keep `known`'s order.
 */
export function nearestNames(name: string, known: readonly string[], max = 3): string[] {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(lower.length / 2));
  const scored: { name: string; score: number; index: number }[] = [];
  known.forEach((k, index) => {
    const kl = k.toLowerCase();
    const whole = editDistance(lower, kl, limit);
    // Containment is near, but less so the more it leaves out (`gpu` ⊂ `usdpergpuhour` is weak).
    const contains = lower.length >= 3 && kl.length >= 2 && (kl.includes(lower) || lower.includes(kl));
    const inside = contains ? 1 + Math.ceil(Math.abs(kl.length - lower.length) / 4) : limit + 1;
    const start =
      kl.length > lower.length + 2 ? editDistance(lower, kl.slice(0, lower.length), limit) + 1 : limit + 1;
    const d = Math.min(whole, inside, start);
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
