import type { Precision, TrainingMethod } from '@gpufit/schema';
import {
  checkpointBytesPerParameter,
  PRECISION_BYTES,
  trainingBytesPerParameter,
  trainingMemoryGiB,
} from '@gpufit/schema';
import { INFERENCE_MEMORY_OVERHEAD } from '../assumptions.js';

const GIB = 2 ** 30;

/**
 * GPU memory one replica of the model needs, in GiB.
 * - inference: weights × 1.2 (KV cache, activations, framework; BentoML handbook, see assumptions.ts);
 * - training: by `method` (@gpufit/schema `trainingBytesPerParameter`): full = weights + gradients + Adam state
 *   (16 bytes/param at fp16/bf16, the ZeRO paper's mixed-precision Adam figure); LoRA = frozen weights + 1 % adapters
 *   with their state; QLoRA = 4-bit NF4 frozen linear layers, embeddings and LM head at the stated precision, + adapters.
 *   Activations excluded.
 */
export function modelMemoryGiB(
  modelParamsBillions: number,
  precision: Precision,
  phase: 'inference' | 'training',
  method: TrainingMethod = 'full',
): number {
  return phase === 'training'
    ? trainingMemoryGiB(modelParamsBillions, precision, method)
    : (modelParamsBillions * 1e9 * bytesPerParameter(modelParamsBillions, precision, phase)) / GIB;
}

/**
 * The model's weights alone at `precision`, in GiB: what an inference replica must hold whatever else it saves
 * (the floor under a stated `gpusPerReplica`, see feasibility.ts).
 */
export function weightsGiB(modelParamsBillions: number, precision: Precision): number {
  return (modelParamsBillions * 1e9 * PRECISION_BYTES[precision]) / GIB;
}

/** Bytes a parameter of a `modelParamsBillions` model takes in one replica (QLoRA's depend on the size). */
export function bytesPerParameter(
  modelParamsBillions: number,
  precision: Precision,
  phase: 'inference' | 'training',
  method: TrainingMethod = 'full',
): number {
  if (phase === 'inference') return PRECISION_BYTES[precision] * INFERENCE_MEMORY_OVERHEAD;
  return trainingBytesPerParameter(precision, method, modelParamsBillions);
}

/**
 * Size of one training checkpoint in GiB: what a resumed run needs — the trained weights and their optimizer state,
 * not gradients (b + 12 bytes/param in mixed precision, 4 + 8 in fp32, for a full run); a LoRA or QLoRA run saves
 * its adapters and their state, not the frozen model.
 */
export function checkpointGiB(
  modelParamsBillions: number,
  precision: Precision,
  method: TrainingMethod = 'full',
): number {
  return (modelParamsBillions * 1e9 * checkpointBytesPerParameter(precision, method)) / GIB;
}

/**
 * GPUs per node that hold `memoryGiB` of model state spread over `nodes` nodes of GPUs with `gpuMemoryGiB` each:
 * ⌈⌈memory ÷ GPU memory⌉ ÷ nodes⌉ (at least 1). A relative 1e-9 slack keeps an exact fit from rounding up.
 */
export function gpusForModel(memoryGiB: number, gpuMemoryGiB: number, nodes: number): number {
  const total = Math.max(1, Math.ceil(memoryGiB / gpuMemoryGiB - 1e-9));
  return Math.ceil(total / nodes);
}
