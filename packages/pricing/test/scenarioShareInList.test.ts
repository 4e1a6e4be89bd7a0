// A scenario's incentive-subsidy share for a network says how much of today's listed price the emissions carry (and
// would stop carrying), never a further discount (datasets/README.md, "Override a share in a scenario"): the
// unsubsidized price is list ÷ (1 − month 0's share), month 0 bills the list, and a fading share raises the price.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  costBasis,
  effectivePrice,
  estimateCost,
  spendPath,
  unsubsidizedUsdPerGpuHour,
} from '../src/index.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

const tiers = TEST_TIERS;
/** A share in steps of 0.1 %: a price's share is stated to the per mille, never a subnormal float. */
const shareArb = (max: number) => fc.integer({ min: 0, max: Math.round(max * 1000) }).map((x) => x / 1000);

/** The reviewer's offer: Nosana's RTX 4090 community market at $0.24/GPU-hour, no emissions stated (share 0). */
const NOSANA = {
  id: 'nosana:4090',
  provider: 'nosana',
  market: 'depin',
  gpu: 'RTX4090',
  gpuMemoryGiB: 24,
  gpusPerInstance: 1,
  usdPerGpuHour: 0.24,
  interruptionsPerHour: 0,
  incentiveSymbol: 'NOS',
  incentiveSubsidyShare: 0,
} as const;
const nosana = offer(NOSANA);
const sdxl = profile({ id: 'sdxl', kind: 'batch-inference', gpuHoursPerMonth: 1460, gpuType: 'RTX4090' });
// The reviewer's scenario: 25 % of Nosana's price paid by emissions until 2027-07, then none.
const nos25 = scenario({
  startMonth: '2027-01',
  horizonMonths: 12,
  subsidies: { nosana: { kind: 'step', share: 0.25, steps: [{ month: '2027-07', share: 0 }] } },
  subsidyPassThrough: 1,
});

const gpuTime = (e: ReturnType<typeof estimateCost>) => e.components.find((c) => c.name === 'gpu-time')!;
const subsidyLine = (e: ReturnType<typeof estimateCost>) =>
  e.components.find((c) => c.name === 'incentive-subsidy')!;

describe("a scenario's subsidy share is the share in today's list price", () => {
  it("the reviewer's case: Nosana at $0.24 with a 25 % share ending 2027-07 bills the list at month 0 and list ÷ 0.75 from 2027-07", () => {
    const plain = estimateCost(sdxl, nosana, { tiers });
    const shared = estimateCost(sdxl, nosana, { tiers, scenario: nos25 });
    // Before: month 0 fell by 25 % of GPU time (the share taken off the list as a discount).
    expect(shared.monthlyUsd).toBeCloseTo(plain.monthlyUsd!, 9);
    expect(gpuTime(shared).unitPriceUsd).toBeCloseTo(0.24 / 0.75, 12);
    expect(subsidyLine(shared).unitPriceUsd).toBeCloseTo(-0.25 * (0.24 / 0.75), 12);
    expect(unsubsidizedUsdPerGpuHour(nosana, nos25)).toBeCloseTo(0.32, 12);
    expect(unsubsidizedUsdPerGpuHour(nosana)).toBe(0.24);
    const basis = costBasis(shared, nosana);
    if (!basis.ok) throw new Error(basis.reason);
    const path = spendPath(basis.value, nos25);
    const compute = basis.value.computeUsdPerMonth;
    const data = basis.value.dataUsdPerMonth;
    for (let t = 0; t < 6; t++) expect(path.expectedUsd[t]).toBeCloseTo(plain.monthlyUsd!, 9);
    // From 2027-07 (month 6) the emissions stop: the tenant pays the unsubsidized price, list ÷ 0.75.
    for (let t = 6; t < 12; t++) {
      expect(path.expectedUsd[t]).toBeCloseTo(compute + data, 9);
      expect(path.expectedUsd[t]).toBeCloseTo((plain.monthlyUsd! - data) / 0.75 + data, 9);
    }
  });

  it('property: month 0 bills the list price whatever the offer share and the scenario share', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        shareArb(0.95),
        fc.option(shareArb(0.95), { nil: undefined }),
        (list, offerShare, scenarioShare) => {
          const o = offer({ ...NOSANA, usdPerGpuHour: list, incentiveSubsidyShare: offerShare });
          const s = scenario(
            scenarioShare === undefined
              ? {}
              : { subsidies: { nosana: { kind: 'none', share: scenarioShare } } },
          );
          const p = effectivePrice(o, { scenario: s });
          if (!p.ok) throw new Error(p.rejection.message);
          expect(p.usd).toBe(list);
          expect(p.initialShare).toBe(scenarioShare ?? offerShare);
          expect(p.grossUsd * (1 - p.initialShare)).toBeCloseTo(list, 9);
          const e = estimateCost(sdxl, o, { tiers, scenario: s });
          const none = estimateCost(sdxl, { ...o, incentive: null }, { tiers });
          expect(e.monthlyUsd).toBeCloseTo(none.monthlyUsd!, 6);
        },
      ),
    );
  });

  it('property: the subsidy line is share × the gross GPU-hour price, and GPU time plus it is the list', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 20, noNaN: true }), shareArb(0.9), (list, share) => {
        const o = offer({ ...NOSANA, usdPerGpuHour: list });
        const s = scenario({ subsidies: { nosana: { kind: 'none', share } } });
        const e = estimateCost(sdxl, o, { tiers, scenario: s });
        const gross = gpuTime(e).unitPriceUsd;
        expect(gross).toBeCloseTo(list / (1 - share), 9);
        if (share === 0) return;
        expect(subsidyLine(e).unitPriceUsd).toBeCloseTo(-share * gross, 9);
        expect(gpuTime(e).unitPriceUsd + subsidyLine(e).unitPriceUsd).toBeCloseTo(list, 9);
      }),
    );
  });

  it('property: as the share fades (pass-through 1) the price never falls below the list, and never rises above list ÷ (1 − s0)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        shareArb(0.9),
        fc.integer({ min: 1, max: 11 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (list, s0, stepAt, fraction) => {
          const later = s0 * fraction; // a fade: the later share is at most month 0's
          const o = offer({ ...NOSANA, usdPerGpuHour: list });
          const s = scenario({
            startMonth: '2027-01',
            horizonMonths: 12,
            subsidyPassThrough: 1,
            subsidies: {
              nosana: {
                kind: 'step',
                share: s0,
                steps: [{ month: `2027-${String(stepAt + 1).padStart(2, '0')}`, share: later }],
              },
            },
          });
          const p = effectivePrice(o, { scenario: s, subsidyShare: later });
          if (!p.ok) throw new Error(p.rejection.message);
          expect(p.usd).toBeGreaterThanOrEqual(list * (1 - 1e-12));
          expect(p.usd).toBeLessThanOrEqual((list / (1 - s0)) * (1 + 1e-12));
          const e = estimateCost(sdxl, o, { tiers, scenario: s });
          const basis = costBasis(e, o);
          if (!basis.ok) throw new Error(basis.reason);
          const path = spendPath(basis.value, s);
          for (let t = 0; t < 12; t++) {
            expect(path.expectedUsd[t]!).toBeGreaterThanOrEqual(e.monthlyUsd! * (1 - 1e-9));
            if (t > 0)
              expect(path.expectedUsd[t]!).toBeGreaterThanOrEqual(path.expectedUsd[t - 1]! * (1 - 1e-9));
          }
        },
      ),
    );
  });
});
