/**
 * The floor under a token-denominated price (incentives/tokenFloor.ts): price(t) = max(R(t) · u(t), f' − R(t) · e(t)),
 * f' = min(f, u(t) + e(t)), e(t) the incentive emissions a GPU-hour earns at the reference token price, on the
 * projection's point path and on every Monte Carlo trial's landed price.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateMonteCarloOut,
  type CostBasis,
  flooredTokenRatio,
  flooredTokenUsdPerGpuHour,
  MONTE_CARLO_BLOCK_TRIALS,
  monteCarloKernel,
  monteCarloPlan,
  normalCdf,
  type PricedComparison,
  pricedInputs,
  projectSpend,
  spendPath,
  tokenFloorTerms,
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
  it('hand-computed without emissions: a $1.00 GPU-hour under a $0.45 floor', () => {
    expect(flooredTokenUsdPerGpuHour(1, 1, 0.45, 0)).toBe(1); // month 0: the list
    expect(flooredTokenUsdPerGpuHour(1, 0.5, 0.45, 0)).toBe(0.5); // above the floor: the token's price
    expect(flooredTokenUsdPerGpuHour(1, 0.4, 0.45, 0)).toBe(0.45); // below: held at the floor
    expect(flooredTokenUsdPerGpuHour(1, 1.3, 0.45, 0)).toBe(1.3); // a rising token passes through
    // An offer listed below its outside option (and without emissions) is held at its own price, never lifted.
    expect(flooredTokenUsdPerGpuHour(0.24, 0.25, 0.3, 0)).toBe(0.24);
    expect(flooredTokenUsdPerGpuHour(0.24, 1, 0.3, 0)).toBe(0.24);
    expect(tokenFloorTerms(0.45, 1, 0)).toEqual({ floorRatio: 0.45, emissionRatio: 0 });
    expect(flooredTokenRatio(0.4, 0.45, 0)).toBe(0.45);
    // In ratio terms φ = f/u = 1.25, held at min(φ, 1) = 1: the own price.
    expect(tokenFloorTerms(0.3, 0.24, 0)).toEqual({ floorRatio: 0.3 / 0.24, emissionRatio: 0 });
    expect(flooredTokenRatio(0.25, 0.3 / 0.24, 0)).toBe(1);
  });

  it('hand-computed with emissions: Nosana community ($0.24, 25 % emissions: e = $0.08) and premium ($0.32, e = $0.10667) under SaladCloud’s $0.30', () => {
    // Community: its hosts earn R · ($0.24 + $0.08) and leave below $0.30, i.e. R < 0.9375.
    expect(flooredTokenUsdPerGpuHour(0.24, 1, 0.3, 0.08)).toBe(0.24); // month 0: the list, max(0.24, 0.22)
    expect(flooredTokenUsdPerGpuHour(0.24, 0.558, 0.3, 0.08)).toBeCloseTo(0.3 - 0.558 * 0.08, 12); // $0.25536
    expect(flooredTokenUsdPerGpuHour(0.24, 0.9, 0.3, 0.08)).toBeCloseTo(0.228, 12); // 0.30 − 0.072 > 0.216
    expect(flooredTokenUsdPerGpuHour(0.24, 0, 0.3, 0.08)).toBe(0.3); // emissions worthless: the tenant pays f
    // Premium: the floor binds only when R · 0.42667 < 0.30 (R < 0.703), not R < 0.9375.
    const e = 0.32 / 3;
    expect(flooredTokenUsdPerGpuHour(0.32, 0.8, 0.3, e)).toBeCloseTo(0.256, 12); // the token's price
    expect(flooredTokenUsdPerGpuHour(0.32, 0.5, 0.3, e)).toBeCloseTo(0.3 - 0.5 * e, 12); // $0.24667
    expect(flooredTokenUsdPerGpuHour(0.32, 0.703125, 0.3, e)).toBeCloseTo(0.225, 12); // the kink: both $0.225
    // Hosts already earning less than f at the reference price ($0.24 + $0.08 < $0.50): f' = $0.32, so month 0
    // bills the list and a falling token lifts the tenant price only as far as keeps their $0.32.
    expect(flooredTokenUsdPerGpuHour(0.24, 1, 0.5, 0.08)).toBe(0.24);
    expect(flooredTokenUsdPerGpuHour(0.24, 0.5, 0.5, 0.08)).toBeCloseTo(0.28, 12);
    expect(tokenFloorTerms(0.3, 0.24, 0.08)).toEqual({ floorRatio: 0.3 / 0.24, emissionRatio: 0.08 / 0.24 });
    // Ratio terms: month 0 (R = 1) is exactly the list, whatever f.
    expect(flooredTokenRatio(1, 0.3 / 0.24, 1 / 3)).toBe(1);
    expect(flooredTokenRatio(1, 0.5 / 0.24, 1 / 3)).toBe(1);
    expect(flooredTokenRatio(0.558, 0.3 / 0.24, 1 / 3)).toBeCloseTo((0.3 - 0.558 * 0.08) / 0.24, 12);
  });

  const price = fc.double({ min: 0.001, max: 100, noNaN: true });
  const ratio = fc.double({ min: 0, max: 20, noNaN: true });
  const share = fc.double({ min: 0, max: 0.9, noNaN: true });

  it('property: never below f′ − R·e, the token’s price R·u when that is higher, month 0 the list; the hosts’ income is monotone in R', () => {
    fc.assert(
      fc.property(price, ratio, ratio, price, share, (u, r1, r2, f, s) => {
        const e = (u * s) / (1 - s);
        const fPrime = Math.min(f, u + e);
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const a = flooredTokenUsdPerGpuHour(u, lo, f, e);
        const b = flooredTokenUsdPerGpuHour(u, hi, f, e);
        expect(a).toBeGreaterThanOrEqual(fPrime - lo * e);
        expect(a).toBeGreaterThanOrEqual(lo * u);
        // A floor, not a peg: the token's price whenever it clears what keeps the hosts, never above f′ otherwise.
        if (lo * u >= fPrime - lo * e) expect(a).toBe(lo * u);
        else expect(a).toBeLessThanOrEqual(fPrime);
        expect(flooredTokenUsdPerGpuHour(u, 1, f, e)).toBe(u);
        // What a host earns, price + R·e = max(R·(u + e), f′), never falls as the token rises.
        expect(a + lo * e).toBeLessThanOrEqual((b + hi * e) * (1 + 1e-12));
        // Without emissions: the rule before them, max(R·u, min(f, u)), monotone in R.
        const plain = flooredTokenUsdPerGpuHour(u, lo, f, 0);
        expect(plain).toBe(Math.max(lo * u, Math.min(f, u)));
        expect(plain).toBeLessThanOrEqual(flooredTokenUsdPerGpuHour(u, hi, f, 0));
      }),
    );
  });

  it('property: the ratio form the projection and the Monte Carlo use gives the same price', () => {
    fc.assert(
      fc.property(price, ratio, price, share, (u, r, f, s) => {
        const e = (u * s) / (1 - s);
        const { floorRatio, emissionRatio } = tokenFloorTerms(f, u, e);
        const viaRatio = u * flooredTokenRatio(r, floorRatio, emissionRatio);
        expect(viaRatio).toBeCloseTo(flooredTokenUsdPerGpuHour(u, r, f, e), 9);
      }),
    );
  });

  it('refuses a floor, a price or an emission that is not a finite USD (never NaN)', () => {
    expect(() => tokenFloorTerms(Number.NaN, 1, 0)).toThrow(/rate/);
    expect(() => tokenFloorTerms(0.3, 0, 0)).toThrow(/rate/);
    expect(() => tokenFloorTerms(0.3, 1, -0.1)).toThrow(/rate/);
    expect(() => flooredTokenUsdPerGpuHour(1, Number.NaN, 0.3, 0)).toThrow(/rate/);
    expect(() => flooredTokenUsdPerGpuHour(1, 1, 0.3, Number.NaN)).toThrow(/rate/);
  });
});

/**
 * The README sweeps on Nosana: $0.32 with 25 % NOS emissions in it (unsubsidized $0.42667; 1,000 USD of compute is
 * 2,343.75 GPU-hours), the subsidy ending 2027-07, NOS on token-crash's path, SaladCloud's $0.30 the floor.
 */
