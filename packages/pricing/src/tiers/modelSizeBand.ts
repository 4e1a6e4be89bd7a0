import { assert } from '../assert.js';
import { INVALID_MODEL_SIZE } from '../messages.js';

/**
 * Model-size bands of the measured throughput ratios (`datasets/throughput-ratios.csv`): how much faster one GPU
 * is than another depends on the model (a 0.34 B encoder is compute-bound and fits any card; a 70 B decoder is
 * memory-bandwidth- and interconnect-bound), so a ratio is looked up for the band of the workload's model.
 */
export const MODEL_SIZE_BANDS = ['tiny', 'small', 'medium', 'large'] as const;
export type ModelSizeBand = (typeof MODEL_SIZE_BANDS)[number];

/**
 * Lower edge of each band in billions of parameters, inclusive; a band ends where the next one begins:
 * tiny < 1 ≤ small < 15 ≤ medium < 150 ≤ large. Parameters are the model's total as MLPerf states it (all
 * experts of a mixture-of-experts model: Mixtral 8x7B = 46.7 B). The edges sit in gaps between the benchmarks
 * the ratios come from, so each benchmark lies in one band with room on both sides:
 * - tiny: ResNet-50 0.026 B, RetinaNet 0.036 B, BERT-large 0.34 B, Stable Diffusion v2 (training) 0.865 B;
 * - small: Whisper large-v3 1.55 B, SDXL 3.5 B, GPT-J 6 B, Llama 3.1 8 B, Flux.1 11.9 B;
 * - medium: Mixtral 8x7B 46.7 B, Llama 2 70 B;
 * - large: GPT-3 175 B, Llama 3.1 405 B, DeepSeek-R1 671 B.
 */
export const MODEL_SIZE_BAND_FLOOR_BILLIONS: Readonly<Record<ModelSizeBand, number>> = {
  tiny: 0,
  small: 1,
  medium: 15,
  large: 150,
};

/** The band a model of `paramsBillions` billion parameters belongs to (edges: `MODEL_SIZE_BAND_FLOOR_BILLIONS`). */
export function modelSizeBand(paramsBillions: number): ModelSizeBand {
  assert(Number.isFinite(paramsBillions) && paramsBillions > 0, INVALID_MODEL_SIZE, paramsBillions);
  let band: ModelSizeBand = 'tiny';
  for (const b of MODEL_SIZE_BANDS) if (paramsBillions >= MODEL_SIZE_BAND_FLOOR_BILLIONS[b]) band = b;
  return band;
}
