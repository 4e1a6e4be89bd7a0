import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ThroughputRatioRow, throughputRatioTable } from '../src/index.js';
import { LLAMA_405B_FP4_VS_FP8 } from './support/ratios.js';

/**
 * Rows shaped like datasets/throughput-ratios.csv. Figures: MLPerf Inference v5.1 whisper Offline, samples/s per
 * GPU (reference README): B200 5666.675, H200-SXM 4306.3375, L4 349.2525.
 */
const WHISPER =
  'MLPerf Inference v5.1: whisper Offline (github.com/mlcommons/inference_results_v5.1@965182b)';
const ROWS: readonly ThroughputRatioRow[] = [
  {
    throughputClass: 'inference',
    modelSizeBand: 'small',
    gpuA: 'B200',
    gpuB: 'L4',
    ratio: 349.2525 / 5666.675,
    min: 349.2525 / 5666.675,
    max: 349.2525 / 5666.675,
    results: 1,
    source: WHISPER,
    notes: 'source classes: speech-to-text',
  },
  {
    throughputClass: 'inference',
    modelSizeBand: 'small',
    gpuA: 'H200',
    gpuB: 'L4',
    ratio: 0.096,
    min: 0.081,
    max: 0.105,
    results: 3,
    source: WHISPER,
    notes: '',
  },
];
const table = throughputRatioTable(ROWS);

describe('throughputRatioTable: lookup(class, band, fromGpu, toGpu)', () => {
  it('answers the stored direction with the row: one B200-hour does 16.2 L4-hours of whisper work', () => {
    const r = table.lookup('inference', 'small', 'L4', 'B200');
    expect(r?.ratio).toBeCloseTo(5666.675 / 349.2525, 12);
    expect(r).toMatchObject({ results: 1, source: WHISPER });
    expect(table.lookup('inference', 'small', 'B200', 'L4')?.ratio).toBe(ROWS[0]!.ratio);
  });

  it('inverts the other direction: ratio 1/r, bounds swapped and inverted', () => {
    expect(table.lookup('inference', 'small', 'H200', 'L4')).toMatchObject({
      ratio: 0.096,
      min: 0.081,
      max: 0.105,
    });
    const back = table.lookup('inference', 'small', 'L4', 'H200')!;
    expect(back.ratio).toBe(1 / 0.096);
    expect(back.min).toBe(1 / 0.105);
    expect(back.max).toBe(1 / 0.081);
    expect(back.results).toBe(3);
  });

  it('lookup(A, B) × lookup(B, A) = 1', () => {
    for (const [a, b] of [
      ['B200', 'L4'],
      ['H200', 'L4'],
    ] as const) {
      const there = table.lookup('inference', 'small', a, b)!.ratio;
      const back = table.lookup('inference', 'small', b, a)!.ratio;
      expect(there * back).toBeCloseTo(1, 12);
    }
  });

  it('a GPU against itself is 1 with source "same GPU", whatever the class, band or spelling', () => {
    const same = { ratio: 1, min: 1, max: 1, source: 'same GPU', results: 0 };
    expect(table.lookup('inference', 'small', 'L4', 'L4')).toMatchObject(same);
    expect(table.lookup('training', 'large', 'T4', ' t4 ')).toMatchObject(same);
  });

  it('reads tier ids case-insensitively, like the tier table', () => {
    expect(table.lookup('inference', 'small', 'l4', 'b200')?.ratio).toBeCloseTo(5666.675 / 349.2525, 12);
  });

  it('has no answer for a pair, band or class nobody measured (never a datasheet guess)', () => {
    expect(table.lookup('inference', 'small', 'A10G', 'L4')).toBeUndefined();
    expect(table.lookup('inference', 'medium', 'B200', 'L4')).toBeUndefined();
    expect(table.lookup('training', 'small', 'B200', 'L4')).toBeUndefined();
    expect(table.lookup('inference', 'small', 'B200', 'H200')).toBeUndefined();
  });

  it('counts its rows and leaves them unchanged', () => {
    const copy = structuredClone(ROWS);
    expect(throughputRatioTable(ROWS).size).toBe(2);
    expect(ROWS).toEqual(copy);
  });
});