function readmeSweeps() {
  const gross = 0.32 / 0.75;
  const s = scenario({
    horizonMonths: 12,
    subsidyPassThrough: 1,
    subsidies: { nosana: { kind: 'step', steps: [{ month: '2027-07', share: 0 }] } },
    tokenPrices: { NOS: { spotUsd: 1, annualDrift: -1.4, annualVolatility: 1.2 } },
  });
  const path = spendPath(nosana(gross, 0.3, { subsidyShare: 0.25 }), s);
  return { gross, path, R: (t: number) => Math.exp((-1.4 * t) / 12) };
}

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
    // Its hosts earn R · ($0.32 + $0.10667 of NOS emissions) = R · $0.42667 before and after the subsidy ends (the
    // tenant pays the emissions' share when they stop), so they leave below R = 0.30 ÷ 0.42667 = 0.703125.
    const { gross, path, R } = readmeSweeps();
    // e^(−1.4 t/12) < 0.703125 ⇔ t > 12 · ln(1/0.703125) ÷ 1.4 = 3.02: months 1–3 follow NOS.
    expect(path.tokenFloorFrom).toBe(4);
    expect(path.expectedUsd[0]).toBe(750);
    for (let t = 1; t < 4; t++) expect(path.expectedUsd[t]).toBeCloseTo(750 * R(t), 9);
    // Months 4–5 (subsidy on): 2,343.75 × ($0.30 − R · $0.10667) = 703.125 − 250 R: $546.35 and $563.62.
    expect(path.expectedUsd[4]).toBeCloseTo(703.125 - 250 * R(4), 9);
    expect(path.expectedUsd[5]).toBeCloseTo(703.125 - 250 * R(5), 9);
    expect(path.expectedUsd[4]).toBeCloseTo(546.35, 2);
    // From 2027-07 (no emissions): held at $0.30, 2,343.75 × $0.30 = $703.125.
    for (let t = 6; t < 12; t++) expect(path.expectedUsd[t]).toBeCloseTo(703.125, 9);
    // φ and ε as the kernels read them: f/u and e/u, before and after the subsidy ends.
    expect(path.tokenFloorRatio![0]).toBeCloseTo(0.3 / 0.32, 12);
    expect(path.tokenEmissionRatio![0]).toBeCloseTo(1 / 3, 12);
    expect(path.tokenFloorRatio![6]).toBeCloseTo(0.3 / gross, 12);
    expect(path.tokenEmissionRatio![6]).toBe(0);
  });

  it('hand-computed: the subsidy of a held month is what the emissions are worth, R · e; with the price it makes the hosts’ $0.30', () => {
    // The README sweeps above: 2,343.75 GPU-hours, e = $0.10667 a GPU-hour while the subsidy lasts (to 2027-07).
    const { path, R } = readmeSweeps();
    // Month 0: 1,000 × 0.25 = $250, the estimate's subsidy line; a month the token passes through: 250 R, 25 %.
    expect(path.subsidyUsd[0]).toBeCloseTo(250, 9);
    expect(path.subsidyUsd[2]).toBeCloseTo(250 * R(2), 9);
    expect(path.paidSubsidyShare[2]).toBeCloseTo(0.25, 12);
    // Month 4, held: the tenant pays 703.125 − 250 R(4) and the emissions 250 R(4) = $156.77: together 2,343.75 ×
    // $0.30, the hosts' income, and the emissions' share of it 250 R(4) ÷ 703.125 = 22.3 %, not the schedule's 25 %.
    expect(path.subsidyUsd[4]).toBeCloseTo(250 * R(4), 9);
    expect(path.subsidyUsd[4]).toBeCloseTo(156.77, 2);
    expect(path.expectedUsd[4]! + path.subsidyUsd[4]!).toBeCloseTo(703.125, 9);
    expect(path.paidSubsidyShare[4]).toBeCloseTo((250 * R(4)) / 703.125, 12);
    expect(path.paidSubsidyShare[4]).toBeCloseTo(0.223, 3);
    // After the subsidy ends: no subsidy.
    expect(path.subsidyUsd[6]).toBe(0);
    expect(path.paidSubsidyShare[6]).toBe(0);
  });

  it('property: the subsidy is s(t) · R(t) of the unsubsidized compute; the paid price plus it never exceeds the hosts’ income where the floor holds, and its share never exceeds s(t)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: -3, max: 1, noNaN: true }),
        (gross, floor, share, drift) => {
          const s = quarterAYear({
            tokenPrices: { NOS: { spotUsd: 1, annualDrift: drift, annualVolatility: 0 } },
          });
          const path = spendPath(nosana(gross, floor, { subsidyShare: share }), s);
          for (let t = 0; t < path.months; t++) {
            const R = Math.exp((drift * t) / 12);
            const sub = path.subsidyUsd[t]!;
            expect(sub).toBeCloseTo(1_000 * share * R, 6);
            const hours = 1_000 / gross;
            const u = gross * (1 - share);
            const fPrime = Math.min(floor, u + gross * share);
            const income = path.expectedUsd[t]! + sub;
            // Held: the price plus the emissions are the hosts' floor income f′ · h; passed through: R · (u + e) · h.
            expect(income).toBeCloseTo(Math.max(R * gross, fPrime) * hours, 6);
            expect(path.paidSubsidyShare[t]!).toBeLessThanOrEqual(share + 1e-12);
            expect(Number.isFinite(path.paidSubsidyShare[t]!)).toBe(true);
          }
        },
      ),
    );
  });

  it('property: never below what keeps the hosts, f′ − E[R]·e, nor the token’s price; month 0 the list', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: -3, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (gross, floor, drift, share, passThrough) => {
          const s = scenario({
            horizonMonths: 18,
            subsidyPassThrough: passThrough,
            subsidies: { nosana: { kind: 'linear', monthsToZero: 12 } },
            tokenPrices: { NOS: { spotUsd: 2, annualDrift: drift, annualVolatility: 0.5 } },
          });
          const path = spendPath(nosana(gross, floor, { subsidyShare: share }), s);
          const hours = 1_000 / gross;
          expect(path.expectedUsd[0]).toBe(1_000 * (1 - share));
          for (let t = 0; t < 18; t++) {
            const R = path.tokenPriceUsd![t]! / 2;
            const u = gross * (1 - path.reliefShare[t]!);
            const e = gross * path.subsidyShare[t]!;
            const price = path.expectedUsd[t]! / hours;
            expect(price).toBeGreaterThanOrEqual((Math.min(floor, u + e) - R * e) * (1 - 1e-9));
            expect(price).toBeGreaterThanOrEqual(R * u * (1 - 1e-9));
            expect(price).toBeCloseTo(flooredTokenUsdPerGpuHour(u, R, floor, e), 9);
          }
        },
      ),
      { numRuns: 60 },
    );
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

  /**
   * E over the trial's price factor P (ln P ~ N(−σ²/2, σ²)) of what it bills, max(R·P, min(φ, P)) = P·max(R, min(φ/P, 1)):
   * the closed form in R for each P, integrated over P on a fine grid (trapezoid over ±8σ; without a spread, P = 1).
   * Before 2026-12-04 the spread was drawn after the floor, max(R, φ)·P, and trials billed below it; then the floor
   * held every trial at φ, min(φ, 1), lifting a host landed below the floor to it (a flat token's bands ran high).
   */
  function expectedWithSpread(m: number, v: number, phi: number, sigma: number): number {
    if (sigma === 0) return expectedFloored(m, v, phi);
    const n = 4_000;
    let sum = 0;
    for (let i = 0; i <= n; i++) {
      const z = -8 + (16 * i) / n;
      const P = Math.exp(sigma * z - (sigma * sigma) / 2);
      const w = ((i === 0 || i === n ? 0.5 : 1) * Math.exp((-z * z) / 2)) / Math.sqrt(2 * Math.PI);
      sum += w * P * expectedFloored(m, v, Math.min(phi / P, 1));
    }
    return (sum * 16) / n;
  }
  it.each([
    ['without a price spread', 0],
    ['with a price spread of 0.4 (the floor holds the landed price)', 0.4],
  ])(
    'each trial is floored %s: the monthly mean is E[max(R·P, min(φ, P))] (closed form in R, integrated over P), at or above the projection’s max(E[R], φ)',
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
          if (spread === 0) expect(v).toBeGreaterThanOrEqual(450 - 1e-9); // no trial below the floor
          sum += v;
          sum2 += v * v;
        }
        const mean = sum / n;
        const se = Math.sqrt((sum2 / n - mean * mean) / n);
        const exact = 1_000 * expectedWithSpread(t * logDrift, t * logVolatility ** 2, 0.45, spread);
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
    // Month 0 (R = 1) bills the price the trial lands at, P; after it no month falls below what its host accepts,
    // min(φ, P): a host already below the floor is held at its own price, never lifted to the floor.
    let below = 0;
    for (let i = 0; i < 1_000; i++) {
      const first = out.monthlyDepin[i * 12]!;
      if (first < 450) below++;
      for (let t = 0; t < 12; t++)
        expect(out.monthlyDepin[i * 12 + t]!).toBeGreaterThanOrEqual(Math.min(450, first) * (1 - 1e-12));
    }
    expect(below).toBeGreaterThan(0);
    // The fast-path horizon agrees: each sampled trial spends at least 12 months at what its host accepts.
    for (let i = 0; i < 1_000; i++)
      expect(out.horizonDepin[i]!).toBeGreaterThanOrEqual(
        12 * Math.min(450, out.monthlyDepin[i * 12]!) * (1 - 1e-12),
      );
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

