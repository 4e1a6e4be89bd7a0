import {
  DATA_SENSITIVITIES,
  INTERCONNECTS,
  PRECISION_BYTES,
  PRECISIONS,
  type Precision,
  TRAINING_METHODS,
  trainingBytesPerParameter,
  WORKLOAD_KINDS,
} from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logRamp, logRampIn, logRange } from '../src/curves.js';
import { interconnectRank, kindRank, precisionBytes, sensitivityRank, trainingBytes } from '../src/ranks.js';

const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true });

describe('logRampIn (logRamp with its denominator computed once)', () => {
  it('gives logRamp bit for bit, and stays in 0..1, monotone in x', () => {
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 1.0001, max: 1e6, noNaN: true }), (x, lo, k) => {
        const hi = lo * k;
        const r = logRampIn(x, lo, hi, logRange(lo, hi));
        expect(Object.is(r, logRamp(x, lo, hi))).toBe(true);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
        expect(logRampIn(x * 1.5, lo, hi, logRange(lo, hi))).toBeGreaterThanOrEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it('vectors: 0 at lo, 1 at hi, ½ at the geometric middle', () => {
    expect(logRange(100, 10_000)).toBeCloseTo(Math.log(100), 15);
    expect(logRampIn(100, 100, 10_000, logRange(100, 10_000))).toBe(0);
    expect(logRampIn(10_000, 100, 10_000, logRange(100, 10_000))).toBe(1);
    expect(logRampIn(1000, 100, 10_000, logRange(100, 10_000))).toBeCloseTo(0.5, 15);
  });
});

describe('vocabulary ranks (comparison instead of a keyed load)', () => {
  it('are the position in the vocabulary, −1 for an unknown word', () => {
    for (const [i, s] of DATA_SENSITIVITIES.entries()) expect(sensitivityRank(s)).toBe(i);
    for (const [i, c] of INTERCONNECTS.entries()) expect(interconnectRank(c)).toBe(i);
    for (const [i, k] of WORKLOAD_KINDS.entries()) expect(kindRank(k)).toBe(i);
    expect(sensitivityRank('secret')).toBe(-1);
    // A word built at run time (as a CSV parser makes it) compares by content, not identity.
    expect(sensitivityRank(['regu', 'lated'].join(''))).toBe(DATA_SENSITIVITIES.indexOf('regulated'));
  });

  it('precisionBytes is PRECISION_BYTES for every precision', () => {
    for (const p of PRECISIONS) expect(precisionBytes(p)).toBe(PRECISION_BYTES[p]);
    expect(precisionBytes(['fp', '16'].join('') as Precision)).toBe(PRECISION_BYTES.fp16);
  });

  it("trainingBytes is the schema's trainingBytesPerParameter at every size (QLoRA's embeddings interpolated)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRECISIONS),
        fc.constantFrom(...TRAINING_METHODS),
        fc.double({ min: 0.001, max: 100_000, noNaN: true }),
        (p, m, b) => {
          expect(trainingBytes(p, m, b)).toBeCloseTo(trainingBytesPerParameter(p, m, b), 12);
        },
      ),
    );
  });
});
