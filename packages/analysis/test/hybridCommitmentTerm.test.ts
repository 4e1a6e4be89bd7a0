/**
 * A hybrid split's committed base pays the whole commitment: a term longer than the horizon is spread over it, as
 * estimateCost spreads it (its commitment waste) and committedBaseMix charges it. hybridFor took the committed
 * estimate without its commitment waste — the term's spread included — so a 36-month commitment on a 12-month
 * horizon entered the split at a third of what it costs.
 */
import { estimateCost, gpuTierTable } from '@gpufit/pricing';
import { assessFit, explainFit } from '@gpufit/scoring';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestOffers } from '../src/bestOffers.js';
import { hybridFor } from '../src/hybridFor.js';
import { sidesOfMarkets } from '../src/sides.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const depin = offerOf('test', {
  id: 'akash:h100:any:standard',
  market: 'depin',
  usdPerGpuHour: 2.71,
  gpusPerInstance: 1,
  availability: 0.9,
});
const committedAt = (usdPerGpuHour: number, termMonths: number) =>
  offerOf('test', {
    id: `aws:h100:us-east-1:committed-${termMonths}mo`,
    market: 'hyperscaler',
    usdPerGpuHour,
    gpusPerInstance: 1,
    availability: 0.995,
    pricingCategory: 'Committed',
    termMonths,
  });
// A batch-tolerant service (no latency floor) so the split may take any share.
const service = (peakToMeanRatio: number, horizonMonths: number) =>
  profileOf({
    id: 'svc',
    kind: 'batch-inference',
    gpuType: 'H100',
    gpuHoursPerMonth: 7300,
    peakToMeanRatio,
    availabilityTarget: 0.95,
    interruptible: true,
    checkpointable: true,
    checkpointMinutes: 2,
    restartMinutes: 5,
    dataSensitivity: 'public',
    horizonMonths,
  });
const splitWith = (committed: ReturnType<typeof committedAt>, p: ReturnType<typeof service>) => {
  const estimate = (o: typeof depin) => estimateCost(p, o, { tiers });
  const best = bestOffers(p, [committed, depin], (_, o) => estimate(o), sidesOfMarkets());
  return hybridFor(p, explainFit(assessFit(p), p), best, (o) =>
    estimateCost(p, o, { tiers, servingSpares: 'peak' }),
  );
};

describe('hybridFor: a commitment whose term outlasts the horizon', () => {
  it('a 36-month term at $1 on a 12-month horizon costs the split what a 12-month term at $3 does', () => {
    const p = service(2, 12);
    const long = splitWith(committedAt(1, 36), p)!;
    const short = splitWith(committedAt(3, 12), p)!;
    expect(long).not.toBeNull();
    expect(long.blendedMonthlyUsd).toBeCloseTo(short.blendedMonthlyUsd, 6);
    expect(long.baselineGpus).toBeCloseTo(short.baselineGpus, 9);
  });

  it('property: the split prices a term of T months on H as one of H months at T/H the price', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.2, max: 4, noNaN: true }),
        fc.constantFrom(1, 6, 12, 24),
        fc.constantFrom(12, 36),
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        (ratio, horizon, term, price) => {
          fc.pre(term > horizon);
          const p = service(ratio, horizon);
          const long = splitWith(committedAt(price, term), p);
          const same = splitWith(committedAt((price * term) / horizon, horizon), p);
          if (long === null || same === null) {
            expect(long).toBe(same);
            return;
          }
          expect(long.blendedMonthlyUsd).toBeCloseTo(same.blendedMonthlyUsd, 4);
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});
