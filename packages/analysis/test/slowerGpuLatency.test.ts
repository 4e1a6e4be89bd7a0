import { gpuTierTable, throughputRatioTable } from '@gpufit/pricing';
import { type Offer, validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { slowerGpuLatency } from '../src/slowerGpuLatency.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * A service under a p99 budget priced on a slower GPU: the ratio prices its throughput, and the risk says what it
 * does to latency. (Found reading a generative-media plan: a Flux API with an 8 s p99, stated on H100, was placed
 * on 41 RunPod L40S at the measured 0.323× with no word on the budget; at 0.323× a request that takes 3 s on the
 * H100 takes about 9.3 s on the L40S.)
 */
describe('slowerGpuLatency', () => {
  it('an 8 s budget on an L40S at 0.323× an H100 holds only for requests of about 2.584 s or less on the H100', () => {
    const s = slowerGpuLatency(8000, 0.323);
    expect(s?.maxDemandP99Ms).toBeCloseTo(2584, 9);
    expect(s?.stretch).toBeCloseTo(3.096, 3);
  });

  it('says nothing for a GPU at least as fast, or a ratio or budget that is no positive number', () => {
    expect(slowerGpuLatency(8000, 1)).toBeNull();
    expect(slowerGpuLatency(8000, 3.09)).toBeNull();
    expect(slowerGpuLatency(8000, 0)).toBeNull();
    expect(slowerGpuLatency(8000, Number.NaN)).toBeNull();
    expect(slowerGpuLatency(0, 0.5)).toBeNull();
    expect(slowerGpuLatency(Number.POSITIVE_INFINITY, 0.5)).toBeNull();
  });

  it('property: the bound is under the budget, the stretch over 1, and bound × stretch is the budget', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 600_000, noNaN: true }),
        fc.double({ min: 1e-3, max: 0.999, noNaN: true }),
        (budget, ratio) => {
          const s = slowerGpuLatency(budget, ratio);
          expect(s).not.toBeNull();
          expect(s!.maxDemandP99Ms).toBeLessThan(budget);
          expect(s!.stretch).toBeGreaterThan(1);
          expect(s!.maxDemandP99Ms * s!.stretch).toBeCloseTo(budget, 6);
        },
      ),
    );
  });
});

const tiers = gpuTierTable([
  gpuTier('A100-80GB', { generation: 'Ampere' }),
  gpuTier('L4', {
    generation: 'Ada',
    memoryGiB: 24,
    relThroughputInference: 0.25,
    relThroughputTraining: 0.25,
    relThroughputFineTuning: 0.25,
  }),
]);
const l4 = offerOf('slowerGpuLatency test', {
  id: 'gcp:g2-1:us-east1',
  market: 'hyperscaler',
  providerName: 'Google Cloud',
  gpu: 'L4',
  gpuMemoryGiB: 24,
  usdPerGpuHour: 0.7,
  gpusPerInstance: 1,
});
const scenarioResult = validateScenario({ analysisDate: '2026-12-01' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;
// A 3B model served on A100-80GB: 730 A100-hours a month.
const service = (extra: Record<string, unknown> = {}) =>
  profileOf({
    id: 'w',
    kind: 'realtime-inference',
    modelParamsBillions: 3,
    precision: 'bf16',
    gpuType: 'A100-80GB',
    gpusPerReplica: 1,
    gpuHoursPerMonth: 730,
    dataSensitivity: 'internal',
    p99LatencyMs: 2000,
    ...extra,
  });
const measured = throughputRatioTable([
  {
    throughputClass: 'inference',
    modelSizeBand: 'small',
    gpuA: 'A100-80GB',
    gpuB: 'L4',
    ratio: 0.4,
    min: 0.4,
    max: 0.4,
    results: 1,
    source: 'test benchmark',
    notes: '',
  },
]);
async function risksOf(offers: readonly Offer[], extra: Record<string, unknown> = {}, withRatios = false) {
  const a = await analyze({
    workloads: [service(extra)],
    offers,
    tiers,
    scenario,
    monteCarlo: false,
    ...(withRatios ? { ratios: measured } : {}),
  });
  const d = a.workloads[0]!.decision;
  expect(d.cloud?.offer.gpu).toBe('L4');
  return d.risks.filter((r) => r.includes('is priced on L4 instead of A100-80GB'));
}

describe('risk: a served workload priced on a slower GPU says what its p99 budget needs', () => {
  it('at a measured ratio: the stretch, and the p99 on the named GPU the budget still allows', async () => {
    const [risk] = await risksOf([l4], {}, true);
    expect(risk).toContain('at a measured 0.4× (test benchmark)');
    expect(risk).toContain(
      "That ratio is throughput, not latency: a request bound by the GPU's speed takes about 2.5× as long on L4 as on A100-80GB at the same batch, so the p99 budget of 2 s holds there only if a request's p99 on A100-80GB is about 800 ms or less — measure it on L4 before moving the service.",
    );
  });

  it('at a datasheet slow-down under gpuPolicy any, the same', async () => {
    const [risk] = await risksOf([l4], { gpuPolicy: 'any' });
    expect(risk).toContain('a datasheet slow-down to 0.25× is charged');
    expect(risk).toContain('about 4× as long on L4 as on A100-80GB');
    expect(risk).toContain("only if a request's p99 on A100-80GB is about 500 ms or less");
  });

  it('says nothing of latency for batch work, which has no p99 budget', async () => {
    const [batch] = await risksOf([l4], { kind: 'batch-inference', p99LatencyMs: undefined }, true);
    expect(batch).toContain('at a measured 0.4×');
    expect(batch).not.toContain('not latency');
  });
});
