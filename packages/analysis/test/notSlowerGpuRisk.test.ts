import { type GpuTier, gpuTierTable } from '@gpufit/pricing';
import { type Offer, validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { newerGeneration } from '../src/newerGeneration.js';
import { notSlowerByDatasheet } from '../src/notSlowerByDatasheet.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * What naming a legacy GPU costs when the cheapest GPU under gpuPolicy any is slower by its datasheet alone. The
 * R8 enterprise estate's "Legacy recsys ranking inference on V100" ran on Azure V100 at $3.06/GPU-hour, $11,167.45 a
 * month; under gpuPolicy any the cheapest was AWS T4 at the datasheet's 0.356×, a ratio the risk does not move a
 * workload on, so the risk said nothing — though an A100 at no speed-up credited cost about half. The risk now names
 * the cheapest GPU not slower by its datasheet (memory bandwidth and dense compute both at least the named GPU's,
 * datasets/gpu-tiers.csv), priced at the named GPU's speed: an upper bound.
 */
// The tier table's figures (datasets/gpu-tiers.csv: each GPU's datasheet).
const V100 = {
  generation: 'Volta',
  memoryGiB: 16,
  fp16Tflops: 125,
  memoryBandwidthGBps: 900,
  relThroughputInference: 0.441,
  relThroughputTraining: 0.401,
  relThroughputFineTuning: 0.421,
};
const T4 = {
  generation: 'Turing',
  memoryGiB: 16,
  fp16Tflops: 65,
  memoryBandwidthGBps: 320,
  relThroughputInference: 0.157,
  relThroughputTraining: 0.208,
  relThroughputFineTuning: 0.181,
};
const A100 = {
  generation: 'Ampere',
  memoryGiB: 80,
  fp16Tflops: 312,
  memoryBandwidthGBps: 2039,
  relThroughputInference: 1,
  relThroughputTraining: 1,
  relThroughputFineTuning: 1,
};
// Faster in compute, slower in memory bandwidth (864 against 900 GB/s): slower by its datasheet.
const L40S = {
  generation: 'Ada Lovelace',
  memoryGiB: 48,
  fp16Tflops: 362,
  memoryBandwidthGBps: 864,
  relThroughputInference: 0.424,
  relThroughputTraining: 1.16,
  relThroughputFineTuning: 0.701,
};
const baseTiers = [
  gpuTier('V100', V100),
  gpuTier('T4', T4),
  gpuTier('A100-80GB', A100),
  gpuTier('L40S', L40S),
];
const tiers = gpuTierTable(baseTiers);

const offer = (id: string, gpu: string, memoryGiB: number, usd: number, extra = {}): Offer =>
  offerOf('notSlowerGpuRisk test', {
    id,
    market: 'hyperscaler',
    gpu,
    gpuMemoryGiB: memoryGiB,
    usdPerGpuHour: usd,
    gpusPerInstance: 1,
    ...extra,
  });
const v100 = offer('azure:nc6s-v3:eastus', 'V100', 16, 3.06, { providerName: 'Microsoft Azure' });
const t4 = (usd: number) => offer('aws:g4dn:us-east-1', 'T4', 16, usd, { providerName: 'AWS' });
const a100 = (usd: number) =>
  offer('runpod:a100:us', 'A100-80GB', 80, usd, { market: 'gpu-cloud', providerName: 'RunPod' });
const l40s = (usd: number) =>
  offer('lambda:l40s:us-east-1', 'L40S', 48, usd, { market: 'gpu-cloud', providerName: 'Lambda' });

const scenarioResult = validateScenario({ analysisDate: '2026-12-05' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;

// 2,920 V100-hours of batch inference on a 1B fp16 model: USD 8,935.20 on the V100 at USD 3.06.
const legacy = (extra: Record<string, unknown> = {}) =>
  profileOf({
    id: 'legacy',
    kind: 'batch-inference',
    modelParamsBillions: 1,
    precision: 'fp16',
    gpuType: 'V100',
    gpuHoursPerMonth: 2920,
    dataSensitivity: 'internal',
    ...extra,
  });

async function analyzed(offers: readonly Offer[], extra: Record<string, unknown> = {}, table = tiers) {
  const a = await analyze({
    workloads: [legacy(extra)],
    offers,
    tiers: table,
    scenario,
    monteCarlo: false,
  });
  return a.workloads[0]!.decision;
}
const named = (risks: readonly string[]) => risks.filter((r) => r.startsWith('Naming '));

describe('notSlowerByDatasheet', () => {
  const sheet = (memoryBandwidthGBps: number | null, fp16Tflops: number | null) => ({
    memoryBandwidthGBps,
    fp16Tflops,
  });
  it('holds when memory bandwidth and dense compute are both at least the named GPU’s', () => {
    expect(notSlowerByDatasheet(A100, V100)).toBe(true);
    expect(notSlowerByDatasheet(V100, V100)).toBe(true);
    expect(notSlowerByDatasheet(T4, V100)).toBe(false);
    // Faster in compute, slower in bandwidth.
    expect(notSlowerByDatasheet(L40S, V100)).toBe(false);
    expect(notSlowerByDatasheet(sheet(null, 400), V100)).toBe(false);
    expect(notSlowerByDatasheet(A100, sheet(900, null))).toBe(false);
  });
  it('is the conjunction of the two comparisons (property)', () => {
    const figure = fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null });
    fc.assert(
      fc.property(figure, figure, figure, figure, (bw, tf, nbw, ntf) => {
        const r = notSlowerByDatasheet(sheet(bw, tf), sheet(nbw, ntf));
        const want = bw !== null && tf !== null && nbw !== null && ntf !== null && bw >= nbw && tf >= ntf;
        expect(r).toBe(want);
      }),
    );
  });
});

describe('newerGeneration', () => {
  it('orders NVIDIA architectures by launch and says nothing across vendors', () => {
    expect(newerGeneration('Ampere', 'Volta')).toBe(true);
    expect(newerGeneration('Volta', 'Ampere')).toBe(false);
    expect(newerGeneration('Volta', 'Volta')).toBe(false);
    expect(newerGeneration('CDNA 3', 'Hopper')).toBe(false);
    expect(newerGeneration('Hopper', 'CDNA 3')).toBe(false);
  });
});

describe('risk: a named GPU slower alternatives undercut, and a not-slower one prices lower', () => {
  it('names the cheapest GPU not slower by its datasheet, at the named GPU’s speed (the V100 vector)', async () => {
    // Under gpuPolicy measured the V100 itself wins: USD 8,935.20.
    const d = await analyzed([v100, t4(0.526), a100(1.89)]);
    expect(d.cloud?.offer.gpu).toBe('V100');
    expect(d.cloud?.cost.monthlyUsd).toBeCloseTo(8935.2, 6);
    const risks = named(d.risks);
    expect(risks).toHaveLength(1);
    const r = risks[0]!;
    expect(r).toContain(
      'Naming V100 keeps the cloud side to V100 and the GPUs a published benchmark measures against it for this kind of work (gpuPolicy measured).',
    );
    // The T4 at the datasheet's 0.356× (min of 0.157/0.441 and 0.208/0.401) is cheaper still, and not named for it.
    expect(r).toContain(
      'The cheapest GPU under gpuPolicy any, T4, is slower than the V100 by its datasheet alone (0.356×)',
    );
    // 2,920 A100-hours at USD 1.89: USD 5,518.80, USD 3,416.40 less.
    expect(r).toContain(
      'RunPod 4 × 1 A100-80GB in us-east-1 (on-demand) at $1.89/GPU-hour, a GPU not slower than the V100 by its datasheet (memory bandwidth 2,039 against 900 GB/s, dense FP16/BF16 312 against 125 TFLOPS), would cost $5,518.80 a month, $3,416.40 less',
    );
    expect(r).toContain(
      "priced at the V100's own speed (no speed-up credited for the faster GPU), so the figure is an upper bound for it.",
    );
    // No end-of-life date is in gpufit's reference: only that a newer GPU prices it lower, with the figure.
    expect(r).toContain(
      "The V100 is of NVIDIA's Volta generation; a newer GPU (A100-80GB, Ampere) prices this work at $5,518.80 a month against $8,935.20.",
    );
    expect(r).not.toMatch(/end of life|end-of-life|end of sale/i);
    expect(r).toContain('set gpuType A100-80GB on this workload and analyze again.');
    expect(d.riskStakes?.some((s) => Math.abs((s.usdPerMonth ?? 0) - 3416.4) < 0.005)).toBe(true);
  });

  it('its figure is what naming that GPU then prices', async () => {
    const d = await analyzed([v100, t4(0.526), a100(1.89)], { gpuType: 'A100-80GB' });
    expect(d.cloud?.offer.gpu).toBe('A100-80GB');
    expect(d.cloud?.cost.monthlyUsd).toBeCloseTo(5518.8, 6);
  });

  it('never names a GPU slower by its datasheet, however cheap (the L40S: 864 against 900 GB/s)', async () => {
    const r = named((await analyzed([v100, t4(0.526), a100(1.89), l40s(0.5)])).risks);
    expect(r).toHaveLength(1);
    // The L40S at its datasheet's 0.961× is the cheapest under gpuPolicy any: said slower, and not offered.
    expect(r[0]).toContain('The cheapest GPU under gpuPolicy any, L40S, is slower than the V100');
    expect(r[0]).toContain('RunPod 4 × 1 A100-80GB');
    expect(r[0]).toContain('set gpuType A100-80GB on this workload');
    expect(r[0]).not.toContain('set gpuType L40S');
  });

  it('says nothing when no GPU not slower by its datasheet is cheap enough', async () => {
    expect(named((await analyzed([v100, t4(0.526)])).risks)).toEqual([]);
    // USD 2.90: USD 8,468, USD 467.20 but 5.2 % less: under the 10 % bar.
    expect(named((await analyzed([v100, t4(0.526), a100(2.9)])).risks)).toEqual([]);
  });

  it('says no newer generation when the alternative is of another vendor', async () => {
    const table = gpuTierTable([
      ...baseTiers,
      gpuTier('MI300X', {
        vendor: 'AMD',
        generation: 'CDNA 3',
        memoryGiB: 192,
        fp16Tflops: 1307.4,
        memoryBandwidthGBps: 5300,
        relThroughputInference: 2.6,
        relThroughputTraining: 4.19,
        relThroughputFineTuning: 3.3,
      }),
    ]);
    const mi300x = offer('azure:mi300x:eastus', 'MI300X', 192, 1.5, { providerName: 'Microsoft Azure' });
    const r = named((await analyzed([v100, t4(0.526), mi300x], {}, table)).risks);
    expect(r).toHaveLength(1);
    expect(r[0]).toContain('dense FP16/BF16 1,307.4 against 125 TFLOPS');
    expect(r[0]).not.toContain('generation');
  });

  it('names only a GPU not slower by its datasheet, and never one dearer than the named option (property)', async () => {
    const candidate = fc.record({
      bw: fc.integer({ min: 300, max: 4000 }),
      tf: fc.integer({ min: 60, max: 1000 }),
      usd: fc.integer({ min: 20, max: 600 }).map((c) => c / 100),
    });
    let said = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(candidate, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 10, max: 200 }).map((c) => c / 100),
        async (cands, t4Usd) => {
          const extra: GpuTier[] = cands.map((c, i) =>
            gpuTier(`G${i}`, {
              generation: 'Hopper',
              memoryGiB: 80,
              fp16Tflops: c.tf,
              memoryBandwidthGBps: c.bw,
              relThroughputInference: c.bw / 2039,
              relThroughputTraining: c.tf / 312,
              relThroughputFineTuning: Math.sqrt((c.bw / 2039) * (c.tf / 312)),
            }),
          );
          const table = gpuTierTable([...baseTiers, ...extra]);
          const offers = [
            v100,
            t4(t4Usd),
            ...cands.map((c, i) =>
              offer(`cloud${i}:g${i}:us-east-1`, `G${i}`, 80, c.usd, { market: 'gpu-cloud' }),
            ),
          ];
          const d = await analyzed(offers, {}, table);
          const asIs = d.cloud?.cost.monthlyUsd ?? Number.NaN;
          for (const r of named(d.risks)) {
            const m = /set gpuType (\S+) on this workload/.exec(r);
            if (m === null) continue;
            said += 1;
            const gpu = m[1]!;
            // Not slower by its datasheet than the V100.
            expect(notSlowerByDatasheet(table.get(gpu)!, table.get('V100')!)).toBe(true);
            // Never dearer than the named option: the figure is below the V100's month.
            const usd = Number(/would cost \$([\d,]+\.\d\d) a month/.exec(r)![1]!.replaceAll(',', ''));
            expect(usd).toBeLessThan(asIs);
            // And it is the cheapest such GPU at the V100's speed (2,920 hours at its price, one GPU each).
            const cheapest = Math.min(
              ...cands
                .filter((c) => c.bw >= 900 && c.tf >= 125)
                .map((c) => Math.round(2920 * c.usd * 100) / 100),
            );
            expect(usd).toBeCloseTo(cheapest, 2);
          }
        },
      ),
      { numRuns: 30, seed: 20261205 },
    );
    // The runs reach the sentence (a T4 this cheap undercuts most candidates at the V100's speed).
    expect(said).toBeGreaterThan(0);
  });
});
