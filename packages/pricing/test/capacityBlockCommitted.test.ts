import { isCapacityBlock, isTermCommitment, offerRuleIssues } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateCost } from '../src/index.js';
import { blockPretrain, capacityBlock } from './support/capacityBlock.js';
import { TEST_TIERS } from './support/tiers.js';

const tiers = TEST_TIERS;

/**
 * AWS EC2 Capacity Blocks for ML (reference extra-gpu-prices.csv, stored mirror of the AWS pricing page: p5.48xlarge
 * $39.33/h = $4.916/GPU-h; booked 1-182 days ahead, paid up front) are Committed in the reference, but a block is
 * committed for the days booked, not for a 12/36-month term held all month. A Committed offer without termMonths and
 * billed in whole days is a capacity block: priced for the whole days a job books, with no commitment idle between
 * jobs. The same block with a one-month term would be held all month: 720 h × 64 GPUs for one 73.9 h job.
 */
describe('capacity block: Committed for the days booked, not a term', () => {
  const block = capacityBlock();
  const pretrain = blockPretrain;
  const gpuUsd = (e: ReturnType<typeof estimateCost>) =>
    e.components
      .filter((c) => c.name === 'gpu-time' || c.name === 'billing-rounding' || c.name === 'commitment-waste')
      .reduce((s, c) => s + c.usd, 0);

  it('is a capacity block and not a term commitment; the schema takes it without termMonths', () => {
    expect(isCapacityBlock(block)).toBe(true);
    expect(isTermCommitment(block)).toBe(false);
    expect(offerRuleIssues({ pricingCategory: 'Committed', minimumBillableSeconds: 86_400 })).toEqual([]);
    // Without a day's minimum bill a Committed row still needs its term.
    expect(
      offerRuleIssues({ pricingCategory: 'Committed', minimumBillableSeconds: 3_600 }).map((i) => i.code),
    ).toEqual(['committed_without_term']);
  });

  it('a 72-hour job pays 3 whole days on 64 GPUs: 3 × 24 h × 64 × $4.916 = $22,652.93, no unused commitment', () => {
    const e = estimateCost(pretrain(72), block, { tiers });
    expect(gpuUsd(e)).toBeCloseTo(3 * 24 * 64 * 4.916, 2);
    expect(gpuUsd(e)).toBeCloseTo(22_652.93, 2);
    expect(e.components.find((c) => c.name === 'commitment-waste')?.usd ?? 0).toBe(0);
  });

  it('a 73.9-hour job books 4 days: 96 h × 64 GPUs billed, 22.1 h × 64 paid and unused', () => {
    const e = estimateCost(pretrain(73.9), block, { tiers });
    expect(e.billedGpuHoursPerMonth).toBeCloseTo(96 * 64, 6);
    expect(gpuUsd(e)).toBeCloseTo(96 * 64 * 4.916, 2);
  });

  it('the same price as a one-month term would be held all month: wrong for a block booked per job', () => {
    const term = { ...block, termMonths: 1 };
    expect(isTermCommitment(term)).toBe(true);
    const held = gpuUsd(estimateCost(pretrain(72), term, { tiers }));
    const booked = gpuUsd(estimateCost(pretrain(72), block, { tiers }));
    // A term holds the 64 GPUs 730 h a month: ×10.1 the 72 h booked.
    expect(held / booked).toBeGreaterThan(10);
  });

  it('property: a block bills whole days of the job, never less than the job nor more than a day over it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 600, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        (hours, jobs) => {
          const e = estimateCost(pretrain(hours, jobs), block, { tiers });
          if (!e.feasible) return true;
          const perJobDays = Math.ceil(hours / 24 - 1e-9);
          const usd = gpuUsd(e);
          expect(usd).toBeGreaterThanOrEqual(hours * jobs * 64 * 4.916 - 1e-6);
          expect(usd).toBeCloseTo(perJobDays * 24 * jobs * 64 * 4.916, 4);
          return true;
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
