/**
 * The GPU a demand without a `gpuType` is read in (`referenceGpu`), and what that demand may be priced on
 * (`throughputConversion` with `named` false). Tiers: the test table plus the L4 and T4 as
 * `datasets/gpu-tiers.csv` states them (NVIDIA L4 datasheet: 121 TFLOPS dense BF16, 300 GB/s, 24 GB; T4: 65 TFLOPS,
 * 320 GB/s, 16 GB), relative to the A100-80GB (312 TFLOPS, 2,039 GB/s).
 */
import type { WorkloadKind } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GpuTier,
  gpuTierTable,
  REFERENCE_GPU,
  referenceGpu,
  SMALL_MODEL_REFERENCE_GPU,
  throughputConversion,
} from '../src/index.js';
import { profile } from './support/builders.js';
import { TEST_RATIOS } from './support/ratios.js';
import { TEST_TIER_ROWS, TEST_TIERS } from './support/tiers.js';

const tier = (gpu: string, memoryGiB: number, tflops: number, gbps: number): GpuTier => {
  const inference = gbps / 2039;
  const training = tflops / 312;
  return {
    gpu,
    vendor: 'NVIDIA',
    generation: '',
    memoryGiB,
    interconnect: 'none',
    fp16Tflops: tflops,
    memoryBandwidthGBps: gbps,
    relThroughputInference: inference,
    relThroughputTraining: training,
    relThroughputFineTuning: Math.sqrt(inference * training),
    consumer: false,
    source: 'test',
    notes: '',
  };
};
const L4 = tier('L4', 24, 121, 300);
const T4 = tier('T4', 16, 65, 320);
const TIERS = gpuTierTable([...TEST_TIER_ROWS, L4, T4]);

const GIB = 2 ** 30;
/** Parameters (billions) whose fp16 serving memory, params × 2 B × 1.2, is exactly one L4's 24 GiB. */
const FITS_L4_EXACTLY = (24 * GIB) / (2 * 1.2) / 1e9;

const serving = (modelParamsBillions: number, extra: Record<string, unknown> = {}) =>
  profile({
    id: 'w',
    kind: 'batch-inference',
    modelParamsBillions,
    precision: 'fp16',
    gpuHoursPerMonth: 600,
    ...extra,
  });

describe('referenceGpu: the GPU hours without a gpuType are read in', () => {
  it('a named GPU is the demand GPU', () => {
    expect(referenceGpu(serving(1.55, { gpuType: 'H100' }), TIERS)).toEqual({
      tier: TIERS.get('H100'),
      reason: 'named',
    });
  });

  it('inference whose replica fits one L4 reads L4-hours: Whisper 1.55B, BERT 0.35B, SDXL 3.5B, an 8B at bf16 (17.9 GiB)', () => {
    for (const [b, precision] of [
      [1.55, 'fp16'],
      [0.35, 'fp16'],
      [3.5, 'fp16'],
      [8, 'bf16'],
    ] as const) {
      const d = referenceGpu(serving(b, { precision }), TIERS)!;
      expect(d.reason).toBe('small-model-reference');
      expect(d.tier.gpu).toBe(SMALL_MODEL_REFERENCE_GPU);
    }
  });

  it('the edge is one L4 of memory: 24 GiB reads L4, a byte more reads A100-80GB', () => {
    expect(referenceGpu(serving(FITS_L4_EXACTLY), TIERS)!.tier.gpu).toBe('L4');
    expect(referenceGpu(serving(FITS_L4_EXACTLY * (1 + 1e-9)), TIERS)!.tier.gpu).toBe(REFERENCE_GPU);
    expect(referenceGpu(serving(13), TIERS)).toEqual({ tier: TIERS.reference, reason: 'reference' });
  });

  it('training, fine-tuning and experimentation keep the A100-80GB (MLPerf has no L4 training result)', () => {
    for (const kind of ['experimentation', 'fine-tuning', 'multi-node-training'] as const) {
      const p = profile({ id: 'w', kind, modelParamsBillions: 0.35, gpuHoursPerMonth: 100 });
      expect(referenceGpu(p, TIERS)!.reason).toBe('reference');
    }
  });

  it('a replica stated on more than one GPU, or spread over nodes, keeps the A100-80GB', () => {
    expect(referenceGpu(serving(1.55, { gpusPerReplica: 2 }), TIERS)!.reason).toBe('reference');
    expect(referenceGpu(serving(1.55, { gpusPerReplica: 1 }), TIERS)!.reason).toBe('small-model-reference');
  });

  it('a tier table without the L4 falls back to its reference; a gpuType not in the table has none', () => {
    expect(referenceGpu(serving(1.55), TEST_TIERS)!.tier.gpu).toBe(REFERENCE_GPU);
    expect(referenceGpu(serving(1.55, { gpuType: 'T4' }), TEST_TIERS)).toBeUndefined();
  });

  it('property: a bigger model never reads a smaller GPU than a smaller one of the same kind and precision', () => {
    const kinds: WorkloadKind[] = ['batch-inference', 'realtime-inference', 'experimentation', 'fine-tuning'];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.constantFrom('fp16', 'bf16', 'fp8', 'int4', 'fp32'),
        fc.double({ min: 0.01, max: 60, noNaN: true }),
        fc.double({ min: 0.01, max: 60, noNaN: true }),
        (kind, precision, a, b) => {
          const [small, big] = a <= b ? [a, b] : [b, a];
          const of = (x: number) =>
            referenceGpu(
              profile({ id: 'w', kind, modelParamsBillions: x, precision, gpuHoursPerMonth: 10 }),
              TIERS,
            )!.tier.memoryGiB;
          expect(of(big)).toBeGreaterThanOrEqual(of(small));
        },
      ),
    );
  });
});

