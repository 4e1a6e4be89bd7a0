/**
 * A stated replica keeps its width on another GPU (replicaWidth.ts), and a held serving unit's idle hours are their
 * own line (estimateCost.ts). Test vectors by hand from the two cases a reviewer found (sweep portfolios crypto and
 * fintech), then properties.
 */
import type { CostEstimate, OfferInput, WorkloadProfileInput } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noSpareUnit } from '../src/estimate/notes.js';
import { feasibilityDetail } from '../src/feasibility/feasibility.js';
import { replicaWidth } from '../src/feasibility/replicaWidth.js';
import { estimateCost, gpuHoursFloor, gpuTierTable, throughputRatioTable, workFloor } from '../src/index.js';
import { offerInput, profileInput } from './support/arbitraries.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIER_ROWS } from './support/tiers.js';

// An H200 row beside the test tiers (NVIDIA H200 SXM datasheet: 141 GB, 4,800 GB/s, 989 TFLOPS dense BF16).
const H100 = TEST_TIER_ROWS.find((t) => t.gpu === 'H100')!;
const tiers = gpuTierTable([
  ...TEST_TIER_ROWS,
  {
    ...H100,
    gpu: 'H200',
    memoryGiB: 141,
    memoryBandwidthGBps: 4800,
    relThroughputInference: 4800 / 2039,
    source: 'NVIDIA H200 datasheet (SXM)',
  },
]);
// The measured H200 ÷ H100 training ratio the sweep's run used (datasets/throughput-ratios.csv, MLPerf Training
// v5.1 llama31_8b time-to-train @ 64 accelerators: 1.2×), for models of 1–15 B parameters.
const ratios = throughputRatioTable([
  {
    throughputClass: 'training',
    modelSizeBand: 'small',
    gpuA: 'H100',
    gpuB: 'H200',
    ratio: 1.2,
    min: 1.2,
    max: 1.2,
    results: 1,
    source: 'test: MLPerf Training v5.1 llama31_8b H200 ÷ H100, rounded',
    notes: '',
  },
]);

const component = (e: CostEstimate, name: string) => e.components.find((c) => c.name === name)!;

// The sweep's pretraining run: 1.5B from scratch, 8 × H100 over NVLink, one job of 400 h a month, 3-month horizon.
const pretrain: WorkloadProfileInput = {
  id: 'pretrain-8xh100',
  kind: 'multi-node-training',
  modelParamsBillions: 1.5,
  precision: 'bf16',
  gpuType: 'H100',
  gpusPerReplica: 8,
  nodes: 1,
  interconnect: 'nvlink',
  jobsPerMonth: 1,
  hoursPerJob: 400,
  horizonMonths: 3,
  interruptible: true,
  checkpointable: true,
};
const h200 = (o: Partial<OfferInput>) =>
  offer({ gpu: 'H200', gpuMemoryGiB: 141, interconnect: 'nvlink', usdPerGpuHour: 3, availability: 1, ...o });

