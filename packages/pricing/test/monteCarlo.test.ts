import type { Distribution } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateMonteCarloOut,
  bareDrawLoop,
  MONTE_CARLO_BLOCK_TRIALS,
  monteCarlo,
  monteCarloKernel,
  monteCarloPlan,
  PricingAssertionError,
  Prng,
  percentileOfSorted,
  poissonFromUniform,
  poissonTable,
  projectSpend,
  summarizeMonteCarlo,
} from '../src/index.js';
import { basis, depinBasis, scenario } from './support/bases.js';

const tokenScenario = (input: Parameters<typeof scenario>[0] = {}) =>
  scenario({
    horizonMonths: 12,
    demandGrowthMonthly: 0.03,
    subsidies: { akash: { kind: 'exponential', halfLifeMonths: 6 } },
    tokenPrices: { AKT: { spotUsd: 3, annualDrift: 0.2, annualVolatility: 0.9 } },
    monteCarlo: { trials: 3000, seed: 11, depinPriceSpread: 0.2, demandVolatility: 0.15 },
    ...input,
  });
const bases = {
  cloud: basis({ interruptionUsdPerMonth: 400, interruptionsPerMonth: 250, computeUsdPerMonth: 9_000 }),
  depin: depinBasis({ incentive: { symbol: 'AKT', denomination: 'token' } }),
};

function allFinite(d: Distribution): boolean {
  const ps = [d.horizonCloud, d.horizonDepin, ...d.months.flatMap((m) => [m.cloud, m.depin])];
  return ps.every((p) => [p.p10, p.p50, p.p90].every(Number.isFinite)) && Number.isFinite(d.pDepinCheaper);
}

