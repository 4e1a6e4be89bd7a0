import { unquantizedParameterShare } from './unquantizedParameterShare.js';
import { PRECISION_BYTES, type Precision, type TrainingMethod } from './vocabulary.js';

/**
 * Adam optimizer state per trained parameter. Mixed-precision Adam keeps an fp32 copy of the weights, momentum and
 * variance: 12 bytes/param, so fp16/bf16 training needs 2 + 2 + 12 = 16 bytes/param (Rajbhandari et al., "ZeRO:
 * Memory Optimizations Toward Training Trillion Parameter Models", SC 2020: model states 2Ψ + 2Ψ + KΨ bytes, K = 12).
 * fp32 training has no extra master copy: 4 + 4 + 8 = 16 (the Transformers docs, "GPU memory usage": Adam's fp32
 * momentum and variance take 8 bytes/param). Activations are not counted (the paper's "residual states"); gpufit
 * assumes activation checkpointing and micro-batching keep them small next to the model states.
 */
export const ADAM_STATE_BYTES_MIXED_PRECISION = 12;
export const ADAM_STATE_BYTES_FP32 = 8;

/**
 * Bytes per parameter of QLoRA's frozen weights: 4-bit NormalFloat plus its quantization constants, which Double
 * Quantization shrinks "from 0.5 bits to 8/64 + 32/(64·256) = 0.127 bits per parameter" (Dettmers et al., "QLoRA:
 * Efficient Finetuning of Quantized LLMs", 2023, arXiv:2305.14314, §3 "Double Quantization"): (4 + 0.127) / 8.
 */
export const NF4_BYTES_PER_PARAMETER = (4 + 0.127) / 8;

/**
 * Trainable adapter parameters as a share of the model's, for LoRA and QLoRA: a gpufit assumption (the share follows
 * the adapters' rank and the layers they sit on, which a profile does not state). QLoRA §2 ("Memory Requirement of
 * Parameter-Efficient Finetuning") calls LoRA weights of "0.2% of the original model weights" commonly used
 * (attention projections only); QLoRA's own runs put adapters "at every network layer" (§1) at rank 64: 2.4 % of
 * LLaMA-7B (64 × 78,080 per layer × 32 layers = 160M) and 1.2 % of LLaMA-65B (64 × 156,160 × 80 = 0.80B), computed
 * from the models' shapes. 1 % sits between them; the adapters' state is a small part of the footprint either way
 * (8B at bf16: 1.2 GiB at 1 %, 2.9 GiB at 2.4 %, next to 14.9 GiB of frozen weights).
 */
export const LORA_ADAPTER_SHARE = 0.01;

/**
 * What one training method holds per model parameter, as data (one entry per method; shared code reads these and
 * never compares a method's name):
 * - `frozenBytes(b, s)`: the frozen copy of the weights at precision b bytes, where a share s of the parameters
 *   (embeddings and LM head, `unquantizedParameterShare`) is never quantized (none for `full`, where every weight
 *   trains). Linear in s, so scoring may tabulate it at s = 0 and s = 1;
 * - `trainedShare`: the share of parameters that train, each with weights, gradients and Adam state
 *   (2b + Adam state) and saved in a checkpoint with its Adam state (b + Adam state).
 */
export interface TrainingMethodSpec {
  readonly id: TrainingMethod;
  /** How a sentence names it: "full training", "LoRA", "QLoRA". */
  readonly label: string;
  readonly frozenBytes: (weightBytes: number, unquantizedShare: number) => number;
  readonly trainedShare: number;
}

export const trainingMethods: { readonly [M in TrainingMethod]: TrainingMethodSpec } = {
  full: { id: 'full', label: 'full training', frozenBytes: () => 0, trainedShare: 1 },
  // PEFT "doesn't need to store the optimizer states and gradients for the pretrained base model" (Hugging Face
  // Transformers docs, "PEFT"): the frozen weights stay at the stated precision.
  lora: { id: 'lora', label: 'LoRA', frozenBytes: (b) => b, trainedShare: LORA_ADAPTER_SHARE },
  // The frozen linear layers in NF4, unless the stated precision is already smaller (int4 stays at its 0.5 bytes);
  // the embeddings and LM head stay at the stated precision ("16-bit" in the paper, whose Figure 6 measured 5,048 MB
  // for LLaMA-7B's 4-bit base model).
  qlora: {
    id: 'qlora',
    label: 'QLoRA',
    frozenBytes: (b, s) => s * b + (1 - s) * Math.min(b, NF4_BYTES_PER_PARAMETER),
    trainedShare: LORA_ADAPTER_SHARE,
  },
};

/** Adam state bytes per trained parameter at weight precision `weightBytes` (12 mixed precision, 8 in fp32). */
export function adamStateBytes(weightBytes: number): number {
  return weightBytes >= 4 ? ADAM_STATE_BYTES_FP32 : ADAM_STATE_BYTES_MIXED_PRECISION;
}

