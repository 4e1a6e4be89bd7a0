/**
 * One effective price (issue 17, "one source per rule"): estimating, matching and ranking read pricing's
 * `effectivePrice`, so for any offer and scenario the estimate's GPU-hour price, the matcher's ordering price and
 * the ranking's price are the same number.
 */
import { type EffectivePriceOptions, effectivePrice, estimateCost, gpuTierTable } from '@gpufit/pricing';
import {
  type Offer,
  type Scenario,
  scenarioSchema,
  validateOffer,
  validateWorkloadProfile,
  type WorkloadProfile,
} from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveUsdPerGpuHour, rankOffers } from '../src/index.js';
import { buildGroups } from '../src/matchOffers.js';
import { gpuTier } from './support/builders.js';

const h100 = gpuTier('H100');
const tiers = gpuTierTable([{ ...h100, gpu: 'A100-80GB', generation: 'Ampere' }, h100]);

const workload = ((): WorkloadProfile => {
  const v = validateWorkloadProfile({
    id: 'w',
    kind: 'batch-inference',
    gpuType: 'H100',
    gpuHoursPerMonth: 300,
    interruptible: true,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value;
})();

const money = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Offers of every market and category, with and without an incentive (USD-pegged or in the token). */
const offerArb: fc.Arbitrary<Offer> = fc
  .record({
    n: fc.nat({ max: 999 }),
    provider: fc.constantFrom('akash', 'render', 'aws', 'lambda'),
    market: fc.constantFrom('hyperscaler', 'gpu-cloud', 'depin', 'marketplace'),
    category: fc.constantFrom('Standard', 'Dynamic'),
    usdPerGpuHour: money(0.05, 20),
    incentive: fc.option(
      fc.record({
        incentiveSymbol: fc.constantFrom('AKT', 'RENDER'),
        incentiveSubsidyShare: money(0, 0.9),
        incentiveDenomination: fc.constantFrom('usd-pegged', 'token'),
      }),
      { nil: undefined },
    ),
  })
  .map(({ n, provider, market, category, incentive, usdPerGpuHour }) => {
    const v = validateOffer({
      id: `${provider}:${n}`,
      provider,
      market,
      gpu: 'H100',
      gpuMemoryGiB: 80,
      gpusPerInstance: 1,
      region: 'r',
      country: 'US',
      pricingCategory: category,
      usdPerGpuHour,
      egressUsdPerGiB: 0,
      source: 'test',
      asOf: '2026-11-24',
      ...incentive,
    });
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    return v.value;
  });

/** Scenarios that move prices: subsidy shares by network or token, token spot prices. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record(
    {
      subsidies: fc.constantFrom(
        {},
        { akash: { kind: 'none' as const, share: 0.5 } },
        { AKT: { kind: 'linear' as const, share: 0.9, monthsToZero: 6 }, render: { kind: 'none' as const } },
        { Render: { kind: 'none' as const, share: 0 } },
      ),
      tokenPrices: fc.constantFrom(
        {},
        { RENDER: { spotUsd: 4.2, annualDrift: 0, annualVolatility: 0.8 } },
        { akt: { spotUsd: 1.1, annualDrift: 0, annualVolatility: 0.5 } },
      ),
    },
    { requiredKeys: [] },
  )
  .map((s) => scenarioSchema.parse(s));

/** What a projection or a formula may add: a month, a share, a token price, an adjustment. */
const movesArb = fc.record(
  {
    month: fc.integer({ min: 0, max: 36 }),
    subsidyShare: money(0, 0.95),
    tokenPriceUsd: money(0.01, 20),
    factor: money(0, 3),
  },
  { requiredKeys: [] },
);

type Moves = typeof movesArb extends fc.Arbitrary<infer T> ? T : never;

function pricingOf(scenario: Scenario, moves: Moves): EffectivePriceOptions {
  const { factor, ...rest } = moves;
  return {
    scenario,
    ...rest,
    ...(factor === undefined ? {} : { priceAdjuster: (_o: Offer, usd: number) => usd * factor }),
  };
}

describe('one effective price for estimating, matching and ranking', () => {
  it('the estimate bills the GPU-hour at effectivePrice, and ranking ranks by it, in any scenario and month', () => {
    fc.assert(
      fc.property(offerArb, scenarioArb, movesArb, (offer, scenario, moves) => {
        const pricing = pricingOf(scenario, moves);
        const price = effectivePrice(offer, pricing);
        const estimate = estimateCost(workload, offer, { tiers, ...pricing });
        const ranked = rankOffers([offer], {}, pricing)[0]!;
        expect(ranked.effectiveUsdPerGpuHour).toBe(price.ok ? price.usd : null);
        expect(effectiveUsdPerGpuHour(offer, pricing)).toBe(ranked.effectiveUsdPerGpuHour);
        expect(estimate.feasible).toBe(price.ok);
        if (!price.ok) {
          expect(estimate.rejections).toEqual([price.rejection]);
          return;
        }
        const line = (name: string) => estimate.components.find((c) => c.name === name)!;
        expect(line('gpu-time').unitPriceUsd).toBe(price.grossUsd);
        expect(line('incentive-subsidy').unitPriceUsd).toBe(-price.share * price.grossUsd);
        // The tenant's unit price: the GPU line plus the (negative) subsidy line, per GPU-hour.
        const net = line('gpu-time').unitPriceUsd + line('incentive-subsidy').unitPriceUsd;
        expect(net).toBeCloseTo(price.usd, 9);
        expect(Math.abs(net - price.usd)).toBeLessThanOrEqual(1e-12 * price.usd);
      }),
      { numRuns: 500 },
    );
  });

  it('the matcher orders offers by the same month-0 price the ranking shows', () => {
    fc.assert(
      fc.property(fc.array(offerArb, { maxLength: 30 }), scenarioArb, (offers, scenario) => {
        const groups = buildGroups(offers, { tiers, scenario });
        const ranked = new Map(rankOffers(offers, {}, { scenario }).map((r) => [r.offer, r]));
        for (const g of groups) {
          g.offers.forEach((o, i) => {
            expect(g.effectiveUsd[i]).toBe(ranked.get(o)!.effectiveUsdPerGpuHour);
          });
        }
        // Every offer the ranking prices is in one group (none is lost to the pre-filter on price).
        const grouped = groups.reduce((n, g) => n + g.offers.length, 0);
        expect(grouped).toBe([...ranked.values()].filter((r) => r.effectiveUsdPerGpuHour !== null).length);
      }),
      { numRuns: 300 },
    );
  });

  it('without a scenario, the effective price is the list price exactly (month 0 bills the list)', () => {
    fc.assert(
      fc.property(offerArb, (offer) => {
        const price = effectivePrice(offer, {});
        expect(price.ok && price.usd).toBe(offer.usdPerGpuHour);
        expect(rankOffers([offer], {})[0]!.effectiveUsdPerGpuHour).toBe(offer.usdPerGpuHour);
      }),
    );
  });
});
