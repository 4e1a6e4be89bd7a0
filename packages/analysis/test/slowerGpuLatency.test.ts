import { gpuTierTable, throughputRatioTable } from '@gpufit/pricing';
import { type Offer, validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { latencyRatio, slowerGpuLatency } from '../src/slowerGpuLatency.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * A service under a p99 budget priced on a slower GPU: the ratio prices its throughput, and the risk says what it
 * does to latency. (Found reading a generative-media plan: a Flux API with an 8 s p99, stated on H100, was placed
 * on 41 RunPod L40S at the measured 0.323× with no word on the budget; at 0.323× a request that takes 3 s on the
 * H100 takes about 9.3 s on the L40S.)
 */
describe('slowerGpuLatency', () => {
  it('an 8 s budget on an L40S at 0.323× an H100 holds only for requests of about 2.584 s or less on the H100', () => {
    const s = slowerGpuLatency(8000, latencyRatio(false, 0.323, 3350, 864));
    expect(s?.basis).toBe('throughput');
    expect(s?.maxDemandP99Ms).toBeCloseTo(2584, 9);
    expect(s?.stretch).toBeCloseTo(3.096, 3);
  });

  it('token generation stretches by the bandwidth ratio: an fp8 70B from H100 to A100-80GB takes 1.64×, not 2.21×', () => {
    // datasets/gpu-tiers.csv: H100 3,350 GB/s, A100-80GB 2,039 GB/s (NVIDIA datasheets); the measured serving ratio
    // of the pair (Lambda vLLM benchmark) is 0.452×, 1 ÷ 0.452 = 2.21×.
    const r = latencyRatio(true, 0.452, 3350, 2039);
    expect(r).toEqual({ ratio: 2039 / 3350, basis: 'memory-bandwidth' });
    const s = slowerGpuLatency(1500, r)!;
    expect(s.stretch).toBeCloseTo(1.643, 3);
    expect(s.maxDemandP99Ms).toBeCloseTo(912.985, 3);
    // Without a bandwidth on record for either GPU, the throughput ratio, said as such.
    expect(latencyRatio(true, 0.452, null, 2039)).toEqual({ ratio: 0.452, basis: 'throughput' });
    expect(latencyRatio(true, 0.452, 3350, 0)).toEqual({ ratio: 0.452, basis: 'throughput' });
    // A diffusion model (no token generation) keeps the throughput ratio whatever the bandwidths.
    expect(latencyRatio(false, 0.323, 3350, 864)).toEqual({ ratio: 0.323, basis: 'throughput' });
  });

  it('says nothing for a GPU at least as fast, or a ratio or budget that is no positive number', () => {
    const by = (ratio: number) => ({ ratio, basis: 'throughput' as const });
    expect(slowerGpuLatency(8000, by(1))).toBeNull();
    expect(slowerGpuLatency(8000, by(3.09))).toBeNull();
    expect(slowerGpuLatency(8000, by(0))).toBeNull();
    expect(slowerGpuLatency(8000, by(Number.NaN))).toBeNull();
    expect(slowerGpuLatency(0, by(0.5))).toBeNull();
    expect(slowerGpuLatency(Number.POSITIVE_INFINITY, by(0.5))).toBeNull();
    // A token generator moved to a GPU with more bandwidth (L40S 864 → RTX 4090 1,008 GB/s) decodes no slower.
    expect(slowerGpuLatency(1000, latencyRatio(true, 0.9, 864, 1008))).toBeNull();
  });

  it('property: the bound is under the budget, the stretch over 1, and bound × stretch is the budget', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 600_000, noNaN: true }),
        fc.double({ min: 1e-3, max: 0.999, noNaN: true }),
        fc.boolean(),
        (budget, ratio, tokens) => {
          const s = slowerGpuLatency(budget, { ratio, basis: tokens ? 'memory-bandwidth' : 'throughput' });
          expect(s).not.toBeNull();
          expect(s!.maxDemandP99Ms).toBeLessThan(budget);
          expect(s!.stretch).toBeGreaterThan(1);
          expect(s!.maxDemandP99Ms * s!.stretch).toBeCloseTo(budget, 6);
        },
      ),
    );
  });

  it('property: token generation uses the bandwidth ratio when both are on record, anything else the throughput ratio', () => {
    const bw = fc.option(fc.double({ min: 10, max: 10_000, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.boolean(), fc.double({ min: 1e-3, max: 10, noNaN: true }), bw, bw, (tokens, t, d, o) => {
        const r = latencyRatio(tokens, t, d, o);
        if (tokens && d !== null && o !== null)
          expect(r).toEqual({ ratio: o / d, basis: 'memory-bandwidth' });
        else expect(r).toEqual({ ratio: t, basis: 'throughput' });
      }),
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
/** A measured A100-80GB → L4 inference ratio for small models. */
const measuredAt = (ratio: number) =>
  throughputRatioTable([
    {
      throughputClass: 'inference',
      modelSizeBand: 'small',
      gpuA: 'A100-80GB',
      gpuB: 'L4',
      ratio,
      min: ratio,
      max: ratio,
      results: 1,
      source: 'test benchmark',
      notes: '',
    },
  ]);
const measured = measuredAt(0.4);
/** The two GPUs with their datasheet bandwidths: A100-80GB 2,039 GB/s, L4 `l4GBps` (300 on its datasheet). */
const tiersWithBandwidth = (l4GBps: number) =>
  gpuTierTable([
    gpuTier('A100-80GB', { generation: 'Ampere', memoryBandwidthGBps: 2039 }),
    gpuTier('L4', {
      generation: 'Ada',
      memoryGiB: 24,
      memoryBandwidthGBps: l4GBps,
      relThroughputInference: 0.25,
      relThroughputTraining: 0.25,
      relThroughputFineTuning: 0.25,
    }),
  ]);
const bandwidthTiers = tiersWithBandwidth(300);
/** The same with their datasheet dense BF16 compute: A100-80GB 312 TFLOPS, L4 121 TFLOPS (0.388×, under the measured 0.4×). */
const computeTiers = gpuTierTable([
  gpuTier('A100-80GB', { generation: 'Ampere', memoryBandwidthGBps: 2039, fp16Tflops: 312 }),
  gpuTier('L4', {
    generation: 'Ada',
    memoryGiB: 24,
    memoryBandwidthGBps: 300,
    fp16Tflops: 121,
    relThroughputInference: 0.25,
    relThroughputTraining: 0.25,
    relThroughputFineTuning: 0.25,
  }),
]);
async function risksOf(
  offers: readonly Offer[],
  extra: Record<string, unknown> = {},
  withRatios = false,
  tierTable = tiers,
) {
  const a = await analyze({
    workloads: [service(extra)],
    offers,
    tiers: tierTable,
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
    // A token generator (the inference kind's default output) with no bandwidth on record: the throughput ratio, said.
    expect(risk).toContain(
      "That ratio is throughput, not latency: generating tokens at low batch is bound by memory bandwidth, which is not on record for A100-80GB, and by the throughput ratio instead a request takes about 2.5× as long on L4 as on A100-80GB at the same batch, so the p99 budget of 2 s holds there only if a request's p99 on A100-80GB is about 800 ms or less — measure it on L4 before moving the service.",
    );
  });

  it('a token generator with both bandwidths on record: the bandwidth ratio per output token, the throughput ratio for long inputs', async () => {
    // A100-80GB 2,039 GB/s, L4 300 GB/s (datasets/gpu-tiers.csv): 2039 ÷ 300 = 6.80× as long a decode; 2 s × 300 ÷
    // 2039 = 294 ms. The prefill is compute-bound: by the measured 0.4×, 2.5× and 2 s × 0.4 = 800 ms.
    const [risk] = await risksOf([l4], {}, true, bandwidthTiers);
    expect(risk).toContain('at a measured 0.4× (test benchmark)');
    expect(risk).toContain(
      "That ratio is throughput, not latency: each output token (decode) at low batch is bound by memory bandwidth, and by the bandwidth ratio (300 against 2,039 GB/s, datasheet peaks) a request's decode takes about 6.8× as long on L4 as on A100-80GB, so the p99 budget of 2 s holds there for short inputs only if a request's p99 on A100-80GB is about 294 ms or less; a prefill-heavy request (long inputs) is bound by compute instead and takes at least about 2.5× by the throughput ratio, so its p99 on A100-80GB must then be about 800 ms or less — measure it on L4 before moving the service.",
    );
  });

  it("a long input's prefill is bounded by the slower of dense compute and the measured ratio, not the batched ratio alone", async () => {
    // Found by review: an fp8 70B moved H100 → A100-80GB read "nearer 2.21×" (a batched vLLM output-token ratio)
    // where dense BF16 compute alone says 989 ÷ 312 = 3.17×. Here L4 121 against A100-80GB 312 TFLOPS: 312 ÷ 121 =
    // 2.58×, slower than the measured 0.4× (2.5×); 2 s × 121 ÷ 312 = 776 ms.
    const [risk] = await risksOf([l4], {}, true, computeTiers);
    expect(risk).toContain(
      'a prefill-heavy request (long inputs) is bound by compute instead and takes at least about 2.58× by datasheet dense BF16 compute (121 against 312 TFLOPS; the measured throughput ratio says 2.5×), so its p99 on A100-80GB must then be about 776 ms or less',
    );
    // A measured ratio slower than dense compute keeps the measured one: at 0.3×, 3.33×.
    const a = await analyze({
      workloads: [service()],
      offers: [l4],
      tiers: computeTiers,
      scenario,
      monteCarlo: false,
      ratios: measuredAt(0.3),
    });
    const slower = a.workloads[0]!.decision.risks.find((r) =>
      r.includes('is priced on L4 instead of A100-80GB'),
    )!;
    expect(slower).toContain(
      'takes at least about 3.33× by the throughput ratio, so its p99 on A100-80GB must then be about 600 ms or less',
    );
  });

  it('a token generator on a GPU with more bandwidth but less compute: its prefill-heavy requests are the ones that slow', async () => {
    // L4 given 2,500 GB/s (above the A100-80GB's 2,039): the decode is not slower, but the measured 0.4× stretches a
    // long input's prefill 2.5×. Before, nothing was said.
    const wide = tiersWithBandwidth(2500);
    const [risk] = await risksOf([l4], {}, true, wide);
    expect(risk).toContain(
      'That ratio is throughput, not latency: each output token (decode) at low batch is bound by memory bandwidth, which is not lower on L4 (2,500 against 2,039 GB/s, datasheet peaks); but a prefill-heavy request (long inputs) is bound by compute and takes at least about 2.5× as long by the throughput ratio, so the p99 budget of 2 s holds for such requests only if their p99 on A100-80GB is about 800 ms or less — measure it on L4 before moving the service.',
    );
  });

  it('a token generator whose GPU has less bandwidth but at least the throughput: the prefill is said not to slow', async () => {
    const faster = measuredAt(1.2);
    const a = await analyze({
      workloads: [service()],
      offers: [l4],
      tiers: bandwidthTiers,
      scenario,
      monteCarlo: false,
      ratios: faster,
    });
    const risk = a.workloads[0]!.decision.risks.find((r) =>
      r.includes('is priced on L4 instead of A100-80GB'),
    )!;
    expect(risk).toContain("a request's decode takes about 6.8× as long on L4 as on A100-80GB");
    expect(risk).toContain(
      'reading a long input (prefill) is bound by compute, not slower there by the throughput ratio (1.2×) — measure it on L4 before moving the service.',
    );
  });

  it('an image generator keeps the throughput ratio (a diffusion step is compute-bound), whatever the bandwidths', async () => {
    const [risk] = await risksOf([l4], { outputUnit: 'images' }, true, bandwidthTiers);
    expect(risk).toContain(
      "That ratio is throughput, not latency: a request bound by the GPU's compute (a diffusion step) takes about 2.5× as long on L4 as on A100-80GB at the same batch by the throughput ratio, so the p99 budget of 2 s holds there only if a request's p99 on A100-80GB is about 800 ms or less — measure it on L4 before moving the service.",
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