describe('a flat token under a floor above the list', () => {
  it('bills each trial its own landed price: the monthly mean is 1,000 × E[P] = 1,000, not lifted to the list', () => {
    // The review's vector: drift 0, volatility 0, spread 0.6, floor $1.50 on a $1.00 list. Capping the held ratio at
    // the list (1) instead of the trial's own P lifted every cheaper trial to the list: a mean of about $1,242.6.
    const s = scenario({
      horizonMonths: 12,
      tokenPrices: { NOS: { spotUsd: 1, annualDrift: 0, annualVolatility: 0 } },
      monteCarlo: { trials: 8 * MONTE_CARLO_BLOCK_TRIALS, seed: 3, depinPriceSpread: 0, demandVolatility: 0 },
    });
    const bases = { cloud: basis(), depin: nosana(1, 1.5, { priceSigma: 0.6 }) };
    const params = monteCarloPlan(bases, s, { interruptions: 'expected', monthlySampleTrials: Infinity });
    const out = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, out);
    const n = params.trials;
    for (const t of [0, 6, 11]) {
      let sum = 0;
      let sum2 = 0;
      for (let i = 0; i < n; i++) {
        const v = out.monthlyDepin[i * 12 + t]!;
        sum += v;
        sum2 += v * v;
      }
      const mean = sum / n;
      const se = Math.sqrt((sum2 / n - mean * mean) / n);
      expect(Math.abs(mean - 1_000)).toBeLessThan(5 * se);
    }
    expect(projectSpend(bases, s).months[6]!.depinUsd).toBeCloseTo(1_000, 9);
  });
});

