/**
 * The floor under a token-denominated price (incentives/tokenFloor.ts): price(t) = max(R(t) · u(t), min(f, u(t))),
 * on the projection's point path and on every Monte Carlo trial's path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateMonteCarloOut,
  type CostBasis,
  flooredTokenUsdPerGpuHour,
  MONTE_CARLO_BLOCK_TRIALS,
  monteCarloKernel,
  monteCarloPlan,
  normalCdf,
  type PricedComparison,
  pricedInputs,
  projectSpend,
  spendPath,
  tokenFloorRatio,
  tokenStepCoefficients,
} from '../src/index.js';
import { basis, depinBasis, scenario } from './support/bases.js';
import { offer, profile } from './support/builders.js';

const FROM = { offerId: 'salad:rtx-4090', providerName: 'SaladCloud', gpu: 'RTX4090' } as const;

/** A NOS-priced basis whose compute bills `gross` USD per GPU-hour, under a floor of `floor` USD per GPU-hour. */
function nosana(gross: number, floor: number | null, overrides: Partial<CostBasis> = {}): CostBasis {
  return depinBasis({
    offerId: 'nosana:rtx-4090',
    provider: 'nosana',
    computeUsdPerMonth: 1_000,
    interruptionUsdPerMonth: 0,
    interruptionsPerMonth: 0,
    dataUsdPerMonth: 0,
    subsidyShare: 0,
    incentive: { symbol: 'NOS', denomination: 'token' },
    ...(floor !== null && { tokenFloor: { ...FROM, usdPerGpuHour: floor, grossUsdPerGpuHour: gross } }),
    ...overrides,
  });
}

/** The token loses three quarters of its value a year, without noise: E[R(t)] = 0.25^(t/12) = 2^(−t/6). */
const quarterAYear = (input: Parameters<typeof scenario>[0] = {}) =>
  scenario({
    horizonMonths: 12,
    tokenPrices: { NOS: { spotUsd: 1, annualDrift: Math.log(0.25), annualVolatility: 0 } },
    ...input,
  });

describe('flooredTokenUsdPerGpuHour', () => {
  it('hand-computed: a $1.00 GPU-hour under a $0.45 floor', () => {
    expect(flooredTokenUsdPerGpuHour(1, 1, 0.45)).toBe(1); // month 0: the list
    expect(flooredTokenUsdPerGpuHour(1, 0.5, 0.45)).toBe(0.5); // above the floor: the token's price
    expect(flooredTokenUsdPerGpuHour(1, 0.4, 0.45)).toBe(0.45); // below: held at the floor
    expect(flooredTokenUsdPerGpuHour(1, 1.3, 0.45)).toBe(1.3); // a rising token passes through
    // An offer listed below its outside option is held at its own price, never lifted to the floor.
    expect(flooredTokenUsdPerGpuHour(0.24, 0.25, 0.3)).toBe(0.24);
    expect(flooredTokenUsdPerGpuHour(0.24, 1, 0.3)).toBe(0.24);
    expect(tokenFloorRatio(0.45, 1)).toBe(0.45);
    expect(tokenFloorRatio(0.3, 0.24)).toBe(1);
  });

  const price = fc.double({ min: 0.001, max: 100, noNaN: true });
  const ratio = fc.double({ min: 0, max: 20, noNaN: true });

  it('property: never below the floor (or the own price when that is lower), never above the token price when that clears the floor, monotone in the ratio', () => {
    fc.assert(
      fc.property(price, ratio, ratio, price, (u, r1, r2, f) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const a = flooredTokenUsdPerGpuHour(u, lo, f);
        const b = flooredTokenUsdPerGpuHour(u, hi, f);
        expect(a).toBeGreaterThanOrEqual(Math.min(f, u));
        expect(b).toBeGreaterThanOrEqual(Math.min(f, u));
        expect(a).toBeLessThanOrEqual(b);
        if (lo * u >= f) expect(a).toBe(lo * u);
        // A floor, not a peg: never above the token's price or the own price, whichever is higher.
        expect(a).toBeLessThanOrEqual(Math.max(lo * u, u));
      }),
    );
  });

  it('property: the ratio form the projection and the Monte Carlo use gives the same price', () => {
    fc.assert(
      fc.property(price, ratio, price, (u, r, f) => {
        const viaRatio = u * Math.max(r, tokenFloorRatio(f, u));
        expect(viaRatio).toBeCloseTo(flooredTokenUsdPerGpuHour(u, r, f), 9);
      }),
    );
  });

  it('refuses a floor or a price that is not a positive finite USD (never NaN)', () => {
    expect(() => tokenFloorRatio(Number.NaN, 1)).toThrow(/rate/);
    expect(() => tokenFloorRatio(0.3, 0)).toThrow(/rate/);
    expect(() => flooredTokenUsdPerGpuHour(1, Number.NaN, 0.3)).toThrow(/rate/);
  });
});