describe('throughputConversion of hours with no GPU named', () => {
  const base = {
    policy: 'measured' as const,
    throughputClass: 'inference' as const,
    modelParamsBillions: 1.55,
    precision: 'fp16' as const,
    named: false,
    ratios: TEST_RATIOS,
  };

  it('an unmeasured GPU prices them (measured only keeps a named GPU): a T4 at its compute ratio, 65/121 of an L4', () => {
    const c = throughputConversion({ ...base, demandTier: L4, offerTier: T4 });
    expect(c.ok && c.value.basis).toBe('unmeasured');
    // bandwidth 320/300 > 1, compute 65/121: the lower one
    expect(c.ok && c.value.ratio).toBeCloseTo(65 / 121, 12);
    // the same pair for a named L4 is refused, as before
    const named = throughputConversion({ ...base, named: true, demandTier: L4, offerTier: T4 });
    expect(named.ok).toBe(false);
  });

  it('a faster GPU by its datasheet is credited no speed-up: an RTX 4090 does an L4-hour an hour', () => {
    const c = throughputConversion({ ...base, demandTier: L4, offerTier: TIERS.get('RTX4090')! });
    expect(c.ok && c.value).toMatchObject({ ratio: 1, basis: 'unmeasured', source: null });
  });

  it('serving under a p99 budget refuses a GPU slower by its datasheet alone, and says why', () => {
    const c = throughputConversion({ ...base, latencyBound: true, demandTier: L4, offerTier: T4 });
    expect(c.ok).toBe(false);
    expect(c.ok ? '' : c.reason).toContain('p99 latency budget');
    // one no slower by its datasheet is still priced, at no speed-up
    const rtx = throughputConversion({
      ...base,
      latencyBound: true,
      demandTier: L4,
      offerTier: TIERS.get('RTX4090')!,
    });
    expect(rtx.ok && rtx.value.ratio).toBe(1);
    // an explicit gpuPolicy any on a named GPU keeps its old rule: the slow-down is charged
    const any = throughputConversion({
      ...base,
      policy: 'any',
      named: true,
      latencyBound: true,
      demandTier: L4,
      offerTier: T4,
    });
    expect(any.ok && any.value.ratio).toBeCloseTo(65 / 121, 12);
  });

  it('exact still allows only the demand GPU', () => {
    const c = throughputConversion({ ...base, policy: 'exact', demandTier: L4, offerTier: T4 });
    expect(c.ok).toBe(false);
  });

  const tiers = [...TEST_TIER_ROWS, L4, T4];
  const arbitrary = fc.record({
    demand: fc.constantFrom(...tiers),
    offer: fc.constantFrom(...tiers),
    throughputClass: fc.constantFrom('inference', 'training', 'fine-tuning'),
    modelParamsBillions: fc.double({ min: 0.05, max: 500, noNaN: true }),
    latencyBound: fc.boolean(),
  });

  it('property: with no GPU named, a conversion never invents speed — unmeasured is at most 1 and never above any datasheet ratio; measured is the table’s ratio', () => {
    fc.assert(
      fc.property(arbitrary, (a) => {
        const c = throughputConversion({
          ...base,
          ...a,
          demandTier: a.demand,
          offerTier: a.offer,
        });
        if (!c.ok) return;
        const r = c.value.ratio;
        expect(Number.isFinite(r) && r > 0).toBe(true);
        if (c.value.basis === 'same') expect(r).toBe(1);
        if (c.value.basis === 'unmeasured') {
          expect(r).toBeLessThanOrEqual(1);
          const bw = a.offer.relThroughputInference / a.demand.relThroughputInference;
          const compute = a.offer.relThroughputTraining / a.demand.relThroughputTraining;
          expect(r).toBeLessThanOrEqual(Math.min(bw, compute) + 1e-12);
        }
        if (c.value.basis === 'measured') {
          // the same measurement a named GPU gets
          const measured = throughputConversion({
            ...base,
            ...a,
            named: true,
            demandTier: a.demand,
            offerTier: a.offer,
          });
          expect(measured.ok && measured.value.ratio).toBe(r);
        }
      }),
    );
  });

  it('property: on the unmeasured basis a GPU no slower in bandwidth and compute never needs more hours', () => {
    fc.assert(
      fc.property(arbitrary, fc.constantFrom(...tiers), (a, other) => {
        const convert = (offerTier: GpuTier) =>
          throughputConversion({ ...base, ...a, ratios: undefined, demandTier: a.demand, offerTier });
        const x = convert(a.offer);
        const y = convert(other);
        const faster =
          other.relThroughputInference >= a.offer.relThroughputInference &&
          other.relThroughputTraining >= a.offer.relThroughputTraining &&
          other.relThroughputFineTuning >= a.offer.relThroughputFineTuning;
        if (!faster || !x.ok) return;
        // a refusal of the faster GPU would be a slower one's verdict: the latency rule refuses only slower ones
        expect(y.ok).toBe(true);
        if (y.ok) expect(600 / y.value.ratio).toBeLessThanOrEqual(600 / x.value.ratio + 1e-9);
      }),
    );
  });
});
