import { HOURS_PER_MONTH } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateMonteCarloOut,
  allocatePortfolioOut,
  type CommittedBaseMonth,
  committedBaseBasis,
  committedBaseMonthPricer,
  monteCarloKernel,
  monteCarloPlan,
  normalCdf,
  normalQuantile,
  portfolioKernel,
  portfolioPlan,
  projectSpend,
  spendPath,
} from '../src/index.js';
import { depinBasis, scenario } from './support/bases.js';
import { meanAndError } from './support/meanAndError.js';

/**
 * A committed base with on-demand bursts: month(f) = H · r_c · b + H · r_od · E[(f · D − b)⁺] (committedBaseMonth.ts),
 * the projection's month at growth f = (1 + g)^t, and each Monte Carlo trial's month at its drawn demand.
 */
// The vector of analysis's committedBase tests: one 8-GPU H100 instance committed at USD 2.80 (USD 16,352 a month),
// bursts at USD 4 a GPU-hour over lognormal demand of mean 8 GPUs and P99 16: E[(D − 8)⁺] = 1.0170 GPUs, USD 2,969.11.
const month: CommittedBaseMonth = {
  baseUsd: HOURS_PER_MONTH * 2.8 * 8,
  baseGpus: 8,
  burstUsdPerGpuHour: 4,
  meanGpus: 8,
  peakToMeanRatio: 2,
};
const basisOf = (m: CommittedBaseMonth = month) =>
  committedBaseBasis({
    month: m,
    offerId: 'aws:p5:committed-12mo',
    provider: 'aws',
    market: 'hyperscaler',
    burstPriceSigma: null,
  });

/** σ of the lognormal demandShape assumes for a peak-to-mean r (its P99 at the peak). */
function shapeSigma(r: number): number {
  const z = normalQuantile(0.99);
  return z - Math.sqrt(z * z - 2 * Math.log(r));
}

/** E[(Y − b)⁺] for Y lognormal with mean `mean` and log-σ `s` (Black's formula). */
function lognormalExcess(mean: number, s: number, b: number): number {
  const d1 = (Math.log(mean / b) + (s * s) / 2) / s;
  return mean * normalCdf(d1) - b * normalCdf(d1 - s);
}

