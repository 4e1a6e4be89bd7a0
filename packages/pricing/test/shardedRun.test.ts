/**
 * A batch whose requests split over an instance's slots runs as that many shards side by side: one job's run lasts
 * its wall-clock hours on one replica ÷ the shards (workOnOffer's `runWallHours`), and that is what interruptions,
 * billing increments and the horizon see. Every run of a job starts by pulling its image and loading its weights on
 * each shard (profileFacts' `startupHours`: the stated `startupMinutes`, else the restart time), billed on the GPUs it
 * holds.
 */
import type { CostEstimate } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costFloorOf, costFloorUsd, estimateCost, reliabilityOf, workFloor } from '../src/index.js';
import { offer, profile } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

const tiers = TEST_TIERS;
const quantity = (e: CostEstimate, name: string) => e.components.find((c) => c.name === name)!.quantity;

describe('a sharded batch run', () => {
  it('is timed as its shards, not as one serial job: from-scratch re-work of T ÷ shards', () => {
    // 10 jobs × 8 h of independent requests on A100-80GB, not checkpointable, an interruption every 20 h an
    // instance. On 8-GPU instances a job runs as 8 shards of 1 h: (M + R)(e^{T/M} − 1) ÷ T with T = 1 h, M = 20 h,
    // R = 0 (no start-up, to isolate the re-work) = 20 × (e^{0.05} − 1) = 1.025422, where one 8-h job would be
    // 20 × (e^{0.4} − 1) ÷ 8 = 1.229562.
    const p = profile({
      id: 'b',
      kind: 'batch-inference',
      jobsPerMonth: 10,
      hoursPerJob: 8,
      checkpointable: false,
      restartMinutes: 0,
    });
    const eight = estimateCost(p, offer({ interruptionsPerHour: 0.05, gpusPerInstance: 8 }), {
      tiers,
      explain: true,
    });
    expect(quantity(eight, 'interruption-overhead') / 80).toBeCloseTo(20 * Math.expm1(0.05) - 1, 9);
    expect(eight.assumptions.join(' ')).toContain(
      '8 shards of 1 GPU(s) run side by side on each 8-GPU instance (a job runs 1 h here)',
    );
    const one = estimateCost(p, offer({ interruptionsPerHour: 0.05, gpusPerInstance: 1 }), { tiers });
    expect(quantity(one, 'interruption-overhead') / 80).toBeCloseTo((20 * Math.expm1(0.4)) / 8 - 1, 9);
  });

  it('is billed in whole increments per run of the instance, on every GPU it holds', () => {
    // 10 jobs × 1.5 h split over 8 GPUs: each run lasts 0.1875 h and is billed one whole hour on 8 GPUs, so
    // 10 × (1 − 0.1875) × 8 = 65 GPU-hours are paid and unused (the same job on one GPU: 10 × 0.5 × 1 = 5).
    const p = profile({
      id: 'b',
      kind: 'batch-inference',
      jobsPerMonth: 10,
      hoursPerJob: 1.5,
      restartMinutes: 0,
    });
    const hourly = { billingIncrementSeconds: 3600, interruptionsPerHour: 0 };
    const eight = estimateCost(p, offer({ ...hourly, gpusPerInstance: 8 }), { tiers });
    // The work is gpu-time; the paid-and-unused hours are billing-rounding.
    expect(quantity(eight, 'gpu-time')).toBeCloseTo(15, 9);
    expect(quantity(eight, 'billing-rounding')).toBeCloseTo(65, 9);
    const one = estimateCost(p, offer({ ...hourly, gpusPerInstance: 1 }), { tiers });
    expect(quantity(one, 'gpu-time')).toBeCloseTo(15, 9);
    expect(quantity(one, 'billing-rounding')).toBeCloseTo(5, 9);
  });

  it('pays a start-up on every shard: a 0.6B embedding does not go to 8 H100s for a few minutes', () => {
    // The main job's nightly embeddings: 30 jobs a month, 3-minute restart. Split over 8 GPUs each run starts 8
    // shards: 30 × 8 × 3 min = 12 GPU-hours of start-up, against 30 × 3 min = 1.5 on a one-GPU instance.
    const p = profile({
      id: 'e',
      kind: 'batch-inference',
      modelParamsBillions: 0.6,
      jobsPerMonth: 30,
      hoursPerJob: 0.75,
      restartMinutes: 3,
    });
    const free = { interruptionsPerHour: 0 };
    const eight = estimateCost(p, offer({ ...free, gpusPerInstance: 8 }), { tiers, explain: true });
    const one = estimateCost(p, offer({ ...free, gpusPerInstance: 1 }), { tiers, explain: true });
    expect(quantity(eight, 'gpu-time')).toBeCloseTo(22.5 + 12, 9);
    expect(quantity(one, 'gpu-time')).toBeCloseTo(22.5 + 1.5, 9);
    expect(eight.monthlyUsd!).toBeGreaterThan(one.monthlyUsd!);
    expect(eight.assumptions.join(' ')).toContain('on each of its 8 shards');
    expect(one.assumptions.join(' ')).toContain('loading its weights on its GPUs');
  });

  it('a stated start-up (startupMinutes) replaces the restart time: jobs × start-up × GPUs of a shard × shards', () => {
    // The same 30 nightly embeddings with a 10-minute restart but a 2-minute start-up stated (image cached,
    // weights on local NVMe): 30 × 8 × 2 min = 8 GPU-hours of start-up on 8 GPUs, 30 × 2 min = 1 on one; the
    // restart time would have made them 40 and 5.
    const at = (startupMinutes?: number) =>
      profile({
        id: 'e',
        kind: 'batch-inference',
        modelParamsBillions: 0.6,
        jobsPerMonth: 30,
        hoursPerJob: 0.75,
        restartMinutes: 10,
        ...(startupMinutes === undefined ? {} : { startupMinutes }),
      });
    const free = { interruptionsPerHour: 0 };
    const eight = offer({ ...free, gpusPerInstance: 8 });
    const one = offer({ ...free, gpusPerInstance: 1 });
    const stated = estimateCost(at(2), eight, { tiers, explain: true });
    expect(quantity(stated, 'gpu-time')).toBeCloseTo(22.5 + 8, 9);
    expect(quantity(estimateCost(at(2), one, { tiers }), 'gpu-time')).toBeCloseTo(22.5 + 1, 9);
    expect(stated.assumptions.join(' ')).toContain(
      'on each of its 8 shards, stated as 2 min (startupMinutes): 8 GPU-hours a month',
    );
    expect(stated.assumptions.join(' ')).not.toContain('taken as the restart time');
    // Blank: the restart time, said as a gpufit assumption — today's figure.
    const blank = estimateCost(at(), eight, { tiers, explain: true });
    expect(quantity(blank, 'gpu-time')).toBeCloseTo(22.5 + 40, 9);
    expect(blank.assumptions.join(' ')).toContain('taken as the restart time (10 min) — a gpufit assumption');
    // Stated 0: no start-up, said once, and no 0-GPU-hour start-up line.
    const none = estimateCost(at(0), eight, { tiers, explain: true });
    expect(quantity(none, 'gpu-time')).toBeCloseTo(22.5, 9);
    expect(none.assumptions.join(' ')).toContain(
      'no start-up is priced: the workload states startupMinutes 0',
    );
    expect(none.assumptions.join(' ')).not.toContain('pulling its image');
    // Re-work and restarts still take the restart time: on an interrupted offer, only the start-up term moves.
    const spot = offer({ interruptionsPerHour: 0.05, gpusPerInstance: 1 });
    const overhead = (e: CostEstimate) => quantity(e, 'interruption-overhead');
    expect(overhead(estimateCost(at(2), spot, { tiers }))).toBeCloseTo(
      overhead(estimateCost(at(), spot, { tiers })),
      9,
    );
  });

  it('a stated start-up longer than the restart sets the restart: a replacement host starts from the image too', () => {
    // A 10-minute restart with a 30-minute start-up stated (a 70B image pulled and loaded from object storage): an
    // interruption cannot cost less than starting the job again on a new host, so re-work takes R = 30 min, as a
    // workload stating restartMinutes 30 would; the note says why. A shorter stated start-up leaves the restart.
    const at = (restartMinutes: number, startupMinutes?: number) =>
      profile({
        id: 'j',
        kind: 'batch-inference',
        modelParamsBillions: 8,
        jobsPerMonth: 30,
        hoursPerJob: 4,
        restartMinutes,
        checkpointable: false,
        ...(startupMinutes === undefined ? {} : { startupMinutes }),
      });
    const spot = offer({ interruptionsPerHour: 0.05, gpusPerInstance: 1 });
    const overhead = (e: CostEstimate) => quantity(e, 'interruption-overhead');
    const longer = estimateCost(at(10, 30), spot, { tiers, explain: true });
    expect(overhead(longer)).toBeCloseTo(overhead(estimateCost(at(30, 30), spot, { tiers })), 9);
    expect(overhead(longer)).toBeGreaterThan(overhead(estimateCost(at(10), spot, { tiers })));
    expect(longer.assumptions.join(' ')).toContain(
      'R = 0.5 h (the stated start-up, longer than restartMinutes: a replacement host pulls the image',
    );
    const shorter = estimateCost(at(10, 2), spot, { tiers, explain: true });
    expect(overhead(shorter)).toBeCloseTo(overhead(estimateCost(at(10), spot, { tiers })), 9);
    expect(shorter.assumptions.join(' ')).not.toContain('longer than restartMinutes');
    // Property: a longer stated start-up never lowers the re-work.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return (
          overhead(estimateCost(at(10, hi), spot, { tiers })) >=
          overhead(estimateCost(at(10, lo), spot, { tiers })) - 1e-9
        );
      }),
      { numRuns: 60 },
    );
  });

  it('a stated start-up on a service or a demand of GPU-hours alone prices nothing, and says why when it is not 0', () => {
    // A stated start-up priced at $0 in silence read as priced: say that it is not, and why (a service is held,
    // not started per job; GPU-hours alone state no runs). A stated 0 on a service has nothing to say.
    const on = offer({ gpusPerInstance: 1, interruptionsPerHour: 0 });
    const said = (p: ReturnType<typeof profile>) => estimateCost(p, on, { tiers, explain: true });
    const zero = said(
      profile({ id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 730, startupMinutes: 0 }),
    );
    expect(zero.assumptions.join(' ')).not.toMatch(/start-up|pulling its image/);
    const service = said(
      profile({ id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 730, startupMinutes: 20 }),
    );
    const hours = said(
      profile({ id: 'g', kind: 'batch-inference', gpuHoursPerMonth: 100, startupMinutes: 30 }),
    );
    for (const e of [service, hours]) expect(e.assumptions.join(' ')).not.toMatch(/pulling its image/);
    expect(service.assumptions.join(' ')).toContain(
      "the stated start-up (startupMinutes 20) is not priced: a service's units are held all month, not started per job",
    );
    expect(hours.assumptions.join(' ')).toContain(
      'the stated start-up (startupMinutes 30) is not priced: the demand states GPU-hours, not how many runs start — give jobsPerMonth and hoursPerJob',
    );
    const without = (p: ReturnType<typeof profile>) =>
      estimateCost({ ...p, startupMinutes: null }, on, { tiers }).monthlyUsd;
    expect(hours.monthlyUsd).toBe(
      without(profile({ id: 'g', kind: 'batch-inference', gpuHoursPerMonth: 100, startupMinutes: 30 })),
    );
  });

  it('shares the slots with the jobs that run beside it: two at once take half the instance each', () => {
    // 365 jobs × 4 h = 1,460 GPU-hours, flat: 1,460 ÷ 730 = 2 jobs at once, so each runs as 8 ÷ 2 = 4 shards of 1 h
    // and starts 4 of them: 365 × 4 × 10 min = 243.33 GPU-hours of start-up (8 shards each would be 486.67).
    const p = profile({ id: 'b', kind: 'batch-inference', jobsPerMonth: 365, hoursPerJob: 4 });
    const e = estimateCost(p, offer({ gpusPerInstance: 8, interruptionsPerHour: 0 }), {
      tiers,
      explain: true,
    });
    expect(quantity(e, 'gpu-time')).toBeCloseTo(1460 + (365 * 4 * 10) / 60, 9);
    expect(e.assumptions.join(' ')).toContain(
      "2 jobs run at once on average, so each runs as 4 shards of 1 GPU(s) beside the others' on each 8-GPU instance (a job runs 1 h here)",
    );
    // Eight or more at once: each job runs whole on one slot and starts once.
    const busy = estimateCost(
      { ...p, jobsPerMonth: 1460 },
      offer({ gpusPerInstance: 8, interruptionsPerHour: 0 }),
      { tiers, explain: true },
    );
    expect(quantity(busy, 'gpu-time')).toBeCloseTo(5840 + (1460 * 10) / 60, 9);
    expect(busy.assumptions.join(' ')).toContain(
      'jobs fill the instance: 8 or more run at once on average, so each job runs whole on one slot of 1 GPU(s)',
    );
  });

  it('a whole-instance job pays its start-up on the whole instance, a multi-node job on every node', () => {
    // One 240-h job on 8 × 8 GPUs, 30-minute restart: 0.5 h × 64 GPUs = 32 GPU-hours.
    const p = profile({
      id: 'pre',
      kind: 'multi-node-training',
      nodes: 8,
      gpusPerReplica: 8,
      jobsPerMonth: 1,
      hoursPerJob: 240,
      gpuType: 'A100-80GB',
      restartMinutes: 30,
    });
    const e = estimateCost(p, offer({ interconnect: 'infiniband', interruptionsPerHour: 0 }), {
      tiers,
      explain: true,
    });
    expect(quantity(e, 'gpu-time')).toBeCloseTo(15_360 + 32, 6);
    expect(e.assumptions.join(' ')).toContain('the one job a month starts by pulling its image');
  });

  it('a demand of GPU-hours alone (no starts stated, none priced) is timed unsplit: a wider instance earns no shorter run', () => {
    // 100 GPU-hours a month in jobs of 8 h of independent requests, not checkpointable, an interruption every 20 h
    // an instance, no start-up stated (none is priced without jobsPerMonth). Timed as 8 shards of 1 h the 8-GPU
    // instance would re-work 20 (e^{0.05} − 1) − 1 = 2.54 % where one GPU re-works 20 (e^{0.4} − 1) ÷ 8 − 1 = 22.96 %,
    // and win for being split with no start-up charged for its 8 shards. Both re-work the 8-h job.
    const p = profile({
      id: 'g',
      kind: 'batch-inference',
      gpuHoursPerMonth: 100,
      hoursPerJob: 8,
      checkpointable: false,
      restartMinutes: 0,
    });
    const o = (gpusPerInstance: number) => offer({ interruptionsPerHour: 0.05, gpusPerInstance });
    const eight = estimateCost(p, o(8), { tiers, explain: true });
    const one = estimateCost(p, o(1), { tiers });
    const whole = (20 * Math.expm1(0.4)) / 8 - 1;
    expect(quantity(eight, 'interruption-overhead') / 100).toBeCloseTo(whole, 9);
    expect(quantity(one, 'interruption-overhead') / 100).toBeCloseTo(whole, 9);
    expect(eight.monthlyUsd!).toBeGreaterThanOrEqual(one.monthlyUsd! * (1 - 1e-12));
    expect(eight.assumptions.join(' ')).toContain('a job is timed whole (8 h here), not as shards');
    expect(eight.assumptions.join(' ')).not.toContain('pulling its image');
  });

  it('a service pays no start-up (it is held, not started per job)', () => {
    const p = profile({ id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 730, restartMinutes: 30 });
    const e = estimateCost(p, offer({ gpusPerInstance: 1, availability: 0.999 }), { tiers, explain: true });
    expect(e.assumptions.join(' ')).not.toContain('pulling its image');
  });

  it('property: a longer start-up (stated, or the restart time) never lowers the bill, and the floor stays under the estimate', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom('batch-inference', 'fine-tuning', 'experimentation') as fc.Arbitrary<
          'batch-inference' | 'fine-tuning' | 'experimentation'
        >,
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.05, max: 48, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.constantFrom(1, 2, 4, 8),
        fc.constantFrom(0, 0.01, 0.1),
        fc.boolean(),
        (stated, kind, jobs, hours, r1, r2, perInstance, rate, stateless) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          // Stated: the start-up alone moves (the restart stays 10 min); else the restart time, which is also
          // the start-up.
          const at = (minutes: number) =>
            profile({
              id: 'w',
              kind,
              modelParamsBillions: 1,
              jobsPerMonth: jobs,
              hoursPerJob: hours,
              ...(stated ? { restartMinutes: 10, startupMinutes: minutes } : { restartMinutes: minutes }),
              statelessRequests: stateless,
            });
          const o = offer({
            gpusPerInstance: perInstance,
            interruptionsPerHour: rate,
            billingIncrementSeconds: 60,
          });
          const a = estimateCost(at(lo), o, { tiers });
          const b = estimateCost(at(hi), o, { tiers });
          if (a.monthlyUsd === null || b.monthlyUsd === null) return;
          expect(b.monthlyUsd).toBeGreaterThanOrEqual(a.monthlyUsd * (1 - 1e-9));
          // The floor with the offer's own interruptions (its re-work bound times the run as its shards), in USD.
          const work = workFloor(at(hi), o, { tiers });
          const floor = work === null ? null : costFloorOf(work, at(hi), o, reliabilityOf(o));
          if (floor !== null) expect(costFloorUsd(floor, 2)).toBeLessThanOrEqual(b.monthlyUsd * (1 + 1e-9));
        },
      ),
      { numRuns: 400, seed: 43 },
    );
  });
});