describe('spendPath under a token floor', () => {
  it('hand-computed: falling 75 % a year against a floor at 45 % of the price, months 7–11 bind', () => {
    const s = quarterAYear();
    const floored = spendPath(nosana(1, 0.45), s);
    const free = spendPath(nosana(1, null), s);
    // 2^(−t/6) < 0.45 ⇔ t > 6 · log2(1/0.45) = 6.91: months 7 … 11 are held at 0.45.
    expect(floored.tokenFloorFrom).toBe(7);
    const expected = [
      1,
      0.890899,
      0.793701,
      Math.SQRT1_2,
      0.629961,
      0.561231,
      0.5,
      0.45,
      0.45,
      0.45,
      0.45,
      0.45,
    ];
    expected.forEach((r, t) => {
      expect(floored.expectedUsd[t]).toBeCloseTo(1_000 * r, 3);
    });
    const sum = floored.expectedUsd.reduce((a, b) => a + b, 0);
    // 1000 × (1 + 0.890899 + 0.793701 + 0.707107 + 0.629961 + 0.561231 + 0.5) + 5 × 450
    expect(sum).toBeCloseTo(7_332.899, 2);
    // Without the floor: 1000 × (1 − 2^−2) ÷ (1 − 2^(−1/6)) = 6,874.37.
    expect(free.expectedUsd.reduce((a, b) => a + b, 0)).toBeCloseTo(6_874.37, 1);
    expect(free.tokenFloorFrom).toBeNull();
    expect(free.tokenFloorRatio).toBeNull();
    // Months 0 … 6 are the token's path exactly.
    for (let t = 0; t < 7; t++) expect(floored.expectedUsd[t]).toBe(free.expectedUsd[t]);
  });

  it('hand-computed: the README sweeps on Nosana ($0.32 with 25 % emissions in it, ending 2027-07) under SaladCloud’s $0.30', () => {
    // Unsubsidized $0.32 ÷ 0.75 = $0.42667 a GPU-hour; 1,000 USD of unsubsidized compute is 2,343.75 GPU-hours.
    const gross = 0.32 / 0.75;
    const s = scenario({
      horizonMonths: 12,
      subsidyPassThrough: 1,
      subsidies: { nosana: { kind: 'step', steps: [{ month: '2027-07', share: 0 }] } },
      tokenPrices: { NOS: { spotUsd: 1, annualDrift: -1.4, annualVolatility: 1.2 } },
    });
    const path = spendPath(nosana(gross, 0.3, { subsidyShare: 0.25 }), s);
    // Month 1: e^(−1.4/12) = 0.8899, × $0.32 = $0.2848 < $0.30: the floor binds from month 1 on.
    expect(path.tokenFloorFrom).toBe(1);
    expect(path.expectedUsd[0]).toBeCloseTo(750, 9);
    // Every bound month bills the floor price for the same hours, before and after the subsidy ends:
    // 2,343.75 GPU-hours × $0.30 = $703.125.
    for (let t = 1; t < 12; t++) expect(path.expectedUsd[t]).toBeCloseTo(703.125, 9);
    expect(path.expectedUsd.reduce((a, b) => a + b, 0)).toBeCloseTo(750 + 11 * 703.125, 6);
  });

  it('property: the floored path is never below the unfloored one, and equals it where the floor does not bind', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: -3, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (gross, floor, drift, share) => {
          const s = scenario({
            horizonMonths: 18,
            subsidies: { nosana: { kind: 'linear', monthsToZero: 12 } },
            tokenPrices: { NOS: { spotUsd: 2, annualDrift: drift, annualVolatility: 0.5 } },
          });
          const a = spendPath(nosana(gross, floor, { subsidyShare: share, dataUsdPerMonth: 40 }), s);
          const b = spendPath(nosana(gross, null, { subsidyShare: share, dataUsdPerMonth: 40 }), s);
          expect(a.expectedUsd[0]).toBe(b.expectedUsd[0]);
          for (let t = 0; t < 18; t++) {
            expect(Number.isFinite(a.expectedUsd[t]!)).toBe(true);
            expect(a.expectedUsd[t]!).toBeGreaterThanOrEqual(b.expectedUsd[t]!);
            if (a.tokenFloorFrom === null || t < a.tokenFloorFrom)
              expect(a.expectedUsd[t]).toBe(b.expectedUsd[t]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a USD-pegged offer ignores a floor, and a token without a price model holds month 0 (no floor read)', () => {
    const s = quarterAYear();
    const pegged = nosana(1, 0.45, { incentive: { symbol: 'NOS', denomination: 'usd-pegged' } });
    expect(spendPath(pegged, s).tokenFloorRatio).toBeNull();
    const unmodelled = spendPath(nosana(1, 0.45), scenario({ horizonMonths: 12 }));
    expect(unmodelled.tokenFloorRatio).toBeNull();
    expect(unmodelled.expectedUsd[11]).toBe(1_000);
  });
});

describe('the Monte Carlo under a token floor', () => {
  /** E[max(R, k)] for ln R ~ N(m, v): e^{m+v/2} Φ((m + v − ln k)/√v) + k Φ((ln k − m)/√v). */
  function expectedFloored(m: number, v: number, k: number): number {
    if (v === 0) return Math.max(Math.exp(m), k);
    const s = Math.sqrt(v);
    return Math.exp(m + v / 2) * normalCdf((m + v - Math.log(k)) / s) + k * normalCdf((Math.log(k) - m) / s);
  }

  // With a price spread σ_p the trial's landed price is R·P, ln(R·P) ~ N(m − σ_p²/2, v + σ_p²), and the floor holds
  // that: E[max(R·P, φ)]. Before 2026-12-04 the spread was drawn after the floor, max(R, φ)·P, and trials billed
  // below it.
  it.each([
    ['without a price spread', 0],
    ['with a price spread of 0.4 (the floor holds the landed price)', 0.4],
  ])(
    'each trial is floored %s: the monthly mean is E[max(R·P, φ)] (closed form), at or above the projection’s max(E[R], φ)',
    (_, spread) => {
      const model = { spotUsd: 1, annualDrift: -1.4, annualVolatility: 1.2 };
      const s = scenario({
        horizonMonths: 12,
        tokenPrices: { NOS: model },
        monteCarlo: {
          trials: 8 * MONTE_CARLO_BLOCK_TRIALS,
          seed: 9,
          depinPriceSpread: 0,
          demandVolatility: 0,
        },
      });
      const bases = { cloud: basis(), depin: nosana(1, 0.45, { priceSigma: spread }) };
      const params = monteCarloPlan(bases, s, { interruptions: 'expected', monthlySampleTrials: Infinity });
      const out = allocateMonteCarloOut(params);
      monteCarloKernel(params, 0, params.trials, out);
      const projection = projectSpend(bases, s);
      const { logDrift, logVolatility } = tokenStepCoefficients(model);
      const n = params.trials;
      for (let t = 1; t < 12; t++) {
        let sum = 0;
        let sum2 = 0;
        for (let i = 0; i < n; i++) {
          const v = out.monthlyDepin[i * 12 + t]!;
          expect(v).toBeGreaterThanOrEqual(450 - 1e-9); // no trial below the floor
          sum += v;
          sum2 += v * v;
        }
        const mean = sum / n;
        const se = Math.sqrt((sum2 / n - mean * mean) / n);
        const exact =
          1_000 * expectedFloored(t * logDrift - spread ** 2 / 2, t * logVolatility ** 2 + spread ** 2, 0.45);
        expect(Math.abs(mean - exact)).toBeLessThan(5 * se);
        // Jensen: the point path sits below the trials' mean by the floor's option value.
        expect(projection.months[t]!.depinUsd!).toBeLessThan(exact);
        expect(projection.months[t]!.depinUsd!).toBeCloseTo(
          1_000 * Math.max(Math.exp((-1.4 * t) / 12), 0.45),
          9,
        );
      }
    },
  );
});

describe('the Monte Carlo holds the floor on the price each trial lands at', () => {
  it('no trial’s month bills below the floor price, whatever its price draw (sampled and fast-path trials)', () => {
    // NOS falls 75 % a year without noise: E[R(t)] = 2^(−t/6), below φ = 0.45 from month 7. A wide spread (0.6)
    // lands some trials at half the list and below; each such month must still bill 1,000 GPU-hours × $0.45.
    const s = quarterAYear({
      monteCarlo: { trials: 3 * MONTE_CARLO_BLOCK_TRIALS, seed: 4, depinPriceSpread: 0, demandVolatility: 0 },
    });
    const bases = { cloud: basis(), depin: nosana(1, 0.45, { priceSigma: 0.6 }) };
    const params = monteCarloPlan(bases, s, { interruptions: 'expected', monthlySampleTrials: 1_000 });
    const out = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, out);
    // Month 0 (R = 1) included: a host landed below the floor is held at it too.
    for (let i = 0; i < 1_000; i++) {
      for (let t = 0; t < 12; t++)
        expect(out.monthlyDepin[i * 12 + t]!).toBeGreaterThanOrEqual(450 * (1 - 1e-12));
    }
    // Every trial, sampled or not, spends at least 12 months at the floor.
    for (let i = 0; i < params.trials; i++)
      expect(out.horizonDepin[i]!).toBeGreaterThanOrEqual(12 * 450 * (1 - 1e-12));
    // The spread reaches below the floor: without it, some trial would bill less (the test can fail).
    const free = monteCarloPlan({ ...bases, depin: nosana(1, null, { priceSigma: 0.6 }) }, s, {
      interruptions: 'expected',
      monthlySampleTrials: 1_000,
    });
    const freeOut = allocateMonteCarloOut(free);
    monteCarloKernel(free, 0, free.trials, freeOut);
    expect(freeOut.monthlyDepin.some((v) => v < 450)).toBe(true);
  });
});

describe('the incentive-token price swing (sensitivity, break-even) under a token floor', () => {
  const comparison = (floor?: number): PricedComparison => ({
    profile: profile({ id: 'w', kind: 'experimentation', gpuHoursPerMonth: 100 }),
    cloud: offer(),
    depin: offer({
      id: 'nosana:4090',
      provider: 'nosana',
      market: 'depin',
      usdPerGpuHour: 0.32,
      incentiveSymbol: 'NOS',
      incentiveSubsidyShare: 0.25,
      incentiveDenomination: 'token',
    }),
    scenario: scenario({ tokenPrices: { NOS: { spotUsd: 2, annualDrift: 0, annualVolatility: 0.5 } } }),
    ...(floor !== undefined && { depinTokenFloorUsdPerGpuHour: floor }),
  });
  const priceAt = (c: PricedComparison, tokenUsd: number) =>
    pricedInputs.tokenPriceUsd.apply(c, tokenUsd).depin.usdPerGpuHour;

  it('a token 20 % down moves a $0.32 list to $0.256 without a floor, and to SaladCloud’s $0.30 with one', () => {
    expect(priceAt(comparison(), 1.6)).toBeCloseTo(0.256, 12);
    expect(priceAt(comparison(0.3), 1.6)).toBe(0.3);
    // Up 20 %: the floor does not hold it down.
    expect(priceAt(comparison(0.3), 2.4)).toBeCloseTo(0.384, 12);
    // At spot: the list.
    expect(priceAt(comparison(0.3), 2)).toBe(0.32);
  });
});