describe('throughputRatioTable validates its rows', () => {
  const row = ROWS[1]!;
  it.each([
    ['ratio NaN', { ratio: Number.NaN }],
    ['ratio 0', { ratio: 0, min: 0 }],
    ['ratio Infinity', { ratio: Number.POSITIVE_INFINITY, max: Number.POSITIVE_INFINITY }],
    ['ratio below min', { ratio: 0.08 }],
    ['ratio above max', { ratio: 0.11 }],
    ['empty source', { source: '  ' }],
    ['no results', { results: 0 }],
    ['a GPU against itself', { gpuB: 'h200' }],
    ['an unknown class', { throughputClass: 'rendering' as never }],
    ['an unknown band', { modelSizeBand: 'huge' as never }],
  ])('refuses %s', (_, change) => {
    expect(() => throughputRatioTable([{ ...row, ...change }])).toThrow(/throughput ratio needs/);
  });

  it('refuses a pair listed twice, in either direction or spelling', () => {
    expect(() => throughputRatioTable([row, { ...row, gpuA: 'h200' }])).toThrow(/twice/);
    expect(() => throughputRatioTable([row, { ...row, gpuA: 'L4', gpuB: 'H200' }])).toThrow(/twice/);
    expect(() => throughputRatioTable([row, { ...row, modelSizeBand: 'tiny' }])).not.toThrow();
  });
});

describe('throughputRatioTable: ratios measured at two precisions', () => {
  const gap = LLAMA_405B_FP4_VS_FP8;
  const t = throughputRatioTable([gap]);

  it('holds for work at or below the lower precision (int4 = 4 bits): B200 does 4.24 H100-hours an hour', () => {
    const r = t.lookup('inference', 'large', 'H100', 'B200', 4)!;
    expect(r.ratio).toBeCloseTo(207.5888 / 48.9457, 12);
    expect(r.precision).toEqual({ from: 'fp8', to: 'fp4', maxBits: 4 });
  });

  it('does not hold for fp8 or wider work, nor for a caller that states no precision', () => {
    expect(t.lookup('inference', 'large', 'H100', 'B200', 8)).toBeUndefined();
    expect(t.lookup('inference', 'large', 'H100', 'B200', 16)).toBeUndefined();
    expect(t.lookup('inference', 'large', 'H100', 'B200')).toBeUndefined();
    expect(t.precisionGaps('inference', 'large', 'H100', 'B200').map((g) => g.precision)).toEqual([
      { from: 'fp8', to: 'fp4', maxBits: 4 },
    ]);
    expect(t.precisionGaps('inference', 'large', 'H100', 'L4')).toEqual([]);
  });

  it('a like-for-like ratio of the same pair wins at every precision', () => {
    const like = { ...gap, ratio: 0.5, min: 0.5, max: 0.5, precisionA: '', precisionB: '' };
    const both = throughputRatioTable([gap, like]);
    for (const bits of [4, 8, 16, undefined]) {
      expect(both.lookup('inference', 'large', 'H100', 'B200', bits)?.ratio).toBe(2);
    }
  });

  it('refuses a gap of equal widths, half a gap, and the same gap twice', () => {
    expect(() => throughputRatioTable([{ ...gap, precisionB: 'int4' }])).toThrow(/throughput ratio needs/);
    expect(() => throughputRatioTable([{ ...gap, precisionB: '' }])).toThrow(/throughput ratio needs/);
    expect(() => throughputRatioTable([gap, { ...gap }])).toThrow(/twice/);
    expect(() =>
      throughputRatioTable([
        gap,
        { ...gap, gpuA: 'H100', gpuB: 'B200', precisionA: 'fp8', precisionB: 'fp4' },
      ]),
    ).toThrow(/twice/);
  });
});

describe('throughputRatioTable properties', () => {
  const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
  const anyRow = fc.tuple(positive, positive, positive).map(([x, y, z]): ThroughputRatioRow => {
    const [min, ratio, max] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
    return { ...ROWS[1]!, min, ratio, max };
  });

  it('every answer lies within its bounds, in both directions', () => {
    fc.assert(
      fc.property(anyRow, (r) => {
        const t = throughputRatioTable([r]);
        for (const [from, to] of [
          ['H200', 'L4'],
          ['L4', 'H200'],
        ] as const) {
          const x = t.lookup('inference', 'small', from, to)!;
          expect(x.min).toBeLessThanOrEqual(x.ratio);
          expect(x.ratio).toBeLessThanOrEqual(x.max);
        }
      }),
    );
  });

  it('the inverse swaps and inverts the bounds, and multiplies with the forward ratio to 1', () => {
    fc.assert(
      fc.property(anyRow, (r) => {
        const t = throughputRatioTable([r]);
        const stored = t.lookup('inference', 'small', 'H200', 'L4')!;
        const inverted = t.lookup('inference', 'small', 'L4', 'H200')!;
        expect(inverted.min).toBe(1 / stored.max);
        expect(inverted.max).toBe(1 / stored.min);
        expect(stored.ratio * inverted.ratio).toBeCloseTo(1, 12);
      }),
    );
  });
});
