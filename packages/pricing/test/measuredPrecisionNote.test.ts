/**
 * A measured ratio applied to work at another precision than it was measured at is priced and labelled
 * (`measuredPrecisionNote`, `throughputConversion`). Figures: Lambda's vLLM benchmark of
 * Llama-3.1-70B-Instruct-FP8 (LambdaLabsML/vllm-benchmark@0e8fc5d0 benchmark_v0.md, via the reference's
 * measured-throughput.csv): 8 × A100-SXM-80GB 1162.78 and 8 × H100-SXM 2572.8 output tokens/s, A100 = 0.452 × H100,
 * the A100 running the fp8 checkpoint weight-only (no fp8 Tensor Cores). MLPerf Training v5.1 llama31_8b at 64 and 128
 * GPUs: B200 = 2.69 × H100, H100 trained at fp8 (Cisco's config_common.sh, FP8=True), B200's format not recorded —
 * as the committed file had it until 2026-12-05, when the University of Florida B200's format was read as fp8 too
 * (datasets/README.md); the cell here stays a vector of the `unknown (…)` form.
 */
import { PRECISION_BYTES, PRECISIONS, type Precision } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  measuredPrecisionNote,
  type ThroughputRatioRow,
  throughputConversion,
  throughputRatioTable,
} from '../src/index.js';
import { TEST_TIERS as tiers } from './support/tiers.js';

// The test tiers carry no generation; the generations are gpu-tiers.csv's (what precisionSupport reads).
const A100 = { ...tiers.get('A100-80GB')!, generation: 'Ampere' };
const H100 = { ...tiers.get('H100')!, generation: 'Hopper' };
const L40S = { ...tiers.get('L40S')!, generation: 'Ada Lovelace' };
const RTX4090 = { ...tiers.get('RTX4090')!, generation: 'Ada Lovelace' };
const B200 = { gpu: 'B200', generation: 'Blackwell' };
const A100_VS_H100 = 1162.78 / 8 / (2572.8 / 8);

const LAMBDA_70B: ThroughputRatioRow = {
  throughputClass: 'inference',
  modelSizeBand: 'medium',
  gpuA: 'A100-80GB',
  gpuB: 'H100',
  ratio: 1 / A100_VS_H100,
  min: 1 / A100_VS_H100,
  max: 1 / A100_VS_H100,
  results: 1,
  source: 'non-MLPerf: Lambda vLLM benchmark: lambda-vllm-Meta-Llama-3.1-70B-Instruct-FP8',
  notes: '',
  measuredPrecision: 'fp8',
};

const convert = (row: ThroughputRatioRow, precision: Precision) =>
  throughputConversion({
    policy: 'measured',
    throughputClass: 'inference',
    modelParamsBillions: 70,
    precision,
    task: null,
    demandTier: H100,
    named: true,
    offerTier: A100,
    ratios: throughputRatioTable([row]),
  });

describe('measuredPrecisionNote: test vectors', () => {
  it('Lambda 70B at fp8 applied to bf16 work on A100: priced at 0.452×, the note says A100’s cost is likely high', () => {
    const note = measuredPrecisionNote({
      measuredPrecision: 'fp8',
      work: 'bf16',
      demandTier: H100,
      offerTier: A100,
      ratio: A100_VS_H100,
    });
    expect(A100_VS_H100).toBeCloseTo(0.452, 3);
    expect(note).toContain("(A100-80GB = 0.452× H100) was measured at fp8, narrower than this work's bf16");
    expect(note).toContain('A100-80GB runs fp8 weight-only, computing at 16 bits; H100 computes at fp8');
    expect(note).toContain('GPU-hours here are likely overstated and its cost likely high');
  });

  it('the same pair the other way (H100 priced for A100-hours of bf16 work): H100’s cost is likely low', () => {
    const note = measuredPrecisionNote({
      measuredPrecision: 'fp8',
      work: 'bf16',
      demandTier: A100,
      offerTier: H100,
      ratio: 1 / A100_VS_H100,
    });
    expect(note).toContain('likely overstates H100');
    expect(note).toContain('its cost likely low');
  });

  it('fp8 work on the fp8 measurement: no note (fp16 work on a bf16 measurement: same width, no note)', () => {
    const at = (measuredPrecision: string, work: Precision) =>
      measuredPrecisionNote({ measuredPrecision, work, demandTier: H100, offerTier: A100, ratio: 0.452 });
    expect(at('fp8', 'fp8')).toBeNull();
    expect(at('bf16', 'fp16')).toBeNull();
    expect(at('fp16/bf16', 'bf16')).toBeNull();
  });

  it('two GPUs that both compute at fp8 (H100, L40S): the direction is not known', () => {
    const note = measuredPrecisionNote({
      measuredPrecision: 'fp8',
      work: 'bf16',
      demandTier: L40S,
      offerTier: H100,
      ratio: 3.09,
    });
    expect(note).toContain("the error's direction is not known");
  });

  it('MLPerf Training B200/H100, B200’s format unrecorded: no note on the estimate (the report says it once)', () => {
    const note = measuredPrecisionNote({
      measuredPrecision: 'unknown (B200 not recorded; H100 fp8)',
      work: 'bf16',
      demandTier: H100,
      offerTier: B200,
      ratio: 2.69,
    });
    expect(note).toBeNull();
  });
});

