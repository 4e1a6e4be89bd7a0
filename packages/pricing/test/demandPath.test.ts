import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CostBasis } from '../src/costBasis.js';
import {
  costBasis,
  demandMonthAt,
  estimateCost,
  profileAtDemand,
  projectSpend,
  spendPath,
  withDemandPath,
  withTokenFloor,
} from '../src/index.js';
import { offerInput, profileInput } from './support/arbitraries.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

const tiers = TEST_TIERS;

/** Month 0's basis of `p` on `o`. */
function basisOf(p: ReturnType<typeof profile>, o: ReturnType<typeof offer>): CostBasis {
  const r = costBasis(estimateCost(p, o, { tiers }), o);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function grownBasis(
  p: ReturnType<typeof profile>,
  o: ReturnType<typeof offer>,
  growth: number,
  months: number,
): CostBasis {
  return withDemandPath(basisOf(p, o), p, o, { tiers }, growth, months);
}

const grown = (growth: number, months: number) =>
  scenario({ demandGrowthMonthly: growth, horizonMonths: months, startMonth: '2027-01' });

describe('profileAtDemand: the recurring demand × a factor', () => {
  it('scales GPU-hours or jobs, egress and output a month; keeps the dataset, the job and the service shape', () => {
    const p = profile({
      id: 'w',
      kind: 'batch-inference',
      jobsPerMonth: 40,
      hoursPerJob: 3,
      datasetGiB: 900,
      egressGiBPerMonth: 250,
      peakToMeanRatio: 2,
      outputUnit: 'images',
      outputPerMonth: 1e6,
    });
    const q = profileAtDemand(p, 2.5);
    expect(q.jobsPerMonth).toBe(100);
    expect(q.hoursPerJob).toBe(3);
    expect(q.egressGiBPerMonth).toBe(625);
    expect(q.outputPerMonth).toBe(2.5e6);
    expect(q.datasetGiB).toBe(900);
    expect(q.peakToMeanRatio).toBe(2);
    expect(q.gpuHoursPerMonth).toBeNull();
    expect(profileAtDemand(p, 1)).toBe(p);
  });
});

describe('withDemandPath: each month priced at its own demand', () => {
  it('a service held at its one always-up unit costs the same every month while the demand fits in it', () => {
    // 50 GPU-hours a month × 1.05^23 = 153 < 730: one 1-GPU instance all month (availability 1: no spare),
    // 730 h × $2 = $1,460 every month. Scaling month 0 by the demand gave $1,460 × 3.07 = $4,483 in month 24.
    const p = profile({ id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 50 });
    const o = offer({ gpusPerInstance: 1, availability: 1 });
    const path = spendPath(grownBasis(p, o, 0.05, 24), grown(0.05, 24));
    for (let t = 0; t < 24; t++) expect(path.computeUsd[t]).toBeCloseTo(1460, 9);
    expect(path.demandFactor[23]).toBeCloseTo(1.05 ** 23, 12);
    const linear = spendPath(basisOf(p, o), grown(0.05, 24));
    expect(linear.computeUsd[23]).toBeCloseTo(1460 * 1.05 ** 23, 6);
  });

  it('a service past its unit grows by whole units and their spares', () => {
    // 730 GPU-hours, peak × 2.5 at availability 0.95 for 0.999: 3 needed + 3 spare (estimateCost's test vector).
    // At ×2 (1,460 h): peak 5 GPUs needed, and the spares the target asks of 5 units.
    const p = profile({ id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 730 });
    const o = offer({ gpusPerInstance: 1, availability: 0.95 });
    const b = grownBasis(p, o, 1, 2);
    const at2 = estimateCost(profileAtDemand(p, 2), o, { tiers });
    expect(b.demandPath!.months[1]!.computeUsd).toBeCloseTo(at2.monthlyUsd!, 9);
    expect(at2.replicas).toBeGreaterThan(6);
    expect(at2.replicas).toBeLessThan(12);
  });

  it('batch work on one-GPU instances grows with the demand exactly; a one-off dataset upload does not', () => {
    // 100 jobs × 4 h on 1-GPU instances at $2; 500 GiB of results at $0.05; a 1,200 GiB dataset over 12 months at
    // $0.01/GiB = $1 a month, every month.
    const p = profile({
      id: 'b',
      kind: 'batch-inference',
      jobsPerMonth: 100,
      hoursPerJob: 4,
      gpusPerReplica: 1,
      egressGiBPerMonth: 500,
      datasetGiB: 1200,
      horizonMonths: 12,
    });
    const o = offer({ gpusPerInstance: 1, egressUsdPerGiB: 0.05, ingressUsdPerGiB: 0.01 });
    const path = spendPath(grownBasis(p, o, 0.1, 12), grown(0.1, 12));
    for (let t = 0; t < 12; t++) {
      const d = 1.1 ** t;
      // 400 GPU-hours and each job's 10-minute start-up (the default restart time): (400 + 100 × 1/6) × $2.
      expect(path.computeUsd[t]).toBeCloseTo((800 + 100 * (10 / 60) * 2) * d, 6);
      expect(path.dataUsd[t]).toBeCloseTo(25 * d + 1, 9);
    }
  });

  it('a month the offer cannot hold is scaled from the month before, and the path says from when', () => {
    // Spot in one zone: 8 GPUs at once (dynamicCapacity). 4,000 GPU-hours at peak × 1.25 hold 7 GPUs; growth of
    // 10 % a month needs 9 by month 3 (×1.21: 4,840 h × 1.25 / 730 = 8.3 → 9).
    const p = profile({
      id: 'j',
      kind: 'batch-inference',
      gpuHoursPerMonth: 4000,
      peakToMeanRatio: 1.25,
      interruptible: true,
      checkpointable: true,
    });
    const o = offer({ pricingCategory: 'Dynamic', zonesWithSpot: 1, gpusPerInstance: 1, usdPerGpuHour: 1 });
    const b = grownBasis(p, o, 0.1, 6);
    const path = b.demandPath!;
    let first = -1;
    for (let t = 1; t < 6 && first < 0; t++)
      if (!estimateCost(profileAtDemand(p, 1.1 ** t), o, { tiers }).feasible) first = t;
    expect(first).toBe(2);
    expect(path.unpricedFrom).toBe(first);
    for (let t = first; t < 6; t++)
      expect(path.months[t]!.computeUsd).toBeCloseTo(
        path.months[first - 1]!.computeUsd * 1.1 ** (t - first + 1),
        6,
      );
    expect(spendPath(b, grown(0.1, 6)).assumptions.join(' ')).toMatch(
      /cannot price the demand of month 3 \(×1\.21 month 1's\)/,
    );
  });

  it('without growth, or at another growth rate, the basis scales month 0 as before', () => {
    const p = profile({ id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 50 });
    const o = offer({ gpusPerInstance: 1, availability: 1 });
    const r = costBasis(estimateCost(p, o, { tiers }), o);
    if (!r.ok) throw new Error(r.reason);
    expect(withDemandPath(r.value, p, o, { tiers }, 0, 24)).toBe(r.value);
    const b = withDemandPath(r.value, p, o, { tiers }, 0.05, 24);
    const other = spendPath(b, grown(0.02, 24));
    expect(Array.from(other.expectedUsd)).toEqual(
      Array.from(spendPath(r.value, grown(0.02, 24)).expectedUsd),
    );
    // Past the path's last month: scaled from it.
    expect(demandMonthAt(b.demandPath!, 30).computeUsd).toBeCloseTo(1460 * (1.05 ** 30 / 1.05 ** 23), 6);
  });

  it('property: month 0 is the basis; growing demand never lowers a month, shrinking demand never raises one', () => {
    fc.assert(
      fc.property(profileInput, offerInput, fc.constantFrom(0.03, 0.1, 0.4, -0.05, -0.3), (pi, oi, g) => {
        const p = profile(pi);
        const o = offer(oi);
        const r = costBasis(estimateCost(p, o, { tiers }), o);
        if (!r.ok) return;
        const b = withDemandPath(r.value, p, o, { tiers }, g, 8);
        const s = grown(g, 8);
        const path = spendPath(b, s);
        expect(path.expectedUsd[0]).toBe(spendPath(r.value, s).expectedUsd[0]);
        const months = b.demandPath!.months;
        const total = (m: (typeof months)[number]) => m.computeUsd + m.interruptionUsd + m.dataUsd;
        for (let t = 1; t < months.length; t++) {
          const [a, c] = [total(months[t - 1]!), total(months[t]!)];
          for (const v of [c, months[t]!.interruptionsPerMonth])
            expect(Number.isFinite(v) && v >= 0).toBe(true);
          if (g > 0) expect(c).toBeGreaterThanOrEqual(a * (1 - 1e-12));
          else expect(c).toBeLessThanOrEqual(a * (1 + 1e-12));
        }
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it('with a search, a month moves to a cheaper offer of the side at its demand, only one whose cost moves alike', () => {
    // The chosen offer holds one 1-GPU instance at $2 (availability 1); from the month demand passes one unit's
    // 730 GPU-hours × peak 1 a cheaper $1.50 offer is what the search finds.
    const p = profile({ id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 600, peakToMeanRatio: 1 });
    const chosen = offer({ id: 'chosen', gpusPerInstance: 1, availability: 1 });
    const cheaper = offer({ id: 'cheaper', gpusPerInstance: 1, availability: 1, usdPerGpuHour: 1.5 });
    const tokenPaid = offer({
      id: 'token',
      gpusPerInstance: 1,
      availability: 1,
      usdPerGpuHour: 1.5,
      incentiveSymbol: 'AKT',
      incentiveSubsidyShare: 0.2,
      incentiveDenomination: 'token',
    });
    const find = (o: typeof chosen) => (q: typeof p) => {
      const e = estimateCost(q, o, { tiers, explain: false });
      return q.gpuHoursPerMonth! > 730 ? { offer: o, estimate: e } : null;
    };
    const b = withDemandPath(basisOf(p, chosen), p, chosen, { tiers }, 0.1, 6, find(cheaper));
    const path = b.demandPath!;
    // 600 × 1.1^t > 730 from t = 3 (798.6 GPU-hours).
    expect(path.months.map((m) => m.offerId)).toEqual([
      'chosen',
      'chosen',
      'chosen',
      'cheaper',
      'cheaper',
      'cheaper',
    ]);
    expect(path.movedFrom?.month).toBe(3);
    expect(path.movedFrom?.offer.id).toBe('cheaper');
    expect(path.movedFrom?.usd).toBeCloseTo(600 * 1.1 ** 3 * 1.5, 6);
    expect(path.movedFrom?.chosenUsd).toBeCloseTo(600 * 1.1 ** 3 * 2, 6);
    expect(path.months[3]!.computeUsd).toBeCloseTo(600 * 1.1 ** 3 * 1.5, 6);
    // An offer paid in a token (its subsidy and price path are not the chosen offer's) is not taken.
    const kept = withDemandPath(basisOf(p, chosen), p, chosen, { tiers }, 0.1, 6, find(tokenPaid))
      .demandPath!;
    expect(kept.movedFrom).toBeNull();
    expect(kept.months.every((m) => m.offerId === 'chosen')).toBe(true);
  });

  it('a projection of a grown basis sums its months', () => {
    const p = profile({ id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 50 });
    const o = offer({ gpusPerInstance: 1, availability: 1 });
    const projection = projectSpend({ cloud: grownBasis(p, o, 0.05, 12), depin: null }, grown(0.05, 12));
    expect(projection.horizonCloudUsd).toBeCloseTo(12 * 1460, 6);
  });
});

describe('a month priced on another offer is floored as that offer', () => {
  // Two NOS-priced offers (no emissions): the chosen one at $2 a GPU-hour whose hosts' outside option is $1.80, and
  // from the month demand passes one unit's 730 GPU-hours (t = 3 at 10 % growth) a cheaper one at $1.50. NOS falls
  // 75 % a year without noise: E[R(t)] = 2^(−t/6).
  const p = profile({ id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 600, peakToMeanRatio: 1 });
  const nos = { incentiveSymbol: 'NOS', incentiveSubsidyShare: 0, incentiveDenomination: 'token' } as const;
  const chosen = offer({ id: 'chosen', gpusPerInstance: 1, availability: 1, usdPerGpuHour: 2, ...nos });
  const cheaper = offer({ id: 'cheaper', gpusPerInstance: 1, availability: 1, usdPerGpuHour: 1.5, ...nos });
  const find = (q: typeof p) =>
    q.gpuHoursPerMonth! > 730
      ? { offer: cheaper, estimate: estimateCost(q, cheaper, { tiers, explain: false }) }
      : null;
  const s = scenario({
    demandGrowthMonthly: 0.1,
    horizonMonths: 6,
    startMonth: '2027-01',
    tokenPrices: { NOS: { spotUsd: 1, annualDrift: Math.log(0.25), annualVolatility: 0 } },
  });
  const floorAt = (usd: number, id: string) => ({
    usdPerGpuHour: usd,
    offerId: id,
    providerName: id,
    gpu: 'X',
  });
  const chosenFloor = floorAt(1.8, 'usd-a');
  const grownBasis = withDemandPath(basisOf(p, chosen), p, chosen, { tiers }, 0.1, 6, find);
  const estimate0 = estimateCost(p, chosen, { tiers });
  const R = (t: number) => 2 ** (-t / 6);

  it('its own floor ($1.40 against its $1.50: φ = 0.9333), not the chosen offer’s (0.9 of $2)', () => {
    const b = withTokenFloor(grownBasis, chosenFloor, estimate0, (id) =>
      id === 'cheaper' ? floorAt(1.4, 'usd-b') : null,
    );
    const path = spendPath(b, s);
    expect(path.offerIds).toEqual(['chosen', 'chosen', 'chosen', 'cheaper', 'cheaper', 'cheaper']);
    for (let t = 0; t < 6; t++) {
      const compute = path.computeUsd[t]!;
      // Months 1–2 on the chosen offer: max(R, 0.9); from month 3 on the cheaper one: max(R, 1.4 ÷ 1.5).
      const held = t < 3 ? Math.max(R(t), 0.9) : Math.max(R(t), 1.4 / 1.5);
      expect(path.expectedUsd[t]).toBeCloseTo(compute * held, 6);
    }
    // 600 × 1.1³ GPU-hours at $1.50, held at $1.40 (R = 0.7071).
    expect(path.expectedUsd[3]).toBeCloseTo(600 * 1.1 ** 3 * 1.4, 6);
    expect(path.tokenFloorRatio![3]).toBeCloseTo(1.4 / 1.5, 12);
    // No assumption says the chosen offer's floor (as a raw float, "$1.8/GPU-h") is measured against another's price.
    expect(path.assumptions.filter((a) => a.includes('token floor'))).toEqual([]);
    const projection = projectSpend({ cloud: null, depin: b }, s);
    expect(projection.months.map((m) => m.depinOfferId)).toEqual(path.offerIds);
    expect(projection.months.every((m) => m.cloudOfferId === null)).toBe(true);
  });

  it('none when that offer has no floor: the month follows the token', () => {
    const b = withTokenFloor(grownBasis, chosenFloor, estimate0, () => null);
    const path = spendPath(b, s);
    for (let t = 3; t < 6; t++) expect(path.expectedUsd[t]).toBeCloseTo(path.computeUsd[t]! * R(t), 6);
    // The Monte Carlo's terms for such a month hold nothing: max(R·P, min(0, P)) = R·P.
    expect(path.tokenFloorRatio![4]).toBe(0);
    expect(path.tokenEmissionRatio![4]).toBe(0);
    expect(path.expectedUsd[1]).toBeCloseTo(path.computeUsd[1]! * 0.9, 6);
  });

  it('a chosen offer without a floor still floors a month priced on an offer that has one', () => {
    const b = withTokenFloor(grownBasis, null, estimate0, () => floorAt(1.4, 'usd-b'));
    const path = spendPath(b, s);
    expect(path.expectedUsd[1]).toBeCloseTo(path.computeUsd[1]! * R(1), 6);
    expect(path.expectedUsd[5]).toBeCloseTo(path.computeUsd[5]! * (1.4 / 1.5), 6);
    expect(path.tokenFloorFrom).toBe(3);
  });
});
