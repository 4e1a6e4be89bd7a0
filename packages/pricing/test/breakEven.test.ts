import { BREAK_EVEN_VARIABLES } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakEven,
  type CostFunction,
  estimateCost,
  type PricedComparison,
  pricedInputs,
} from '../src/index.js';
import { analyticCost } from './support/analyticCost.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

function comparison(overrides: Partial<PricedComparison> = {}): PricedComparison {
  return {
    profile: profile({ id: 'w', kind: 'batch-inference', gpuHoursPerMonth: 1000, egressGiBPerMonth: 2000 }),
    cloud: offer({ id: 'cloud', usdPerGpuHour: 2, egressUsdPerGiB: 0.09 }),
    depin: offer({
      id: 'depin',
      provider: 'akash',
      market: 'depin',
      usdPerGpuHour: 1.6,
      interruptionsPerHour: 0.1,
      egressUsdPerGiB: 0,
      incentiveSymbol: 'AKT',
      incentiveSubsidyShare: 0.2,
    }),
    scenario: scenario(),
    ...overrides,
  };
}

const monthly = (costOf: CostFunction, c: PricedComparison, side: 'cloud' | 'depin') =>
  costOf(c.profile, c[side], c.scenario).monthlyUsd!;

describe('breakEven (DESIGN §5.11)', () => {
  it('answers for every break-even variable that applies (a flexible cloud option: all but utilization)', () => {
    const r = breakEven(comparison(), analyticCost);
    expect(r.map((b) => b.variable)).toEqual(BREAK_EVEN_VARIABLES.filter((v) => v !== 'utilization'));
    const committed = comparison({
      cloud: { ...comparison().cloud, pricingCategory: 'Committed', termMonths: 12 },
    });
    expect(breakEven(committed, analyticCost).map((b) => b.variable)).toEqual([...BREAK_EVEN_VARIABLES]);
  });

  it('solves the analytic case exactly: the DePIN price at which both cost the same', () => {
    // Cloud: 1000 h × $2 + 2000 GiB × $0.09 = $2,180. DePIN: 1000 h × (1 + 0.1·0.5) × p × (1 − 0.2) = 840 p.
    const [b] = breakEven(comparison(), analyticCost, { variables: ['depinUsdPerGpuHour'] });
    expect(b!.status).toBe('found');
    expect(b!.current).toBe(1.6);
    expect(b!.value).toBeCloseTo(2180 / 840, 8);
    expect(b!.note).toContain('DePIN is cheaper below it');
  });

  it('the value found really makes the two costs equal (|diff| < tol), whatever the variable (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 6, noNaN: true }),
        fc.double({ min: 0.2, max: 6, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.constantFrom(...BREAK_EVEN_VARIABLES),
        (cloudPrice, depinPrice, share, rate, variable) => {
          const c = comparison({
            cloud: offer({
              id: 'cloud',
              usdPerGpuHour: cloudPrice,
              egressUsdPerGiB: 0.09,
              pricingCategory: 'Committed',
              termMonths: 12,
            }),
            depin: offer({
              id: 'depin',
              provider: 'akash',
              market: 'depin',
              usdPerGpuHour: depinPrice,
              interruptionsPerHour: rate,
              egressUsdPerGiB: 0,
              incentiveSymbol: 'AKT',
              incentiveSubsidyShare: share,
            }),
          });
          const [b] = breakEven(c, analyticCost, { variables: [variable] });
          if (b!.status !== 'found') return;
          const at = pricedInputs[variable].apply(c, b!.value!);
          const diff = monthly(analyticCost, at, 'depin') - monthly(analyticCost, at, 'cloud');
          expect(Math.abs(diff)).toBeLessThan(1e-6 * Math.max(1, monthly(analyticCost, at, 'cloud')));
          expect(b!.value!).toBeGreaterThanOrEqual(b!.range[0]);
          expect(b!.value!).toBeLessThanOrEqual(b!.range[1]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('says when the cheaper side changes by a step, not a crossing (the two never cost the same)', () => {
    // The DePIN cost jumps by USD 2,000 above 0.2 interruptions an hour (as when an interrupted job turns from
    // rerunning to checkpointing and starts uploading checkpoints).
    const stepped: CostFunction = (p, o, s) => {
      const e = analyticCost(p, o, s);
      return o.id === 'depin' && (o.interruptionsPerHour ?? 0) > 0.2
        ? { ...e, monthlyUsd: e.monthlyUsd! + 2000 }
        : e;
    };
    const c = comparison();
    const gapAt = (rate: number, cost: CostFunction) => {
      const at = pricedInputs.interruptionsPerHour.apply(c, rate);
      return monthly(cost, at, 'depin') - monthly(cost, at, 'cloud');
    };
    // Without the step DePIN stays cheaper over the whole range; with it, it is dearer above 0.2.
    expect(gapAt(0.2, stepped)).toBeLessThan(-1);
    expect(gapAt(0.2000001, stepped)).toBeGreaterThan(1);
    const [b] = breakEven(c, stepped, { variables: ['interruptionsPerHour'] });
    expect(b!.status).toBe('found');
    expect(b!.value!).toBeCloseTo(0.2, 6);
    expect(b!.note).toContain('by a step, not a crossing');
    expect(b!.note).not.toContain('cost the same at');
    expect(b!.note).toMatch(
      /DePIN costs USD [\d.]+ less than cloud just below it and USD [\d,.]+ more just above it/,
    );
    // Thousands grouped like every other figure gpufit prints (it read "USD 1228.00").
    expect(b!.note).toMatch(/USD \d{1,3}(,\d{3})+\.\d\d more just above it/);
    expect(b!.note).toContain('from rerunning an interrupted job to checkpointing it');
    // A serving workload has no jobs to rerun: its step is a spare replica more for the availability target (a
    // moderation API read "e.g. from rerunning an interrupted job to checkpointing it").
    const served = comparison({
      profile: profile({
        id: 's',
        kind: 'realtime-inference',
        gpuHoursPerMonth: 1000,
        egressGiBPerMonth: 2000,
      }),
    });
    const [serving] = breakEven(served, stepped, { variables: ['interruptionsPerHour'] });
    expect(serving!.note).toContain('by a step, not a crossing');
    expect(serving!.note).toContain('e.g. one more spare replica to hold the availability target');
    expect(serving!.note).not.toContain('rerunning an interrupted job');
    // A real crossing keeps the old sentence.
    const [price] = breakEven(c, analyticCost, { variables: ['depinUsdPerGpuHour'] });
    expect(price!.note).toContain('DePIN and cloud cost the same at');
  });

  it('says "no break-even in range" and which side stays cheaper', () => {
    // DePIN free of egress, the cloud charging for it: more egress only widens DePIN's lead.
    const [b] = breakEven(comparison(), analyticCost, { variables: ['egressGiBPerMonth'] });
    expect(b!.status).toBe('no-break-even-in-range');
    expect(b!.value).toBeNull();
    expect(b!.note).toContain('DePIN stays cheaper');
    expect(b!.note).toContain('(now 2,000)'); // grouped, as the table beside it prints it
  });

  it('utilization only matters for a committed cloud option: no row (and no made-up "now 0") otherwise', () => {
    expect(comparison().cloud.pricingCategory).not.toBe('Committed');
    expect(breakEven(comparison(), analyticCost, { variables: ['utilization'] })).toEqual([]);
    expect(breakEven(comparison(), analyticCost).map((b) => b.variable)).not.toContain('utilization');
  });

  it('no subsidy-share row for a network without an incentive token (Vast), unless the scenario grants its network one', () => {
    // A Vast upscaler read "DePIN and cloud cost the same at 0.1529 share (now 0); DePIN is cheaper above it".
    const vast = offer({
      id: 'vast',
      provider: 'vast',
      market: 'marketplace',
      usdPerGpuHour: 2.6,
      interruptionsPerHour: 0.1,
      egressUsdPerGiB: 0,
    });
    const c = comparison({ depin: vast });
    expect(c.depin.incentive ?? null).toBeNull();
    expect(pricedInputs.subsidyShare.current(c, analyticCost)).toEqual({
      value: null,
      reason: "the DePIN offer's network pays no incentive subsidy (no incentive token)",
    });
    const vars = breakEven(c, analyticCost).map((b) => b.variable);
    expect(vars).not.toContain('subsidyShare');
    expect(vars).toContain('depinUsdPerGpuHour');
    // A scenario that grants the network a share makes the question real again.
    const granted = comparison({
      depin: vast,
      scenario: scenario({ subsidies: { vast: { kind: 'none', share: 0.2 } } }),
    });
    expect(breakEven(granted, analyticCost).map((b) => b.variable)).toContain('subsidyShare');
    // A token network keeps its row even at a share of 0: its emissions can be set.
    const akt0 = comparison({
      depin: { ...comparison().depin, incentive: { ...comparison().depin.incentive!, subsidyShare: 0 } },
    });
    expect(breakEven(akt0, analyticCost).map((b) => b.variable)).toContain('subsidyShare');
  });

  it('re-prices with the real cost model (estimateCost): the found subsidy share equalizes the two estimates', () => {
    const costOf: CostFunction = (p, o, s) => estimateCost(p, o, { tiers: TEST_TIERS, scenario: s });
    const c = comparison({ depin: { ...comparison().depin, usdPerGpuHour: 2.6 } });
    const results = breakEven(c, costOf);
    const subsidy = results.find((b) => b.variable === 'subsidyShare')!;
    expect(subsidy.status).toBe('found');
    const at = pricedInputs.subsidyShare.apply(c, subsidy.value!);
    expect(Math.abs(monthly(costOf, at, 'depin') - monthly(costOf, at, 'cloud'))).toBeLessThan(1e-6);
    const price = results.find((b) => b.variable === 'depinUsdPerGpuHour')!;
    const atPrice = pricedInputs.depinUsdPerGpuHour.apply(c, price.value!);
    expect(Math.abs(monthly(costOf, atPrice, 'depin') - monthly(costOf, atPrice, 'cloud'))).toBeLessThan(
      1e-6,
    );
    for (const b of results) expect(b.value === null || Number.isFinite(b.value)).toBe(true);
  });

  it("the subsidy share is the one in force against today's (a scenario's month-0 share is in the list, not a discount)", () => {
    const costOf: CostFunction = (p, o, s) => estimateCost(p, o, { tiers: TEST_TIERS, scenario: s });
    const base = comparison();
    const network = base.depin.provider;
    const c = comparison({ scenario: scenario({ subsidies: { [network]: { kind: 'none', share: 0.25 } } }) });
    // Today's share, whether the offer's or the scenario's, leaves today's price as listed.
    expect(monthly(costOf, c, 'depin')).toBeCloseTo(monthly(costOf, base, 'depin'), 9);
    expect(pricedInputs.subsidyShare.current(c, costOf)).toEqual({ value: 0.25 });
    expect(monthly(costOf, pricedInputs.subsidyShare.apply(c, 0.25), 'depin')).toBeCloseTo(
      monthly(costOf, c, 'depin'),
      9,
    );
    // At 0 the emissions are gone: compute is billed at list ÷ (1 − 0.25); in between it falls as the share rises.
    const at = (v: number) => monthly(costOf, pricedInputs.subsidyShare.apply(c, v), 'depin');
    const gone = costOf(c.profile, c.depin, c.scenario);
    const gpu = gone.components.find((x) => x.name === 'gpu-time')!;
    expect(at(0)).toBeGreaterThan(at(0.25));
    expect(at(0) - at(0.25)).toBeGreaterThanOrEqual(gpu.usd * 0.25 * (1 - 1e-9));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 98 }), fc.integer({ min: 0, max: 98 }), (a, b) => {
        const [lo, hi] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
        expect(at(hi)).toBeLessThanOrEqual(at(lo) * (1 + 1e-12));
      }),
      { numRuns: 50 },
    );
  });

  it('is empty when an option cannot be priced', () => {
    const { usdPerGpuHour: _unknown, ...rest } = comparison().depin;
    const c = comparison({ depin: { ...rest, usdPerGpuHour: null } });
    const costOf: CostFunction = (p, o, s) => estimateCost(p, o, { tiers: TEST_TIERS, scenario: s });
    expect(breakEven(c, costOf)).toEqual([]);
  });
});
