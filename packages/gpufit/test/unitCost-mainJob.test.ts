/** The README main job (bundled workloads and catalog): cost per unit of output for its inference workloads. */
import { analyze } from '@gpufit/analysis';
import { usdPerUnits } from '@gpufit/pricing';
import { analysisResultSchema } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../src/cli/inputs.js';

describe('cost per unit of output, main job', async () => {
  const inputs = await loadInputs({});
  const analysis = await analyze({
    workloads: inputs.workloads.rows,
    offers: inputs.offers.rows,
    tiers: inputs.tiers,
    ratios: inputs.throughputRatios,
    unitThroughput: inputs.unitThroughput,
    scenario: inputs.scenario,
    monteCarlo: false,
  });
  const byId = new Map(analysis.workloads.map((w) => [w.id, w]));

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

  it('a sub-1B batch job has no measured token rate: gaps are stated, no figure (not $0)', () => {
    const w = byId.get('nightly-embeddings')!;
    expect(w.unitCost?.figures).toEqual([]);
    expect(w.unitCost?.gaps.length).toBeGreaterThan(0);
    expect(w.unitCost?.gaps[0]).toMatch(/no measured token rate for .* tiny model/);
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
