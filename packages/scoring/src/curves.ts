/**
 * The response curves factors are built from. Each maps a measurement to a signal in 0..1 and is
 * monotone (non-decreasing) in its input, which is what the monotonicity properties rest on.
 */

/**
 * 0 at or below `lo`, 1 at or above `hi`, linear in log(x) between: for quantities that span orders of
 * magnitude (GiB, milliseconds, hours), where doubling matters the same at every scale. Assumes `0 < lo < hi`.
 */
export function logRamp(x: number, lo: number, hi: number): number {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  return Math.log(x / lo) / Math.log(hi / lo);
}

/** `Math.log(hi / lo)`, the denominator of `logRamp`, for a factor's `prepare`. */
export function logRange(lo: number, hi: number): number {
  return Math.log(hi / lo);
}

/**
 * `logRamp(x, lo, hi)` with its denominator `range = logRange(lo, hi)` computed once: the same bits, one logarithm
 * instead of two.
 */
export function logRampIn(x: number, lo: number, hi: number, range: number): number {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  return Math.log(x / lo) / range;
}

/**
 * Formatted numbers by their rounded value: `String(k / 100)` for k = 0 … 10,000 and the like. Formatting a
 * fraction (shortest round-trip digits) costs far more than an array load, and sentences repeat a small set of
 * rounded values, so each is formatted once, on first use.
 */
function formattedTable(size: number, divisor: number, suffix: string): (k: number) => string {
  const table: (string | undefined)[] = Array.from({ length: size + 1 }, () => undefined);
  return (k) => {
    if (!(k >= 0 && k <= size)) return `${k / divisor}${suffix}`;
    let text = table[k];
    if (text === undefined) {
      text = `${k / divisor}${suffix}`;
      table[k] = text;
    }
    return text;
  };
}

const percentOf = formattedTable(10_000, 100, '%');
const hundredths = formattedTable(1_000, 100, '');
const tenths = formattedTable(1_000, 10, '');

/** `x` as a percentage with at most two decimals, for sentences: 0.999 → "99.9%". */
export function percent(x: number): string {
  return percentOf(Math.round(x * 10_000));
}

/** A non-negative quantity rounded for a sentence: whole above 100, one decimal above 10, else two. */
export function roughly(x: number): string {
  if (x >= 100) return String(Math.round(x));
  if (x >= 10) return tenths(Math.round(x * 10));
  return hundredths(Math.round(x * 100));
}
