/**
 * The rules that keep a priced placement credible (docs/methodology.md, "Feasibility" and "Capacity that exists"):
 * spot only for interruptible work, spot capacity that exists, the GPU the work needs, whole instances billed in
 * the provider's increments, and a hybrid blend never dearer than all-cloud.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billedJobHours,
  DYNAMIC_GPUS_PER_ZONE,
  dynamicCapacity,
  estimateCost,
  gpuTierTable,
  hybridSplit,
  throughputConversion,
  throughputRatioTable,
} from '../src/index.js';
import { offerInput, profileInput } from './support/arbitraries.js';
import { offer, profile } from './support/builders.js';
import { LLAMA_405B_FP4_VS_FP8, TEST_RATIOS } from './support/ratios.js';
import { TEST_TIER_ROWS, TEST_TIERS } from './support/tiers.js';

const tiers = TEST_TIERS;

describe('spot capacity that exists', () => {
  const p5Spot = offer({
    provider: 'aws',
    market: 'hyperscaler',
    gpu: 'H100',
    gpusPerInstance: 8,
    pricingCategory: 'Dynamic',
    interconnect: 'infiniband',
    zonesWithSpot: 3,
    usdPerGpuHour: 2.87,
  });
  const pretrain = profile({
    id: 'pre',
    kind: 'multi-node-training',
    gpuType: 'H100',
    nodes: 4,
    gpusPerReplica: 8,
    jobsPerMonth: 1,
    hoursPerJob: 100,
    interruptible: true,
  });

  it('a 32-GPU InfiniBand job cannot count on hyperscaler spot: its nodes must share one zone', () => {
    const e = estimateCost(pretrain, p5Spot, { tiers });
    expect(e.rejections.map((r) => r.code)).toEqual(['capacity']);
    expect(e.rejections[0]!.message).toMatch(/holds 32 GPUs at once; gpufit counts on at most 8 spot GPUs/);
    // …and the same job marked non-interruptible is refused before capacity is even asked
    const strict = estimateCost({ ...pretrain, interruptible: false }, p5Spot, { tiers });
    expect(strict.rejections.map((r) => r.code)).toEqual(['interruptible']);
  });

  it('one 8-GPU spot instance per zone listing spot: a 16-GPU job without a fabric fits 3 zones, 32 do not', () => {
    expect(dynamicCapacity(p5Spot, 16, { oneZone: false })).toBeNull();
    expect(dynamicCapacity(p5Spot, 24, { oneZone: false })).toBeNull();
    expect(dynamicCapacity(p5Spot, 32, { oneZone: false })).toMatch(/at most 24 spot GPUs in us-east-1/);
    expect(DYNAMIC_GPUS_PER_ZONE).toBe(8);
  });

  it('only hyperscaler and GPU-cloud spot is limited; on-demand and marketplace hosts are not', () => {
    expect(dynamicCapacity({ ...p5Spot, pricingCategory: 'Standard' }, 512, { oneZone: true })).toBeNull();
    expect(dynamicCapacity({ ...p5Spot, market: 'marketplace' }, 512, { oneZone: true })).toBeNull();
    // a region with no zone data counts as one zone
    expect(dynamicCapacity({ ...p5Spot, zonesWithSpot: null }, 9, { oneZone: false })).not.toBeNull();
  });

  it('serving on spot counts every unit it keeps up, spares included', () => {
    const serving = profile({
      id: 's',
      kind: 'realtime-inference',
      gpuType: 'H100',
      gpuHoursPerMonth: 730 * 40,
      interruptible: true,
      statelessRequests: true,
    });
    const e = estimateCost(serving, { ...p5Spot, zonesWithSpot: 2 }, { tiers });
    expect(e.rejections.map((r) => r.code)).toEqual(['capacity']);
  });
});

describe('whole instances at the provider’s billing increment', () => {
  it.each([
    // wall hours, increment s, minimum s → billed hours
    [0.5, 3600, 0, 1],
    [1, 3600, 0, 1],
    [61 / 3600, 60, 0, 2 / 60],
    [5 / 60, 1, 1200, 20 / 60], // Spheron: 20-minute minimum runtime
    [10, 1, 60, 10],
    [1 / 3600, 1, 0, 1 / 3600], // exactly one second is one increment, not two
    [0.25, 0, 1200, 1 / 3], // unknown increment: continuous, only the minimum applies
  ])('%f h at %i-second increments, %i s minimum → %f h', (wall, increment, minimum, billed) => {
    expect(billedJobHours(wall, { incrementSeconds: increment, minimumSeconds: minimum })).toBeCloseTo(
      billed,
      12,
    );
  });

  it('short jobs on an hourly-billed offer pay the rest of each hour', () => {
    const p = profile({
      id: 'b',
      kind: 'batch-inference',
      gpuType: 'A100-80GB',
      jobsPerMonth: 100,
      hoursPerJob: 0.25,
    });
    const hourly = offer({ gpusPerInstance: 1, billingIncrementSeconds: 3600 });
    const e = estimateCost(p, hourly, { tiers });
    // 100 jobs × 0.25 h used (+ 10 min default start-up each), each billed a whole hour: 100 GPU-hours billed,
    // 41.67 of them work and start-up (gpu-time), 58.33 paid and unused (billing-rounding)
    const hours = (name: string) => e.components.find((c) => c.name === name)!.quantity;
    expect(hours('gpu-time') + hours('billing-rounding')).toBeCloseTo(100, 9);
    expect(hours('gpu-time')).toBeCloseTo(25 + 100 / 6, 9);
    expect(hours('billing-rounding')).toBeCloseTo(75 - 100 / 6, 9);
    expect(e.assumptions.join(' ')).toMatch(/billed in 1-hour increments/);
  });

  it('a per-second bill’s sub-second remainder is billed but not said; a second or more a job is said', () => {
    // A 15-minute transcription on a per-second-billed host: 600 jobs of 0.2501 h (900.36 s, billed 901 s) leave
    // 0.64 s each paid and unused, which the report said as "0.64 s a job are paid and unused" — noise. A 1-minute minimum under a
    // 30-second job is said.
    const p = (hoursPerJob: number) =>
      profile({
        id: 'asr',
        kind: 'batch-inference',
        gpuType: 'A100-80GB',
        jobsPerMonth: 600,
        hoursPerJob,
        restartMinutes: 0,
      });
    const perSecond = offer({ gpusPerInstance: 1, billingIncrementSeconds: 1 });
    const e = estimateCost(p(0.2501), perSecond, { tiers });
    expect(e.assumptions.join(' ')).not.toMatch(/paid and unused/);
    const gpuHours = (x: typeof e, name: string) => x.components.find((c) => c.name === name)?.quantity ?? 0;
    const bare = estimateCost(p(0.2501), offer({ gpusPerInstance: 1 }), { tiers });
    // The remainder is still billed, on its own line (billing-rounding): 600 × 0.64 s, more GPU-hours than on a
    // continuously billed offer.
    expect(gpuHours(e, 'billing-rounding')).toBeCloseTo((600 * 0.64) / 3600, 6);
    expect(gpuHours(e, 'gpu-time') + gpuHours(e, 'billing-rounding')).toBeGreaterThan(
      gpuHours(bare, 'gpu-time'),
    );
    const minute = offer({ gpusPerInstance: 1, billingIncrementSeconds: 1, minimumBillableSeconds: 60 });
    expect(estimateCost(p(30 / 3600), minute, { tiers }).assumptions.join(' ')).toMatch(
      /billed in 1-second increments with a 1-minute minimum: 30 s a job are paid and unused/,
    );
  });

  it('a replica that is not data-parallel holds the whole instance; shows instances × GPUs', () => {
    const single = profile({
      id: 'ft',
      kind: 'fine-tuning',
      gpuType: 'A100-80GB',
      gpusPerReplica: 1,
      jobsPerMonth: 4,
      hoursPerJob: 10,
      statelessRequests: false,
    });
    const eight = offer({ gpusPerInstance: 8 });
    const e = estimateCost(single, eight, { tiers });
    // The work on the whole instance, and each job's start-up (the default 10 min) on its 8 GPUs.
    expect(e.components.find((c) => c.name === 'gpu-time')!.quantity).toBeCloseTo(
      4 * 10 * 8 + 4 * (10 / 60) * 8,
      9,
    );
    expect(e.assumptions.join(' ')).toMatch(/holds a whole instance of 8/);
    // Independent fine-tunes are separate runs: 4 jobs of 10 h a month run one at a time (40 × 1 ÷ 730 = 0.055 at
    // once), so each still rents the whole 8-GPU instance — the founder's AWS p4de bill, not 40 GPU-hours.
    const alone = estimateCost({ ...single, statelessRequests: true }, eight, { tiers });
    expect(alone.components.find((c) => c.name === 'gpu-time')!.quantity).toBeCloseTo(
      4 * 10 * 8 + 4 * (10 / 60) * 8,
      9,
    );
    expect(alone.assumptions.join(' ')).toMatch(/0\.0548 jobs of 1 GPU\(s\) run at a time at the peak/);
    expect(alone.assumptions.join(' ')).toMatch(/each job rents an instance of its own/);
    expect(alone.assumptions.some((a) => a.startsWith('independent jobs share an instance:'))).toBe(false);
    // Jobs that start together share it: a peak of 73 × the mean puts 4 of them side by side (0.0548 × 73 = 4.0).
    const together = estimateCost({ ...single, statelessRequests: true, peakToMeanRatio: 73 }, eight, {
      tiers,
    });
    const used = 40;
    const fill = (used * 73) / 730;
    // The work and each job's 10-minute start-up, both on its share of the instance (8 GPUs ÷ 4 jobs at once).
    expect(together.components.find((c) => c.name === 'gpu-time')!.quantity).toBeCloseTo(
      ((used + 4 * (10 / 60)) * 8) / fill,
      9,
    );
    expect([together.instances, together.gpusPerInstance]).toEqual([1, 8]);
    // Packing independent jobs is an assumption the price depends on: it is said, with the alternative's cost.
    const said = together.assumptions.find((a) => a.startsWith('independent jobs share an instance'));
    expect(said).toMatch(
      /4 jobs of 1 GPU\(s\) run at once at the peak, 4 side by side on each 8-GPU instance/,
    );
    expect(said).toMatch(/80 GPU-hours used bill as 10 instance-hours/);
    expect(said).toMatch(/billed GPU-hours then 4× these/);
    expect(e.assumptions.some((a) => a.startsWith('independent jobs share'))).toBe(false);
    // The alternative it names is what statelessRequests false costs.
    const own = e.components.find((c) => c.name === 'gpu-time')!.quantity;
    expect(own / together.components.find((c) => c.name === 'gpu-time')!.quantity).toBeCloseTo(fill, 9);
    // Many trials at once fill every slot: 1,460 GPU-hours at a peak of 4 is 8 at once, billed as used.
    const sweep = estimateCost(
      { ...single, statelessRequests: true, jobsPerMonth: null, gpuHoursPerMonth: 1460, peakToMeanRatio: 4 },
      eight,
      { tiers },
    );
    // GPU-hours alone state no job starts: no start-up.
    expect(sweep.components.find((c) => c.name === 'gpu-time')!.quantity).toBeCloseTo(1460, 9);
  });

  it('separate jobs bill between the split and the whole-instance cost, never less as the work grows (property)', () => {
    const gpuTime = (e: ReturnType<typeof estimateCost>) =>
      e.components.find((c) => c.name === 'gpu-time')!.quantity;
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 20_000, noNaN: true }),
        fc.double({ min: 1, max: 1.5, noNaN: true }),
        fc.double({ min: 1, max: 50, noNaN: true }),
        fc.constantFrom(1, 2, 4, 8),
        fc.constantFrom(1, 2, 3, 4),
        (hours, grow, peak, perInstance, g) => {
          fc.pre(g <= perInstance);
          const base = { id: 'ft', kind: 'fine-tuning', gpuType: 'A100-80GB', gpusPerReplica: g } as const;
          const at = (h: number, stateless: boolean) =>
            estimateCost(
              profile({ ...base, gpuHoursPerMonth: h, peakToMeanRatio: peak, statelessRequests: stateless }),
              offer({ gpu: 'A100-80GB', gpusPerInstance: perInstance }),
              { tiers },
            );
          const sep = at(hours, true);
          const slots = Math.floor(perInstance / g);
          const split = (hours * perInstance) / (slots * g);
          expect(gpuTime(sep)).toBeGreaterThanOrEqual(split * (1 - 1e-12));
          expect(gpuTime(sep)).toBeLessThanOrEqual(gpuTime(at(hours, false)) * (1 + 1e-12));
          expect(gpuTime(at(hours * grow, true))).toBeGreaterThanOrEqual(gpuTime(sep) * (1 - 1e-12));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("an inference batch splits one job's requests over every slot of the instance", () => {
    const batch = profile({
      id: 'emb',
      kind: 'batch-inference',
      gpuType: 'A100-80GB',
      gpusPerReplica: 1,
      jobsPerMonth: 4,
      hoursPerJob: 10,
      statelessRequests: true,
    });
    const e = estimateCost(batch, offer({ gpusPerInstance: 8 }), { tiers });
    // 40 GPU-hours of work, and each job's 8 shards start for the default 10 min.
    expect(e.components.find((c) => c.name === 'gpu-time')!.quantity).toBeCloseTo(40 + 4 * 8 * (10 / 60), 9);
    const said = e.assumptions.find((a) => a.startsWith("each job's independent requests are split"));
    expect(said).toMatch(/8 shards of 1 GPU\(s\) run side by side on each 8-GPU instance/);
    expect(said).toMatch(/billed GPU-hours then 8× these/);
    const whole = estimateCost({ ...batch, statelessRequests: false }, offer({ gpusPerInstance: 8 }), {
      tiers,
    });
    // One job on one GPU of a whole instance: 10 h × 8 GPUs a job, and its 10-minute start-up on those 8.
    expect(whole.components.find((c) => c.name === 'gpu-time')!.quantity).toBeCloseTo(
      4 * 10 * 8 + 4 * (10 / 60) * 8,
      9,
    );
  });

  it('says nothing about sharing when an instance holds one job (1-GPU instance) or when serving', () => {
    const sweep = profile({
      id: 'sw',
      kind: 'experimentation',
      gpuType: 'A100-80GB',
      gpusPerReplica: 1,
      jobsPerMonth: 4,
      hoursPerJob: 10,
      statelessRequests: true,
    });
    const one = estimateCost(sweep, offer({ gpusPerInstance: 1 }), { tiers });
    expect(one.assumptions.some((a) => a.startsWith('independent jobs share'))).toBe(false);
    const serve = profile({
      id: 'api',
      kind: 'realtime-inference',
      gpuType: 'A100-80GB',
      gpusPerReplica: 1,
      gpuHoursPerMonth: 2000,
    });
    const served = estimateCost(serve, offer({ gpusPerInstance: 8 }), { tiers });
    expect(served.assumptions.some((a) => a.startsWith('independent jobs share'))).toBe(false);
  });
});

describe('the GPU the work needs', () => {
  const tier = (gpu: string) => tiers.get(gpu)!;
  const base = {
    throughputClass: 'inference' as const,
    modelParamsBillions: 8,
    named: true,
    ratios: TEST_RATIOS,
  };

  it('prices the named GPU at 1, a measured substitute at its ratio, nothing else (measured)', () => {
    const same = throughputConversion({
      ...base,
      policy: 'measured',
      demandTier: tier('H100'),
      offerTier: tier('H100'),
    });
    expect(same).toEqual({ ok: true, value: expect.objectContaining({ ratio: 1, basis: 'same' }) });
    const l40s = throughputConversion({
      ...base,
      policy: 'measured',
      demandTier: tier('H100'),
      offerTier: tier('L40S'),
    });
    expect(l40s.ok && l40s.value).toMatchObject({ ratio: 0.28, basis: 'measured' });
    const rtx = throughputConversion({
      ...base,
      policy: 'measured',
      demandTier: tier('H100'),
      offerTier: tier('RTX4090'),
    });
    expect(rtx.ok).toBe(false);
  });

  it('exact allows no substitute; any credits no unmeasured speed-up but charges a datasheet slow-down', () => {
    const exact = throughputConversion({
      ...base,
      policy: 'exact',
      demandTier: tier('H100'),
      offerTier: tier('L40S'),
    });
    expect(exact.ok).toBe(false);
    const faster = throughputConversion({
      ...base,
      policy: 'any',
      demandTier: tier('RTX4090'),
      offerTier: tier('H100'),
    });
    expect(faster.ok && faster.value).toMatchObject({ ratio: 1, basis: 'unmeasured' });
    // An A100 has 2.4× an L40S's bandwidth but 312/362 of its compute: charged the slower, never credited the faster.
    const mixed = throughputConversion({
      ...base,
      policy: 'any',
      demandTier: tier('L40S'),
      offerTier: tier('A100-80GB'),
    });
    expect(mixed.ok && mixed.value.ratio).toBeCloseTo(312 / 362, 9);
    const slower = throughputConversion({
      ...base,
      policy: 'any',
      demandTier: tier('A100-80GB'),
      offerTier: tier('RTX4090'),
    });
    expect(slower.ok && slower.value.ratio).toBeCloseTo(1008 / 2039, 9);
  });

  it('any charges the lower of the datasheet bandwidth and compute ratios: a T4 is not 0.37× an L40S for SDXL', () => {
    // The test table and two slow cards, built as it is (inference = bandwidth, training = compute vs A100-80GB).
    const card = (gpu: string, tflops: number, gbps: number) => ({
      ...TEST_TIER_ROWS[0]!,
      gpu,
      memoryGiB: 16,
      interconnect: 'none',
      fp16Tflops: tflops,
      memoryBandwidthGBps: gbps,
      relThroughputInference: gbps / 2039,
      relThroughputTraining: tflops / 312,
      relThroughputFineTuning: Math.sqrt((gbps / 2039) * (tflops / 312)),
    });
    const wider = gpuTierTable([...TEST_TIER_ROWS, card('T4', 65, 320), card('RTX3060', 25.5, 360)]);
    const ratio = (demand: string, offered: string) => {
      const c = throughputConversion({
        ...base,
        policy: 'any',
        demandTier: wider.get(demand)!,
        offerTier: wider.get(offered)!,
      });
      return c.ok ? c.value.ratio : Number.NaN;
    };
    // Bandwidth alone: 320/864 = 0.37, above the L4's measured 0.301× (MLPerf SDXL); compute: 65/362 = 0.18.
    expect(ratio('L40S', 'T4')).toBeCloseTo(65 / 362, 2);
    expect(ratio('L40S', 'RTX3060')).toBeCloseTo(25.5 / 362, 2);
    // An A100-40GB for H100 work: 312/989 of the compute, below its 1,555/3,350 of the bandwidth.
    expect(ratio('H100', 'A100-40GB')).toBeCloseTo(312 / 989, 2);
    // Never a speed-up: an H100 for A100 work stays 1×.
    expect(ratio('A100-80GB', 'H100')).toBe(1);
  });

  it('a ratio measured at fp4 against fp8 prices 4-bit work only: a 405B judge at fp8 is not put on a B200', () => {
    const ratios = throughputRatioTable([LLAMA_405B_FP4_VS_FP8]);
    const judge = (precision: 'fp8' | 'int4' | 'bf16') =>
      throughputConversion({
        ...base,
        ratios,
        modelParamsBillions: 405,
        precision,
        policy: 'measured',
        demandTier: tier('H100'),
        // B200 is not in the test tier table; only its name matters to the conversion under gpuPolicy measured.
        offerTier: { ...tier('H100'), gpu: 'B200' },
      });
    const fp8 = judge('fp8');
    expect(fp8).toEqual({
      ok: false,
      reason:
        "the workload names H100; the published benchmarks measure B200 against H100 for inference work on large models only at fp4 against fp8, which credits B200 with the lower precision's speed-up; this work runs at fp8, so gpufit does not price it (gpuPolicy measured; state the precision the model really runs at, or set gpuPolicy any to allow it without a speed-up)",
    });
    expect(judge('bf16').ok).toBe(false);
    const int4 = judge('int4');
    expect(int4.ok && int4.value.ratio).toBeCloseTo(207.5888 / 48.9457, 9);
  });

  it('a named GPU is priced unless a sourced ratio allows a substitute (property)', () => {
    fc.assert(
      fc.property(profileInput, offerInput, fc.constantFrom('H100', 'A100-80GB', 'L40S'), (pi, oi, named) => {
        const p = profile({ ...pi, gpuType: named, gpuPolicy: 'measured' });
        const e = estimateCost(p, offer(oi), { tiers, ratios: TEST_RATIOS });
        if (!e.feasible) return;
        const t = e.throughput!;
        if (t.offerGpu === named) expect(t.basis).toBe('same');
        else {
          expect(t.basis).toBe('measured');
          expect(t.source).toBeTruthy();
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('interruptible capacity only for work that tolerates it', () => {
  it('no Dynamic offer is feasible for a workload marked interruptible: false (property)', () => {
    fc.assert(
      fc.property(profileInput, offerInput, (pi, oi) => {
        const p = profile({ ...pi, interruptible: false });
        const e = estimateCost(p, offer({ ...oi, pricingCategory: 'Dynamic', termMonths: undefined }), {
          tiers,
        });
        expect(e.feasible).toBe(false);
        expect(e.rejections.map((r) => r.code)).toContain('interruptible');
      }),
      { numRuns: 300 },
    );
  });
});

describe('the hybrid blend is never dearer than all-cloud (all-cloud is itself a split)', () => {
  const rate = fc.double({ min: 0.05, max: 50, noNaN: true });
  it('for any rates, floor and priced all-cloud cost (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.option(rate, { nil: null }),
        fc.option(rate, { nil: null }),
        rate,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (meanGpus, peakToMeanRatio, rc, rod, rd, floorShare, allCloud) => {
          fc.pre(rc !== null || rod !== null);
          const h = hybridSplit(
            { meanGpus, peakToMeanRatio },
            { committedUsdPerGpuHour: rc, onDemandUsdPerGpuHour: rod, depinUsdPerGpuHour: rd },
            { floorShare, allCloudMonthlyUsd: allCloud },
          );
          expect(h.allCloudMonthlyUsd).toBe(allCloud);
          expect(h.blendedMonthlyUsd).toBeLessThanOrEqual(allCloud);
          expect(h.cloudShare).toBeGreaterThanOrEqual(floorShare - 1e-9);
          expect(Math.abs(h.cloudShare + h.depinShare - 1)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a low-latency serving floor with cheap all-cloud gives no split: everything stays on cloud', () => {
    // The case: all-cloud $917, all-DePIN $454, a floor keeping the mean on cloud. The old blend cost
    // $3,331; now the split can only be cheaper than the priced cloud option or not happen at all.
    const h = hybridSplit(
      { meanGpus: 1.2, peakToMeanRatio: 2.5 },
      { committedUsdPerGpuHour: 3.8, onDemandUsdPerGpuHour: 1.05, depinUsdPerGpuHour: 0.52 },
      { floorShare: 1 / 2.5, allCloudMonthlyUsd: 917 },
    );
    expect(h.blendedMonthlyUsd).toBeLessThanOrEqual(917);
    expect(h.blendedMonthlyUsd).toBeGreaterThanOrEqual(454);
  });
});

describe('capacity booked by the day holds the peak of a service', () => {
  // AWS Capacity Blocks: 8 × H200 instances billed by the whole day (minimumBillableSeconds 86,400).
  const block = offer({
    provider: 'aws',
    market: 'hyperscaler',
    gpu: 'H100',
    gpusPerInstance: 8,
    pricingCategory: 'Standard',
    usdPerGpuHour: 5,
    availability: 0.999,
    minimumBillableSeconds: 86_400,
    billingIncrementSeconds: 86_400,
  });
  const hourly = { ...block, minimumBillableSeconds: 60, billingIncrementSeconds: 1 };
  // 8 GPUs of mean demand, peaks of 2.5×: 20 GPUs at the peak, 3 instances.
  const api = profile({
    id: 'api',
    kind: 'realtime-inference',
    gpuType: 'H100',
    gpusPerReplica: 8,
    gpuHoursPerMonth: 8 * 730,
    peakToMeanRatio: 2.5,
    availabilityTarget: 0.99,
    interruptible: false,
  });

  it('billed by the hour, the instances follow the demand: the mean is billed; by the day, the peak is held all month', () => {
    const flexible = estimateCost(api, hourly, { tiers });
    const byTheDay = estimateCost(api, block, { tiers });
    const gpuTime = (e: typeof flexible) => e.components.find((c) => c.name === 'gpu-time')!.quantity;
    const idle = (e: typeof flexible) => e.components.find((c) => c.name === 'idle-capacity')!.quantity;
    expect(gpuTime(flexible)).toBeCloseTo(8 * 730, 6);
    expect(idle(flexible)).toBe(0);
    expect(byTheDay.instances).toBe(flexible.instances);
    // The work is the same GPU time; the rest of the peak's 3 instances held all month is held idle.
    expect(gpuTime(byTheDay)).toBeCloseTo(8 * 730, 6);
    expect(idle(byTheDay)).toBeCloseTo(2 * 8 * 730, 6);
    expect(byTheDay.monthlyUsd!).toBeGreaterThan(flexible.monthlyUsd!);
    expect(byTheDay.assumptions.join(' ')).toMatch(
      /capacity booked by the day cannot follow the demand within a day, so the peak is held all month/,
    );
    expect(flexible.assumptions.join(' ')).toMatch(
      /follows the demand, with at least one instance always on/,
    );
  });

  it('a batch job on a block is billed by its runs, rounded to whole days, as before', () => {
    const batch = profile({
      id: 'b',
      kind: 'batch-inference',
      gpuType: 'H100',
      gpusPerReplica: 8,
      jobsPerMonth: 1,
      hoursPerJob: 30,
      interruptible: false,
    });
    const e = estimateCost(batch, block, { tiers });
    // 30 h of 8 GPUs (a little more with interruptions), billed as 2 whole days: 48 h × 8 GPUs in all.
    const hours = e.components
      .filter((c) => c.unit === 'GPU-hour' && c.name !== 'incentive-subsidy')
      .reduce((sum, c) => sum + c.quantity, 0);
    expect(hours).toBeCloseTo(48 * 8, 6);
  });
});
