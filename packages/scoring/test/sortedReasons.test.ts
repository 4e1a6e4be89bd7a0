import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTOR_IDS } from '../src/index.js';
import { sortedReasons } from '../src/sortedReasons.js';

// Contributions with many ties (whole and half points, zeros of both signs) and the odd extreme value.
const point = fc.oneof(
  fc.integer({ min: -8, max: 8 }).map((k) => k / 2),
  fc.constantFrom(0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE),
  fc.double({ min: -30, max: 30, noNaN: true }),
);

function contributions(values: readonly number[]): Float64Array {
  return Float64Array.from(values);
}

/** The order the engine promised before the place count: a stable sort, largest |cloud| + |DePIN| first. */
function stableSorted(c: Float64Array, ids: readonly string[]) {
  return ids
    .map((factor, i) => ({ factor, cloud: c[2 * i]!, depin: c[2 * i + 1]! }))
    .sort((a, b) => Math.abs(b.cloud) + Math.abs(b.depin) - (Math.abs(a.cloud) + Math.abs(a.depin)));
}

/**
 * The engine's sort before the place count (assessFit at f3636f2), kept here as the reference: a stable insertion
 * sort by |cloud| + |DePIN|, largest first. sortedReasons hands NaN sizes to its own copy of it, so comparing with
 * that copy could not fail; this one is independent of the source.
 */
function referenceInsertionSort(c: Float64Array, ids: readonly string[]) {
  const n = ids.length;
  const sizes = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const size = Math.abs(c[2 * i]!) + Math.abs(c[2 * i + 1]!);
    let j = i - 1;
    while (j >= 0 && sizes[j]! < size) {
      sizes[j + 1] = sizes[j]!;
      order[j + 1] = order[j]!;
      j--;
    }
    sizes[j + 1] = size;
    order[j + 1] = i;
  }
  const out: { factor: string; cloud: number; depin: number }[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    out.push({ factor: ids[i]!, cloud: c[2 * i]!, depin: c[2 * i + 1]! });
  }
  return out;
}

function expectSame(actual: readonly object[], expected: readonly object[]) {
  expect(actual.length).toBe(expected.length);
  // Dense, and each reason's keys in the same order: the shape apps see.
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (let i = 0; i < expected.length; i++) {
    expect(Object.keys(actual[i]!)).toEqual(['factor', 'cloud', 'depin']);
    expect(actual[i]).toStrictEqual(expected[i]); // Object.is on the numbers: -0 stays -0
  }
}

describe('sortedReasons', () => {
  it('gives the stable sort by size, largest first, ties in registry order (eleven factors)', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 22, maxLength: 22 }), (values) => {
        const c = contributions(values);
        expectSame(sortedReasons(c, FACTOR_IDS), stableSorted(c, FACTOR_IDS));
        expectSame(sortedReasons(c, FACTOR_IDS), referenceInsertionSort(c, FACTOR_IDS));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same order for other factor counts (the loop path)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14 }),
        fc.array(point, { minLength: 28, maxLength: 28 }),
        (n, values) => {
          const ids = Array.from({ length: n }, (_, i) => FACTOR_IDS[i % FACTOR_IDS.length]!);
          const c = contributions(values.slice(0, 2 * n));
          expectSame(sortedReasons(c, ids), stableSorted(c, ids));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps the insertion sort order when a size is NaN', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 22, maxLength: 22 }),
        fc.integer({ min: 0, max: 21 }),
        (values, at) => {
          const c = contributions(values);
          c[at] = Number.NaN;
          const got = sortedReasons(c, FACTOR_IDS);
          expectSame(got, referenceInsertionSort(c, FACTOR_IDS));
          expect(got.map((r) => r.factor).sort()).toEqual([...FACTOR_IDS].sort());
        },
      ),
      { numRuns: 500 },
    );
  });
});
