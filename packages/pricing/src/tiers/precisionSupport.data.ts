import type { Precision } from '@gpufit/schema';

/**
 * Which of the schema's precisions (`PRECISION_BYTES`) a GPU generation can run a model at, keyed by the
 * `generation` column of `datasets/gpu-tiers.csv`. "Runs" means a mainstream serving or training stack runs a
 * model stored at that precision on that GPU: natively on its tensor / matrix cores, or weight-only (`weightOnly`:
 * the weights stay at that precision and are widened to 16 bits for the arithmetic, as vLLM's Marlin kernels do
 * for fp8 on Ampere). Every generation the tier table names must have an entry: the tier loader refuses a
 * generation without one.
 *
 * Sources (also in docs/methodology.md, "Precision a GPU can run"):
 * - [vllm] vLLM, "Supported Hardware" for quantization kernels (docs.vllm.ai/en/v0.11.2/features/quantization/):
 *   AWQ Turing+; GPTQ Volta+; Marlin (GPTQ/AWQ/FP8 weight-only) Ampere+; INT8 W8A8 Turing+; FP8 W8A8 Ada,
 *   Hopper and AMD GPUs; bitsandbytes and GGUF Volta+ (Volta = SM 7.0, Turing 7.5, Ampere 8.0/8.6, Ada 8.9,
 *   Hopper 9.0).
 * - [a100] NVIDIA A100 Tensor Core GPU Architecture whitepaper (2020) and A100 datasheet: third-generation Tensor
 *   Cores add TF32 and BF16 to V100's FP16 / INT8; Volta and Turing Tensor Cores have neither.
 * - [hopper] NVIDIA H100 Tensor Core GPU Architecture whitepaper (2022): fourth-generation Tensor Cores and the
 *   Transformer Engine run FP8 (E4M3, E5M2) besides TF32, BF16, FP16, INT8. [ada] NVIDIA Ada Lovelace
 *   architecture whitepaper (2022): fourth-generation Tensor Cores with FP8. Blackwell keeps them (and adds FP4).
 * - [mi300x] AMD ROCm docs, "AMD Instinct MI300 series microarchitecture" (rocm.docs.amd.com, MI300): CDNA 3
 *   Matrix Cores run FP16, BF16, INT8 and add FP8 (and TF32); AMD Instinct MI300X datasheet.
 * - [gaudi2] Intel Gaudi docs: "All Gaudi generations support bf16 natively" (Hugging Face Transformers, Intel
 *   Gaudi); "Intel Gaudi 2 supports FP8 training" and FP8 inference (docs.habana.ai, FP8 Training with Intel
 *   Gaudi Transformer Engine; Run Inference Using FP8); UINT4 inference (Optimum Habana, Quantization).
 * - [cuda] CUDA C++ Programming Guide: half-precision arithmetic needs compute capability 5.3 or above (Kepler
 *   K80 is 3.7, Maxwell M60 5.2).
 * Rows or cells marked "gpufit assumption" in `assumption` are not in these sources.
 */
export interface GenerationPrecisions {
  /** Every precision the generation runs a model at. */
  readonly runs: readonly Precision[];
  /** Of `runs`, those it runs weight-only (widened to 16 bits for the arithmetic), not natively. */
  readonly weightOnly: readonly Precision[];
  /** Where the row comes from (the keys above). */
  readonly source: string;
  /** What in the row no source above says (a gpufit assumption), or null. */
  readonly assumption: string | null;
}

const ALL: readonly Precision[] = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'int8', 'int4'];