/**
 * GPU memory bytes per model parameter while training a `modelParamsBillions` model with `method` at `precision`:
 * frozen weights + the trained share × (weights + gradients + Adam state). full bf16: 0 + 1 × (2 + 2 + 12) = 16;
 * LoRA bf16: 2 + 0.01 × 16 = 2.16; QLoRA bf16 at 7B: 0.142 × 2 + 0.858 × 0.516 + 0.01 × 16 = 0.886 (the embeddings'
 * share s = 0.142, see `unquantizedParameterShare`). Activations excluded (see ADAM_STATE_BYTES_MIXED_PRECISION).
 */
export function trainingBytesPerParameter(
  precision: Precision,
  method: TrainingMethod,
  modelParamsBillions: number,
): number {
  return trainingBytesAtShare(precision, method, unquantizedParameterShare(modelParamsBillions));
}

/**
 * `trainingBytesPerParameter` with the unquantized share given: linear in it, so a hot path may tabulate it at 0 and
 * 1 per (precision, method) and interpolate.
 */
export function trainingBytesAtShare(
  precision: Precision,
  method: TrainingMethod,
  unquantizedShare: number,
): number {
  const b = PRECISION_BYTES[precision];
  const m = trainingMethods[method];
  return m.frozenBytes(b, unquantizedShare) + m.trainedShare * (2 * b + adamStateBytes(b));
}

/**
 * Checkpoint bytes per model parameter: what a resumed run needs — the trained weights and their Adam state, not
 * gradients, and not frozen weights (a LoRA or QLoRA run saves its adapters; the base model is downloaded again).
 * full bf16: 2 + 12 = 14; LoRA/QLoRA bf16: 0.01 × 14 = 0.14.
 */
export function checkpointBytesPerParameter(precision: Precision, method: TrainingMethod): number {
  const b = PRECISION_BYTES[precision];
  return trainingMethods[method].trainedShare * (b + adamStateBytes(b));
}

const GIB = 2 ** 30;

/**
 * GPU memory a training process cannot use for the model: the CUDA kernels loaded with it. Hugging Face's
 * Transformers docs, "Model training anatomy": "When a model is loaded to the GPU the kernels are also loaded, which
 * can take up 1-2GB of memory … the kernels alone take up 1.3GB" (1,343 MB measured = 1.31 GiB). Kept off every GPU of a
 * training replica sized by gpufit's estimate (weights, gradients, optimizer state, which leaves activations out), so
 * an 8B full fine-tune's 119.2 GiB is not fitted into 5 × 24 GiB with 0.7 % to spare. Inference's 20 % overhead
 * already counts framework buffers; a footprint the workload states (its own measure) is taken as stated.
 */
export const TRAINING_KERNEL_RESERVE_GIB = 1343 / 1024;

/**
 * What one datacenter GPU holds for a training replica, in GiB: an 80 GB card as the catalogs list it (80; vendor "GB"
 * taken as GiB, datasets/README) less the CUDA kernels' `TRAINING_KERNEL_RESERVE_GIB`: 78.69 GiB.
 */
export const ONE_80GB_GPU_TRAINING_GIB = 80 - TRAINING_KERNEL_RESERVE_GIB;

/**
 * The training method a workload of `kind` takes when it states none: the kind's (`workloadKinds`), except that a
 * kind with `fullTrainingWhenOneGpuHolds` (experimentation) trains fully when the full run of this model at this
 * precision fits one 80 GB GPU (`ONE_80GB_GPU_TRAINING_GIB`): up to 5.28B parameters at bf16 (16 bytes each). A
 * gpufit assumption: sweeps of small models (a 1.3B or 3B run) usually train every weight, while a 7B-class run
 * (104 GiB trained fully) is the adapter run that fits one rented card.
 */
export function defaultTrainingMethod(
  spec: { readonly trainingMethod: TrainingMethod | null; readonly fullTrainingWhenOneGpuHolds?: boolean },
  modelParamsBillions: number,
  precision: Precision,
): TrainingMethod | null {
  if (spec.trainingMethod === null || spec.fullTrainingWhenOneGpuHolds !== true) return spec.trainingMethod;
  return trainingMemoryGiB(modelParamsBillions, precision, 'full') <= ONE_80GB_GPU_TRAINING_GIB
    ? 'full'
    : spec.trainingMethod;
}

/** GPU memory one replica holds while training `modelParamsBillions` with `method` at `precision`, in GiB. */
export function trainingMemoryGiB(
  modelParamsBillions: number,
  precision: Precision,
  method: TrainingMethod,
): number {
  return (
    (modelParamsBillions * 1e9 * trainingBytesPerParameter(precision, method, modelParamsBillions)) / GIB
  );
}
