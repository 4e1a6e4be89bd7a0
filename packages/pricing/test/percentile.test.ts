import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileOfSorted, percentiles } from '../src/index.js';

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
});
