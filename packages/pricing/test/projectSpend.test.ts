import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECTION_NEEDS_A_SIDE, PricingAssertionError, projectSpend, spendPath } from '../src/index.js';
import { basis, depinBasis, scenario } from './support/bases.js';

describe('projectSpend (DESIGN §5.8)', () => {
  it('grows demand by compound monthly growth and labels calendar months', () => {
    const p = projectSpend(
      { cloud: basis(), depin: null },
      scenario({ horizonMonths: 14, startMonth: '2027-11', demandGrowthMonthly: 0.05 }),
    );
    expect(p.months.map((m) => m.month).slice(0, 3)).toEqual(['2027-11', '2027-12', '2028-01']);
    expect(p.months[12]!.demandFactor).toBeCloseTo(1.05 ** 12, 12);
    expect(p.months[12]!.cloudUsd).toBeCloseTo(10_500 * 1.05 ** 12, 8);
    expect(p.horizonDepinUsd).toBeNull();
    expect(p.months[0]!.depinUsd).toBeNull();
    expect(p.horizonCloudUsd).toBeCloseTo(
      p.months.reduce((s, m) => s + m.cloudUsd!, 0),
      8,
    );
  });

  it('applies the subsidy to compute only, and a falling subsidy raises the tenant price by passThrough × the lost share', () => {
    const depin = depinBasis({ computeUsdPerMonth: 8_000, interruptionUsdPerMonth: 0, dataUsdPerMonth: 200 });
    const s = (passThrough: number) =>
      projectSpend(
        { cloud: basis(), depin },
        scenario({
          horizonMonths: 13,
          subsidyPassThrough: passThrough,
          subsidies: { akash: { kind: 'linear', monthsToZero: 12 } },
        }),
      );
    // Month 0: 8000 × (1 − 0.3) + 200; month 12 (subsidy gone): 8000 × (1 − 0.3 + p·0.3) + 200.
    expect(s(1).months[0]!.depinUsd).toBeCloseTo(5_800, 9);
    expect(s(1).months[12]!.depinUsd).toBeCloseTo(8_200, 9);
    expect(s(0.5).months[12]!.depinUsd).toBeCloseTo(8_000 * 0.85 + 200, 9);
    expect(s(0).months[12]!.depinUsd).toBeCloseTo(5_800, 9);
    expect(s(1).months[6]!.subsidyShare).toBeCloseTo(0.15, 12);
  });

  it('finds the subsidy cliff: the first month DePIN, having been cheaper, no longer is', () => {
    // Cloud 10,500 a month. DePIN 12,000 compute at 40 % subsidy: 7,200 + 300; at 0 %: 12,300.
    const depin = depinBasis({ computeUsdPerMonth: 12_000, interruptionUsdPerMonth: 0, subsidyShare: 0.4 });
    const p = projectSpend(
      { cloud: basis(), depin },
      scenario({
        horizonMonths: 24,
        startMonth: '2027-01',
        subsidies: { AKT: { kind: 'step', steps: [{ month: '2027-10', share: 0.1 }] } },
      }),
    );
    // 12,000 × 0.9 + 300 = 11,100 > 10,500 from October 2027.
    expect(p.subsidyCliffMonth).toBe('2027-10');
    const never = projectSpend({ cloud: basis(), depin: depinBasis() }, scenario({ horizonMonths: 24 }));
    expect(never.subsidyCliffMonth).toBeNull();
  });

  it('follows the expected incentive-token path when the offer is priced in its token', () => {
    const depin = depinBasis({
      interruptionUsdPerMonth: 0,
      subsidyShare: 0,
      incentive: { symbol: 'AKT', denomination: 'token' },
    });
    const p = projectSpend(
      { cloud: basis(), depin },
      scenario({
        horizonMonths: 13,
        tokenPrices: { AKT: { spotUsd: 2, annualDrift: -0.5, annualVolatility: 0.8 } },
      }),
    );
    expect(p.months[12]!.tokenPriceUsd).toBeCloseTo(2 * Math.exp(-0.5), 12);
    expect(p.months[12]!.depinUsd).toBeCloseTo(9_000 * Math.exp(-0.5) + 300, 8);
  });

  it('never outputs NaN or Infinity and never a negative spend (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          compute: fc.double({ min: 0, max: 1e7, noNaN: true }),
          reworkShare: fc.double({ min: 0, max: 1, noNaN: true }),
          data: fc.double({ min: 0, max: 1e6, noNaN: true }),
          share: fc.double({ min: 0, max: 0.99, noNaN: true }),
          growth: fc.double({ min: -0.5, max: 2, noNaN: true }),
          passThrough: fc.double({ min: 0, max: 1, noNaN: true }),
          months: fc.integer({ min: 1, max: 120 }),
          halfLife: fc.double({ min: 0.1, max: 1200, noNaN: true }),
          drift: fc.double({ min: -5, max: 5, noNaN: true }),
        }),
        (x) => {
          const depin = depinBasis({
            computeUsdPerMonth: x.compute,
            interruptionUsdPerMonth: x.compute * x.reworkShare,
            dataUsdPerMonth: x.data,
            subsidyShare: x.share,
            incentive: { symbol: 'AKT', denomination: 'token' },
          });
          const p = projectSpend(
            { cloud: basis(), depin },
            scenario({
              horizonMonths: x.months,
              demandGrowthMonthly: x.growth,
              subsidyPassThrough: x.passThrough,
              subsidies: { akash: { kind: 'exponential', halfLifeMonths: x.halfLife } },
              tokenPrices: { AKT: { spotUsd: 1, annualDrift: x.drift, annualVolatility: 1 } },
            }),
          );
          for (const m of p.months) {
            for (const v of [m.cloudUsd!, m.depinUsd!, m.demandFactor, m.subsidyShare, m.tokenPriceUsd!]) {
              expect(Number.isFinite(v) && v >= 0).toBe(true);
            }
          }
          expect(Number.isFinite(p.horizonCloudUsd) && Number.isFinite(p.horizonDepinUsd!)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not mutate its inputs', () => {
    const cloud = basis();
    const s = scenario({ horizonMonths: 6, subsidies: { akash: { kind: 'linear', monthsToZero: 3 } } });
    const frozen = JSON.stringify({ cloud, s });
    spendPath(cloud, s);
    projectSpend({ cloud, depin: depinBasis() }, s);
    expect(JSON.stringify({ cloud, s })).toBe(frozen);
  });

  describe('a workload with no cloud option (its allowedMarkets, or no feasible cloud offer)', () => {
    const s = scenario({
      horizonMonths: 24,
      startMonth: '2027-01',
      demandGrowthMonthly: 0.01,
      subsidies: { akash: { kind: 'step', steps: [{ month: '2028-01', share: 0 }] } },
    });
    const depin = depinBasis({ computeUsdPerMonth: 8_000, interruptionUsdPerMonth: 0, dataUsdPerMonth: 200 });

    it('projects the decentralized side alone: the same months, bit for bit, as beside a cloud option', () => {
      const alone = projectSpend({ cloud: null, depin }, s);
      const beside = projectSpend({ cloud: basis(), depin }, s);
      expect(alone.months.map((m) => m.depinUsd)).toEqual(beside.months.map((m) => m.depinUsd));
      expect(alone.months.map((m) => m.demandFactor)).toEqual(beside.months.map((m) => m.demandFactor));
      expect(alone.months.map((m) => m.subsidyShare)).toEqual(beside.months.map((m) => m.subsidyShare));
      expect(alone.horizonDepinUsd).toBe(beside.horizonDepinUsd);
      expect(alone.months.every((m) => m.cloudUsd === null)).toBe(true);
      expect(alone.horizonCloudUsd).toBeNull();
      // Nothing to be cheaper than: no cliff, however the subsidy falls.
      expect(alone.subsidyCliffMonth).toBeNull();
    });

    it('the subsidy ending shows in its spend: 8000 × (1 − 0.3) + 200 a month, then 8000 + 200 (× demand)', () => {
      const p = projectSpend({ cloud: null, depin }, s);
      expect(p.months[11]!.depinUsd).toBeCloseTo((8_000 * 0.7 + 200) * 1.01 ** 11, 8);
      expect(p.months[12]!.depinUsd).toBeCloseTo((8_000 + 200) * 1.01 ** 12, 8);
      expect(p.horizonDepinUsd).toBeCloseTo(
        p.months.reduce((a, m) => a + m.depinUsd!, 0),
        8,
      );
    });

    it('refuses a projection with neither side', () => {
      expect(() => projectSpend({ cloud: null, depin: null }, s)).toThrow(PROJECTION_NEEDS_A_SIDE);
      expect(() => projectSpend({ cloud: null, depin: null }, s)).toThrow(PricingAssertionError);
    });
  });
});