describe('throughputConversion carries the note with the measured ratio', () => {
  it('bf16 work: still priced at the measured 0.452×, with the note; fp8 work: the same ratio, no note', () => {
    const bf16 = convert(LAMBDA_70B, 'bf16');
    expect(bf16.ok && bf16.value.ratio).toBeCloseTo(0.452, 3);
    expect(bf16.ok && bf16.value.precisionNote).toMatch(/likely overstated and its cost likely high/);
    const fp8 = convert(LAMBDA_70B, 'fp8');
    expect(fp8.ok && fp8.value.ratio).toBeCloseTo(0.452, 3);
    expect(fp8.ok && 'precisionNote' in fp8.value).toBe(false);
  });

  it('a row without measuredPrecision (a file older than the column) gives no note and no format', () => {
    const { measuredPrecision: _, ...old } = LAMBDA_70B;
    const r = convert(old, 'bf16');
    expect(r.ok && 'precisionNote' in r.value).toBe(false);
    expect(r.ok && 'measuredFormat' in r.value).toBe(false);
  });

  it('the estimate carries the measured format as a fact: one known format, or what the source records', () => {
    const fp8 = convert(LAMBDA_70B, 'bf16');
    expect(fp8.ok && fp8.value.measuredFormat).toEqual({ kind: 'one', recorded: 'fp8', work: 'bf16' });
    const training = convert(
      { ...LAMBDA_70B, measuredPrecision: 'unknown (A100-80GB not recorded; H100 fp8)' },
      'bf16',
    );
    expect(training.ok && training.value.measuredFormat).toEqual({
      kind: 'part',
      recorded: 'A100-80GB not recorded; H100 fp8',
      work: 'bf16',
    });
    // The caveat is no longer repeated on the estimate.
    expect(training.ok && 'precisionNote' in training.value).toBe(false);
  });
});

describe('measuredPrecisionNote: properties', () => {
  const formats = fc.constantFrom(...PRECISIONS);
  const gpus = fc.constantFrom(A100, H100, L40S, RTX4090, B200);

  it('null exactly when the measured format has the work’s width; otherwise it says the work’s precision', () => {
    fc.assert(
      fc.property(formats, formats, gpus, gpus, (m, w, d, o) => {
        const note = measuredPrecisionNote({
          measuredPrecision: m,
          work: w,
          demandTier: d,
          offerTier: o,
          ratio: 2,
        });
        if (PRECISION_BYTES[m] === PRECISION_BYTES[w]) expect(note).toBeNull();
        else {
          expect(note).not.toBeNull();
          expect(note).toContain(w);
          expect(note).toContain('It is still priced');
        }
      }),
    );
  });

  it('swapping the two GPUs never leaves both “likely high” (the direction flips or stays unknown)', () => {
    fc.assert(
      fc.property(formats, formats, gpus, gpus, (m, w, d, o) => {
        const there = measuredPrecisionNote({
          measuredPrecision: m,
          work: w,
          demandTier: d,
          offerTier: o,
          ratio: 2,
        });
        const back = measuredPrecisionNote({
          measuredPrecision: m,
          work: w,
          demandTier: o,
          offerTier: d,
          ratio: 0.5,
        });
        const high = (s: string | null) => s?.includes('cost likely high') ?? false;
        const low = (s: string | null) => s?.includes('cost likely low') ?? false;
        if (d.gpu === o.gpu) return;
        expect(high(there)).toBe(low(back));
        expect(low(there)).toBe(high(back));
      }),
    );
  });

  it('a format the source does not record (in full), or pooled, never gives a note, whatever the work', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'unknown (A not recorded; B not recorded)',
          'unknown (A fp8; B not recorded)',
          'mixed (A fp16/fp8; B fp16/fp8)',
        ),
        formats,
        gpus,
        gpus,
        (m, w, d, o) => {
          expect(
            measuredPrecisionNote({ measuredPrecision: m, work: w, demandTier: d, offerTier: o, ratio: 1.5 }),
          ).toBeNull();
        },
      ),
    );
  });
});
