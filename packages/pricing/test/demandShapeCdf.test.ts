import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demandShape } from '../src/demandShape.js';

describe('DemandShape.cdf: the share of hours at or below a demand level', () => {
  it('lognormal: the cdf undoes the quantile, and is 0 at and below 0', () => {
    const shape = demandShape({ meanGpus: 10, peakToMeanRatio: 2.5 });
    for (const p of [0.01, 0.1, 0.5, 0.9, 0.99]) expect(shape.cdf(shape.quantile(p))).toBeCloseTo(p, 12);
    expect(shape.cdf(shape.peakGpus)).toBeCloseTo(0.99, 12);
    expect(shape.cdf(0)).toBe(0);
    expect(shape.cdf(-1)).toBe(0);
  });

  it('a flat demand (peak = mean) is all at its mean', () => {
    const shape = demandShape({ meanGpus: 4, peakToMeanRatio: 1 });
    expect(shape.cdf(3.999)).toBe(0);
    expect(shape.cdf(4)).toBe(1);
  });

  it('on-off: idle 1 − 1/r of the hours, at the peak the rest', () => {
    const shape = demandShape({ meanGpus: 1, peakToMeanRatio: 20 });
    expect(shape.kind).toBe('on-off');
    expect(shape.cdf(-0.1)).toBe(0);
    expect(shape.cdf(0)).toBeCloseTo(0.95, 15);
    expect(shape.cdf(19.99)).toBeCloseTo(0.95, 15);
    expect(shape.cdf(20)).toBe(1);
  });

  it('an hourly series: the empirical share, by bisection', () => {
    const shape = demandShape({ hourlyGpus: [0, 1, 1, 3] });
    expect([shape.cdf(-1), shape.cdf(0), shape.cdf(0.5), shape.cdf(1), shape.cdf(2.9), shape.cdf(3)]).toEqual(
      [0, 0.25, 0.25, 0.75, 0.75, 1],
    );
  });

  it('property: non-decreasing, between 0 and 1, for every shape', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        fc.double({ min: -10, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (mean, ratio, x, dx) => {
          const shape = demandShape({ meanGpus: mean, peakToMeanRatio: ratio });
          const a = shape.cdf(x);
          const b = shape.cdf(x + dx);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(1);
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });
});
