import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demandShape, hybridSplit, LOGNORMAL_MAX_PEAK_TO_MEAN, PricingAssertionError } from '../src/index.js';

const rates = { committedUsdPerGpuHour: 2, onDemandUsdPerGpuHour: 4, depinUsdPerGpuHour: 3 };

describe('demand shapes', () => {
  it('a lognormal matches the mean and puts its 99th percentile at the peak', () => {
    const s = demandShape({ meanGpus: 20, peakToMeanRatio: 2.5 });
    expect(s.kind).toBe('lognormal');
    expect(s.quantile(0.99)).toBeCloseTo(50, 9);
    expect(s.expectedExcess(0)).toBeCloseTo(20, 9); // E[(D − 0)⁺] = E[D]
  });

  it('a ratio a lognormal cannot reach (> e^{z²/2} ≈ 14.97) becomes on-off: idle, or at peak 1/r of hours', () => {
    expect(LOGNORMAL_MAX_PEAK_TO_MEAN).toBeCloseTo(14.97, 2);
    const s = demandShape({ meanGpus: 2, peakToMeanRatio: 40 });
    expect(s.kind).toBe('on-off');
    expect([s.quantile(0.5), s.quantile(0.99)]).toEqual([0, 80]);
    expect(s.expectedExcess(0)).toBeCloseTo(2, 12);
  });

  it('an hourly series is used as given', () => {
    const s = demandShape({ hourlyGpus: [0, 0, 4, 8] });
    expect([s.kind, s.meanGpus, s.peakGpus]).toEqual(['empirical', 3, 8]);
    expect(s.quantile(0.5)).toBe(0);
    expect(s.quantile(0.75)).toBe(4);
    expect(s.expectedExcess(4)).toBe(1);
  });

  it('refuses a demand it cannot read', () => {
    expect(() => demandShape({ meanGpus: 0, peakToMeanRatio: 2 })).toThrow(PricingAssertionError);
    expect(() => demandShape({ hourlyGpus: [0, 0] })).toThrow(PricingAssertionError);
  });
});

describe('hybridSplit (DESIGN §5.10)', () => {
  it('a 24/7 load with committed cloud dearer than DePIN: everything bursts to DePIN', () => {
    const h = hybridSplit({ meanGpus: 8, peakToMeanRatio: 1 }, { ...rates, depinUsdPerGpuHour: 1.5 });
    expect(h.baselineGpus).toBe(0);
    expect(h.depinShare).toBe(1);
    expect(h.blendedMonthlyUsd).toBeCloseTo(730 * 1.5 * 8, 9);
    expect(h.allDepinMonthlyUsd).toBeCloseTo(h.blendedMonthlyUsd, 9);
    expect(h.allCloudMonthlyUsd).toBeCloseTo(730 * 2 * 8, 9); // flat demand: commit to all of it
  });

  it('a flat load with committed cloud cheaper than DePIN: all of it on the committed baseline', () => {
    const h = hybridSplit({ meanGpus: 8, peakToMeanRatio: 1 }, rates);
    expect(h.baselineGpus).toBe(8);
    expect(h.cloudShare).toBe(1);
    expect(h.savingsVsAllDepinUsd).toBeCloseTo(730 * 8, 9);
  });

  it('a peaky load: committed base, DePIN bursts, cheaper than either pure option', () => {
    const h = hybridSplit({ meanGpus: 10, peakToMeanRatio: 3 }, rates);
    expect(h.baselineGpus).toBeGreaterThan(0);
    expect(h.baselineGpus).toBeLessThan(h.peakGpus);
    expect(h.cloudShare).toBeGreaterThan(0);
    expect(h.depinShare).toBeGreaterThan(0);
    expect(h.savingsVsAllCloudUsd).toBeGreaterThan(0);
    expect(h.savingsVsAllDepinUsd!).toBeGreaterThan(0);
  });

  it('raises the baseline to honour a floor on the cloud share, and says why', () => {
    const h = hybridSplit(
      { meanGpus: 10, peakToMeanRatio: 3 },
      { ...rates, depinUsdPerGpuHour: 1 },
      { floorShare: 0.6, floorReason: 'p99 latency below 200 ms needs in-region serving' },
    );
    expect(h.cloudShare).toBeCloseTo(0.6, 9);
    expect(h.floorReason).toContain('latency');
    const all = hybridSplit({ meanGpus: 10, peakToMeanRatio: 3 }, rates, {
      floorShare: 1,
      floorReason: 'regulated data',
    });
    expect([all.cloudShare, all.depinShare]).toEqual([1, 0]);
    expect(all.blendedMonthlyUsd).toBe(all.allCloudMonthlyUsd);
  });

  it('without a DePIN offer it is all-cloud', () => {
    const h = hybridSplit({ meanGpus: 4, peakToMeanRatio: 2 }, { ...rates, depinUsdPerGpuHour: null });
    expect(h.cloudShare).toBe(1);
    expect(h.allDepinMonthlyUsd).toBeNull();
    expect(h.savingsVsAllDepinUsd).toBeNull();
  });

  it('shares add up to 1, respect the floor, and the blend is never dearer than all-DePIN without a floor (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (meanGpus, peakToMeanRatio, rc, rod, rd, floorShare) => {
          const input = { meanGpus, peakToMeanRatio };
          const r = { committedUsdPerGpuHour: rc, onDemandUsdPerGpuHour: rod, depinUsdPerGpuHour: rd };
          const h = hybridSplit(input, r, { floorShare });
          expect(Math.abs(h.cloudShare + h.depinShare - 1)).toBeLessThan(1e-12);
          expect(h.cloudShare).toBeGreaterThanOrEqual(floorShare - 1e-9);
          for (const v of [
            h.baselineGpus,
            h.blendedMonthlyUsd,
            h.allCloudMonthlyUsd,
            h.allDepinMonthlyUsd!,
          ]) {
            expect(Number.isFinite(v) && v >= 0).toBe(true);
          }
          const free = hybridSplit(input, r);
          expect(free.blendedMonthlyUsd).toBeLessThanOrEqual(free.allDepinMonthlyUsd! * (1 + 1e-9));
        },
      ),
      { numRuns: 300 },
    );
  });
});