describe('monteCarlo (DESIGN §5.9)', () => {
  it('with every volatility at zero, each trial is the projection: percentiles equal it within 1e-9', () => {
    const s = tokenScenario({
      tokenPrices: { AKT: { spotUsd: 3, annualDrift: 0.2, annualVolatility: 0 } },
      monteCarlo: { trials: 50, seed: 1, depinPriceSpread: 0, demandVolatility: 0 },
    });
    const d = monteCarlo(bases, s, { interruptions: 'expected' });
    const p = projectSpend(bases, s);
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b));
    p.months.forEach((m, t) => {
      for (const q of ['p10', 'p50', 'p90'] as const) {
        close(d.months[t]!.cloud[q], m.cloudUsd!);
        close(d.months[t]!.depin[q], m.depinUsd!);
      }
      expect(d.months[t]!.month).toBe(m.month);
    });
    close(d.horizonCloud.p50, p.horizonCloudUsd!);
    close(d.horizonDepin.p90, p.horizonDepinUsd!);
  });

  it('the mean horizon spend over trials is the projection within sampling error (every factor has mean 1)', () => {
    const s = tokenScenario({
      monteCarlo: { trials: 20_000, seed: 3, depinPriceSpread: 0.2, demandVolatility: 0.15 },
    });
    const params = monteCarloPlan(bases, s);
    const out = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, out);
    const p = projectSpend(bases, s);
    for (const [values, expected] of [
      [out.horizonCloud, p.horizonCloudUsd!],
      [out.horizonDepin, p.horizonDepinUsd!],
    ] as const) {
      let sum = 0;
      let sum2 = 0;
      for (const v of values) {
        sum += v;
        sum2 += v * v;
      }
      const n = values.length;
      const mean = sum / n;
      const se = Math.sqrt((sum2 / n - mean * mean) / n);
      expect(Math.abs(mean - expected)).toBeLessThan(5 * se);
    }
  });

  it('same seed → same numbers; another seed → other numbers', () => {
    const s = tokenScenario();
    expect(monteCarlo(bases, s)).toEqual(monteCarlo(bases, s));
    expect(monteCarlo(bases, s, { seed: 12 }).horizonDepin).not.toEqual(monteCarlo(bases, s).horizonDepin);
  });

  it('does not depend on how the trials are split: any partition of the range gives bit-identical output', () => {
    const s = tokenScenario({ monteCarlo: { trials: 2 * MONTE_CARLO_BLOCK_TRIALS + 77, seed: 5 } });
    const params = monteCarloPlan(bases, s);
    const whole = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, whole);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: params.trials - 1 }), { maxLength: 5 }),
        (cuts) => {
          const bounds = [0, ...cuts.sort((a, b) => a - b), params.trials];
          const parts = allocateMonteCarloOut(params);
          // Run the pieces in reverse order, as unordered workers might.
          for (let i = bounds.length - 2; i >= 0; i--)
            monteCarloKernel(params, bounds[i]!, bounds[i + 1]!, parts);
          expect(parts).toEqual(whole);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('percentiles are ordered P10 ≤ P50 ≤ P90, P(DePIN cheaper) is a probability, nothing is NaN (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.nat({ max: 2 ** 32 - 1 }),
          trials: fc.integer({ min: 1, max: 300 }),
          months: fc.integer({ min: 1, max: 36 }),
          spread: fc.double({ min: 0, max: 3, noNaN: true }),
          demandVol: fc.double({ min: 0, max: 3, noNaN: true }),
          tokenVol: fc.double({ min: 0, max: 10, noNaN: true }),
          drift: fc.double({ min: -5, max: 5, noNaN: true }),
          interruptions: fc.double({ min: 0, max: 5000, noNaN: true }),
          growth: fc.double({ min: -0.5, max: 2, noNaN: true }),
        }),
        (x) => {
          const s = scenario({
            horizonMonths: x.months,
            demandGrowthMonthly: x.growth,
            tokenPrices: { AKT: { spotUsd: 1, annualDrift: x.drift, annualVolatility: x.tokenVol } },
            monteCarlo: {
              trials: x.trials,
              seed: x.seed,
              depinPriceSpread: x.spread,
              demandVolatility: x.demandVol,
            },
          });
          const d = monteCarlo(
            {
              cloud: basis(),
              depin: depinBasis({
                interruptionsPerMonth: x.interruptions,
                incentive: { symbol: 'AKT', denomination: 'token' },
              }),
            },
            s,
          );
          expect(allFinite(d)).toBe(true);
          for (const p of [d.horizonCloud, d.horizonDepin, ...d.months.flatMap((m) => [m.cloud, m.depin])]) {
            expect(p.p10).toBeLessThanOrEqual(p.p50);
            expect(p.p50).toBeLessThanOrEqual(p.p90);
            expect(p.p10).toBeGreaterThanOrEqual(0);
          }
          expect(d.pDepinCheaper).toBeGreaterThanOrEqual(0);
          expect(d.pDepinCheaper).toBeLessThanOrEqual(1);
          expect(d.trials).toBe(x.trials);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('P(DePIN cheaper) is 1 when DePIN is far cheaper, 0 when far dearer', () => {
    const s = tokenScenario({ tokenPrices: {}, subsidies: {} });
    const cheap = depinBasis({ computeUsdPerMonth: 2_000 });
    const dear = depinBasis({ computeUsdPerMonth: 60_000 });
    expect(monteCarlo({ cloud: basis(), depin: cheap }, s).pDepinCheaper).toBe(1);
    expect(monteCarlo({ cloud: basis(), depin: dear }, s).pDepinCheaper).toBe(0);
  });

  it('keeps monthly samples for at most monthlySampleTrials trials, but horizon percentiles use all', () => {
    const s = tokenScenario();
    const params = monteCarloPlan(bases, s, { monthlySampleTrials: 100 });
    expect(params.sampleTrials).toBe(100);
    expect(allocateMonteCarloOut(params).monthlyDepin.length).toBe(100 * 12);
    expect(monteCarlo(bases, s, { monthlySampleTrials: 100 }).horizonDepin).toEqual(
      monteCarlo(bases, s).horizonDepin,
    );
  });

  it('summarizeMonteCarlo, which reuses one selection buffer from call to call, gives the sort-based percentiles of every column (property)', () => {
    // Summaries of random sizes in a row: a later, smaller one selects in a buffer longer than it needs that holds
    // an earlier summary's values. Each must equal sorting copies of its own columns.
    const sorted = (xs: ArrayLike<number>) => {
      const c = Float64Array.from(xs).sort();
      return {
        p10: percentileOfSorted(c, 0.1),
        p50: percentileOfSorted(c, 0.5),
        p90: percentileOfSorted(c, 0.9),
      };
    };
    const run = fc.record({
      trials: fc.integer({ min: 1, max: 700 }),
      months: fc.integer({ min: 1, max: 20 }),
      sample: fc.integer({ min: 1, max: 700 }),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 4 }), (runs) => {
        for (const { trials, months, sample, seed } of runs) {
          const params = {
            ...monteCarloPlan(bases, tokenScenario()),
            trials,
            months,
            sampleTrials: Math.min(trials, sample),
          };
          const out = allocateMonteCarloOut(params);
          const rng = new Prng(seed);
          for (const a of Object.values(out) as Float64Array[])
            for (let i = 0; i < a.length; i++) a[i] = rng.nextFloat() < 0.1 ? 5 : rng.nextNormal();
          const d = summarizeMonteCarlo(params, out);
          expect(d.horizonCloud).toEqual(sorted(out.horizonCloud));
          expect(d.horizonDepin).toEqual(sorted(out.horizonDepin));
          const K = params.sampleTrials;
          for (let t = 0; t < months; t++) {
            const column = (m: Float64Array) => Array.from({ length: K }, (_, i) => m[i * months + t]!);
            expect(d.months[t]!.cloud).toEqual(sorted(column(out.monthlyCloud)));
            expect(d.months[t]!.depin).toEqual(sorted(column(out.monthlyDepin)));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rejects a trial range outside the plan', () => {
    const params = monteCarloPlan(bases, tokenScenario());
    const out = allocateMonteCarloOut(params);
    expect(() => monteCarloKernel(params, 5, 2, out)).toThrow(PricingAssertionError);
    expect(() => monteCarloKernel(params, 0, params.trials + 1, out)).toThrow(PricingAssertionError);
  });

  it('bareDrawLoop takes the same draws as the kernel (it is the benchmark floor) and is reproducible', () => {
    const params = monteCarloPlan(bases, tokenScenario());
    expect(bareDrawLoop(params, 0, 2000)).toBe(bareDrawLoop(params, 0, 2000));
    expect(bareDrawLoop(params, 0, 1000) + bareDrawLoop(params, 1000, 2000)).toBeCloseTo(
      bareDrawLoop(params, 0, 2000),
      6,
    );
  });
});

describe('Poisson interruption counts (guide-table inversion)', () => {
  it('equals sequential inversion of the CDF for every uniform', () => {
    for (const mean of [0.01, 0.5, 3, 17.5, 120, 200]) {
      const table = poissonTable(mean);
      const rng = new Prng(Math.round(mean * 100));
      for (let i = 0; i < 2000; i++) {
        const u = rng.nextFloat();
        let k = 0;
        while (u > table.cdf[k]!) k++;
        expect(poissonFromUniform(table, u)).toBe(k);
      }
    }
  });

  it('has the Poisson mean and variance within sampling error', () => {
    for (const mean of [0.2, 4, 60]) {
      const table = poissonTable(mean);
      const rng = new Prng(9);
      const n = 100_000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const k = poissonFromUniform(table, rng.nextFloat());
        s += k;
        s2 += k * k;
      }
      const m = s / n;
      expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
      expect(Math.abs(s2 / n - m * m - mean) / mean).toBeLessThan(0.05);
    }
  });
});
