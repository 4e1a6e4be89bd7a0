import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demandShape, newsvendorBaseline, newsvendorCriticalRatio } from '../src/index.js';

/** Expected hourly cost of a baseline b on a discrete demand distribution. */
function cost(
  levels: readonly number[],
  probs: readonly number[],
  b: number,
  rc: number,
  rb: number,
): number {
  let excess = 0;
  levels.forEach((d, i) => {
    excess += probs[i]! * Math.max(0, d - b);
  });
  return rc * b + rb * excess;
}

/** Inverse CDF of a discrete distribution: the smallest level with F(level) ≥ p. */
function discreteQuantile(levels: readonly number[], probs: readonly number[]) {
  const order = levels.map((d, i) => [d, probs[i]!] as const).sort((a, b) => a[0] - b[0]);
  return (p: number): number => {
    let f = 0;
    for (const [d, q] of order) {
      f += q;
      if (f >= p - 1e-12) return d;
    }
    return order[order.length - 1]![0];
  };
}

describe('newsvendorBaseline (F(b*) = 1 − r_committed / r_burst)', () => {
  it('matches a brute-force search over baselines on discretized demand distributions (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ level: fc.integer({ min: 0, max: 64 }), weight: fc.integer({ min: 1, max: 20 }) }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (points, rc, rb) => {
          const total = points.reduce((s, p) => s + p.weight, 0);
          const levels = points.map((p) => p.level);
          const probs = points.map((p) => p.weight / total);
          const b = newsvendorBaseline(discreteQuantile(levels, probs), rc, rb);
          // Brute force: the optimum of a piecewise-linear convex cost sits at 0 or at a demand level.
          let best = cost(levels, probs, 0, rc, rb);
          for (let x = 0; x <= 64; x++) best = Math.min(best, cost(levels, probs, x, rc, rb));
          expect(cost(levels, probs, b, rc, rb)).toBeLessThanOrEqual(best + 1e-9 * Math.max(1, best));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts everything on burst (b* = 0) when bursting is no dearer than committing', () => {
    const q = (p: number) => 100 * p;
    expect(newsvendorBaseline(q, 2, 2)).toBe(0);
    expect(newsvendorBaseline(q, 3, 1.5)).toBe(0);
    expect(newsvendorCriticalRatio(3, 1.5)).toBe(0);
  });

  it('is the demand quantile at the critical ratio: committed at half the burst price → the median', () => {
    expect(newsvendorCriticalRatio(1, 2)).toBe(0.5);
    expect(newsvendorBaseline((p) => 100 * p, 1, 2)).toBe(50);
    const shape = demandShape({ meanGpus: 10, peakToMeanRatio: 2 });
    expect(newsvendorBaseline(shape.quantile, 1, 4)).toBeCloseTo(shape.quantile(0.75), 12);
  });

  it('minimizes the expected cost of a lognormal demand: no nearby baseline is cheaper', () => {
    const shape = demandShape({ meanGpus: 40, peakToMeanRatio: 3 });
    const c = (b: number) => 1.2 * b + 2.5 * shape.expectedExcess(b);
    const b = newsvendorBaseline(shape.quantile, 1.2, 2.5);
    for (const d of [-1, -0.1, -0.001, 0.001, 0.1, 1]) expect(c(b)).toBeLessThanOrEqual(c(b + d) + 1e-9);
  });
});
