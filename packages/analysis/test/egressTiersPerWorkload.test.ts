import { gpuTierTable, tieredEgressUsd } from '@gpufit/pricing';
import { type EgressTier, validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  egressBothWays,
  egressTiersPerWorkloadSaid,
  firstPaidTierBoundGiB,
} from '../src/egressTiersPerWorkload.js';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * AWS/GCP/Azure egress tiers are applied to each workload separately from the first paid tier (pricing's
 * freeEgressAllowanceGiB: an upper bound, since the account's total volume reaches the cheaper tiers sooner). The
 * report had never said so; it now says it once in its assumptions, with the plan's figure both ways, when some
 * workload's egress, or the plan's summed, reaches past the first paid tier.
 */
// AWS internet egress (datasets/offers.csv, price-facts §4): 100 GiB free, 0.09 to 10 TiB, 0.085 to 50 TiB, …
const aws: EgressTier[] = [
  { upToGiB: 100, usdPerGiB: 0 },
  { upToGiB: 10_240, usdPerGiB: 0.09 },
  { upToGiB: 51_200, usdPerGiB: 0.085 },
  { upToGiB: 153_600, usdPerGiB: 0.07 },
  { upToGiB: null, usdPerGiB: 0.05 },
];
const gcp: EgressTier[] = [
  { upToGiB: 200, usdPerGiB: 0 },
  { upToGiB: null, usdPerGiB: 0.12 },
];

describe('egress priced per workload and pooled', () => {
  it('the first paid tier’s bound only where a cheaper tier follows', () => {
    expect(firstPaidTierBoundGiB(aws)).toBe(10_240);
    expect(firstPaidTierBoundGiB(gcp)).toBeNull();
  });

  it('two AWS workloads of 6,000 GiB: $1,080.00 each from the first paid tier, $1,070.70 on one account', () => {
    // Per workload: 6,000 × 0.09 = 540 each. Pooled: (10,240 − 100) × 0.09 + (12,100 − 10,240) × 0.085 = 1,070.70.
    const b = egressBothWays({ providerName: 'Amazon Web Services', tiers: aws, gib: [6_000, 6_000] })!;
    expect(b.perWorkloadUsd).toBeCloseTo(1_080, 6);
    expect(b.pooledUsd).toBeCloseTo(10_140 * 0.09 + 1_860 * 0.085, 6);
    expect(
      egressTiersPerWorkloadSaid([{ providerName: 'Amazon Web Services', tiers: aws, gib: [6_000, 6_000] }]),
    ).toBe(
      "Tiered egress is priced workload by workload, each workload's GiB from the first paid tier (the account's free allowance taken as used), although an account's total volume reaches the cheaper tiers sooner — an upper bound, a gpufit assumption. Amazon Web Services: the plan's 12,000 GiB a month cost $1,080.00 so, $1,070.70 on one account's tiers ($9.30 less).",
    );
  });

  it('nothing said below the first paid tier’s bound, nor for a single paid tier', () => {
    expect(egressBothWays({ providerName: 'AWS', tiers: aws, gib: [3_000, 3_000] })).toBeNull();
    expect(egressBothWays({ providerName: 'GCP', tiers: gcp, gib: [60_000, 60_000] })).toBeNull();
  });

  it('property: pooled never costs more than per workload, both non-negative', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 200_000, noNaN: true }), { maxLength: 6 }), (gib) => {
        const b = egressBothWays({ providerName: 'AWS', tiers: aws, gib });
        if (b === null) return;
        expect(b.pooledUsd).toBeGreaterThanOrEqual(0);
        expect(b.pooledUsd).toBeLessThanOrEqual(b.perWorkloadUsd + 1e-9);
        // One workload alone: both ways are the same tiered sum.
        if (gib.length === 1) expect(b.pooledUsd).toBeCloseTo(tieredEgressUsd(100 + gib[0]!, aws), 6);
      }),
    );
  });
});

describe('analyze: the report’s assumptions', () => {
  const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
  const scenarioResult = validateScenario({ analysisDate: '2026-12-01' });
  if (!scenarioResult.ok) throw new Error('scenario');
  const offer = offerOf('egress test', {
    id: 'aws:p5-1:us-east-1',
    providerName: 'Amazon Web Services',
    market: 'hyperscaler',
    usdPerGpuHour: 6,
    gpusPerInstance: 1,
    egressTiers: aws,
  });
  const workload = (id: string, egressGiBPerMonth: number) =>
    profileOf({ id, kind: 'batch-inference', gpuType: 'H100', gpuHoursPerMonth: 100, egressGiBPerMonth });
  const run = (gib: number[]) =>
    analyze({
      workloads: gib.map((g, i) => workload(`w${i}`, g)),
      offers: [offer],
      tiers,
      scenario: scenarioResult.value,
      monteCarlo: false,
    });

  it('say once that tiers are applied per workload, with the plan’s figure both ways', async () => {
    const a = await run([6_000, 6_000]);
    const said = a.assumptions.filter((s) => s.startsWith('Tiered egress is priced workload by workload'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(
      "Amazon Web Services: the plan's 12,000 GiB a month cost $1,080.00 so, $1,070.70 on one account's tiers ($9.30 less).",
    );
    const egress = a.workloads.map(
      (w) => w.decision.cloud!.cost.components.find((c) => c.name === 'egress')!.usd,
    );
    expect(egress[0]! + egress[1]!).toBeCloseTo(1_080, 6);
  });

  it('say nothing when the plan stays within the first paid tier', async () => {
    const a = await run([3_000, 3_000]);
    expect(a.assumptions.some((s) => s.startsWith('Tiered egress'))).toBe(false);
  });
});
