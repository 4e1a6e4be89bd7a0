import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REPLICAS, replicasForAvailability, replicasForDemandAndAvailability } from '../src/index.js';

describe('replicasForAvailability: n = ⌈ln(1 − A) / ln(1 − a)⌉ (independent replicas)', () => {
  it.each([
    // target A, node availability a, replicas
    [0.999, 0.9, 3],
    [0.99, 0.9, 2], // ln(0.01)/ln(0.1) = 2 exactly: no spurious third replica from float error
    [0.999, 0.95, 3],
    [0.9999, 0.99, 2],
    [0.9, 0.95, 1],
    [0.999, 0.5, 10],
    [0.999, 1, 1],
    [0, 0.5, 1],
  ])('A = %f, a = %f → %i', (target, a, n) => {
    expect(replicasForAvailability(target, a)).toEqual({ feasible: true, replicas: n });
  });

  it('n is the smallest count that reaches the target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 0.99999, noNaN: true }),
        fc.double({ min: 0.3, max: 0.9999, noNaN: true }),
        (target, a) => {
          const r = replicasForAvailability(target, a);
          expect(r.feasible).toBe(true);
          if (!r.feasible) return;
          expect(1 - (1 - a) ** r.replicas).toBeGreaterThanOrEqual(target);
          if (r.replicas > 1) expect(1 - (1 - a) ** (r.replicas - 1)).toBeLessThan(target);
        },
      ),
    );
  });

  it('is infeasible with a reason, never Infinity, when nodes are never up or the target is 100 %', () => {
    for (const r of [replicasForAvailability(0.99, 0), replicasForAvailability(1, 0.9)]) {
      expect(r.feasible).toBe(false);
      if (!r.feasible) expect(r.reason.length).toBeGreaterThan(10);
    }
    const huge = replicasForAvailability(0.999999, 1e-6);
    expect(huge.feasible).toBe(false);
    if (!huge.feasible) expect(huge.reason).toContain(String(MAX_REPLICAS));
  });

  it('refuses probabilities outside 0..1', () => {
    expect(() => replicasForAvailability(1.5, 0.9)).toThrow(/probability/);
    expect(() => replicasForAvailability(0.9, -0.1)).toThrow(/probability/);
  });
});

describe('replicasForDemandAndAvailability: P(Binomial(n, a) ≥ k) ≥ A', () => {
  it('for k = 1 equals the closed form', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        fc.double({ min: 0.3, max: 0.999, noNaN: true }),
        (target, a) => {
          expect(replicasForDemandAndAvailability({ needed: 1, target, nodeAvailability: a })).toEqual(
            replicasForAvailability(target, a),
          );
        },
      ),
    );
  });

  it.each([
    // k, A, a, n — by hand: P(≥4 of 7 up | a = 0.95) = 1 − Σ_{f≥4} C(7,f)·0.05^f·0.95^{7−f} ≈ 0.99981 ≥ 0.999,
    // while P(≥4 of 6) ≈ 0.99777 < 0.999; P(≥10 of 11 | 0.99) = 0.99¹¹ + 11·0.01·0.99¹⁰ ≈ 0.9948 ≥ 0.99, P(10 of 10) ≈ 0.904
    [4, 0.999, 0.95, 7],
    [10, 0.99, 0.99, 11],
    [3, 0.9, 1, 3],
  ])('k = %i, A = %f, a = %f → %i', (needed, target, a, n) => {
    expect(replicasForDemandAndAvailability({ needed, target, nodeAvailability: a })).toEqual({
      feasible: true,
      replicas: n,
    });
  });

  it('returns the smallest n, checked against a direct binomial sum', () => {
    const atLeast = (n: number, k: number, a: number) => {
      let p = 0;
      for (let up = k; up <= n; up++) {
        let c = 1;
        for (let i = 0; i < up; i++) c = (c * (n - i)) / (i + 1);
        p += c * a ** up * (1 - a) ** (n - up);
      }
      return p;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }),
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        fc.double({ min: 0.6, max: 0.999, noNaN: true }),
        (needed, target, a) => {
          const r = replicasForDemandAndAvailability({ needed, target, nodeAvailability: a });
          expect(r.feasible).toBe(true);
          if (!r.feasible) return;
          expect(atLeast(r.replicas, needed, a)).toBeGreaterThanOrEqual(target - 1e-12);
          if (r.replicas > needed) expect(atLeast(r.replicas - 1, needed, a)).toBeLessThan(target + 1e-12);
        },
      ),
    );
  });

  it('needs fewer replicas when nodes are more available, never fewer than k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (needed, target, a, t) => {
          const better = a + (1 - a) * t;
          const lo = replicasForDemandAndAvailability({ needed, target, nodeAvailability: a });
          const hi = replicasForDemandAndAvailability({ needed, target, nodeAvailability: better });
          if (lo.feasible && hi.feasible) {
            expect(hi.replicas).toBeLessThanOrEqual(lo.replicas);
            expect(hi.replicas).toBeGreaterThanOrEqual(needed);
          }
        },
      ),
    );
  });

  it('does not underflow for large fleets of unreliable nodes', () => {
    const r = replicasForDemandAndAvailability({ needed: 1000, target: 0.999, nodeAvailability: 0.5 });
    expect(r.feasible && r.replicas).toBeGreaterThan(2000);
    expect(r.feasible && r.replicas).toBeLessThan(2300);
  });
});
