import { gpuTierTable } from '@gpufit/pricing';
import { HOURS_PER_MONTH, type Offer, validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * A pre-training run stated as long as its horizon ends after it once failures are counted (review hR,
 * datasets/workloads/cases/foundation-model-lab.csv): priced in full, and its risks say by how much.
 */
const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const scenarioResult = validateScenario({ analysisDate: '2026-12-05' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;
// An 8-GPU InfiniBand node failing at the bundled on-demand datacenter rate (about Llama 3's 2×10⁻⁵ per GPU-hour × 8).
const cluster = (interruptionsPerHour: number): Offer =>
  offerOf('runPastHorizon test', {
    id: 'nebius:8x-h100:eu-north1',
    market: 'gpu-cloud',
    providerName: 'Nebius',
    usdPerGpuHour: 2.95,
    gpusPerInstance: 8,
    interconnect: 'infiniband',
    availability: 0.995,
    interruptionsPerHour,
  });
/** One run of `hours` on `nodes` × 8 H100 in a horizon of `months`. */
const run = (hours: number, months: number, nodes = 48) =>
  profileOf({
    id: 'pretrain',
    kind: 'multi-node-training',
    modelParamsBillions: 34,
    precision: 'bf16',
    gpuType: 'H100',
    gpusPerReplica: 8,
    nodes,
    interconnect: 'infiniband',
    jobsPerMonth: 1 / months,
    hoursPerJob: hours,
    horizonMonths: months,
    dataSensitivity: 'internal',
    interruptible: false,
    checkpointable: true,
    checkpointMinutes: 20,
    restartMinutes: 45,
  });
const pastRisk = (risks: readonly string[]) => risks.filter((r) => r.includes('past it: the run ends after'));

async function decided(hours: number, months: number, rate: number, nodes = 48) {
  const a = await analyze({
    workloads: [run(hours, months, nodes)],
    offers: [cluster(rate)],
    tiers,
    scenario,
    monteCarlo: false,
  });
  return a.workloads[0]!.decision;
}

describe('run-past-horizon risk', () => {
  it('says how far a 3-month run of 2,160 h on 48 nodes ends past its horizon (foundation-model-lab pretrain-34b)', async () => {
    const d = await decided(2160, 3, 0.000157863);
    expect(d.cloud?.cost.feasible).toBe(true);
    const said = pastRisk(d.risks);
    expect(said).toHaveLength(1);
    // M = 1 / (48 × 0.000157863) = 132 h; Daly's optimum adds about 8 %: about 2,335 h, 145 h past 2,190 h.
    expect(said[0]).toMatch(
      /^The work fits the workload's 3-month horizon \(2,190 h\), but .* one run takes about 2,3\d\d h on Nebius \(H100\), 1\d\d h \([\d.]+ days\) past it/,
    );
  });

  it('says nothing for a run that ends within its horizon', async () => {
    expect(pastRisk((await decided(2000, 3, 0.000157863)).risks)).toEqual([]);
    expect(pastRisk((await decided(2160, 3, 0)).risks)).toEqual([]);
  });

  it('property: said exactly when the taken option’s run, re-work included, ends after the horizon', async () => {
    const seen = { said: 0, silent: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 2190 }),
        fc.constantFrom(0, 0.00005, 0.000157863, 0.0005),
        async (hours, rate) => {
          const d = await decided(hours, 3, rate, 8);
          const c = d.cloud?.cost;
          if (c == null || !c.feasible) return pastRisk(d.risks).length === 0;
          const runHours = ((c.billedGpuHoursPerMonth ?? 0) * 3) / 64;
          const past = runHours > 3 * HOURS_PER_MONTH;
          seen[past ? 'said' : 'silent'] += 1;
          return pastRisk(d.risks).length === (past ? 1 : 0);
        },
      ),
      {
        numRuns: 25,
        examples: [
          [2190, 0.000157863],
          [1000, 0.000157863],
        ],
      },
    );
    // Both branches ran: runs past the horizon and runs within it.
    expect(seen.said).toBeGreaterThan(0);
    expect(seen.silent).toBeGreaterThan(0);
  });
});
