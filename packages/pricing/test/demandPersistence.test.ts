/**
 * Persistent demand (scenario.monteCarlo.demandPersistence, φ): the demand normal follows an AR(1) from today's
 * known demand, x_t = φ·x_{t−1} + √(1−φ²)·Z_t with x_{−1} = 0, so Var(x_t) = v_t = 1 − φ^{2(t+1)} and each month's
 * factor D_t = exp(σ·x_t − σ²·v_t/2) has mean 1. Months co-vary: Cov(x_i, x_j) = φ^{|i−j|}·v_{min(i,j)}, and
 * Cov(D_i, D_j) = exp(σ²·Cov(x_i, x_j)) − 1. The horizon total's variance is the sum of those.
 */
import { describe, expect, it } from 'vitest';
import { allocateMonteCarloOut, monteCarloKernel, monteCarloPlan } from '../src/index.js';
import { basis, scenario } from './support/bases.js';

const MONTHS = 24;
const SIGMA = 0.1;
const TRIALS = 40_000;

/** One cloud option of $100 a month of compute and nothing else; the DePIN side the same. */
function run(phi: number) {
  const b = basis({ computeUsdPerMonth: 100, dataUsdPerMonth: 0 });
  const params = monteCarloPlan(
    { cloud: b, depin: b },
    scenario({
      horizonMonths: MONTHS,
      monteCarlo: { trials: TRIALS, seed: 11, demandVolatility: SIGMA, demandPersistence: phi },
    }),
    { monthlySampleTrials: TRIALS },
  );
  const out = allocateMonteCarloOut(params);
  monteCarloKernel(params, 0, TRIALS, out);
  return out;
}

/** Var(x_t) = 1 − φ^{2(t+1)} (1 for independent months). */
const varX = (phi: number, t: number) => (phi > 0 ? 1 - phi ** (2 * (t + 1)) : 1);

/** Var(Σ_t 100·D_t) = 100² Σ_i Σ_j (exp(σ² φ^|i−j| v_min(i,j)) − 1). */
function horizonVariance(phi: number): number {
  let v = 0;
  for (let i = 0; i < MONTHS; i++)
    for (let j = 0; j < MONTHS; j++) {
      const c = (phi > 0 ? phi ** Math.abs(i - j) : i === j ? 1 : 0) * varX(phi, Math.min(i, j));
      v += 100 * 100 * (Math.exp(SIGMA * SIGMA * c) - 1);
    }
  return v;
}

function meanAndSd(xs: ArrayLike<number>, n: number): { mean: number; sd: number } {
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  const mean = s / n;
  let q = 0;
  for (let i = 0; i < n; i++) q += (xs[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(q / (n - 1)) };
}

describe('persistent demand in the Monte Carlo', () => {
  for (const phi of [0, 0.5, 0.9]) {
    it(`φ = ${phi}: the horizon's mean is the projection and its spread the AR(1) sum`, () => {
      const out = run(phi);
      const { mean, sd } = meanAndSd(out.horizonCloud, TRIALS);
      const expectedSd = Math.sqrt(horizonVariance(phi));
      // Mean within 4 standard errors; the sample sd within 3 % (its standard error is about 0.4 % here).
      expect(Math.abs(mean - 2400)).toBeLessThan((4 * expectedSd) / Math.sqrt(TRIALS));
      expect(sd / expectedSd).toBeGreaterThan(0.97);
      expect(sd / expectedSd).toBeLessThan(1.03);
    });
  }

  it("a month's spread starts near today's demand and widens toward σ's; the horizon band widens with φ", () => {
    const monthSd = (phi: number, t: number) => 100 * Math.sqrt(Math.exp(SIGMA * SIGMA * varX(phi, t)) - 1);
    const a = run(0);
    const b = run(0.9);
    for (const t of [0, 11, 23]) {
      const column = (o: typeof a) =>
        Float64Array.from({ length: TRIALS }, (_, i) => o.monthlyCloud[i * MONTHS + t]!);
      for (const [o, phi] of [
        [a, 0],
        [b, 0.9],
      ] as const) {
        const { mean, sd } = meanAndSd(column(o), TRIALS);
        expect(Math.abs(mean - 100)).toBeLessThan((4 * monthSd(phi, t)) / Math.sqrt(TRIALS));
        expect(Math.abs(sd / monthSd(phi, t) - 1)).toBeLessThan(0.03);
      }
    }
    // Month 1 at φ = 0.9 is √(1 − 0.81) = 0.44 of an independent month's spread; month 24 is 0.99 of it.
    expect(monthSd(0.9, 0) / monthSd(0, 0)).toBeCloseTo(0.436, 2);
    expect(monthSd(0.9, 23) / monthSd(0, 23)).toBeGreaterThan(0.99);
    expect(meanAndSd(b.horizonCloud, TRIALS).sd / meanAndSd(a.horizonCloud, TRIALS).sd).toBeGreaterThan(2.5);
  });
});
