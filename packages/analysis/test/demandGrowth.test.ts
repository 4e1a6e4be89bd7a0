import { gpuTierTable } from '@gpufit/pricing';
import { validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { analyze, describeChange, diffAnalyses } from '../src/index.js';
import { projectionMove } from '../src/scenarioEffects.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * Under demand growth each month is priced at its own demand on the offer chosen at month 0 (pricing's
 * demandPath.ts). A small EU embedder held at one always-up instance was projected at 3.07× its first month in
 * month 24 of 5 % growth, where its demand still fit in that instance.
 */
const tiers = gpuTierTable([
  gpuTier('A100-80GB', { generation: 'Ampere' }),
  gpuTier('L4', { generation: 'Ada', memoryGiB: 24 }),
  gpuTier('H100'),
]);
const scenarioOf = (input: Record<string, unknown>) => {
  const r = validateScenario({ analysisDate: '2026-12-01', startMonth: '2027-01', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
/** A one-GPU hyperscaler offer (an H100 in us-east-1 unless `input` says otherwise). */
const oneGpu = (input: Omit<Parameters<typeof offerOf>[1], 'market'>) =>
  offerOf('growth test', { market: 'hyperscaler', gpusPerInstance: 1, ...input });
const l4 = { gpu: 'L4', gpuMemoryGiB: 24 } as const;
const offers = [
  offerOf('growth test', {
    id: 'gcp:l4:europe-west4',
    market: 'hyperscaler',
    gpu: 'L4',
    gpuMemoryGiB: 24,
    gpusPerInstance: 1,
    region: 'europe-west4',
    country: 'NL',
    usdPerGpuHour: 0.8,
    availability: 1,
  }),
];
const embedder = profileOf({
  id: 'embedder',
  kind: 'realtime-inference',
  modelParamsBillions: 0.6,
  gpuType: 'L4',
  gpuHoursPerMonth: 60,
  horizonMonths: 24,
  dataSensitivity: 'internal',
});

// A 12-month commitment on one always-up L4 and on-demand L4s beside it, for a service that outgrows the commitment.
const committed = oneGpu({
  id: 'gcp:l4:us:committed',
  ...l4,
  pricingCategory: 'Committed',
  termMonths: 12,
  usdPerGpuHour: 0.7,
  availability: 0.995,
});
const onDemand = oneGpu({
  id: 'gcp:l4:us:standard',
  ...l4,
  usdPerGpuHour: 0.8,
  availability: 0.995,
});
const api = profileOf({
  id: 'api',
  kind: 'realtime-inference',
  modelParamsBillions: 0.3,
  gpuType: 'L4',
  gpuHoursPerMonth: 200,
  peakToMeanRatio: 3,
  availabilityTarget: 0.995,
  horizonMonths: 12,
  dataSensitivity: 'internal',
});

describe('demand growth priced month by month', () => {
  it('a month the chosen offer holds only at a step (a commitment for 3 units) moves to a cheaper offer, and says when', async () => {
    // A 12-month commitment on one always-up L4 at $0.70 carries the month-0 peak; growth of 10 % a month needs a
    // second unit (and a spare for 0.995) from some month, where on-demand L4s at $0.80, billed by the hour's use,
    // cost less than three committed units.
    const a = await analyze({
      workloads: [api],
      offers: [committed, onDemand],
      tiers,
      scenario: scenarioOf({ demandGrowthMonthly: 0.1, horizonMonths: 12 }),
      monteCarlo: false,
    });
    const w = a.workloads[0]!;
    expect(w.decision.cloud!.offer.id).toBe('gcp:l4:us:committed');
    const months = w.projection!.months.map((m) => m.cloudUsd!);
    // Month by month: never more than the on-demand offer at that demand, never a threefold jump.
    // Month 4 (×1.33, 266 GPU-hours, peak 1.09 GPUs): 2 units needed and 1 spare for 0.995. Committed holds the
    // three all month: 3 × 730 h × $0.70 = $1,533. On demand bills the mean (one unit's 730 h, the floor) and the
    // spare of the hours whose demand needs a second unit: one unit alone reaches 0.995 (0 spares), two need a
    // third; demand lognormal with mean 0.364658 GPUs and P99 1.09 is above 1 GPU 1.5465 % of hours (Python's
    // NormalDist), so 730 h × (1 + 0.015465) × $0.80 = $593.03 (it was $1,168 when the peak's spare was billed all
    // month). Months 1–3 stay on the commitment: 730 h × $0.70 = $511.
    expect(months.slice(0, 3).every((m) => Math.abs(m - 511) < 1e-6)).toBe(true);
    expect(months[3]).toBeCloseTo(730 * (1 + 0.0154653) * 0.8, 3);
    const risk = w.decision.risks.find((r) => r.includes('the projection moves the workload there'));
    expect(risk).toBe(
      "At 10 % demand growth a month, from 2027-04 (×1.33 today's demand) gcp (L4, us-east-1, Standard) costs $593.03 a month where gcp (L4, us-east-1, Committed), chosen today, would cost $1,533.00: the projection moves the workload there from that month — re-plan then.",
    );
  });

  it('the months name the offer that prices them; diff and scenario effects say the option moves, not "same option"', async () => {
    const input = (growth: number) => ({
      workloads: [api],
      offers: [committed, onDemand],
      tiers,
      scenario: scenarioOf({ demandGrowthMonthly: growth, horizonMonths: 12 }),
      monteCarlo: false as const,
    });
    const flat = await analyze(input(0));
    const grown = await analyze({ ...input(0.1), scenarioBaseline: { scenario: input(0).scenario } });
    const months = grown.workloads[0]!.projection!.months;
    expect(months.slice(0, 3).every((m) => m.cloudOfferId === 'gcp:l4:us:committed')).toBe(true);
    expect(months.slice(3).every((m) => m.cloudOfferId === 'gcp:l4:us:standard')).toBe(true);
    expect(flat.workloads[0]!.projection!.months.every((m) => m.cloudOfferId === 'gcp:l4:us:committed')).toBe(
      true,
    );
    expect(projectionMove(grown.workloads[0]!)).toBe('cloud gcp:l4:us:standard from 2027-04');
    const line = diffAnalyses(flat, grown, []).explanation.find((l) => l.startsWith('  api:'));
    expect(line).toMatch(
      /^ {2}api: same option \(cloud gcp:l4:us:committed\), moves to cloud gcp:l4:us:standard from 2027-04, horizon \+/,
    );
    const change = {
      workload: 'api',
      what: 'cost' as const,
      optionBefore: 'cloud gcp:l4:us:committed',
      optionAfter: 'cloud gcp:l4:us:committed',
      monthlyUsdBefore: 511,
      monthlyUsdAfter: 511,
      horizonUsdBefore: 6132,
      horizonUsdAfter: 9000,
      movesAfter: projectionMove(grown.workloads[0]!),
    };
    expect(describeChange(change)).toBe(
      'api: horizon $6,132.00 → $9,000.00 (same option, moves to cloud gcp:l4:us:standard from 2027-04)',
    );
  });

  it('a service whose demand stays inside its one instance costs the same each month; the horizon total says so', async () => {
    const a = await analyze({
      workloads: [embedder],
      offers,
      tiers,
      scenario: scenarioOf({ demandGrowthMonthly: 0.05, horizonMonths: 24 }),
      monteCarlo: false,
    });
    const w = a.workloads[0]!;
    const months = w.projection!.months;
    // One L4 all month: 730 h × $0.80 = $584, in month 1 and in month 24 (demand 60 × 1.05^23 = 184 GPU-hours).
    expect(months[0]!.cloudUsd).toBeCloseTo(584, 6);
    expect(months[23]!.cloudUsd).toBeCloseTo(584, 6);
    expect(months[23]!.demandFactor).toBeCloseTo(1.05 ** 23, 9);
    expect(w.projection!.horizonCloudUsd).toBeCloseTo(24 * 584, 4);
    expect(a.totals.horizonUsd.allCloud).toBeCloseTo(24 * 584, 4);
  });

  it('the joint Monte Carlo draws around the same path (its mean is the projection)', async () => {
    const a = await analyze({
      workloads: [embedder],
      offers,
      tiers,
      scenario: scenarioOf({
        demandGrowthMonthly: 0.05,
        horizonMonths: 24,
        monteCarlo: { trials: 4000, seed: 3, demandVolatility: 0.1 },
      }),
    });
    const mean = a.totals.distribution!.allCloud.horizonMeanUsd;
    expect(Math.abs(mean / (24 * 584) - 1)).toBeLessThan(0.01);
  });

  it('a month the chosen offer cannot hold is a risk with its month and reason', async () => {
    // Spot in one zone holds 8 GPUs at once (gpufit's assumption); 4,000 GPU-hours at peak × 1.25 need 7, and
    // 10 % growth a month needs 9 from the third month.
    const spot = oneGpu({
      id: 'aws:h100:us-east-1:spot',
      pricingCategory: 'Dynamic',
      zonesWithSpot: 1,
      usdPerGpuHour: 2,
    });
    const job = profileOf({
      id: 'batch',
      kind: 'batch-inference',
      gpuType: 'H100',
      gpuHoursPerMonth: 4000,
      peakToMeanRatio: 1.25,
      interruptible: true,
      checkpointable: true,
      dataSensitivity: 'public',
    });
    const a = await analyze({
      workloads: [job],
      offers: [spot],
      tiers,
      scenario: scenarioOf({ demandGrowthMonthly: 0.1, horizonMonths: 12 }),
      monteCarlo: false,
    });
    const w = a.workloads[0]!;
    expect(w.decision.cloud!.offer.id).toBe('aws:h100:us-east-1:spot');
    const risk = w.decision.risks.find((r) => r.includes('cannot hold the demand'));
    expect(risk).toMatch(
      /^At 10 % demand growth a month, aws \(H100, us-east-1, Dynamic\) cannot hold the demand from 2027-03 \(×1\.21 today's demand\): .*zone.* No other offer of that side can either/,
    );
    // Without growth nothing is said.
    const flat = await analyze({
      workloads: [job],
      offers: [spot],
      tiers,
      scenario: scenarioOf({ horizonMonths: 12 }),
      monteCarlo: false,
    });
    expect(flat.workloads[0]!.decision.risks.some((r) => r.includes('cannot hold the demand'))).toBe(false);
  });
});
