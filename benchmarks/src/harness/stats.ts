/** Median of the samples (mean of the two middle ones for an even count); NaN for none. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** value ÷ floor, or null when either is missing or the floor is not a positive finite number. */
export function ratio(value: number | null, floor: number | null): number | null {
  if (value === null || floor === null || !Number.isFinite(value) || !(floor > 0 && Number.isFinite(floor))) {
    return null;
  }
  return value / floor;
}

/** A figure rounded to `digits` significant digits, for JSON that reads well (never rounds to 0 or NaN). */
export function significant(x: number, digits = 4): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}
