/**
 * Sample percentiles by linear interpolation between order statistics: Hyndman & Fan (1996) type 7, the
 * default of R's `quantile` and NumPy's `percentile`. For a sorted sample x(0) ≤ … ≤ x(n−1) and
 * probability p: h = (n − 1)·p, q = x(⌊h⌋) + (h − ⌊h⌋)·(x(⌊h⌋+1) − x(⌊h⌋)). It is monotone in p, so
 * P10 ≤ P50 ≤ P90 always holds, and it returns a sample value when all values are equal.
 */
import type { Percentiles } from '@gpufit/schema';
import { assert } from './assert.js';

export const PERCENTILE_EMPTY_SAMPLE = 'a percentile needs at least one value';

/** Type-7 percentile of an ascending-sorted sample; p in 0..1. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  assert(n > 0, PERCENTILE_EMPTY_SAMPLE);
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const x = sorted[lo]!;
  if (lo + 1 >= n) return x;
  const y = sorted[lo + 1]!;
  const f = h - lo;
  // x + f·(y − x), kept inside [x, y] against rounding.
  return f === 0 || x === y ? x : Math.min(y, Math.max(x, x + f * (y - x)));
}

/** P10, P50 and P90 of `values` (not modified; a sorted copy is made with the numeric typed-array sort). */
export function percentiles(values: Float64Array): Percentiles {
  const sorted = values.slice().sort();
  return {
    p10: percentileOfSorted(sorted, 0.1),
    p50: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
  };
}
