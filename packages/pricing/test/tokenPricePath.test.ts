import { describe, expect, it } from 'vitest';
import { expectedTokenPrice, Prng, tokenPricePath, tokenStepCoefficients } from '../src/index.js';

const model = { spotUsd: 2.5, annualDrift: 0.1, annualVolatility: 0.9 };

describe('incentive-token price path (geometric Brownian motion, exact log-normal steps)', () => {
  it('the expected path is S0·e^{μt}, t in years', () => {
    const path = tokenPricePath(model, 25);
    expect(path[0]).toBe(2.5);
    expect(path[12]).toBeCloseTo(2.5 * Math.exp(0.1), 12);
    expect(path[24]).toBeCloseTo(2.5 * Math.exp(0.2), 12);
  });

  it('with zero volatility a sampled path is the expected path', () => {
    const flat = { ...model, annualVolatility: 0 };
    const sampled = tokenPricePath(flat, 36, { rng: new Prng(1) });
    const expected = tokenPricePath(flat, 36);
    for (let k = 0; k < 36; k++) expect(sampled[k]).toBeCloseTo(expected[k]!, 12);
  });

  it('monthly log-steps have drift (μ − σ²/2)/12 and volatility σ/√12', () => {
    const { logDrift, logVolatility } = tokenStepCoefficients(model);
    expect(logDrift).toBeCloseTo((0.1 - 0.81 / 2) / 12, 15);
    expect(logVolatility).toBeCloseTo(0.9 / Math.sqrt(12), 15);
  });

  it('E[S_t] = S0·e^{μt} within sampling error for a large seeded run', () => {
    const n = 100_000;
    const months = 13;
    const sums = new Float64Array(months);
    const rng = new Prng(2027);
    for (let i = 0; i < n; i++) {
      const path = tokenPricePath(model, months, { rng });
      for (let k = 0; k < months; k++) sums[k]! += path[k]!;
    }
    for (const k of [1, 6, 12]) {
      const mean = sums[k]! / n;
      const expected = expectedTokenPrice(model, k);
      // Var[S_t] = S0² e^{2μt} (e^{σ²t} − 1); allow 5 standard errors.
      const t = k / 12;
      const sd = expected * Math.sqrt(Math.exp(model.annualVolatility ** 2 * t) - 1);
      expect(Math.abs(mean - expected)).toBeLessThan((5 * sd) / Math.sqrt(n));
    }
  });
});
