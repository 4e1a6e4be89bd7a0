import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateCost } from '../src/index.js';
import { blockPretrain, capacityBlock } from './support/capacityBlock.js';
import { TEST_TIERS } from './support/tiers.js';

const tiers = TEST_TIERS;

/**
 * A CFO's review (2026-12-05): the robotics pretrain on an AWS Capacity Block (billed by whole days; one 73.9 h job a
 * month on 64 H100) paid 22.1 h × 64 GPUs ≈ USD 6,965 a month unused, inside "GPU time", while "Always-on hours held
 * idle" read 0. The paid-and-unused hours are now their own line, `billing-rounding`; the total does not move.
 */
describe('billing-rounding: billing increments paid and unused are their own cost line', () => {
  // The catalog's block (Committed for the days booked, no term): billed in whole days.
  const block = capacityBlock();
  const pretrain = blockPretrain;
  const line = (e: ReturnType<typeof estimateCost>, name: string) =>
    e.components.find((c) => c.name === name);

  it('a 70-hour job billed by the day: 26 unused hours × 64 GPUs, at the GPU-hour price', () => {
    const e = estimateCost(pretrain(70), block, { tiers });
    // ⌈70 h ÷ 24 h⌉ = 3 days = 72 h billed: 2 h × 64 GPUs = 128 GPU-hours paid and unused.
    expect(line(e, 'billing-rounding')?.quantity).toBeCloseTo(128, 6);
    expect(line(e, 'billing-rounding')?.usd).toBeCloseTo(128 * 4.916, 6);
    expect(line(e, 'billing-rounding')?.unitPriceUsd).toBe(4.916);
    expect(line(e, 'gpu-time')?.quantity).toBeCloseTo(70 * 64, 6);
    expect(e.billedGpuHoursPerMonth).toBeCloseTo(72 * 64, 6);
  });

  it('a job of whole days pays nothing unused; a per-second bill pays under a cent', () => {
    expect(line(estimateCost(pretrain(72), block, { tiers }), 'billing-rounding')?.usd).toBe(0);
    const perSecond = { ...block, minimumBillableSeconds: 60, billingIncrementSeconds: 1 };
    expect(line(estimateCost(pretrain(70), perSecond, { tiers }), 'billing-rounding')?.usd).toBe(0);
  });

  it('property: the lines add up to the monthly cost; GPU lines to the billed GPU-hours; rounding is in [0, a day × GPUs × jobs)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 400, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        (hours, jobs) => {
          const e = estimateCost(pretrain(hours, jobs), block, { tiers });
          expect(e.feasible).toBe(true);
          if (e.monthlyUsd === null) throw new Error('unpriced');
          let usd = 0;
          let gpuHours = 0;
          for (const c of e.components) {
            usd += c.usd;
            if (c.unit === 'GPU-hour' && c.name !== 'incentive-subsidy') gpuHours += c.quantity;
            expect(c.quantity).toBeGreaterThanOrEqual(0);
          }
          expect(e.monthlyUsd).toBeCloseTo(usd, 6);
          expect(gpuHours).toBeCloseTo(e.billedGpuHoursPerMonth ?? Number.NaN, 6);
          const rounding = line(e, 'billing-rounding')?.quantity ?? Number.NaN;
          expect(rounding).toBeGreaterThanOrEqual(0);
          expect(rounding).toBeLessThan(24 * 64 * jobs + 1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });
});
