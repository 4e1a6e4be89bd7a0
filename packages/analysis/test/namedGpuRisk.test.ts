import { gpuTierTable } from '@gpufit/pricing';
import { type Offer, validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * What naming a GPU costs. A workload that names A100-80GB is priced on A100-80GB and on the GPUs a benchmark
 * measures against it (gpuPolicy measured); a faster GPU with no benchmark for the pair is left out. The risk says
 * what the cheapest cloud offer under gpuPolicy any would cost — a faster GPU credited no speed-up, so an upper
 * bound — when that saves at least USD 100 and 10 %. (The bundled example's EU fine-tune: AWS p4de, a whole 8-GPU
 * instance for each 2-GPU job, USD 1,372.79; Azure 2 × H100 NVL at the A100's speed, USD 670.22.)
 */
const tiers = gpuTierTable([
  gpuTier('A100-80GB', { generation: 'Ampere' }),
  // Faster by its datasheet: under gpuPolicy any it is credited no speed-up (1×).
  gpuTier('H100', { relThroughputInference: 2, relThroughputTraining: 2, relThroughputFineTuning: 2 }),
  // Slower by its datasheet: under gpuPolicy any it is priced at 0.25× (4 L4-hours for one A100-hour).
  gpuTier('L4', {
    generation: 'Ada',
    memoryGiB: 24,
    relThroughputInference: 0.25,
    relThroughputTraining: 0.25,
    relThroughputFineTuning: 0.25,
  }),
]);
const offer = (input: Parameters<typeof offerOf>[1]): Offer => offerOf('namedGpuRisk test', input);
const a100 = offer({
  id: 'aws:p4-1:us-east-1',
  market: 'hyperscaler',
  gpu: 'A100-80GB',
  usdPerGpuHour: 4,
  gpusPerInstance: 1,
});
const h100 = (usd: number) =>
  offer({
    id: 'lambda:h100:us-east-1',
    market: 'gpu-cloud',
    providerName: 'Lambda',
    usdPerGpuHour: usd,
    gpusPerInstance: 1,
  });
const l4 = (usd: number) =>
  offer({
    id: 'gcp:g2-1:us-east1',
    market: 'hyperscaler',
    providerName: 'Google Cloud',
    gpu: 'L4',
    gpuMemoryGiB: 24,
    usdPerGpuHour: usd,
    gpusPerInstance: 1,
  });
const scenarioResult = validateScenario({ analysisDate: '2026-12-01' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;

// 500 A100-hours of batch inference on an 8B model: USD 2,000 on the A100 at USD 4.
const batch = (extra: Record<string, unknown> = {}) =>
  profileOf({
    id: 'w',
    kind: 'batch-inference',
    modelParamsBillions: 8,
    precision: 'bf16',
    gpuType: 'A100-80GB',
    gpuHoursPerMonth: 500,
    dataSensitivity: 'internal',
    ...extra,
  });

async function analyzed(offers: readonly Offer[], extra: Record<string, unknown> = {}) {
  const a = await analyze({ workloads: [batch(extra)], offers, tiers, scenario, monteCarlo: false });
  return a.workloads[0]!.decision;
}
const named = (risks: readonly string[]) => risks.filter((r) => r.startsWith('Naming '));

describe('risk: what naming a GPU costs', () => {
  it('names the cheaper faster GPU under gpuPolicy any, credited no speed-up, and the saving', async () => {
    const d = await analyzed([a100, h100(3)]);
    // The named GPU's own offer wins under gpuPolicy measured: no benchmark measures H100 against A100 here.
    expect(d.cloud?.offer.gpu).toBe('A100-80GB');
    expect(d.cloud?.cost.monthlyUsd).toBeCloseTo(2000, 6);
    const risks = named(d.risks);
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain(
      'Naming A100-80GB keeps the cloud side to A100-80GB and the GPUs a published benchmark measures against it for this kind of work (gpuPolicy measured).',
    );
    // 500 H100-hours at USD 3 (one H100-hour does one A100-hour's work): USD 1,500, USD 500 less.
    expect(risks[0]).toContain('Lambda 1 × 1 H100 in us-east-1 (on-demand) at $3.00/GPU-hour');
    expect(risks[0]).toContain('credited no speed-up over the A100-80GB (no benchmark measures the pair)');
    expect(risks[0]).toContain('would cost $1,500.00 a month, $500.00 less');
    expect(risks[0]).toContain('set gpuType H100 or gpuPolicy any on this workload');
  });

  it('its figure is what gpuPolicy any then prices', async () => {
    const d = await analyzed([a100, h100(3)], { gpuPolicy: 'any' });
    expect(d.cloud?.offer.gpu).toBe('H100');
    expect(d.cloud?.cost.monthlyUsd).toBeCloseTo(1500, 6);
    // Already under gpuPolicy any: nothing to name.
    expect(named(d.risks)).toEqual([]);
  });

  it('says gpuPolicy exact when the workload holds to the named GPU itself', async () => {
    const risks = named((await analyzed([a100, h100(3)], { gpuPolicy: 'exact' })).risks);
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain(
      'Naming A100-80GB keeps the cloud side to A100-80GB itself (gpuPolicy exact).',
    );
  });

  it('says nothing under USD 100 or 10 % of the cloud option', async () => {
    // USD 3.70: USD 1,850, USD 150 less but 7.5 % of USD 2,000.
    expect(named((await analyzed([a100, h100(3.7)])).risks)).toEqual([]);
    // USD 3.50: USD 1,750, USD 250 and 12.5 % less.
    expect(named((await analyzed([a100, h100(3.5)])).risks)).toHaveLength(1);
  });

  it('says nothing when the cheapest GPU under gpuPolicy any is slower by its datasheet alone', async () => {
    // 2,000 L4-hours at USD 0.50 = USD 1,000: a datasheet slow-down is no figure to move a workload on.
    expect(named((await analyzed([a100, l4(0.5)])).risks)).toEqual([]);
    // The faster GPU is cheaper than the slower one: named.
    expect(named((await analyzed([a100, l4(0.9), h100(3)])).risks)).toHaveLength(1);
  });

  it('says nothing when the workload names no GPU, or the named GPU is already the cheapest', async () => {
    expect(named((await analyzed([a100, h100(3)], { gpuType: undefined })).risks)).toEqual([]);
    expect(named((await analyzed([a100, h100(5)])).risks)).toEqual([]);
  });
});