export const PRECISION_SUPPORT: Readonly<Record<string, GenerationPrecisions>> = {
  Kepler: {
    runs: ['fp32'],
    weightOnly: [],
    source: '[cuda] K80 is compute capability 3.7: no half-precision arithmetic; [vllm] starts at Volta',
    assumption:
      'gpufit assumption: no 16-bit or quantized serving stack is counted on Kepler (CUDA 12 dropped it)',
  },
  Maxwell: {
    runs: ['fp32'],
    weightOnly: [],
    source: '[cuda] M60 is compute capability 5.2: no half-precision arithmetic; [vllm] starts at Volta',
    assumption: 'gpufit assumption: no 16-bit or quantized serving stack is counted on Maxwell',
  },
  Pascal: {
    runs: ['fp32', 'fp16', 'int8', 'int4'],
    weightOnly: ['int8', 'int4'],
    source: '[cuda] P100 (6.0), P40 / P4 (6.1) have half-precision arithmetic; no Tensor Cores',
    assumption:
      'gpufit assumption: int8 / int4 weights run weight-only on Pascal (GGUF in llama.cpp; vLLM starts at Volta)',
  },
  Volta: {
    runs: ['fp32', 'fp16', 'int8', 'int4'],
    weightOnly: ['int8', 'int4'],
    source:
      '[a100] V100 Tensor Cores run FP16 only (no BF16, TF32); [vllm] GPTQ, bitsandbytes, GGUF on Volta; no INT8 W8A8, no FP8',
    assumption: null,
  },
  Turing: {
    runs: ['fp32', 'fp16', 'int8', 'int4'],
    weightOnly: ['int4'],
    source:
      '[a100] Turing Tensor Cores run FP16, INT8, INT4 (no BF16, TF32); [vllm] INT8 W8A8, AWQ, GPTQ on Turing; no FP8, no Marlin',
    assumption: null,
  },
  Ampere: {
    runs: ALL,
    weightOnly: ['fp8', 'int4'],
    source:
      '[a100] third-generation Tensor Cores add TF32 and BF16; [vllm] FP8 only weight-only (Marlin, SM 8.0+), FP8 W8A8 not on Ampere',
    assumption: null,
  },
  'Ada Lovelace': {
    runs: ALL,
    weightOnly: ['int4'],
    source: '[ada] fourth-generation Tensor Cores with FP8; [vllm] FP8 W8A8 on Ada',
    assumption: null,
  },
  Hopper: {
    runs: ALL,
    weightOnly: ['int4'],
    source: '[hopper] Transformer Engine, FP8 Tensor Cores; [vllm] FP8 W8A8 on Hopper',
    assumption: null,
  },
  Blackwell: {
    runs: ALL,
    weightOnly: ['int4'],
    source: '[hopper] Blackwell keeps Hopper’s Tensor Core formats (and adds FP4)',
    assumption:
      'gpufit assumption: the vLLM table names no Blackwell column; its formats are taken as Hopper’s',
  },
  'Blackwell Ultra': {
    runs: ALL,
    weightOnly: ['int4'],
    source: '[hopper] Blackwell Ultra keeps Hopper’s Tensor Core formats (and adds FP4)',
    assumption:
      'gpufit assumption: the vLLM table names no Blackwell column; its formats are taken as Hopper’s',
  },
  Vega: {
    runs: ['fp32', 'fp16'],
    weightOnly: [],
    source:
      '[mi300x] BF16 Matrix Cores came with CDNA (MI100 on), after Vega (MI25: packed FP16, no matrix cores)',
    assumption:
      'gpufit assumption: no quantized serving stack is counted on the MI25 (current ROCm no longer supports gfx900)',
  },
  'CDNA 3': {
    runs: ALL,
    weightOnly: ['int4'],
    source:
      '[mi300x] CDNA 3 Matrix Cores run TF32, FP16, BF16, INT8 and FP8; [vllm] FP8 W8A8 and GGUF on AMD GPUs',
    assumption: null,
  },
  'Gaudi 2': {
    runs: ALL,
    weightOnly: ['int8', 'int4'],
    source: '[gaudi2] BF16 native on every Gaudi; FP8 training and inference on Gaudi 2; UINT4 inference',
    assumption:
      'gpufit assumption: TF32 on the Gaudi 2 matrix engine, and int8 weights run weight-only (widened on its TPCs)',
  },
};

/** The NVIDIA generations oldest first: "bf16 needs Ampere or later" names the first that runs a precision. */
export const NVIDIA_GENERATIONS = [
  'Kepler',
  'Maxwell',
  'Pascal',
  'Volta',
  'Turing',
  'Ampere',
  'Ada Lovelace',
  'Hopper',
  'Blackwell',
  'Blackwell Ultra',
] as const;
