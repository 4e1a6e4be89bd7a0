import type { Precision } from '@gpufit/schema';
import { PRECISION_BYTES } from '@gpufit/schema';
import {
  ADAM_STATE_BYTES_FP32,
  ADAM_STATE_BYTES_MIXED_PRECISION,
  INFERENCE_MEMORY_OVERHEAD,
} from '../assumptions.js';

const GIB = 2 ** 30;

/**
 * GPU memory one replica of the model needs, in GiB.
 * - inference: weights × 1.2 (KV cache, activations, framework; BentoML handbook, see assumptions.ts);
 * - training: weights + gradients + Adam state = 2·b + 12 bytes/param for b < 4 bytes (16 for fp16/bf16, the ZeRO
 *   paper's mixed-precision Adam figure), 4 + 4 + 8 = 16 for fp32. Activations excluded (assumptions.ts).
 */
export function modelMemoryGiB(
  modelParamsBillions: number,
  precision: Precision,
  phase: 'inference' | 'training',
): number {
  return (modelParamsBillions * 1e9 * bytesPerParameter(precision, phase)) / GIB;
}

/**
 * The model's weights alone at `precision`, in GiB: what an inference replica must hold whatever else it saves
 * (the floor under a stated `gpusPerReplica`, see feasibility.ts).
 */
export function weightsGiB(modelParamsBillions: number, precision: Precision): number {
  return (modelParamsBillions * 1e9 * PRECISION_BYTES[precision]) / GIB;
}

export function bytesPerParameter(precision: Precision, phase: 'inference' | 'training'): number {
  const b = PRECISION_BYTES[precision];
  if (phase === 'inference') return b * INFERENCE_MEMORY_OVERHEAD;
  return 2 * b + adamStateBytes(b);
}

/**
 * Size of one training checkpoint in GiB: what a resumed run needs — weights and optimizer state, not gradients
 * (b + 12 bytes/param in mixed precision, 4 + 8 in fp32).
 */
export function checkpointGiB(modelParamsBillions: number, precision: Precision): number {
  const b = PRECISION_BYTES[precision];
  return (modelParamsBillions * 1e9 * (b + adamStateBytes(b))) / GIB;
}

function adamStateBytes(weightBytes: number): number {
  return weightBytes >= 4 ? ADAM_STATE_BYTES_FP32 : ADAM_STATE_BYTES_MIXED_PRECISION;
}

/**
 * GPUs per node that hold `memoryGiB` of model state spread over `nodes` nodes of GPUs with `gpuMemoryGiB` each:
 * ⌈⌈memory ÷ GPU memory⌉ ÷ nodes⌉ (at least 1). A relative 1e-9 slack keeps an exact fit from rounding up.
 */
export function gpusForModel(memoryGiB: number, gpuMemoryGiB: number, nodes: number): number {
  const total = Math.max(1, Math.ceil(memoryGiB / gpuMemoryGiB - 1e-9));
  return Math.ceil(total / nodes);
}
