import type { GpuPolicy, Precision, WorkloadProfileInput } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileFacts } from '../src/estimate/profileFacts.js';
import { feasibilityDetail } from '../src/feasibility/feasibility.js';
import { throughputConversion, throughputRatioTable } from '../src/index.js';
import { referenceGpu } from '../src/tiers/referenceGpu.js';
import { offer, profile } from './support/builders.js';
import { TEST_TIER_ROWS, TEST_TIERS } from './support/tiers.js';

// One measured ratio, so `measured` converts some pairs and refuses others with its reason.
const ratios = throughputRatioTable([
  {
    throughputClass: 'inference',
    modelSizeBand: 'small',
    gpuA: 'A100-80GB',
    gpuB: 'H100',
    ratio: 1.6,
    min: 1.5,
    max: 1.7,
    results: 2,
    source: 'test',
    notes: '',
  },
]);

const GPUS = TEST_TIER_ROWS.map((t) => t.gpu);
const POLICIES: readonly GpuPolicy[] = ['measured', 'exact', 'any'];
const PRECISIONS: readonly Precision[] = ['bf16', 'fp8', 'int4'];

/** A profile whose conversion key varies in every field the explained answers are kept by. */
const profileInput = fc.record({
  kind: fc.constantFrom('batch-inference', 'realtime-inference', 'fine-tuning', 'multi-node-training'),
  modelParamsBillions: fc.constantFrom(1, 7, 8, 13, 70),
  precision: fc.constantFrom(...PRECISIONS),
  gpuType: fc.option(fc.constantFrom(...GPUS), { nil: undefined }),
  gpuPolicy: fc.constantFrom(...POLICIES),
  p99LatencyMs: fc.option(fc.constantFrom(200, 2000), { nil: undefined }),
});

describe('explained GPU conversions kept for the key last asked', () => {
  it('feasibility gives, in any order of profiles and offers, the conversion asked afresh with its sentence', () => {
    fc.assert(
      fc.property(
        // Profiles that differ in one field of the key each (a key compared in part would mix their answers up).
        fc
          .tuple(profileInput, profileInput)
          .map(([base, other]) => [
            base,
            ...(Object.keys(other) as (keyof typeof other)[]).map((k) => ({ ...base, [k]: other[k] })),
            other,
          ]),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...GPUS)), { minLength: 1, maxLength: 40 }),
        (inputs, asks) => {
          const profiles = inputs.map((x, i) => {
            const input: WorkloadProfileInput = {
              id: `w${i}`,
              kind: x.kind as WorkloadProfileInput['kind'],
              gpuHoursPerMonth: 100,
              modelParamsBillions: x.modelParamsBillions,
              precision: x.precision,
              gpuPolicy: x.gpuPolicy,
              ...(x.gpuType !== undefined && { gpuType: x.gpuType }),
              ...(x.p99LatencyMs !== undefined &&
                x.kind === 'realtime-inference' && { p99LatencyMs: x.p99LatencyMs }),
            };
            return profile(input);
          });
          for (const [i, gpu] of asks) {
            const p = profiles[i % profiles.length]!;
            const o = offer({ id: `o-${gpu}`, gpu, gpuMemoryGiB: TEST_TIERS.get(gpu)!.memoryGiB });
            const d = feasibilityDetail(p, o, { tiers: TEST_TIERS, ratios });
            const demandTier = referenceGpu(p, TEST_TIERS)?.tier;
            if (demandTier === undefined) continue;
            const pf = profileFacts(p);
            const afresh = throughputConversion({
              policy: p.gpuPolicy ?? 'measured',
              throughputClass: pf.throughputClass,
              modelParamsBillions: p.modelParamsBillions,
              precision: p.precision,
              task: p.task,
              demandTier,
              named: pf.gpuTypeKey !== null,
              latencyBound: pf.serving && p.p99LatencyMs !== null,
              offerTier: TEST_TIERS.get(gpu)!,
              ratios,
              explain: true,
            });
            const policyRefusal = d.rejections.find((r) => r.code === 'gpu-policy');
            if (afresh.ok) {
              expect(policyRefusal).toBeUndefined();
              expect(d.throughput).toEqual(afresh.value);
            } else expect(policyRefusal?.message).toBe(afresh.reason);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
