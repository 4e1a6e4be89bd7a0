/**
 * Small models that name no GPU, on the bundled catalog (docs/methodology.md §2, "Reference"). Their hours are read
 * as L4-hours when one replica fits an L4 (else A100-80GB hours), and any GPU may price them: at a measured ratio
 * where one exists, else credited no speed-up. Before, a 1.55B Whisper backlog stated without a GPU was priced on
 * A100-80GB only (Spheron $493.32 a month, Azure 8 × A100 spot $640.73), a 0.35B encoder on H100s and an SDXL API
 * on A100s ($1,197.20 and $2,749.25), and an 8B chat API on A100s ($4,128.84): every option on a GPU a practitioner
 * would not rent for them. Ratios hand-computed from ../shared/reference/throughput/measured-throughput.csv and
 * datasets/gpu-tiers.csv in the comments.
 */
import type { Analysis, WorkloadAnalysis } from '@gpufit/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePortfolio } from './support/analyzePortfolio.js';

const PORTFOLIO = [
  'id,name,kind,modelParamsBillions,precision,gpuType,gpusPerReplica,nodes,interconnect,gpuHoursPerMonth,jobsPerMonth,hoursPerJob,peakToMeanRatio,dataSensitivity,availabilityTarget,p99LatencyMs,usersRegion,interruptible,checkpointable,statelessRequests,outputUnit,task',
  'transcribe,Batch transcription (Whisper large-v3 class),batch-inference,1.55,fp16,,,1,none,,30,20,1,internal,0.95,,US,true,true,true,,speech-to-text',
  'embed,Nightly embeddings (BERT-large class),batch-inference,0.35,fp16,,,1,none,,30,4,1,internal,0.95,,US,true,true,true,,embeddings-or-encoder',
  'sdxl,SDXL image generation API (stateless; p99 15 s),realtime-inference,3.5,fp16,,,1,none,1460,,,3,public,0.99,15000,US,true,false,true,,image-generation',
  'chat8b,8B chat assistant API,realtime-inference,8,bf16,,,1,none,2190,,,2.5,internal,0.999,800,US,false,false,true,,text-generation',
  'transcribe-l4,Batch transcription named on L4,batch-inference,1.55,fp16,L4,1,1,none,,30,20,1,internal,0.95,,US,true,true,true,,speech-to-text',
  'sdxl-4090,SDXL API named on RTX 4090,realtime-inference,3.5,fp16,RTX4090,1,1,none,1460,,,3,public,0.99,15000,US,true,false,true,,image-generation',
  'chat8b-l40s,8B chat API named on L40S,realtime-inference,8,bf16,L40S,1,1,none,2190,,,2.5,internal,0.999,800,US,false,false,true,,text-generation',
  'summarize13,13B batch summarization,batch-inference,13,fp16,,,1,none,800,,,1,internal,0.95,,US,true,true,true,,text-generation',
  'sweeps,Sweeps on 1.3B models,experimentation,1.3,bf16,,,1,none,1200,,,3,internal,0.9,,US,true,true,true,,',
].join('\n');

let analysis: Analysis;
beforeAll(async () => {
  ({ analysis } = await analyzePortfolio(PORTFOLIO));
}, 120_000);

const workload = (id: string): WorkloadAnalysis => analysis.workloads.find((w) => w.id === id)!;

/** GPU, offer, basis, ratio and monthly cost of one side, as pinned below. */
const side = (id: string, which: 'cloud' | 'depin') => {
  const o = workload(id).decision[which]!;
  return {
    offer: o.offer.id,
    gpu: o.offer.gpu,
    demandGpu: o.cost.throughput!.demandGpu,
    basis: o.cost.throughput!.basis,
    ratio: o.cost.throughput!.ratio,
    usdPerGpuHour: o.offer.usdPerGpuHour,
    monthlyUsd: o.cost.monthlyUsd!,
  };
};

// Whisper v5.1 Offline per GPU: H200-SXM 34,450.7 / 8 = 4,306.3375 samples/s, L4 1,397.01 / 4 = 349.2525.
const H200_PER_L4_WHISPER = 4306.3375 / 349.2525;
// gpu-tiers.csv: T4 inference 0.157, training 0.208; L4 0.147, 0.388 — the lower ratio is compute, 0.208 / 0.388.
const T4_PER_L4 = 0.208 / 0.388;
// SDXL v5.1 L40S ÷ L4: Offline 2.74285, Server 3.35059, two results: their geometric mean.
const L40S_PER_L4_SDXL = Math.sqrt(2.74285 * 3.35059);