describe('committedBaseMonthPricer', () => {
  it("prices R4's fallback-seg-us as billed: a base of 2 g6e.xlarge and its spare held all month, bursts with no spare", () => {
    // The base holds 2 + 1 (the spare the 0.999 target needs at the peak) L40S instances all month at the 12-month
    // rate of USD 1.3027: 2,190 × 1.3027 = 2,852.91, with 87.29 % of its USD 9.00 of egress, 2,860.77 fixed. The
    // bursts at USD 1.861 a GPU-hour and 0.09 × 100 ÷ 1,460 of egress per GPU-hour of work (1.867164), over lognormal
    // demand of mean 2 and P99 4: E[(D − 2)⁺] = 2 (2Φ(σ/2) − 1) = 0.254204 with σ = 0.319958, 730 × 0.254204 ×
    // 1.867164 = USD 346.49. Month 0: USD 3,207.26 (the e2e test's figure).
    const r4 = committedBaseMonthPricer({
      baseUsd: 2_190 * 1.3027 + 9 * (1 - 0.254204 / 2),
      baseGpus: 2,
      burstUsdPerGpuHour: 1.861 + 9 / 1_460,
      meanGpus: 2,
      peakToMeanRatio: 2,
    });
    expect(r4.baseUsd).toBeCloseTo(2_860.77, 2);
    expect(r4.burstUsd(1)).toBeCloseTo(346.49, 2);
    expect(r4.monthUsd(1)).toBeCloseTo(3_207.26, 2);
    // Demand up 10 %: the base does not move, the bursts grow faster than the demand (convex).
    expect(r4.monthUsd(1.1) - r4.baseUsd).toBeGreaterThan(1.1 * 346.49);
  });

  it('prices the base and the bursts of the hand-checked vector: USD 16,352 + 2,969.11', () => {
    const p = committedBaseMonthPricer(month);
    expect(p.baseUsd).toBeCloseTo(16_352, 9);
    expect(p.burstUsd(1)).toBeCloseTo(2_969.11, 2);
    expect(p.monthUsd(1)).toBeCloseTo(19_321.11, 2);
    // The same as Black's formula on the lognormal of σ = 0.3199.
    expect(p.burstUsd(1)).toBeCloseTo(HOURS_PER_MONTH * 4 * lognormalExcess(8, shapeSigma(2), 8), 6);
  });

  it('property: the bursts are non-negative, non-decreasing and convex in the demand factor; the base never moves', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        fc.double({ min: 0.05, max: 4, noNaN: true }),
        (meanGpus, peakToMeanRatio, baseShare, f1, f2) => {
          const p = committedBaseMonthPricer({
            baseUsd: 1000,
            baseGpus: meanGpus * baseShare,
            burstUsdPerGpuHour: 2,
            meanGpus,
            peakToMeanRatio,
          });
          const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1];
          const tol = 1e-9 * (1 + p.burstUsd(hi));
          expect(p.burstUsd(lo)).toBeGreaterThanOrEqual(0);
          expect(p.burstUsd(lo)).toBeLessThanOrEqual(p.burstUsd(hi) + tol);
          expect(p.burstUsd((lo + hi) / 2)).toBeLessThanOrEqual((p.burstUsd(lo) + p.burstUsd(hi)) / 2 + tol);
          expect(p.monthUsd(lo) - p.burstUsd(lo)).toBeCloseTo(1000, 9);
          // The bursts never carry more than the whole demand.
          expect(p.burstUsd(hi)).toBeLessThanOrEqual(HOURS_PER_MONTH * 2 * meanGpus * hi * (1 + 1e-9));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the projection of a committed base with on-demand bursts', () => {
  it("prices month t at (1 + g)^t's demand: the base fixed, the bursts at the month's demand", () => {
    const s = scenario({ horizonMonths: 24, demandGrowthMonthly: 0.05 });
    const path = spendPath(basisOf(), s);
    const p = committedBaseMonthPricer(month);
    for (let t = 0; t < 24; t++) expect(path.expectedUsd[t]).toBeCloseTo(p.monthUsd(1.05 ** t), 6);
    // Not month 0 scaled: the base does not grow, and the demand above it all goes to the dearer on-demand rate, so
    // at ×3.07 the month is USD 64,743.53, more than month 0 × 3.07 (59,345.26).
    expect(path.expectedUsd[23]! - p.burstUsd(1.05 ** 23)).toBeCloseTo(16_352, 6);
    expect(path.expectedUsd[23]!).toBeCloseTo(64_743.53, 2);
  });
});

describe('the Monte Carlo of a committed base with on-demand bursts', () => {
  const volatile = (demandVolatility: number, trials: number) =>
    scenario({
      horizonMonths: 12,
      monteCarlo: { trials, seed: 9, depinPriceSpread: 0, demandVolatility, demandPersistence: 0 },
    });

  it('without demand volatility every trial is the projection month for month', () => {
    const s = volatile(0, 300);
    const bases = { cloud: basisOf(), depin: depinBasis() };
    const params = monteCarloPlan(bases, s, { interruptions: 'expected' });
    const out = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, out);
    const p = projectSpend(bases, s);
    for (const h of out.horizonCloud) expect(Math.abs(h - p.horizonCloudUsd!)).toBeLessThan(1e-6);
    for (let t = 0; t < 12; t++) expect(out.monthlyCloud[t]).toBeCloseTo(p.months[t]!.cloudUsd!, 6);
  });

  it('a trial prices r_c·b + r_od·E[(D_t·D − b)⁺] at its own demand: the mean is that expectation (Black on the product lognormal), above the projection', () => {
    const sd = 0.3;
    const s = volatile(sd, 20_000);
    const bases = { cloud: basisOf(), depin: depinBasis() };
    const params = monteCarloPlan(bases, s);
    const out = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, out);
    // D_t · D is lognormal with mean 8 and σ² = σ_D² + σ_d² (independent months, φ = 0).
    const s2 = Math.hypot(shapeSigma(2), sd);
    const expected = 12 * (month.baseUsd + HOURS_PER_MONTH * 4 * lognormalExcess(8, s2, 8));
    const { mean, se } = meanAndError(out.horizonCloud);
    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    // Jensen: convex bursts, so the mean sits above the projection's (the month-0 mix at D_t = 1).
    const projected = projectSpend(bases, s).horizonCloudUsd!;
    expect(expected - projected).toBeGreaterThan(10 * se);
    // The same trials in the joint portfolio kernel (marginal demand of the same law).
    const plan = portfolioPlan(
      [{ seed: 3, horizonMonths: 12, cloud: basisOf(), depin: null, recommended: [1, 0] }],
      s,
    );
    const pout = allocatePortfolioOut(plan);
    portfolioKernel(plan, 0, plan.trials, pout);
    const { mean: pmean, se: pse } = meanAndError(pout.horizon[0]);
    expect(Math.abs(pmean - expected)).toBeLessThan(4 * pse);
  });
});