// The sweep's fintech assistant: 70B fp8 on 2 × H100 a replica, 2,920 GPU-hours a month at a peak of 2, on one
// committed p5 (8 × H100, $3.44) with availability 0.995 = the target.
const assistant: WorkloadProfileInput = {
  id: 'assistant-70b',
  kind: 'realtime-inference',
  modelParamsBillions: 70,
  precision: 'fp8',
  gpuType: 'H100',
  gpusPerReplica: 2,
  interconnect: 'nvlink',
  gpuHoursPerMonth: 2920,
  peakToMeanRatio: 2,
  availabilityTarget: 0.995,
  horizonMonths: 36,
};
describe('a stated replica keeps its width on another GPU', () => {
  it('8 × H100 priced on H200: 8 GPUs a replica, 400 ÷ 1.2 = 333.3 h a job, 3,200 ÷ 1.2 GPU-hours, NVLink kept', () => {
    const p = profile(pretrain);
    const f = feasibilityDetail(p, h200({ gpusPerInstance: 8 }), { tiers, ratios });
    expect(f.feasible).toBe(true);
    expect(f.gpusPerReplica).toBe(8);
    const e = estimateCost(p, h200({ gpusPerInstance: 8 }), { tiers, ratios, scenario: scenario() });
    expect(e.gpusPerReplica).toBe(8);
    expect(e.instances).toBe(1);
    // The work, and the job's start-up (the default 10 min) on its 8 GPUs.
    expect(component(e, 'gpu-time').quantity).toBeCloseTo((8 * 400) / 1.2 + 8 * (10 / 60), 9);
    expect(e.assumptions.join(' ')).not.toMatch(/GPU-hours of work are assumed to scale/);
    // On interrupted capacity the sentence names the job's wall time: 400 ÷ 1.2 = 333 h on the 8 GPUs (it was a
    // 2,667 h job on one).
    const spot = h200({ gpusPerInstance: 8, availability: undefined, interruptionsPerHour: 0.001 });
    const run = estimateCost(p, spot, { tiers, ratios, scenario: scenario() });
    expect(run.assumptions.some((a) => a.startsWith('interruptions: a 333 h job '))).toBe(true);
  });

  it('a one-GPU H200 instance cannot hold the replica, and says it is the stated width, not the model', () => {
    const f = feasibilityDetail(profile(pretrain), h200({ gpusPerInstance: 1 }), { tiers, ratios });
    expect(f.rejections.map((r) => r.code)).toEqual(['memory']);
    expect(f.rejections[0]!.message).toBe(
      'the workload runs 8 GPUs per replica (its stated width, kept on every GPU) on one instance; the offer has 1',
    );
  });

  it('an 8-GPU H200 instance without NVLink between its GPUs is refused: the interconnect need stays with the width', () => {
    const f = feasibilityDetail(
      profile(pretrain),
      h200({ gpusPerInstance: 8, interconnect: 'none' }),
      // A tier whose GPUs have no NVLink of their own, so only the offer's interconnect counts.
      {
        tiers: gpuTierTable([
          ...TEST_TIER_ROWS,
          { ...H100, gpu: 'H200', memoryGiB: 141, interconnect: 'none' },
        ]),
        ratios,
      },
    );
    expect(f.rejections.map((r) => r.code)).toEqual(['interconnect']);
  });

  it('a replica on a smaller GPU widens to hold the model (width = max(stated, memory minimum))', () => {
    expect(replicaWidth(2, 4)).toBe(4);
    expect(replicaWidth(8, 1)).toBe(8);
    expect(replicaWidth(null, 3)).toBe(3);
  });

  it('70B fp8 served on 2 × H100 a replica keeps 2 GPUs on A100-80GB and H200, and needs 4 on L40S (48 GiB)', () => {
    const p = profile({ ...assistant, gpuPolicy: 'any' });
    const width = (gpu: string, gpuMemoryGiB: number) =>
      feasibilityDetail(p, offer({ gpu, gpuMemoryGiB, gpusPerInstance: 8, interconnect: 'nvlink' }), {
        tiers,
      }).gpusPerReplica;
    expect(width('A100-80GB', 80)).toBe(2);
    expect(width('H200', 141)).toBe(2);
    expect(width('L40S', 48)).toBe(4);
  });

  it("on the named H100, a listing of 79.6 GiB (nvidia-smi's figure for an 80 GB card) still holds the stated 2 GPUs; the floor agrees", () => {
    const p = profile(assistant);
    const width = (gpuMemoryGiB: number) =>
      feasibilityDetail(p, offer({ gpu: 'H100', gpuMemoryGiB, gpusPerInstance: 8, interconnect: 'nvlink' }), {
        tiers,
      }).gpusPerReplica;
    // The stated replica holds 2 × 80 GiB (the tier's) by definition: 160 ÷ 79.6 had asked for 3 GPUs a replica.
    expect(width(79.6)).toBe(2);
    expect(width(80)).toBe(2);
    // A smaller card of the same name is no longer that card: it widens as any other GPU does.
    expect(width(40)).toBe(4);
    // Another GPU is read at its own listing: the L40S needs 4 (160 ÷ 48), as above.
    // The matcher's per-GPU bound stays under the offer's own floor (it prunes on it).
    const listed = offer({ gpu: 'H100', gpuMemoryGiB: 79.6, gpusPerInstance: 8, interconnect: 'nvlink' });
    const bound = gpuHoursFloor(p, 'H100', 79.6, { tiers });
    const own = workFloor(p, listed, { tiers });
    expect(bound).not.toBeNull();
    expect(own).not.toBeNull();
    expect(bound!).toBeLessThanOrEqual(own!.gpuHours + 1e-9);
    expect(bound!).toBeLessThanOrEqual(own!.heldGpuHours + 1e-9);
    // The bound reads the GPU's tier row, not its spelling: 'h100' bounds the same as 'H100'.
    expect(gpuHoursFloor(p, 'h100', 79.6, { tiers })).toBe(bound);
  });

  it('an ECC card listed at what it leaves usable (AWS: a 48 GB L40S at 44.7 GiB) holds a replica stated on 2 of them', () => {
    // 30B at fp8 stated on 2 × L40S: the replica holds 2 × 48 GiB by definition; 96 ÷ 44.7 had asked for 3.
    const p = profile({
      ...assistant,
      modelParamsBillions: 30,
      gpuType: 'L40S',
      gpusPerReplica: 2,
      interconnect: 'none',
    });
    const at = (gpuMemoryGiB: number) =>
      feasibilityDetail(p, offer({ gpu: 'L40S', gpuMemoryGiB, gpusPerInstance: 4, interconnect: 'none' }), {
        tiers,
      }).gpusPerReplica;
    expect(at(44.7)).toBe(2);
    // 0.93 of 48 is 44.64: a listing below it is another card, read at its own memory.
    expect(at(40)).toBe(3);
  });

  it("a training replica sized by gpufit keeps the CUDA kernels' 1.31 GiB off each GPU; a stated footprint is taken as stated", () => {
    const ft = (extra: Partial<WorkloadProfileInput>) =>
      profile({
        id: 'ft',
        kind: 'fine-tuning',
        modelParamsBillions: 8,
        precision: 'bf16',
        trainingMethod: 'full',
        jobsPerMonth: 4,
        hoursPerJob: 10,
        ...extra,
      });
    const card = (gpu: string, gpuMemoryGiB: number) =>
      offer({ gpu, gpuMemoryGiB, gpusPerInstance: 8, interconnect: 'nvlink' });
    // 8 × 10⁹ × 16 B = 119.2 GiB: ⌈119.2 / (24 − 1.31)⌉ = 6 RTX 4090s, not ⌈119.2 / 24⌉ = 5.
    expect(feasibilityDetail(ft({ gpuType: 'RTX4090' }), card('RTX4090', 24), { tiers }).gpusPerReplica).toBe(
      6,
    );
    // A 1.3B full run, 19.4 GiB, still fits one 24 GiB card with the kernels' share off it.
    expect(
      feasibilityDetail(ft({ gpuType: 'RTX4090', modelParamsBillions: 1.3 }), card('RTX4090', 24), { tiers })
        .gpusPerReplica,
    ).toBe(1);
    // Stated on 1 × A100-80GB (the author's own measure: offloading, say): the stated footprint, no reserve, 1 GPU.
    expect(
      feasibilityDetail(ft({ gpuType: 'A100-80GB', gpusPerReplica: 1 }), card('A100-80GB', 80), { tiers })
        .gpusPerReplica,
    ).toBe(1);
  });

  it('a batch job whose run outlasts the horizon is refused, not priced as if it finished', () => {
    // 400 h a job at a measured 0.3× is 1,333 h: longer than a one-month horizon (730 h), within a two-month one.
    const slow = throughputRatioTable([
      {
        throughputClass: 'training',
        modelSizeBand: 'small',
        gpuA: 'H100',
        gpuB: 'H200',
        ratio: 0.3,
        min: 0.3,
        max: 0.3,
        results: 1,
        source: 'test: a slow substitute',
        notes: '',
      },
    ]);
    const o = h200({ gpusPerInstance: 8 });
    const short = estimateCost(profile({ ...pretrain, horizonMonths: 1 }), o, { tiers, ratios: slow });
    expect(short.feasible).toBe(false);
    expect(short.rejections.map((r) => r.code)).toEqual(['horizon']);
    expect(short.rejections[0]!.message).toBe(
      "one job runs 1330 h here, longer than the workload's 1-month horizon (730 h): it would not finish, so it is not priced as if it did",
    );
    expect(
      estimateCost(profile({ ...pretrain, horizonMonths: 2 }), o, { tiers, ratios: slow }).feasible,
    ).toBe(true);
  });

  it('a stated width is never narrowed when converting to another GPU (property)', () => {
    fc.assert(
      fc.property(
        profileInput,
        offerInput,
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('H100', 'A100-80GB', 'L40S'),
        (pi, oi, stated, named) => {
          const p = profile({ ...pi, gpuType: named, gpusPerReplica: stated, gpuPolicy: 'any' });
          const f = feasibilityDetail(p, offer(oi), { tiers });
          if (f.gpusPerReplica !== null) expect(f.gpusPerReplica).toBeGreaterThanOrEqual(stated);
          const e = estimateCost(p, offer(oi), { tiers, scenario: scenario() });
          if (!e.feasible) return;
          expect(e.gpusPerReplica).toBeGreaterThanOrEqual(stated);
        },
      ),
      { numRuns: 400 },
    );
  });
});

