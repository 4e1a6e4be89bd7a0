/**
 * How compile-throughput.ts builds datasets/unit-throughput.csv (absolute output per GPU, for cost per unit of
 * output) from ../shared/reference/throughput/measured-throughput.csv: which benchmarks stand for which unit of
 * output, and which inference benchmarks are left out and why. Every decision here is quoted in datasets/README.md.
 */

import type { OutputUnit } from '@gpufit/schema';

/** A benchmark whose per-GPU rate is an absolute rate of one unit of output. */
export interface UnitBenchmark {
  readonly unit: OutputUnit;
  /** What one unit of the benchmark's metric is, quoted in the table's notes. */
  readonly meaning: string;
}

/**
 * The benchmarks of the measured file whose rate is a rate of output. Dense decoders only for tokens: a
 * mixture-of-experts model computes a fraction of its parameters per token, so its tokens/s would understate the
 * cost per token of a dense model of the same band.
 */
export const UNIT_BENCHMARKS: Readonly<Record<string, UnitBenchmark>> = {
  'llama3.1-8b': { unit: 'tokens', meaning: 'generated (output) tokens per second, Llama 3.1 8B' },
  'llama2-70b-99': { unit: 'tokens', meaning: 'generated (output) tokens per second, Llama 2 70B' },
  'llama3.1-405b': { unit: 'tokens', meaning: 'generated (output) tokens per second, Llama 3.1 405B' },
  'lambda-vllm-Meta-Llama-3.1-8B-FP8': {
    unit: 'tokens',
    meaning:
      'output tokens per second, vLLM 0.5.4 serving benchmark, 320 prompts, Llama 3.1 8B FP8 checkpoint',
  },
  'lambda-vllm-Meta-Llama-3.1-70B-Instruct-FP8': {
    unit: 'tokens',
    meaning:
      'output tokens per second, vLLM 0.5.4 serving benchmark, 320 prompts, Llama 3.1 70B Instruct FP8 checkpoint',
  },
  'stable-diffusion-xl': {
    unit: 'images',
    meaning: 'SDXL images per second (one 1024×1024 image per sample)',
  },
};

/** Inference benchmarks of the measured file that give no unit rate, with the reason the build log prints. */
export const NOT_UNIT_BENCHMARKS: Readonly<Record<string, string>> = {
  'gptj-99':
    'GPT-J results are summarisation samples per second (v4.1 calls its token rate "inferred"): not a measured token rate',
  'mixtral-8x7b':
    'mixture-of-experts (12.9 B of 46.7 B parameters active per token): its tokens/s would understate the cost of a dense model of the band',
  'deepseek-r1':
    'mixture-of-experts (37 B of 671 B parameters active per token): its tokens/s would understate the cost of a dense model of the band',
  whisper:
    'Whisper results are LibriSpeech utterances per second and the file gives no audio length per utterance: no audio-hours rate',
  'bert-99': 'encoder (BERT) samples per second: no token or image output',
  resnet50: 'image classification samples per second: not a unit of generated output',
  retinanet: 'object detection samples per second: not a unit of generated output',
  'dlrm-v2-99': 'recommendation model (DLRM-v2): no gpufit workload kind prices it',
  rgat: 'graph network (R-GAT): no gpufit workload kind prices it',
  'gigagpu-faster-whisper-large-v3-rtf':
    'non-MLPerf GigaGPU Whisper RTF: single-stream latency of one file, rounded, consumer GPUs only (reference README: low confidence)',
};
