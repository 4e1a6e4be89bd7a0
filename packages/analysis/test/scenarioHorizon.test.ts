import { type GpuTier, gpuTierTable } from '@gpufit/pricing';
import { validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

describe("a scenario's horizon is every figure's horizon", () => {
  const tiers = gpuTierTable([gpuTier('A100-80GB'), gpuTier('H100')] satisfies GpuTier[]);
  const offers = [
    offerOf('horizon test', {
      id: 'gpucloud:h100:us-east-1',
      market: 'gpu-cloud',
      usdPerGpuHour: 2,
      gpusPerInstance: 1,
      ingressUsdPerGiB: 0.05,
    }),
  ];
  const scenario = validateScenario({ analysisDate: '2026-12-01' });
  if (!scenario.ok) throw new Error('scenario');
  // A 12-month workload whose 240 GiB dataset is uploaded once, at $0.05/GiB: $12 over any horizon.
  const workloads = [
    profileOf({
      id: 'batch',
      kind: 'batch-inference',
      gpuType: 'H100',
      jobsPerMonth: 10,
      hoursPerJob: 2,
      datasetGiB: 240,
      horizonMonths: 12,
    }),
  ];
  const ingressOf = (w: {
    decision: { cloud: { cost: { components: readonly { name: string; usd: number }[] } } | null };
  }) => w.decision.cloud!.cost.components.find((c) => c.name === 'ingress')!.usd;

  it('a 24-month scenario spreads the one-off upload over 24 months: $12 ÷ 24 = $0.50 a month, not $1.00', async () => {
    const own = await analyze({ workloads, offers, tiers, scenario: scenario.value, monteCarlo: false });
    const long = await analyze({
      workloads,
      offers,
      tiers,
      scenario: scenario.value,
      monteCarlo: false,
      horizonMonths: 24,
    });
    expect(ingressOf(own.workloads[0]!)).toBeCloseTo((240 * 0.05) / 12, 9);
    expect(ingressOf(long.workloads[0]!)).toBeCloseTo((240 * 0.05) / 24, 9);
    // Over the horizon the upload is paid once either way.
    const months = long.workloads[0]!.projection!.months;
    expect(months).toHaveLength(24);
    const paid = months.length * ingressOf(long.workloads[0]!);
    expect(paid).toBeCloseTo(12, 9);
  });
});
