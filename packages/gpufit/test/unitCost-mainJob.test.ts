/** The README main job (bundled workloads and catalog): cost per unit of output for its inference workloads. */
import { usdPerUnits } from '@gpufit/pricing';
import { renderMarkdown } from '@gpufit/report';
import { analysisResultSchema, validateWorkloadProfile } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../src/cli/inputs.js';
import { analyzeBundled, analyzeOnBundled } from './support/analyzeBundled.js';

describe('cost per unit of output, main job', async () => {
  const { analysis, byId } = await analyzeBundled();

  it('the 8B chat API (real-time, L40S) shows its cost per 1M tokens at the MLPerf Server rate', () => {
    const w = byId.get('chat-api')!;
    const cloud = w.decision.cloud!;
    expect(w.unitCost?.unit).toBe('tokens');
    expect(w.unitCost?.per).toBe(1_000_000);
    const f = w.unitCost!.figures.find((x) => x.side === 'cloud')!;
    expect(f.gpu).toBe(cloud.offer.gpu);
    expect(f.scenario).toBe('Server');
    expect(f.benchmark).toBe('llama3.1-8b');
    expect(f.usdPerGpuHour).toBe(cloud.offer.usdPerGpuHour);
    expect(f.usd).toBe(usdPerUnits(f.usdPerGpuHour, f.unitsPerGpuSecond, 1e6));
    // a practitioner's range for self-hosted 8B serving: cents to under a dollar per 1M tokens
    expect(f.usd).toBeGreaterThan(0.02);
    expect(f.usd).toBeLessThan(1);
  });

  it('an embeddings job (task embeddings-or-encoder) outputs no tokens: no cost per unit, not $0', () => {
    const w = byId.get('nightly-embeddings')!;
    expect(w.task).toBe('embeddings-or-encoder');
    expect(w.unitCost).toBeUndefined();
    expect(renderMarkdown(analysis, {})).not.toMatch(/Nightly embedding[\s\S]*?\$0(\.0+)? per 1M tokens/);
  });

  it('training and fine-tuning workloads carry no unit cost', () => {
    for (const id of ['research-sweeps', 'pretrain-70b', 'customer-lora', 'eu-regulated-finetune'])
      expect(byId.get(id)!.unitCost, id).toBeUndefined();
  });

  it('the result validates against the zod result schema with the field kept', () => {
    const parsed = analysisResultSchema.parse(JSON.parse(JSON.stringify(analysis)));
    expect(parsed.workloads.find((w) => w.id === 'chat-api')?.unitCost?.figures).toHaveLength(1);
  });
});

describe('cost per unit of output beyond tokens: the finance and credibility examples', async () => {
  const finance = await analyzeBundled('finance-12-month.csv');
  const credibility = await analyzeBundled('credibility-cases.csv');

  it('image generation is priced per image: its RTX 4090 has no SDXL result, said as an image-rate gap', () => {
    const u = finance.byId.get('image-gen')!.unitCost!;
    expect([u.unit, u.per]).toEqual(['images', 1]);
    expect(finance.byId.get('image-gen')!.assumed).not.toContain('outputUnit');
    expect(u.figures).toEqual([]);
    expect(u.gaps.length).toBeGreaterThan(0);
    for (const g of u.gaps) expect(g).toMatch(/^no measured image rate for RTX4090/);
    expect(u.gaps.join(' ')).not.toMatch(/token/);
  });

  it('SDXL at the measured L40S rate and the catalog’s L40S prices is a fraction of a cent per image', () => {
    const rate = finance.inputs.unitThroughput.lookup('images', 'small', 'L40S', 'serving')!;
    expect(rate.scenario).toBe('Server');
    const prices = finance.inputs.offers.rows
      .filter((o) => o.gpu === 'L40S' && o.usdPerGpuHour !== null)
      .map((o) => o.usdPerGpuHour!);
    expect(prices.length).toBeGreaterThan(0);
    for (const p of prices) expect(usdPerUnits(p, rate.perGpuPerSecond, 1)).toBeLessThan(0.01);
  });

  it('the 70B assistant’s stated 80 B tokens a month: the true unit cost beside the capacity figure', () => {
    const w = finance.byId.get('prod-assistant-70b')!;
    const u = w.unitCost!;
    const s = u.atStatedVolume!;
    expect(s.outputPerMonth).toBe(80e9);
    expect(s.monthlyUsd).toBe(w.decision.recommendedMonthlyUsd);
    expect(s.usd).toBeCloseTo((w.decision.recommendedMonthlyUsd! / 80e9) * 1e6, 12);
    const capacity = u.figures.find((f) => f.side === w.decision.recommendation)!;
    // Redundancy, headroom and the non-GPU lines: the true cost per token is above the capacity figure. Its 2-GPU
    // replicas run on 8-GPU AWS p5.48xlarge nodes, so the spare for 99.9 % is a whole node: half the billed hours.
    expect(s.usd).toBeGreaterThan(capacity.usd);
    expect(s.capacityShare).toBeGreaterThan(0.4);
    expect(s.capacityShare).toBeLessThan(1);
  });

  it('Whisper is priced per audio hour: no measured audio rate, one gap, never a token figure', () => {
    const u = credibility.byId.get('whisper')!.unitCost!;
    expect(u.unit).toBe('audio-hours');
    expect(u.figures).toEqual([]);
    expect(u.gaps).toEqual([expect.stringMatching(/^no measured audio rate for any GPU/)]);
  });
});

