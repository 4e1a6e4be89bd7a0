/**
 * A batch job stated as long as its horizon (a 2-month pre-training run) overruns it a little once failures are
 * counted: priced in full with the overrun said, not refused on every offer (review hR, 2026-12-05). A job whose
 * work alone outlasts the horizon, or that would not finish within a month after it, is still refused.
 */
import type { WorkloadProfileInput } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH } from '../src/assumptions.js';
import { estimateCost, jobPastHorizon } from '../src/estimate/estimateCost.js';
import { offer, profile } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

// The review's 512-H100 pre-training run: 64 nodes × 8 H100 on InfiniBand, one 1,440 h job every 2 months
// (0.5 a month), a 2-month horizon, checkpoint 20 min, restart 45 min.
const input512: WorkloadProfileInput = {
  id: 'pretrain-512',
  kind: 'multi-node-training',
  modelParamsBillions: 70,
  precision: 'bf16',
  gpuType: 'H100',
  gpusPerReplica: 8,
  nodes: 64,
  interconnect: 'infiniband',
  jobsPerMonth: 0.5,
  hoursPerJob: 1440,
  horizonMonths: 2,
  interruptible: false,
  checkpointable: true,
  checkpointMinutes: 20,
  restartMinutes: 45,
};
const run512 = profile(input512);
// The bundled on-demand datacenter rate per 8-GPU node: 0.000157863 an hour, about Llama 3's 2×10⁻⁵ per
// GPU-hour (419 unexpected interruptions in 54 days on 16,384 H100; reference reliability-facts.md) × 8.
const h100Node = (o: Parameters<typeof offer>[0] = {}) =>
  offer({
    gpu: 'H100',
    gpuMemoryGiB: 80,
    gpusPerInstance: 8,
    interconnect: 'infiniband',
    usdPerGpuHour: 2.95,
    interruptionsPerHour: 0.000157863,
    ...o,
  });

describe('jobPastHorizon', () => {
  it('prices a 2-month run of 1,440 h whose expected failures carry it a few days past its horizon', () => {
    const e = estimateCost(run512, h100Node(), { tiers: TEST_TIERS, explain: true });
    expect(e.feasible).toBe(true);
    // 64 nodes fail together: M = 1 / (64 × 0.000157863) = 99.0 h. First-order waste (Young 1974, price-facts §2):
    // √(2δ/M) + R/M with δ = 1/3 h, R = 0.75 h: 0.0820 + 0.0076 ≈ 9.0 %, so about 1,570 h, 110 h past 1,460 h.
    const mtbf = 1 / (64 * 0.000157863);
    const firstOrder = 1440 * (1 + Math.sqrt((2 * (1 / 3)) / mtbf) + 0.75 / mtbf);
    const said = e.assumptions.find((a) => a.includes("past the workload's 2-month horizon (1460 h)"));
    expect(said).toBeDefined();
    const runHours = Number(/one job runs ([\d,.]+) h here/.exec(said ?? '')?.[1]?.replace(/,/g, ''));
    expect(runHours).toBeGreaterThan(1460);
    expect(Math.abs(runHours - firstOrder) / firstOrder).toBeLessThan(0.02);
    expect(said).toMatch(/it is priced in full, as the bill runs until it finishes/);
    // The whole job is paid: 0.5 job a month × (1,440 h of work × 512 GPUs + re-work and start-up).
    expect(e.monthlyUsd).toBeGreaterThan(0.5 * 1440 * 512 * 2.95);
  });

  it('still refuses a job whose work alone outlasts the horizon, or that overruns it by more than a month', () => {
    const long = estimateCost(profile({ ...input512, hoursPerJob: 1500 }), h100Node(), { tiers: TEST_TIERS });
    expect(long.feasible).toBe(false);
    expect(long.rejections.map((r) => r.code)).toEqual(['horizon']);
    expect(long.rejections[0]!.message).toMatch(/longer than the workload's 2-month horizon \(1460 h\)/);
    // Hosts failing every 4 h a node: the 64-node job's expected run is far more than a month past.
    const flaky = estimateCost(run512, h100Node({ interruptionsPerHour: 0.25 }), { tiers: TEST_TIERS });
    expect(flaky.feasible).toBe(false);
    expect(flaky.rejections.map((r) => r.code)).toEqual(['horizon']);
    expect(flaky.rejections[0]!.message).toMatch(/more than a month past the workload's 2-month horizon/);
  });

  it('property: within the horizon is unchanged; past it only by less than a month, with the work inside it', () => {
    const hours = fc.double({ min: 0, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(hours, hours, fc.integer({ min: 1, max: 120 }), (wall, extra, months) => {
        const run = wall + extra;
        const h = months * HOURS_PER_MONTH;
        const verdict = jobPastHorizon(wall, run, months);
        if (run <= h) return verdict === 'within';
        if (verdict === 'overruns') return wall <= h && run <= h + HOURS_PER_MONTH;
        return verdict === 'refused' && (wall > h || run > h + HOURS_PER_MONTH);
      }),
    );
  });

  it('property: a priced job never runs past its horizon by a month, and its work never outlasts it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 3000, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 1e-6, max: 0.05, noNaN: true }),
        (hoursPerJob, horizonMonths, rate) => {
          const p = profile({ ...input512, hoursPerJob, horizonMonths, jobsPerMonth: 1 / horizonMonths });
          const e = estimateCost(p, h100Node({ interruptionsPerHour: rate }), {
            tiers: TEST_TIERS,
            explain: true,
          });
          if (!e.feasible) return e.rejections.length > 0;
          const h = horizonMonths * HOURS_PER_MONTH;
          const said = e.assumptions.find((a) => a.includes('past the workload'));
          if (said === undefined) return hoursPerJob <= h;
          const runHours = Number(/one job runs ([\d,.]+) h here/.exec(said)?.[1]?.replace(/,/g, ''));
          // 3 significant digits in the text: allow its rounding.
          return hoursPerJob <= h && runHours <= (h + HOURS_PER_MONTH) * 1.005 && runHours >= h * 0.995;
        },
      ),
      { numRuns: 200 },
    );
  });
});
