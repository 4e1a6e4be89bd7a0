/**
 * QLoRA's unquantized share (unquantizedParameterShare.ts): the census figures from the models' configs, the envelope
 * it reads, and the properties the memory model relies on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMBEDDING_CENSUS,
  embeddingParamsBillions,
  unquantizedParameterShare,
  unquantizedParamsBillions,
} from '../src/index.js';

const census = (model: string) => EMBEDDING_CENSUS.find((e) => e.model === model)!;

describe('hand vectors from the configs', () => {
  it('embedding + head parameters: vocab × hidden, twice when untied', () => {
    expect(embeddingParamsBillions(census('Llama-3.1-8B'))).toBeCloseTo(1.0506732, 7); // 128,256 × 4,096 × 2
    expect(embeddingParamsBillions(census('Qwen2.5-7B'))).toBeCloseTo(1.0899948, 7); // 152,064 × 3,584 × 2
    expect(embeddingParamsBillions(census('Llama-3.2-1B'))).toBeCloseTo(0.2626683, 7); // tied: once
    expect(embeddingParamsBillions(census('Llama-3.1-70B'))).toBeCloseTo(2.1013463, 7);
    // The paper's LLaMA-7B (32,000 tokens): 3.9 % of its parameters, against Llama 3.1 8B's 13.1 %.
    expect(embeddingParamsBillions(census('LLaMA-7B')) / 6.74).toBeCloseTo(0.0389, 4);
    expect(embeddingParamsBillions(census('Llama-3.1-8B')) / 8.03).toBeCloseTo(0.1308, 4);
  });

  it('the envelope passes through the largest-vocabulary model at each census size, and skips the smaller ones', () => {
    expect(unquantizedParamsBillions(7.61)).toBeCloseTo(1.0899948, 7); // Qwen2.5-7B
    expect(unquantizedParamsBillions(70.6)).toBeCloseTo(2.1013463, 7); // Llama-3.1-70B
    expect(unquantizedParamsBillions(405.9)).toBeCloseTo(4.2026926, 7); // Llama-3.1-405B
    expect(unquantizedParamsBillions(8.03)).toBeGreaterThan(embeddingParamsBillions(census('Llama-3.1-8B')));
    expect(unquantizedParamsBillions(7.24)).toBeGreaterThan(
      embeddingParamsBillions(census('Mistral-7B-v0.1')),
    );
  });

  it('outside the census: the smallest model’s share below it, the largest model’s count above it', () => {
    const s0 = embeddingParamsBillions(census('Qwen2.5-0.5B')) / 0.49;
    expect(s0).toBeCloseTo(0.2778, 4);
    expect(unquantizedParameterShare(0.1)).toBeCloseTo(s0, 12);
    expect(unquantizedParamsBillions(1000)).toBeCloseTo(4.2026926, 7);
    expect(unquantizedParameterShare(0)).toBe(0);
  });
});

describe('properties', () => {
  const size = fc.double({ min: 0.001, max: 100_000, noNaN: true });

  it('the count is non-decreasing in size and the share stays within [0, 1]', () => {
    fc.assert(
      fc.property(size, size, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(unquantizedParamsBillions(lo)).toBeLessThanOrEqual(unquantizedParamsBillions(hi) + 1e-12);
        const s = unquantizedParameterShare(lo);
        expect(s >= 0 && s <= 1 && Number.isFinite(s)).toBe(true);
      }),
    );
  });
});
