/**
 * `trainingMethod` end to end: a full fine-tune of an 8B model holds weights, gradients and Adam state (8e9 × 16 B =
 * 119 GiB), so it is never placed on one 24 GB card; a LoRA fine-tune of the same model holds the frozen bf16 weights
 * plus 1 % adapters with their state (8e9 × 2.16 B = 16.1 GiB) and runs on one. Both name the RTX 4090 with
 * gpuPolicy exact, so only RTX 4090 offers price them.
 */
import { Readable } from 'node:stream';
import type { Analysis } from '@gpufit/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkloadsCsv } from '../src/io/loadWorkloads.js';
import { analyzePortfolio } from './support/analyzePortfolio.js';

const HEAD =
  'id,name,kind,modelParamsBillions,precision,gpuType,jobsPerMonth,hoursPerJob,dataSensitivity,interruptible,checkpointable,gpuPolicy,trainingMethod';
const PORTFOLIO = [
  HEAD,
  'ft-full,Full fine-tune of an 8B model,fine-tuning,8,bf16,RTX4090,40,8,internal,true,true,exact,full',
  'ft-lora,LoRA fine-tune of an 8B model,fine-tuning,8,bf16,RTX4090,40,8,internal,true,true,exact,lora',
  'ft-said,Fine-tune of an 8B model (method not said),fine-tuning,8,bf16,RTX4090,40,8,internal,true,true,exact,',
].join('\n');

let analysis: Analysis;

beforeAll(async () => {
  ({ analysis } = await analyzePortfolio(PORTFOLIO));
}, 120_000);

const workload = (id: string) => analysis.workloads.find((w) => w.id === id)!;
const options = (id: string) => {
  const d = workload(id).decision;
  return [d.cloud, d.depin].filter((o) => o !== null);
};
const modelSize = (id: string) => workload(id).fit.reasons.find((r) => r.factor === 'model-size')!.sentence;

describe('an 8B fine-tune on RTX 4090s (24 GB)', () => {
  it('trained fully, is never placed on one card: every option holds ⌈119.2 / (24 − 1.31)⌉ = 6 of them a replica', () => {
    // 119.2 GiB of weights, gradients and Adam state over 24 GiB cards less the CUDA kernels' 1.31 GiB each
    // (assumptions.ts TRAINING_KERNEL_RESERVE_GIB): 5 cards had left 0.7 % for kernels and activations.
    const os = options('ft-full');
    expect(os.length).toBeGreaterThan(0);
    for (const o of os) {
      expect(o.offer.gpu).toBe('RTX4090');
      expect(o.cost.gpusPerReplica).toBe(6);
    }
    // A one-GPU RTX 4090 listing cannot hold it.
    expect(workload('ft-full').decision.unavailable?.cloud ?? '').toMatch(
      /cannot hold a replica \(the model, or its stated GPUs\) on one instance/,
    );
    expect(modelSize('ft-full')).toMatch(
      /^8B parameters at bf16, trained fully, hold about 119 GiB \(weights, gradients and Adam state, 16 bytes a parameter\): more than one 80 GB GPU per replica/,
    );
  });

  it('with LoRA, runs on one card a replica, and its DePIN fit is higher than the full run’s', () => {
    const os = options('ft-lora');
    expect(os.length).toBeGreaterThan(0);
    for (const o of os) expect(o.cost.gpusPerReplica).toBe(1);
    expect(modelSize('ft-lora')).toMatch(/hold about 16\.1 GiB .*: one 24 GB consumer card holds them/);
    expect(workload('ft-lora').fit.depin.score).toBeGreaterThan(workload('ft-full').fit.depin.score);
    const full = workload('ft-full').decision.depin!.cost.monthlyUsd!;
    expect(workload('ft-lora').decision.depin!.cost.monthlyUsd!).toBeLessThan(full);
  });

  it('left empty, is priced as LoRA and says that it was assumed, with a full run’s footprint', () => {
    expect(workload('ft-said').assumed).toContain('trainingMethod');
    expect(modelSize('ft-said')).toMatch(
      /fine-tuned with LoRA \(assumed: default for this kind; a full fine-tune would hold about 119 GiB: set trainingMethod to full if every weight trains\)/,
    );
    for (const o of options('ft-said')) expect(o.cost.gpusPerReplica).toBe(1);
  });
});

describe('a bad trainingMethod cell', () => {
  it('is refused with file, row, column and the words it takes; an inference row may not state one', async () => {
    const text = [
      'id,kind,gpuHoursPerMonth,trainingMethod',
      'ok,fine-tuning,100,qlora',
      'typo,fine-tuning,100,peft',
      'serving,realtime-inference,730,lora',
    ].join('\n');
    const r = await loadWorkloadsCsv(Readable.from([text]), { fileName: 'methods.csv' });
    expect(r.rows.map((w) => [w.id, w.trainingMethod])).toEqual([['ok', 'qlora']]);
    expect(r.rejected.map((x) => [x.file, x.row, x.column])).toEqual([
      ['methods.csv', 3, 'trainingMethod'],
      ['methods.csv', 4, 'trainingMethod'],
    ]);
    expect(r.rejected[0]!.reason).toMatch(/trainingMethod.*full.*lora.*qlora/);
    expect(r.rejected[1]!.reason).toMatch(/a realtime-inference workload trains nothing: leave it empty/);
  });
});
