import { demandShape } from '@gpufit/pricing';
import { HOURS_PER_MONTH } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committedBaseHybrid } from '../src/committedBaseHybrid.js';
import type { CommittedBaseMix } from '../src/committedBaseMix.js';
import { offerOf } from './support/builders.js';

/**
 * The hybrid of a committed-base mix (committedBaseHybrid.ts): its base kept, the demand above the floor's level moved
 * from its on-demand offer to DePIN.
 */
const offer = offerOf('committedBaseHybrid test', {
  id: 'aws:p5',
  market: 'hyperscaler',
  usdPerGpuHour: 4,
  region: 'eu-central-1',
  country: 'DE',
});
/** committedBase.test.ts's hand vector: mean 8 GPUs at peak-to-mean 2, one 8-GPU instance at USD 2.80, bursts at 4. */
function mixOf(meanGpus = 8, peakToMeanRatio = 2, baseGpus = 8, onDemandRate = 4): CommittedBaseMix {
  const shape = demandShape({ meanGpus, peakToMeanRatio });
  const baseMonthlyUsd = 2.8 * baseGpus * HOURS_PER_MONTH;
  const excessGpus = shape.expectedExcess(baseGpus);
  return {
    committed: offer,
    onDemand: offer,
    instances: 1,
    baseGpus,
    spareGpuHours: 0,
    spareInstances: 0,
    monthlyUsd: baseMonthlyUsd + onDemandRate * HOURS_PER_MONTH * excessGpus,
    baseMonthlyUsd,
    baseDemandGpus: baseGpus,
    excessGpus,
    meanGpus,
    peakToMeanRatio,
    committedRate: 2.8,
    onDemandRate,
  };
}

describe('committedBaseHybrid', () => {
  it('keeps the base (USD 16,352) and moves the bursts above it to DePIN at USD 1: 16,352 + 730 × E[(D − 8)⁺] = 17,094.28', () => {
    const mix = mixOf();
    const e = demandShape({ meanGpus: 8, peakToMeanRatio: 2 }).expectedExcess(8);
    expect(e).toBeCloseTo(1.0168, 3);
    const h = committedBaseHybrid(mix, 1, 0)!;
    expect(h.baselineGpus).toBe(8);
    expect(h.blendedMonthlyUsd).toBeCloseTo(16_352 + HOURS_PER_MONTH * e, 6);
    expect(h.blendedMonthlyUsd).toBeCloseTo(17_094.28, 1);
    expect(h.cloudShare).toBeCloseTo(1 - e / 8, 12);
    // A floor of 95 % of the GPU-hours keeps the demand up to its level on the mix's on-demand offer.
    const floored = committedBaseHybrid(mix, 1, 0.95)!;
    expect(floored.cloudShare).toBeCloseTo(0.95, 9);
    expect(floored.baselineGpus).toBeGreaterThan(8);
    // DePIN no cheaper than on-demand: the bursts stay on cloud.
    expect(committedBaseHybrid(mix, 4, 0)).toBeNull();
    expect(committedBaseHybrid(mix, 1, 1)).toBeNull();
  });

  it('property: never dearer than the mix, no cheaper than its base, shares add to 1 and the cloud share reaches the floor', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (mean, ratio, base, depinShareOfRate, floor) => {
          const mix = mixOf(mean, ratio, base);
          const h = committedBaseHybrid(mix, 4 * depinShareOfRate, floor);
          if (h === null) return;
          expect(h.blendedMonthlyUsd).toBeLessThanOrEqual(mix.monthlyUsd * (1 + 1e-12));
          expect(h.blendedMonthlyUsd).toBeGreaterThanOrEqual(mix.baseMonthlyUsd);
          expect(h.cloudShare + h.depinShare).toBeCloseTo(1, 12);
          expect(h.cloudShare).toBeGreaterThanOrEqual(floor - 1e-9);
          expect(h.baselineGpus).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });
});