const p5 = (o: Partial<OfferInput>) =>
  offer({
    gpu: 'H100',
    gpuMemoryGiB: 80,
    gpusPerInstance: 8,
    interconnect: 'nvlink',
    usdPerGpuHour: 3.44,
    availability: 0.995,
    ...o,
  });

describe('a held serving unit: its idle hours are their own line', () => {
  it('one p5 committed for 2,920 GPU-hours of work: 5,840 held = 2,920 GPU time + 2,920 idle, none unused beyond', () => {
    const e = estimateCost(profile(assistant), p5({ pricingCategory: 'Committed', termMonths: 36 }), {
      tiers,
      scenario: scenario(),
    });
    expect(e.instances).toBe(1);
    expect(component(e, 'gpu-time').quantity).toBeCloseTo(2920, 9);
    expect(component(e, 'idle-capacity').quantity).toBeCloseTo(2920, 9);
    expect(component(e, 'commitment-waste').quantity).toBeCloseTo(0, 9);
    expect(component(e, 'redundancy').quantity).toBe(0);
    expect(e.billedGpuHoursPerMonth).toBeCloseTo(5840, 9);
    expect(e.monthlyUsd).toBeCloseTo(5840 * 3.44, 6); // $20,089.60
    const text = e.assumptions.join(' ');
    expect(text).toMatch(/the demand itself is 50 % of the hours held/);
    // One unit at 0.995 meets the 0.995 target only by its figure: the report says so and adds no spare.
    expect(text).toMatch(/no spare unit: availability 0\.995 is met only on paper, by one unit/);
  });

  it('the no-spare sentence says where the unit availability comes from: an SLA figure, or derived from interruptions', () => {
    expect(noSpareUnit(1, 0.995, 0.995, 'stated')).toBe(
      'no spare unit: availability 0.995 is met only on paper, by one unit whose availability figure (0.995) reaches the target by itself; an SLA figure is a service credit, not a measured uptime, and an outage of the unit is an outage of the service — add a replica (or a second provider) if 0.995 must hold',
    );
    // A spot unit's figure comes from its interruption rate (1 / (1 + 0.00105 × 0.167) = 0.999824), not an SLA.
    const derived = noSpareUnit(3, 0.999, 0.999824, 'derived');
    expect(derived).toContain(
      "3 units all up, each at its availability figure (0.999824); that figure is derived from the offer's interruption rate and the restart time, a model, not a measured uptime, and an outage of any unit leaves the peak short",
    );
    expect(derived).not.toContain('SLA');
  });

  it('the same on on-demand capacity: the unit held up all month is idle half the month, not GPU time', () => {
    const e = estimateCost(profile(assistant), p5({ usdPerGpuHour: 6.88 }), { tiers, scenario: scenario() });
    expect(component(e, 'gpu-time').quantity).toBeCloseTo(2920, 9);
    expect(component(e, 'idle-capacity').quantity).toBeCloseTo(2920, 9);
    expect(component(e, 'commitment-waste').quantity).toBe(0);
    expect(e.assumptions.join(' ')).toMatch(/held idle: 2920 of the 5840 GPU-hours held a month run no work/);
  });

  it('a service above one unit holds no idle floor; with a spare unit, no "no spare" sentence', () => {
    const big = estimateCost(
      profile({ ...assistant, gpuHoursPerMonth: 8 * 730 * 3, availabilityTarget: 0.99 }),
      p5({ availability: 0.98 }),
      { tiers, scenario: scenario() },
    );
    expect(component(big, 'idle-capacity').quantity).toBeCloseTo(0, 9);
    expect(big.assumptions.join(' ')).not.toMatch(/no spare unit/);
  });

  it('parts sum to the total, the held hours are work + idle + spares + unused, idle ≥ 0 (property)', () => {
    fc.assert(
      fc.property(profileInput, offerInput, (pi, oi) => {
        const e = estimateCost(profile(pi), offer(oi), { tiers, scenario: scenario() });
        if (!e.feasible || e.monthlyUsd === null) return;
        let sum = 0;
        for (const c of e.components) sum += c.usd;
        expect(e.monthlyUsd).toBeCloseTo(sum, 6);
        const hours = (n: string) => component(e, n).quantity;
        expect(hours('idle-capacity')).toBeGreaterThanOrEqual(0);
        expect(hours('commitment-waste')).toBeGreaterThanOrEqual(-1e-6 * (1 + hours('gpu-time')));
        expect(
          hours('gpu-time') +
            hours('billing-rounding') +
            hours('interruption-overhead') +
            hours('redundancy') +
            hours('idle-capacity') +
            hours('commitment-waste'),
        ).toBeCloseTo(e.billedGpuHoursPerMonth!, 6);
      }),
      { numRuns: 400 },
    );
  });
});