describe('hours without a gpuType', () => {
  it('of inference that fits one L4 are read as L4-hours; larger models and training as A100-80GB hours', () => {
    for (const id of ['transcribe', 'embed', 'sdxl', 'chat8b'])
      for (const s of ['cloud', 'depin'] as const) expect(side(id, s).demandGpu).toBe('L4');
    for (const id of ['summarize13', 'sweeps'])
      for (const s of ['cloud', 'depin'] as const) expect(side(id, s).demandGpu).toBe('A100-80GB');
  });

  it('every option says which GPU the hours were read in, that it is an assumption, and on what basis it converted', () => {
    for (const w of analysis.workloads) {
      const named = !['transcribe', 'embed', 'sdxl', 'chat8b', 'summarize13', 'sweeps'].includes(w.id);
      for (const o of [w.decision.cloud, w.decision.depin]) {
        if (o === null) continue;
        const said = o.cost.assumptions.find((a) => a.startsWith('demand is'))!;
        expect(said.includes('no gpuType is named') && said.includes('a gpufit assumption')).toBe(!named);
        const t = o.cost.throughput!;
        if (t.basis === 'measured') expect(said).toContain('(measured: MLPerf');
        if (t.basis === 'unmeasured') expect(said).toContain('(unmeasured: no benchmark measures this pair');
        // no silent $0
        expect(o.cost.monthlyUsd!).toBeGreaterThan(0);
      }
    }
  });

  it('a service with a p99 budget is never moved to a GPU slower by its datasheet alone; batch work may be, charged for it', () => {
    for (const id of ['sdxl', 'chat8b'])
      for (const s of ['cloud', 'depin'] as const) {
        const o = side(id, s);
        if (o.basis === 'unmeasured') expect(o.ratio).toBe(1);
      }
    expect(side('embed', 'cloud')).toMatchObject({ gpu: 'T4', basis: 'unmeasured' });
    expect(side('embed', 'cloud').ratio).toBeCloseTo(T4_PER_L4, 12);
  });
});

