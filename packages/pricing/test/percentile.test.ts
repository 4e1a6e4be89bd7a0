import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileOfSorted, percentiles, percentilesInPlace } from '../src/index.js';

/** The sort-based path selection replaced: a sorted copy read by percentileOfSorted. */
function bySort(values: Float64Array) {
  const sorted = values.slice().sort();
  return {
    p10: percentileOfSorted(sorted, 0.1),
    p50: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
  };
}

/** Bit for bit, with −0 and +0 as one value (selection compares them equal). */
const same = (a: number, b: number) => Object.is(a, b) || (a === 0 && b === 0);

describe('percentiles (Hyndman & Fan type 7, linear interpolation)', () => {
  it.each([
    // R: quantile(1:10, c(.1, .5, .9)) = 1.9, 5.5, 9.1; quantile(c(3, 1, 2), .5) = 2
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { p10: 1.9, p50: 5.5, p90: 9.1 }],
    [[3, 1, 2], { p10: 1.2, p50: 2, p90: 2.8 }],
    [[7], { p10: 7, p50: 7, p90: 7 }],
    [[5, 5, 5, 5], { p10: 5, p50: 5, p90: 5 }],
  ])('%j → %j', (values, expected) => {
    const p = percentiles(Float64Array.from(values));
    expect(p.p10).toBeCloseTo(expected.p10, 12);
    expect(p.p50).toBeCloseTo(expected.p50, 12);
    expect(p.p90).toBeCloseTo(expected.p90, 12);
  });

  it('P10 ≤ P50 ≤ P90, all within [min, max], and the input is not reordered (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1 }), (xs) => {
        const values = Float64Array.from(xs);
        const before = Array.from(values);
        const p = percentiles(values);
        expect(p.p10).toBeLessThanOrEqual(p.p50);
        expect(p.p50).toBeLessThanOrEqual(p.p90);
        expect(p.p10).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(p.p90).toBeLessThanOrEqual(Math.max(...xs));
        expect(Array.from(values)).toEqual(before);
      }),
    );
  });

  it('is monotone in p (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, a, b) => {
          const sorted = Float64Array.from(xs).sort();
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(percentileOfSorted(sorted, lo)).toBeLessThanOrEqual(percentileOfSorted(sorted, hi));
        },
      ),
    );
  });

  it('selection gives the sort-based answer bit for bit, ties and repeated values included (property)', () => {
    // Few distinct values (many ties), wide doubles, and arrays longer than 600 (the Floyd–Rivest sampling step).
    const value = fc.oneof(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0, 1e-300, 5e-324, 1.7976931348623157e308, -1.7976931348623157e308),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(value, { minLength: 1, maxLength: 40 }),
          fc.array(value, { minLength: 580, maxLength: 2_500 }),
        ),
        (xs) => {
          const values = Float64Array.from(xs);
          const expected = bySort(values);
          for (const got of [percentiles(values), percentilesInPlace(values.slice())]) {
            expect(same(got.p10, expected.p10), `p10 ${got.p10} vs ${expected.p10}`).toBe(true);
            expect(same(got.p50, expected.p50), `p50 ${got.p50} vs ${expected.p50}`).toBe(true);
            expect(same(got.p90, expected.p90), `p90 ${got.p90} vs ${expected.p90}`).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('selection gives the sort-based answer on Monte Carlo-like samples: 10,000 values, sorted, reversed, all equal', () => {
    let x = 12345;
    const lognormalish = Float64Array.from({ length: 10_000 }, () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return 1000 * Math.exp((x / 2147483648 - 0.5) * 2);
    });
    const cases = [
      lognormalish,
      lognormalish.slice().sort(),
      lognormalish.slice().sort().reverse(),
      new Float64Array(10_000).fill(4321.5),
      Float64Array.from({ length: 10_001 }, (_, i) => i % 7),
    ];
    for (const values of cases) {
      const before = values.slice();
      const got = percentiles(values, new Float64Array(20_000));
      expect(got).toEqual(bySort(values));
      expect(values).toEqual(before);
    }
  });

  it('percentiles with a scratch buffer too short for the values still answers (a new buffer)', () => {
    expect(percentiles(Float64Array.from([4, 1, 3, 2]), new Float64Array(2))).toEqual(
      bySort(Float64Array.from([4, 1, 3, 2])),
    );
  });

  it('percentilesInPlace refuses an empty sample', () => {
    expect(() => percentilesInPlace(new Float64Array(0))).toThrow(/at least one value/);
  });
});
