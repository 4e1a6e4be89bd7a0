import { estimateCost, gpuTierTable, profileAtDemand } from '@gpufit/pricing';
import {
  demandGrowthOf,
  HOURS_PER_MONTH,
  validateScenario,
  WORKLOAD_KINDS,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * Which workloads follow a scenario's demand growth (schema's `demandGrowthOf`, a gpufit assumption): a served API's
 * traffic and a recurring batch over new data grow with the customers; a training run, a fine-tune or a research
 * sweep is sized by its plan. Under 5 % a month a 64-GPU pretrain of one 240-h job a month was projected at
 * 240 × 1.05^23 = 737 h of its cluster's time in month 24, more than its plan, and its horizon at ×1.85.
 */
const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const scenarioOf = (input: Record<string, unknown>) => {
  const r = validateScenario({ analysisDate: '2026-12-01', startMonth: '2027-01', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
// Eight H100s an instance at $3 a GPU-hour, never interrupted: a month's cost is its GPU-hours × $3.
const cluster = offerOf('growth kinds test', {
  id: 'lambda:h100x8:us',
  market: 'gpu-cloud',
  usdPerGpuHour: 3,
  availability: 1,
  interconnect: 'infiniband',
});
const pretrainInput = {
  id: 'pretrain',
  kind: 'multi-node-training',
  modelParamsBillions: 13,
  gpuType: 'H100',
  gpusPerReplica: 8,
  nodes: 4,
  interconnect: 'infiniband',
  jobsPerMonth: 1,
  hoursPerJob: 240,
  dataSensitivity: 'internal',
  // No start-up (restart 0; the offer never interrupts): the months below are the work alone.
  restartMinutes: 0,
};
const pretrain = profileOf(pretrainInput);
const batchInput = {
  id: 'batch',
  kind: 'batch-inference',
  modelParamsBillions: 8,
  gpuType: 'H100',
  gpusPerReplica: 8,
  jobsPerMonth: 30,
  hoursPerJob: 20,
  dataSensitivity: 'internal',
  restartMinutes: 0,
};
const batch = profileOf(batchInput);

/** The workloads on the cluster over 24 months of 5 % growth a month. */
const overTwoYears = (workloads: WorkloadProfile[]) =>
  analyze({
    workloads,
    offers: [cluster],
    tiers,
    scenario: scenarioOf({ demandGrowthMonthly: 0.05 }),
    horizonMonths: 24,
    monteCarlo: false,
  });

/** The demand-growth setting's effect on `workloads`: 5 % a month against none. */
async function growthEffect(workloads: WorkloadProfile[]) {
  const input = (g: number) => ({
    workloads,
    offers: [cluster],
    tiers,
    scenario: scenarioOf({ demandGrowthMonthly: g }),
    monteCarlo: false as const,
  });
  const a = await analyze({ ...input(0.05), scenarioBaseline: { scenario: input(0).scenario } });
  return a.scenarioEffects!.find((e) => e.setting === 'demandGrowthMonthly')!;
}

describe('which workloads follow the demand growth', () => {
  it('inference grows with demand; training, fine-tuning and experimentation keep their size', () => {
    expect(WORKLOAD_KINDS.filter((k) => workloadKinds[k].growsWithDemand)).toEqual([
      'realtime-inference',
      'batch-inference',
    ]);
    expect(demandGrowthOf({ kind: 'realtime-inference' }, 0.05)).toBe(0.05);
    expect(demandGrowthOf({ kind: 'batch-inference' }, -0.1)).toBe(-0.1);
    expect(demandGrowthOf({ kind: 'multi-node-training' }, 0.05)).toBe(0);
    expect(demandGrowthOf({ kind: 'fine-tuning' }, 0.05)).toBe(0);
    expect(demandGrowthOf({ kind: 'experimentation' }, 0.05)).toBe(0);
  });

  it('a 32-GPU pretrain costs the same every month under 5 % growth; a recurring batch beside it grows', async () => {
    const a = await overTwoYears([pretrain, batch]);
    const [p, b] = a.workloads;
    // 240 h × 32 GPUs × $3 = $23,040 a month, every month (it was $23,040 × 1.05^23 = $70,780.76 in month 24).
    const months = p!.projection!.months;
    expect(months).toHaveLength(24);
    for (const m of months) {
      expect(m.demandFactor).toBe(1);
      expect(m.cloudUsd).toBeCloseTo(23_040, 6);
    }
    expect(p!.projection!.horizonCloudUsd).toBeCloseTo(24 * 23_040, 4);
    // 30 jobs × 20 h × 8 GPUs × $3 = $14,400 in month 1; month 24 runs 30 × 1.05^23 jobs on 5 allocations at once.
    const grown = b!.projection!.months;
    expect(grown[0]!.cloudUsd).toBeCloseTo(14_400, 6);
    expect(grown[23]!.demandFactor).toBeCloseTo(1.05 ** 23, 9);
    expect(grown[23]!.cloudUsd).toBeCloseTo(14_400 * 1.05 ** 23, 4);
  });

  it("the portfolio's Monte Carlo draws the pretrain around its flat path, not the scenario's growth", async () => {
    const a = await analyze({
      workloads: [pretrain],
      offers: [cluster],
      tiers,
      scenario: scenarioOf({
        demandGrowthMonthly: 0.05,
        monteCarlo: { trials: 4000, seed: 3, demandVolatility: 0.1 },
      }),
      horizonMonths: 24,
    });
    // Grown by the scenario's 5 %, its mean would be 23,040 × (1.05^24 − 1) ÷ 0.05 = $1,025,349.13.
    const mean = a.totals.distribution!.allCloud.horizonMeanUsd;
    expect(Math.abs(mean / (24 * 23_040) - 1)).toBeLessThan(0.01);
  });

  it('the scenario effects say which workloads keep their size', async () => {
    const growth = await growthEffect([pretrain, batch]);
    expect(growth.workloads).toEqual(['batch']);
    expect(growth.message).toMatch(
      /^Demand growth 5 % a month: changes 1 workload — batch: horizon .*; pretrain keeps its size \(a gpufit assumption: a training run, fine-tune or experiment is sized by its plan, not by customer demand; only inference follows the growth\)$/,
    );
  });

  it("a workload's stated growsWithDemand overrides its kind's rule, both ways", async () => {
    // A per-customer fine-tune states it grows; a fixed evaluation batch states it does not.
    expect(demandGrowthOf({ kind: 'fine-tuning', growsWithDemand: true }, 0.05)).toBe(0.05);
    expect(demandGrowthOf({ kind: 'batch-inference', growsWithDemand: false }, 0.05)).toBe(0);
    expect(demandGrowthOf({ kind: 'fine-tuning', growsWithDemand: null }, 0.05)).toBe(0);
    expect(demandGrowthOf({ kind: 'realtime-inference', growsWithDemand: null }, 0.05)).toBe(0.05);
    const grows = profileOf({ ...pretrainInput, growsWithDemand: true });
    const flat = profileOf({ ...batchInput, growsWithDemand: false });
    expect(grows.growsWithDemand).toBe(true);
    expect(pretrain.growsWithDemand).toBeNull();
    const a = await overTwoYears([grows, flat]);
    const [p, b] = a.workloads;
    // The pretrain grows as the batch did: $23,040 in month 1, 1.05^23 of its demand in month 24.
    expect(p!.projection!.months[0]!.cloudUsd).toBeCloseTo(23_040, 6);
    expect(p!.projection!.months[23]!.demandFactor).toBeCloseTo(1.05 ** 23, 9);
    expect(p!.projection!.months[23]!.cloudUsd!).toBeGreaterThan(2 * 23_040);
    // The batch stays at month 1's $14,400.
    for (const m of b!.projection!.months) {
      expect(m.demandFactor).toBe(1);
      expect(m.cloudUsd).toBeCloseTo(14_400, 6);
    }
  });

  it('the scenario effects name a stated override with its reason', async () => {
    const growth = await growthEffect([
      profileOf({
        ...pretrainInput,
        id: 'customer-tunes',
        kind: 'fine-tuning',
        nodes: 1,
        growsWithDemand: true,
      }),
      pretrain,
      profileOf({ ...batchInput, id: 'eval-set', growsWithDemand: false }),
    ]);
    expect(growth.workloads).toEqual(['customer-tunes']);
    expect(growth.message).toMatch(
      /^Demand growth 5 % a month: changes 1 workload — customer-tunes: horizon .*; pretrain keeps its size \(a gpufit assumption: a training run, fine-tune or experiment is sized by its plan, not by customer demand; inference follows the growth, and so does a workload that states growsWithDemand true\); customer-tunes follows the growth \(its growsWithDemand is true: training work that grows with the customers\); eval-set keeps its size \(its growsWithDemand is false\)$/,
    );
    expect(growth.message).not.toContain('only inference');
  });

  it('an inference workload held at its size by its own column: the kind clause does not say "only inference"', async () => {
    // Found by review: "pretrain keeps its size (…; only inference follows the growth); eval-set keeps its size (its
    // growsWithDemand is false)" — eval-set is inference.
    const growth = await growthEffect([
      pretrain,
      profileOf({ ...batchInput, id: 'eval-set', growsWithDemand: false }),
    ]);
    expect(growth.message).toContain(
      'pretrain keeps its size (a gpufit assumption: a training run, fine-tune or experiment is sized by its plan, not by customer demand; inference follows the growth unless a workload states growsWithDemand false); eval-set keeps its size (its growsWithDemand is false)',
    );
    expect(growth.message).not.toContain('only inference');
  });

  it('property: a workload follows the growth exactly when it states so, or by its kind when it states nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: -0.3, max: 0.5, noNaN: true }).filter((g) => Math.abs(g) > 1e-3),
        fc.constantFrom(...WORKLOAD_KINDS),
        fc.constantFrom(true, false, undefined),
        async (g, kind, stated) => {
          const training = !workloadKinds[kind].growsWithDemand;
          const base = training
            ? { ...pretrainInput, nodes: kind === 'multi-node-training' ? 4 : 1 }
            : batchInput;
          const profile = profileOf({
            ...base,
            kind,
            ...(stated === undefined ? {} : { growsWithDemand: stated }),
          });
          const follows = stated ?? workloadKinds[kind].growsWithDemand;
          expect(demandGrowthOf(profile, g)).toBe(follows ? g : 0);
          const a = await analyze({
            workloads: [profile],
            offers: [cluster],
            tiers,
            scenario: scenarioOf({ demandGrowthMonthly: g, horizonMonths: 6 }),
            monteCarlo: false,
          });
          const months = a.workloads[0]!.projection!.months;
          months.forEach((m, t) => {
            expect(m.demandFactor).toBeCloseTo(follows ? (1 + g) ** t : 1, 9);
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('property: a training kind costs the same month after month, and as without growth, at any growth rate', async () => {
    const kinds = WORKLOAD_KINDS.filter((k) => !workloadKinds[k].growsWithDemand);
    const flat = await analyze({
      workloads: [pretrain],
      offers: [cluster],
      tiers,
      scenario: scenarioOf({ horizonMonths: 12 }),
      monteCarlo: false,
    });
    const base = flat.workloads[0]!.projection!.months[0]!.cloudUsd!;
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        fc.constantFrom(...kinds),
        async (g, kind) => {
          const profile = kind === 'multi-node-training' ? pretrain : { ...pretrain, kind, nodes: 1 };
          const a = await analyze({
            workloads: [profile],
            offers: [cluster],
            tiers,
            scenario: scenarioOf({ demandGrowthMonthly: g, horizonMonths: 12 }),
            monteCarlo: false,
          });
          const months = a.workloads[0]!.projection!.months;
          const first = months[0]!.cloudUsd!;
          if (kind === 'multi-node-training') expect(first).toBeCloseTo(base, 6);
          for (const m of months) {
            expect(m.demandFactor).toBe(1);
            expect(m.cloudUsd).toBe(first);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('property: a growing batch never runs an allocation longer than the month; its extra runs are more allocations', () => {
    // Each month of a growing batch is priced at its own demand (demandPath.ts's profileAtDemand): its failure-free
    // GPU-hours on the allocations held at once never exceed 730 h each, however far the demand has grown.
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 60, noNaN: true }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.constantFrom(1, 2, 4, 8),
        (jobs, hours, factor, gpus) => {
          const profile = profileAtDemand(
            { ...batch, jobsPerMonth: jobs, hoursPerJob: hours, gpusPerReplica: gpus },
            factor,
          );
          const e = estimateCost(profile, cluster, { tiers, explain: false });
          expect(e.feasible).toBe(true);
          const gpuTime = e.components.find((c) => c.name === 'gpu-time')!.quantity;
          // Whole allocations of `gpus` GPUs packed on 8-GPU instances: GPU time ÷ (allocations × GPUs) per unit.
          const perUnit = gpuTime / (e.replicas! * gpus) / (8 / (gpus * Math.floor(8 / gpus)));
          expect(perUnit).toBeLessThanOrEqual(HOURS_PER_MONTH * (1 + 1e-9));
          expect(gpuTime).toBeCloseTo(jobs * factor * hours * gpus * (8 / (gpus * Math.floor(8 / gpus))), 6);
        },
      ),
      { numRuns: 200 },
    );
  });
});