describe('where the small portfolio lands (bundled catalog)', () => {
  it('Whisper 1.55B: cloud on an H200 at MLPerf whisper’s 12.33× an L4, DePIN on Vast V100s credited no speed-up', () => {
    const cloud = side('transcribe', 'cloud');
    expect(cloud).toMatchObject({ gpu: 'H200', basis: 'measured' });
    expect(cloud.offer).toBe('nebius:gpu-h200-sxm-1gpu-16vcpu-200gb:us-central1:dynamic');
    expect(cloud.ratio).toBeCloseTo(H200_PER_L4_WHISPER, 4);
    // 48.7 H200 GPU-hours of work and each of the 30 jobs' 10-minute start-up (5 GPU-hours) at $1.45
    expect(cloud.monthlyUsd).toBeCloseTo(78.64, 2);
    // the same as the workload that names the L4: reading the hours as L4-hours is what naming it does
    expect(side('transcribe-l4', 'cloud')).toEqual(cloud);
    const depin = side('transcribe', 'depin');
    expect(depin).toMatchObject({ gpu: 'V100', basis: 'unmeasured', ratio: 1 });
    expect(depin.monthlyUsd).toBeCloseTo(38.64, 2);
  });

  it('BERT-class 0.35B: a T4 spot instance on the cloud side ($15.85 a month for 120 L4-hours and 30 start-ups), V100s on DePIN', () => {
    expect(side('embed', 'cloud').offer).toBe('azure:standard-nc4as-t4-v3:australiacentral2:dynamic');
    expect(side('embed', 'cloud').monthlyUsd).toBeCloseTo(15.85, 2);
    expect(side('embed', 'depin')).toMatchObject({ gpu: 'V100', basis: 'unmeasured', ratio: 1 });
    expect(side('embed', 'depin').monthlyUsd).toBeCloseTo(8.76, 2);
  });

  it('SDXL 3.5B API: AWS L4 spot on the cloud side, Vast L40S at MLPerf SDXL’s 3.03× an L4 on DePIN', () => {
    expect(side('sdxl', 'cloud')).toMatchObject({
      gpu: 'L4',
      basis: 'same',
      offer: 'aws:g6.12xlarge:eu-south-2:dynamic',
    });
    expect(side('sdxl', 'cloud').monthlyUsd).toBeCloseTo(484.14, 2);
    const depin = side('sdxl', 'depin');
    expect(depin).toMatchObject({ gpu: 'L40S', basis: 'measured' });
    expect(depin.ratio).toBeCloseTo(L40S_PER_L4_SDXL, 4);
    expect(depin.monthlyUsd).toBeCloseTo(438, 2);
  });

  it('8B chat API (bf16): Hyperstack RTX A6000 credited no speed-up over an L4; on DePIN Nosana RTX 4090s credited as L4s, not a Turing RTX 6000', () => {
    expect(side('chat8b', 'cloud')).toMatchObject({ gpu: 'RTXA6000', basis: 'unmeasured', ratio: 1 });
    expect(side('chat8b', 'cloud').monthlyUsd).toBeCloseTo(1529.2, 2);
    // Before the precision rule: Akash 13 × RTX 6000 (Turing, no bf16), $848.15 a month.
    const depin = side('chat8b', 'depin');
    // Until 2026-12-05 Spheron's A100 PCIe at MLPerf gptj's 3.3108×, $1,102.76 a month: rated at its 99.95 % SLA
    // it needed a third of the spares a GPU cloud's A100 needs. Rated as the GPU clouds whose machines it resells
    // (0.99), Nosana's community RTX 4090s are cheaper, credited no speed-up over an L4 (no measured ratio).
    expect(depin).toMatchObject({
      gpu: 'RTX4090',
      basis: 'unmeasured',
      ratio: 1,
      offer: 'nosana:nvidia-4090-community-market-community:global:standard',
    });
    expect(depin.monthlyUsd).toBeCloseTo(1197.49, 2);
  });

  it('workloads that name their GPU are priced as before', () => {
    expect(side('sdxl-4090', 'depin')).toMatchObject({ gpu: 'RTX4090', basis: 'same' });
    expect(side('sdxl-4090', 'depin').monthlyUsd).toBeCloseTo(701.1, 2);
    expect(side('chat8b-l40s', 'cloud')).toMatchObject({ gpu: 'L40S', basis: 'same' });
    expect(side('chat8b-l40s', 'cloud').monthlyUsd).toBeCloseTo(2691.39, 2);
  });

  it('A100-80GB hours: a 13B batch on an H100 at the measured 2.45×; 1.3B bf16 sweeps on an A100 PCIe and RTX 5090s, not V100s', () => {
    expect(side('summarize13', 'cloud')).toMatchObject({ gpu: 'H100', basis: 'measured', ratio: 2.44797 });
    // Before the precision rule: AWS 4 × 4 V100 spot on the cloud side, Vast 2 × 8 V100 at $234.57 on DePIN
    // (V100 charged its 0.401× datasheet slow-down); Volta has no bf16.
    expect(side('sweeps', 'cloud')).toMatchObject({
      gpu: 'A100-80GB-PCIe',
      basis: 'unmeasured',
      ratio: 0.949,
    });
    expect(side('sweeps', 'cloud').offer).toBe('azure:standard-nc48ads-a100-v4:eastus:dynamic');
    // The sweeps state no trainingMethod: experimentation trains fully when the full run fits one 80 GB GPU
    // (defaultTrainingMethod): 1.3B × 16 bytes = 19.4 GiB. Priced on RTX 5090s (Blackwell: bf16) at their gpu-tiers.csv
    // datasheet slow-down of 0.671 against the A100-80GB. Assumed LoRA (2.6 GiB) until 2026-12-05, it had landed on a
    // 10 GB RTX 3080 at 0.191, $370.75.
    expect(side('sweeps', 'depin')).toMatchObject({ gpu: 'RTX5090', basis: 'unmeasured', ratio: 0.671 });
    expect(side('sweeps', 'depin').offer).toBe('vast:2x-rtx-5090-32-65536:texas-us-na:dynamic');
    expect(side('sweeps', 'depin').monthlyUsd).toBeCloseTo(663.05, 2);
    expect(JSON.stringify(workload('sweeps'))).toContain(
      '1.3B parameters at bf16, trained fully (assumed: a sweep whose full run fits one 80 GB GPU trains every weight; set trainingMethod to lora if it trains adapters), hold about 19.4 GiB',
    );
  });
});

describe('precision: no bf16 workload lands on a GPU without bf16', () => {
  it('every bf16 option is on Ampere or later; fp16 work may still use Volta and Turing', async () => {
    const { loadGpuTiers } = await import('../src/data/loadReferenceData.js');
    const generation = new Map((await loadGpuTiers()).map((t) => [t.gpu, t.generation]));
    const noBf16 = new Set(['Kepler', 'Maxwell', 'Pascal', 'Volta', 'Turing', 'Vega']);
    let bf16Options = 0;
    for (const w of analysis.workloads) {
      const bf16 = PORTFOLIO.split('\n').some(
        (line) => line.startsWith(`${w.id},`) && line.includes(',bf16,'),
      );
      for (const o of [w.decision.cloud, w.decision.depin]) {
        if (o === null || !bf16) continue;
        bf16Options++;
        expect(noBf16.has(generation.get(o.offer.gpu)!), `${w.id} on ${o.offer.gpu}`).toBe(false);
      }
    }
    expect(bf16Options).toBe(6);
    // fp16 Whisper still runs on Vast V100s (Volta has fp16)
    expect(side('transcribe', 'depin').gpu).toBe('V100');
  });
});
