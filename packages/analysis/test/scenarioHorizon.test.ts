import { type GpuTier, gpuTierTable } from '@gpufit/pricing';
import { validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, workloadHorizon } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

describe("a scenario's horizon is the window: it sets a workload's unstated horizon and caps a stated one", () => {
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
  // A workload whose 240 GiB dataset is uploaded once, at $0.05/GiB: $12 over any horizon.
  const batch = (extra: Record<string, unknown>) =>
    profileOf({
      id: 'batch',
      kind: 'batch-inference',
      gpuType: 'H100',
      jobsPerMonth: 10,
      hoursPerJob: 2,
      datasetGiB: 240,
      ...extra,
    });
  const ingressOf = (w: {
    decision: { cloud: { cost: { components: readonly { name: string; usd: number }[] } } | null };
  }) => w.decision.cloud!.cost.components.find((c) => c.name === 'ingress')!.usd;
  const run = (workload: ReturnType<typeof batch>, horizonMonths?: number) =>
    analyze({
      workloads: [workload],
      offers,
      tiers,
      scenario: scenario.value,
      monteCarlo: false,
      ...(horizonMonths !== undefined && { horizonMonths }),
    });

  it('a 24-month scenario spreads the one-off upload of a workload that states no horizon over 24 months: $12 ÷ 24 = $0.50 a month', async () => {
    const unstated = batch({});
    expect(unstated.horizonMonths).toBe(12); // the default, marked assumed
    const own = await run(unstated);
    const long = await run(unstated, 24);
    expect(ingressOf(own.workloads[0]!)).toBeCloseTo((240 * 0.05) / 12, 9);
    expect(ingressOf(long.workloads[0]!)).toBeCloseTo((240 * 0.05) / 24, 9);
    // Over the horizon the upload is paid once either way.
    const months = long.workloads[0]!.projection!.months;
    expect(months).toHaveLength(24);
    expect(months.length * ingressOf(long.workloads[0]!)).toBeCloseTo(12, 9);
  });

  it('a workload that states 3 months (a one-off project) keeps them under a 24-month scenario: $12 ÷ 3 = $4 a month, 3 months billed', async () => {
    const project = batch({ horizonMonths: 3 });
    const long = await run(project, 24);
    const w = long.workloads[0]!;
    expect(w.projection!.months).toHaveLength(3);
    expect(ingressOf(w)).toBeCloseTo((240 * 0.05) / 3, 9);
    // The same figures as without the scenario's horizon.
    const own = await run(project);
    expect(w.decision.recommendedMonthlyUsd).toBe(own.workloads[0]!.decision.recommendedMonthlyUsd);
    expect(w.projection!.months.map((m) => m.month)).toEqual(
      own.workloads[0]!.projection!.months.map((m) => m.month),
    );
  });

  it('a workload that states 36 months is read over a 24-month scenario window: 24 months, the upload ÷ 24', async () => {
    const long = await run(batch({ horizonMonths: 36 }), 24);
    expect(long.workloads[0]!.projection!.months).toHaveLength(24);
    expect(ingressOf(long.workloads[0]!)).toBeCloseTo((240 * 0.05) / 24, 9);
  });

  it('workloadHorizon: vectors, and never beyond the scenario window nor beyond a stated horizon', () => {
    const stated = (months: number) => ({ horizonMonths: months, assumed: [] as string[] });
    const assumed = (months: number) => ({ horizonMonths: months, assumed: ['horizonMonths'] });
    expect(workloadHorizon(stated(3), 24)).toBe(3);
    expect(workloadHorizon(stated(36), 24)).toBe(24);
    expect(workloadHorizon(assumed(12), 24)).toBe(24);
    expect(workloadHorizon(assumed(12), 6)).toBe(6);
    expect(workloadHorizon(stated(3), undefined)).toBe(3);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
        fc.boolean(),
        (own, window, isAssumed) => {
          const h = workloadHorizon(isAssumed ? assumed(own) : stated(own), window);
          if (window === undefined) return h === own;
          // Within the window always; a stated horizon is never extended; an assumed one is the window.
          return h <= window && (isAssumed ? h === window : h <= own && h === Math.min(own, window));
        },
      ),
    );
  });
});
