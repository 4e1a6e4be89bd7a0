import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Precision } from '@gpufit/schema';
import { PRECISIONS } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costFloor } from '../src/estimate/costFloor.js';
import { gpuFeasible } from '../src/feasibility/feasibility.js';
import type { GpuTier } from '../src/index.js';
import {
  estimateCost,
  feasibility,
  GPU_GENERATIONS,
  gpuTierTable,
  NVIDIA_GENERATIONS,
  PRECISION_SUPPORT,
  precisionSupport,
} from '../src/index.js';
import { offer, profile } from './support/builders.js';
import { TEST_TIER_ROWS } from './support/tiers.js';

const runs = (generation: string, precision: Precision) =>
  precisionSupport({ gpu: 'x', generation }, precision).runs;

describe('precisionSupport: vectors from the sources', () => {
  // vLLM "Supported Hardware" (quantization kernels), NVIDIA A100 / H100 / Ada whitepapers, AMD ROCm MI300 docs,
  // Intel Gaudi docs (packages/pricing/src/tiers/precisionSupport.data.ts).
  it.each<[string, Precision, boolean]>([
    ['Volta', 'bf16', false], // A100 whitepaper: BF16 new with Ampere
    ['Volta', 'tf32', false], // A100 whitepaper: TF32 new with Ampere
    ['Volta', 'fp16', true], // V100 Tensor Cores: FP16
    ['Volta', 'int4', true], // vLLM: GPTQ on Volta
    ['Volta', 'fp8', false], // vLLM: no FP8 W8A8, no Marlin on Volta
    ['Turing', 'bf16', false],
    ['Turing', 'int8', true], // vLLM: INT8 W8A8 from Turing
    ['Turing', 'fp8', false], // vLLM: no Marlin FP8 on Turing
    ['Ampere', 'bf16', true],
    ['Ampere', 'tf32', true],
    ['Ampere', 'fp8', true], // vLLM: Marlin FP8 weight-only, SM 8.0+
    ['Ada Lovelace', 'fp8', true], // vLLM: FP8 W8A8 on Ada
    ['Hopper', 'fp8', true], // Transformer Engine
    ['Blackwell', 'fp8', true],
    ['Blackwell Ultra', 'bf16', true],
    ['CDNA 3', 'fp8', true], // ROCm MI300: FP8 Matrix Cores; vLLM FP8 W8A8 on AMD GPUs
    ['CDNA 3', 'bf16', true],
    ['Gaudi 2', 'bf16', true], // every Gaudi runs bf16 natively
    ['Gaudi 2', 'fp8', true], // FP8 training and inference on Gaudi 2
    ['Vega', 'bf16', false], // BF16 Matrix Cores came with CDNA
    ['Pascal', 'bf16', false],
    ['Kepler', 'fp16', false], // CUDA: half arithmetic needs compute capability 5.3
    ['Maxwell', 'fp16', false],
  ])('%s runs %s: %s', (generation, precision, expected) => {
    expect(runs(generation, precision)).toBe(expected);
  });

  it('fp8 runs weight-only on Ampere and natively from Ada Lovelace on', () => {
    expect(precisionSupport({ gpu: 'A100-80GB', generation: 'Ampere' }, 'fp8')).toEqual({
      runs: true,
      weightOnly: true,
    });
    expect(precisionSupport({ gpu: 'L40S', generation: 'Ada Lovelace' }, 'fp8')).toEqual({
      runs: true,
      weightOnly: false,
    });
  });

  it('says what to do', () => {
    const v100 = precisionSupport({ gpu: 'V100', generation: 'Volta' }, 'bf16');
    expect(v100).toEqual({
      runs: false,
      reason:
        'V100 (Volta) has no bf16: bf16 needs Ampere or later; state fp16 to allow it, if the model runs at fp16',
    });
    const t4 = precisionSupport({ gpu: 'T4', generation: 'Turing' }, 'fp8');
    expect(t4.runs ? '' : t4.reason).toBe(
      'T4 (Turing) has no fp8: fp8 needs Ampere or later (weight-only on Ampere, native from Ada Lovelace); state int8 to allow it, if the model runs at int8',
    );
    const k80 = precisionSupport({ gpu: 'K80', generation: 'Kepler' }, 'bf16');
    expect(k80.runs ? '' : k80.reason).toBe(
      'K80 (Kepler) has no bf16: bf16 needs Ampere or later; name a GPU that runs bf16, or state a precision K80 runs (fp32)',
    );
    const mi25 = precisionSupport({ gpu: 'MI25', generation: 'Vega' }, 'bf16');
    expect(mi25.runs ? '' : mi25.reason).toBe(
      'MI25 (Vega) has no bf16: Vega runs fp32, fp16; state fp16 to allow it, if the model runs at fp16',
    );
  });

  it('a generation it has no entry for is not judged here (the tier loader refuses it)', () => {
    expect(precisionSupport({ gpu: 'X', generation: '' }, 'bf16')).toEqual({ runs: true, weightOnly: false });
  });
});