describe('cost per image in the report: the benchmark precision as a reader reads it', async () => {
  const inputs = await loadInputs({});
  const imageApi = {
    id: 'image-api',
    kind: 'realtime-inference',
    modelParamsBillions: 3.5,
    precision: 'fp16',
    gpuType: 'L40S',
    gpusPerReplica: 1,
    gpuHoursPerMonth: 2190,
    peakToMeanRatio: 3,
    dataSensitivity: 'internal',
    availabilityTarget: 0.995,
    p99LatencyMs: 5000,
    usersRegion: 'US',
    interruptible: false,
    outputUnit: 'images',
  } as const;
  const v = validateWorkloadProfile(imageApi);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  const analysis = await analyzeOnBundled(inputs, [v.value]);

  it('an SDXL rate stated per component is written "unet fp8, …", never as the source’s dict', () => {
    const figures = analysis.workloads[0]!.unitCost!.figures;
    // The data keeps the source's cell; only the report rewrites it.
    expect(figures.some((f) => f.precision.startsWith('{'))).toBe(true);
    const md = renderMarkdown(analysis);
    const lines = md.split('\n').filter((l) => l.includes('per image ('));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l).not.toMatch(/[{}']/);
      expect(l).not.toContain('not recorded in files parsed');
    }
    expect(lines.join('\n')).toMatch(/unet fp8/);
  });

  it('a price below a cent per image keeps 3 significant digits (4 decimals showed "$0.00", read as a missing cost)', async () => {
    // 100 million images a month stated: the placement's monthly cost ÷ 1e8 is a fraction of a cent.
    const again = validateWorkloadProfile({ ...imageApi, outputPerMonth: 1e8 });
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    const a = await analyzeOnBundled(inputs, [again.value]);
    const stated = a.workloads[0]!.unitCost!.atStatedVolume!;
    expect(stated.usd).toBeLessThan(0.0001);
    const md = renderMarkdown(a);
    const shown = md.match(/At your stated volume: \\?\$([0-9.]+) per image/)?.[1];
    expect(shown).toBeDefined();
    expect(Number(shown)).toBeGreaterThan(0);
    expect(Number(shown) / stated.usd).toBeCloseTo(1, 2);
  });

  it('a volume above what the billed GPU-hours make at the measured rate is a risk with the GPU-hours short at the list price', async () => {
    // Sweep 5: a nightly summarizer at 140.9 % of its GPU-hours' measured capacity raised no risk.
    const again = validateWorkloadProfile({ ...imageApi, outputPerMonth: 1e8 });
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    const a = await analyzeOnBundled(inputs, [again.value]);
    const w = a.workloads[0]!;
    const stated = w.unitCost!.atStatedVolume!;
    expect(stated.capacityShare).toBeGreaterThan(1);
    const i = w.decision.riskStakes!.findIndex((x) => x.id === 'volume-above-capacity');
    expect(i).toBeGreaterThanOrEqual(0);
    const option = w.decision[stated.recommendation as 'cloud' | 'depin']!;
    const f = w.unitCost!.figures.find((x) => x.side === stated.recommendation)!;
    const short = 1e8 / (f.unitsPerGpuSecond * 3600) - option.cost.billedGpuHoursPerMonth!;
    expect(w.decision.riskStakes![i]!.usdPerMonth).toBeCloseTo(short * f.usdPerGpuHour, 2);
    expect(w.decision.risks[i]).toContain(
      "MLPerf's rate on a tuned benchmark system, a ceiling this workload will not beat",
    );
    expect(w.decision.riskStakes!.map((x) => x.id)).not.toContain('volume-below-capacity');
    expect(renderMarkdown(a)).toContain(
      'more than they can make even at that best-case rate, so the GPU-hours or the volume is misstated (see the risks)',
    );
  });
});