describe('the Monte Carlo counts the emissions in its hosts’ income', () => {
  it('with 25 % emissions, no trial’s month bills below what keeps its own host, min(f, u·P + e) − R·e', () => {
    // $1.00 unsubsidized, 25 % emissions: u = $0.75, e = $0.25; f = $0.45, so hosts earn R · $1.00 and leave
    // below R = 0.45. NOS without noise: R_t = 2^(−t/6). A trial lands at P (month 0 bills u·P: R = 1), and its
    // host accepts min(f, u·P + e): each month's bound is 1,000 GPU-hours × min(0.45 − 0.25 R_t, 0.75 P + (1 − R_t) 0.25).
    const s = quarterAYear({
      monteCarlo: {
        trials: 2 * MONTE_CARLO_BLOCK_TRIALS,
        seed: 11,
        depinPriceSpread: 0,
        demandVolatility: 0,
      },
    });
    const depin = nosana(1, 0.45, { subsidyShare: 0.25, computeUsdPerMonth: 1_000, priceSigma: 0.6 });
    const params = monteCarloPlan({ cloud: basis(), depin }, s, {
      interruptions: 'expected',
      monthlySampleTrials: 1_000,
    });
    const out = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, out);
    let held = 0;
    for (let i = 0; i < 1_000; i++) {
      const P = out.monthlyDepin[i * 12]! / 750;
      for (let t = 0; t < 12; t++) {
        const R = 2 ** (-t / 6);
        const v = out.monthlyDepin[i * 12 + t]!;
        expect(v).toBeGreaterThanOrEqual(
          1_000 * Math.min(0.45 - 0.25 * R, 0.75 * P + (1 - R) * 0.25) * (1 - 1e-12) - 1e-9,
        );
        if (v > 750 * R * P * (1 + 1e-9)) held++;
      }
    }
    // The floor binds in some months of some trials (above the token's price at the mean price factor).
    expect(held).toBeGreaterThan(0);
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

  it('a token 20 % down moves a $0.32 list to $0.256 with or without a floor; half down, the floor keeps its hosts’ $0.30', () => {
    expect(priceAt(comparison(), 1.6)).toBeCloseTo(0.256, 12);
    // Its hosts still earn 0.8 × ($0.32 + $0.10667 of emissions) = $0.3413 ≥ $0.30: the token's price.
    expect(priceAt(comparison(0.3), 1.6)).toBeCloseTo(0.256, 12);
    // Half down: 0.5 × $0.42667 = $0.2133 < $0.30, so the tenant pays $0.30 − 0.5 × $0.10667 = $0.24667.
    expect(priceAt(comparison(), 1)).toBeCloseTo(0.16, 12);
    expect(priceAt(comparison(0.3), 1)).toBeCloseTo(0.3 - 0.5 * (0.32 / 3), 12);
    // Up 20 %: the floor does not hold it down.
    expect(priceAt(comparison(0.3), 2.4)).toBeCloseTo(0.384, 12);
    // At spot: the list.
    expect(priceAt(comparison(0.3), 2)).toBe(0.32);
  });
});