describe('precisionSupport: what must always hold', () => {
  const generation = fc.constantFrom(...GPU_GENERATIONS);
  const precision = fc.constantFrom(...PRECISIONS);

  it('a generation that runs bf16 runs fp16 and int8; every generation runs fp32', () => {
    fc.assert(
      fc.property(generation, (g) => {
        expect(runs(g, 'fp32')).toBe(true);
        if (runs(g, 'bf16')) {
          expect(runs(g, 'fp16')).toBe(true);
          expect(runs(g, 'int8')).toBe(true);
        }
        if (runs(g, 'tf32')) expect(runs(g, 'bf16')).toBe(true);
      }),
    );
  });

  it('along the NVIDIA line a precision, once run, is run by every later generation', () => {
    const line = NVIDIA_GENERATIONS;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: line.length - 2 }), precision, (i, p) => {
        if (runs(line[i]!, p)) expect(runs(line[i + 1]!, p)).toBe(true);
      }),
    );
  });

  it('weight-only precisions are among those run, every entry carries its source, and a refusal says why', () => {
    fc.assert(
      fc.property(generation, precision, (g, p) => {
        const entry = PRECISION_SUPPORT[g]!;
        for (const w of entry.weightOnly) expect(entry.runs).toContain(w);
        expect(entry.source.length).toBeGreaterThan(0);
        const v = precisionSupport({ gpu: 'G', generation: g }, p);
        if (!v.runs) expect(v.reason).toMatch(new RegExp(`^G \\(${g}\\) has no ${p}`));
      }),
    );
  });

  it('every generation in datasets/gpu-tiers.csv has an entry (a new generation without one fails here)', () => {
    const csv = readFileSync(
      fileURLToPath(new URL('../../../datasets/gpu-tiers.csv', import.meta.url)),
      'utf8',
    );
    const [header, ...lines] = csv.trim().split('\n');
    const col = header!.split(',').indexOf('generation');
    expect(col).toBeGreaterThan(0);
    // The columns before `generation` (gpu, vendor) hold no commas or quotes.
    const generations = new Set(lines.map((l) => l.split(',')[col]!));
    expect(generations.size).toBeGreaterThan(10);
    for (const g of generations) expect(GPU_GENERATIONS, `generation ${g}`).toContain(g);
  });
});

