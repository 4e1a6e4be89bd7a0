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

/**
 * P10, P50 and P90 of `values` (not modified): copied into `scratch` (or a new array when none is given or it is
 * too short) and answered by `percentilesInPlace`. The same numbers as sorting a copy and reading it with
 * `percentileOfSorted`, found in linear time.
 */
export function percentiles(values: Float64Array, scratch?: Float64Array): Percentiles {
  const n = values.length;
  const buffer = scratch !== undefined && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  buffer.set(values);
  return percentilesInPlace(buffer);
}

/**
 * P10, P50 and P90 of `a`, reordering it: selection instead of sorting (Floyd & Rivest 1975). The order
 * statistics type 7 reads — x(⌊h⌋) and x(⌊h⌋+1) for each p — are placed by three selections, each in the part
 * the previous one left (P50 over all, P10 left of it, P90 right of it), and each x(⌊h⌋+1) is the least value
 * between its x(⌊h⌋) and the next selected position. The interpolation is `percentileOfSorted`'s, so the result is
 * the sort-based one bit for bit (−0 and +0 compare equal here, as in every comparison of the Monte Carlo).
 */
export function percentilesInPlace(a: Float64Array): Percentiles {
  const n = a.length;
  assert(n > 0, PERCENTILE_EMPTY_SAMPLE);
  const k10 = Math.floor((n - 1) * 0.1);
  const k50 = Math.floor((n - 1) * 0.5);
  const k90 = Math.floor((n - 1) * 0.9);
  select(a, k50, 0, n - 1);
  if (k10 < k50) select(a, k10, 0, k50 - 1);
  if (k90 > k50) select(a, k90, k50 + 1, n - 1);
  // x(k+1) is the least value in (k, next selected position]; past the last selection, the least of the rest.
  const next10 = k10 < k50 ? minOf(a, k10 + 1, k50) : minOf(a, k50 + 1, k90 > k50 ? k90 : n - 1);
  const next50 = minOf(a, k50 + 1, k90 > k50 ? k90 : n - 1);
  const next90 = minOf(a, k90 + 1, n - 1);
  return {
    p10: interpolate(a[k10]!, next10, (n - 1) * 0.1 - k10),
    p50: interpolate(a[k50]!, next50, (n - 1) * 0.5 - k50),
    p90: interpolate(a[k90]!, next90, (n - 1) * 0.9 - k90),
  };
}

/** `percentileOfSorted`'s step: x + f·(y − x) inside [x, y]; y is NaN when x is the last order statistic. */
function interpolate(x: number, y: number, f: number): number {
  if (Number.isNaN(y)) return x;
  return f === 0 || x === y ? x : Math.min(y, Math.max(x, x + f * (y - x)));
}

/** The least of a[from..to] (inclusive); NaN when the range is empty. */
function minOf(a: Float64Array, from: number, to: number): number {
  if (from > to) return Number.NaN;
  let m = a[from]!;
  for (let i = from + 1; i <= to; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * Floyd–Rivest selection: reorders a[left..right] so that a[k] is the value a sort would put there, everything
 * before it ≤ it and everything after it ≥ it. Expected linear time; ranges over 600 values first select within a
 * sample around the expected position, so the pivot lands near k.
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(a, k, newLeft, newRight);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
