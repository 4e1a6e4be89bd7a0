import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_SIZE_BAND_FLOOR_BILLIONS, MODEL_SIZE_BANDS, modelSizeBand } from '../src/index.js';

describe('modelSizeBand (tiny < 1 ≤ small < 15 ≤ medium < 150 ≤ large, billions of parameters)', () => {
  // model_params_b of the benchmarks in ../shared/reference/throughput/measured-throughput.csv
  it.each([
    ['ResNet-50', 0.0256, 'tiny'],
    ['RetinaNet', 0.036, 'tiny'],
    ['BERT-large', 0.34, 'tiny'],
    ['Stable Diffusion v2 (training)', 0.865, 'tiny'],
    ['Whisper large-v3', 1.55, 'small'],
    ['SDXL', 3.5, 'small'],
    ['GPT-J', 6, 'small'],
    ['Llama 3.1 8B', 8, 'small'],
    ['Flux.1', 11.9, 'small'],
    ['Mixtral 8x7B (all experts)', 46.7, 'medium'],
    ['Llama 2 70B', 70, 'medium'],
    ['GPT-3', 175, 'large'],
    ['Llama 3.1 405B', 405, 'large'],
    ['DeepSeek-R1 (all experts)', 671, 'large'],
  ] as const)('%s (%f B) is %s', (_, params, band) => {
    expect(modelSizeBand(params)).toBe(band);
  });

  it.each([
    [0.001, 'tiny'],
    [0.999_999, 'tiny'],
    [1, 'small'],
    [14.999_999, 'small'],
    [15, 'medium'],
    [149.999_999, 'medium'],
    [150, 'large'],
    [100_000, 'large'],
  ] as const)('edge: %f B is %s (each floor is inclusive)', (params, band) => {
    expect(modelSizeBand(params)).toBe(band);
  });

  it('states its floors in band order, starting at 0', () => {
    const floors = MODEL_SIZE_BANDS.map((b) => MODEL_SIZE_BAND_FLOOR_BILLIONS[b]);
    expect(floors).toEqual([0, 1, 15, 150]);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %f', (params) => {
    expect(() => modelSizeBand(params)).toThrow(/model size/);
  });

  it('never puts a larger model in a smaller band (property)', () => {
    const size = fc.double({ min: 1e-3, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(size, size, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(MODEL_SIZE_BANDS.indexOf(modelSizeBand(lo))).toBeLessThanOrEqual(
          MODEL_SIZE_BANDS.indexOf(modelSizeBand(hi)),
        );
      }),
    );
  });
});