describe('feasibility: a GPU that cannot run the precision is refused', () => {
  const tier = (gpu: string, generation: string, memoryGiB: number): GpuTier => ({
    ...TEST_TIER_ROWS[0]!,
    gpu,
    generation,
    memoryGiB,
  });
  const tiers = gpuTierTable([
    tier('A100-80GB', 'Ampere', 80),
    tier('V100', 'Volta', 16),
    tier('T4', 'Turing', 16),
  ]);
  const options = { tiers };
  const chatInput = (precision: Precision) =>
    ({
      id: 'chat',
      kind: 'batch-inference',
      modelParamsBillions: 1,
      precision,
      gpuHoursPerMonth: 100,
      gpuPolicy: 'any',
    }) as const;
  const chat = (precision: Precision) => profile(chatInput(precision));
  const on = (gpu: string, memory: number) => offer({ gpu, gpuMemoryGiB: memory, gpusPerInstance: 1 });

  it('bf16 on a V100: refused with the reason, under every GPU policy and in verdicts', () => {
    const f = feasibility(chat('bf16'), on('V100', 16), options);
    expect(f.feasible).toBe(false);
    expect(f.rejections).toEqual([
      {
        code: 'precision',
        message:
          'V100 (Volta) has no bf16: bf16 needs Ampere or later; state fp16 to allow it, if the model runs at fp16',
      },
    ]);
    expect(estimateCost(chat('bf16'), on('V100', 16), options).feasible).toBe(false);
    expect(gpuFeasible(chat('bf16'), 'V100', options)).toBe(false);
    expect(costFloor(chat('bf16'), on('V100', 16), options)).toBeNull();
    // Named on the V100 itself: still refused (the demand's own GPU cannot run it).
    const named = profile({ ...chatInput('bf16'), gpuType: 'V100', gpuPolicy: 'exact' });
    expect(feasibility(named, on('V100', 16), options).rejections.map((r) => r.code)).toEqual(['precision']);
  });

  it('a precision filled by the kind’s default says so', () => {
    const sweeps = profile({
      id: 's',
      kind: 'experimentation',
      modelParamsBillions: 1,
      gpuHoursPerMonth: 100,
      // Stated, so that only the precision refuses the 16 GB V100 (trained fully, 1B holds 14.9 GiB: two of them).
      trainingMethod: 'lora',
    });
    expect(sweeps.precision).toBe('bf16');
    expect(feasibility(sweeps, on('V100', 16), options).rejections).toEqual([
      {
        code: 'precision',
        message:
          'V100 (Volta) has no bf16: bf16 needs Ampere or later; state fp16 to allow it, if the model runs at fp16 (bf16 is assumed: the default for experimentation; the workload states no precision)',
      },
    ]);
  });

  it('fp16 on a V100: priced', () => {
    expect(feasibility(chat('fp16'), on('V100', 16), options).feasible).toBe(true);
    expect(gpuFeasible(chat('fp16'), 'V100', options)).toBe(true);
    expect(costFloor(chat('fp16'), on('V100', 16), options)).not.toBeNull();
  });

  it('fp8 on an A100: priced, weight-only, and the estimate says so', () => {
    expect(feasibility(chat('fp8'), on('A100-80GB', 80), options).feasible).toBe(true);
    const e = estimateCost(chat('fp8'), on('A100-80GB', 80), options);
    expect(e.feasible).toBe(true);
    expect(
      e.assumptions.some((a) => a.startsWith('precision: A100-80GB (Ampere) runs fp8 weight-only')),
    ).toBe(true);
  });

  it('fp8 on a T4: refused', () => {
    const f = feasibility(chat('fp8'), on('T4', 16), options);
    expect(f.rejections.map((r) => r.code)).toEqual(['precision']);
    expect(f.rejections[0]!.message).toContain('T4 (Turing) has no fp8');
    expect(costFloor(chat('fp8'), on('T4', 16), options)).toBeNull();
  });

  it('the verdict, the GPU check and the floor agree with the full feasibility on every GPU and precision', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['A100-80GB', 80] as const, ['V100', 16] as const, ['T4', 16] as const),
        fc.constantFrom(...PRECISIONS),
        ([gpu, memory], p) => {
          const full = feasibility(chat(p), on(gpu, memory), options).feasible;
          expect(feasibility(chat(p), on(gpu, memory), { ...options, verdictOnly: true }).feasible).toBe(
            full,
          );
          expect(gpuFeasible(chat(p), gpu, options)).toBe(full);
          expect(costFloor(chat(p), on(gpu, memory), options) !== null).toBe(full);
        },
      ),
    );
  });
});
