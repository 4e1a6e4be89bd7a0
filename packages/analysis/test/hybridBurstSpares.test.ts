/**
 * A hybrid split's DePIN side carries the bursts, and a burst slice of a few units needs proportionally more spares
 * than the whole service averages once its spares follow its demand: hybridFor prices the DePIN rate of a serving
 * workload with the peak's spares (estimateCost's servingSpares 'peak'), the whole service — and the on-demand cloud
 * base under the floor — with the average. Found by review: a 10-GPU service on 0.90 hosts averaged 1.61 GPU-hours billed per useful one, and the
 * split charged that to its bursts, where a slice above a 6.4-GPU baseline needs about 1.9.
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

const onDemand = offerOf('test', {
  id: 'aws:h100:us-east-1:standard',
  market: 'hyperscaler',
  usdPerGpuHour: 6.88,
  gpusPerInstance: 1,
  availability: 0.995,
});
const committed = offerOf('test', {
  id: 'aws:h100:us-east-1:committed',
  market: 'hyperscaler',
  usdPerGpuHour: 3.44,
  gpusPerInstance: 1,
  availability: 0.995,
  pricingCategory: 'Committed',
  termMonths: 12,
});
const depin = offerOf('test', {
  id: 'akash:h100:any:standard',
  market: 'depin',
  usdPerGpuHour: 2.71,
  gpusPerInstance: 1,
  availability: 0.9,
});

describe('hybridFor: bursts at the peak’s spares', () => {
  it('a serving workload’s DePIN burst rate holds the peak’s spares; the whole service the average', () => {
    const p = profileOf({
      id: 'svc',
      kind: 'realtime-inference',
      gpuType: 'H100',
      gpuHoursPerMonth: 7300,
      interruptible: true,
      dataSensitivity: 'public',
    });
    const options = { tiers };
    const estimate = (o: typeof depin) => estimateCost(p, o, options);
    const best = bestOffers(p, [onDemand, committed, depin], (_, o) => estimate(o), sidesOfMarkets());
    const fit = explainFit(assessFit(p), p);
    const average = estimate(depin).monthlyUsd! / 7300;
    const peak = estimateCost(p, depin, { ...options, servingSpares: 'peak' }).monthlyUsd! / 7300;
    expect(peak).toBeGreaterThan(average);
    const calls: string[] = [];
    const split = hybridFor(p, fit, best, (o) => {
      calls.push(o.id);
      return estimateCost(p, o, { ...options, servingSpares: 'peak' });
    })!;
    const withoutPeak = hybridFor(p, fit, best)!;
    expect(calls).toContain(depin.id);
    // The split's DePIN rate is the peak's; without the repricing it would be the month's average.
    expect(split.allDepinMonthlyUsd).toBeCloseTo(peak * 7300, 6);
    expect(withoutPeak.allDepinMonthlyUsd).toBeCloseTo(average * 7300, 6);
  });

  it('a batch workload has no spares: its estimates are used as they are', () => {
    const p = profileOf({
      id: 'b',
      kind: 'batch-inference',
      gpuType: 'H100',
      gpuHoursPerMonth: 7300,
      dataSensitivity: 'public',
    });
    const estimate = (o: typeof depin) => estimateCost(p, o, { tiers });
    const best = bestOffers(p, [onDemand, committed, depin], (_, o) => estimate(o), sidesOfMarkets());
    let called = 0;
    hybridFor(p, explainFit(assessFit(p), p), best, (o) => {
      called++;
      return estimate(o);
    });
    expect(called).toBe(0);
  });
});

describe('hybridFor: the cloud base of an elastic split at the month’s spares', () => {
  // A latency-bound service keeps its mean load on on-demand cloud (the floor) and bursts the peaks: the on-demand
  // side carries the base, which never holds the peak's spares, so it is priced as the whole service is (its
  // spares following its demand). Found by review: a 34B demo at a peak-to-mean of 2 had its Massed Compute base
  // priced at $5.46 per useful H100-hour (the peak's spares held all month) against the service's $3.92, so a
  // split bursting to Hyperbolic at $2.58 "cost more than keeping it on cloud", beside a whole-DePIN option 34 %
  // cheaper.
  const serving = (peakToMeanRatio: number, p99LatencyMs: number) =>
    profileOf({
      id: 'svc',
      kind: 'realtime-inference',
      gpuType: 'H100',
      gpuHoursPerMonth: 7300,
      peakToMeanRatio,
      p99LatencyMs,
      availabilityTarget: 0.999,
      interruptible: false,
      dataSensitivity: 'public',
    });
  const odCloud = { ...onDemand, availability: 0.99 };
  const dc = offerOf('test', {
    id: 'hyperbolic:h100:any:standard',
    market: 'marketplace',
    usdPerGpuHour: 2.71,
    gpusPerInstance: 1,
    availability: 0.95,
  });
  const splitOf = (p: ReturnType<typeof serving>) => {
    const estimate = (o: typeof dc) => estimateCost(p, o, { tiers });
    const best = bestOffers(p, [odCloud, dc], (_, o) => estimate(o), sidesOfMarkets());
    const fit = explainFit(assessFit(p), p);
    const split = hybridFor(p, fit, best, (o) => estimateCost(p, o, { tiers, servingSpares: 'peak' }));
    return {
      split,
      cloudUsd: best.cloud!.estimate.monthlyUsd!,
      burstRate: split!.allDepinMonthlyUsd! / 7300,
    };
  };

  it('a burst side cheaper than the cloud service moves the overflow, and saves', () => {
    const { split, cloudUsd, burstRate } = splitOf(serving(2, 500));
    expect(burstRate).toBeLessThan(cloudUsd / 7300);
    expect(split!.floorShare).toBeGreaterThan(0);
    expect(split!.depinShare).toBeGreaterThan(0);
    expect(split!.blendedMonthlyUsd).toBeLessThan(cloudUsd);
  });

  it('property: whenever the burst rate is below the cloud service’s rate, a floored split saves against all-cloud', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.2, max: 6, noNaN: true }),
        fc.integer({ min: 100, max: 1000 }),
        (r, ms) => {
          const { split, cloudUsd, burstRate } = splitOf(serving(r, ms));
          fc.pre(burstRate < cloudUsd / 7300 && split !== null && split.floorShare < 1);
          expect(split!.blendedMonthlyUsd).toBeLessThan(cloudUsd);
          expect(split!.savingsVsAllCloudUsd).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});
