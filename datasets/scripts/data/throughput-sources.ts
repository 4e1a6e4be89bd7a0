/**
 * How compile-throughput.ts reads ../shared/reference/throughput/measured-throughput.csv: which accelerator is
 * which gpufit tier, which source workload class is which throughput class, which units are "higher is better",
 * and which rows are not used and why. Every decision here is quoted in datasets/README.md.
 */
import type { ThroughputClass, WorkloadTask } from '@gpufit/schema';

/** A decision not to use something, with the reason the build log and README print. */
export interface Excluded {
  readonly drop: string;
}

/**
 * The file's accelerator names → tier ids of datasets/gpu-tiers.csv. An accelerator with no tier is dropped:
 * gpufit does not add tiers it has no datasheet for. Every name in the file must be listed (the build fails
 * otherwise), so a new accelerator in a refreshed file is a decision, not a silent drop.
 */
export const ACCELERATOR_TIERS: Readonly<Record<string, string | Excluded>> = {
  'A100-PCIe-80GB': 'A100-80GB-PCIe',
  'A100-SXM-80GB': 'A100-80GB',
  B200: 'B200',
  B300: 'B300',
  // Per Blackwell GPU of GB200 NVL72-class systems; the project has its own GB200 tier, so it is not merged
  // with B200 (rack-scale NVLink and Grace CPUs make it a different machine).
  GB200: 'GB200',
  'GH200-96GB': 'GH200',
  'H100-NVL': 'H100-NVL',
  'H100-PCIe': 'H100-PCIe',
  'H100-SXM': 'H100',
  'H200-SXM': 'H200',
  L4: 'L4',
  L40S: 'L40S',
  'RTX-4060': 'RTX4060',
  'RTX-4060-Ti': 'RTX4060Ti',
  'RTX-3090': 'RTX3090',
  'RTX-4090': 'RTX4090',
  'RTX-5090': 'RTX5090',
  'RTX-PRO-6000-Blackwell': 'RTXPRO6000',
  GB300: { drop: 'no gpufit tier for GB300 (NVIDIA Blackwell Ultra superchip)' },
  'GH200-144GB': {
    drop: 'no gpufit tier for GH200-144GB (the GH200 tier is the 96 GB HBM3 part; the 144 GB HBM3e part has more memory and bandwidth)',
  },
  'H200-NVL': { drop: 'no gpufit tier for H200-NVL (the H200 tier is the SXM part)' },
  MI300X: { drop: 'no gpufit tier for MI300X (AMD Instinct)' },
  MI325X: { drop: 'no gpufit tier for MI325X (AMD Instinct)' },
  MI350X: { drop: 'no gpufit tier for MI350X (AMD Instinct)' },
  MI355X: { drop: 'no gpufit tier for MI355X (AMD Instinct)' },
  'RTX-3050': { drop: 'no gpufit tier for RTX-3050' },
  'RTX-5080': { drop: 'no gpufit tier for RTX-5080' },
  'TPU-v5e': { drop: 'no gpufit tier for TPU-v5e (Google TPU, not a GPU in the catalog)' },
  'TPU-v5p': { drop: 'no gpufit tier for TPU-v5p (Google TPU, not a GPU in the catalog)' },
  'TPU-v6e(Trillium)': {
    drop: 'no gpufit tier for TPU-v6e(Trillium) (Google TPU, not a GPU in the catalog)',
  },
};

/**
 * The file's workload classes → the engine's THROUGHPUT_CLASSES. The "optional" recommendation and graph rows
 * (DLRM-v2, R-GAT) are not used: no gpufit workload kind prices recommender or graph-network serving, and the
 * file gives them no parameter count, so they have no model-size band.
 */
export const SOURCE_CLASSES: Readonly<Record<string, ThroughputClass | Excluded>> = {
  'llm-inference': 'inference',
  'image-generation': 'inference',
  'speech-to-text': 'inference',
  'embeddings-or-encoder': 'inference',
  'vision-inference': 'inference',
  'llm-training': 'training',
  'vision-training': 'training',
  'llm-fine-tuning': 'fine-tuning',
  'recsys-inference-optional': {
    drop: 'recommendation model (DLRM-v2): no gpufit workload kind prices it and the file gives no parameter count',
  },
  'graph-inference-optional': {
    drop: 'graph network (R-GAT): no gpufit workload kind prices it and the file gives no parameter count',
  },
};

/**
 * The file's workload classes → the workload task (`task` of a workload, `WORKLOAD_TASKS`) whose ratios their
 * benchmarks measure: per-task rows of throughput-ratios.csv pool only benchmarks of one task. Training classes
 * are named for the model's task too: SD v2 and Flux.1 training are image generation.
 */
export const SOURCE_TASKS: Readonly<Record<string, WorkloadTask>> = {
  'llm-inference': 'text-generation',
  'image-generation': 'image-generation',
  'speech-to-text': 'speech-to-text',
  'embeddings-or-encoder': 'embeddings-or-encoder',
  'vision-inference': 'vision',
  'llm-training': 'text-generation',
  'vision-training': 'image-generation',
  'llm-fine-tuning': 'text-generation',
};

/** Benchmarks whose model's task is not their class's (first match wins over `SOURCE_TASKS`). */
export const BENCHMARK_TASKS: Readonly<Record<string, WorkloadTask>> = {
  // The reference files BERT pretraining under llm-training; its notes say it is a 0.34 B encoder.
  bert: 'embeddings-or-encoder',
};

/** Whether more of a unit is faster (throughput) or slower (time to train). Every unit in the file is listed. */
export const UNIT_DIRECTION: Readonly<Record<string, 'higher-is-faster' | 'lower-is-faster'>> = {
  'Samples/s': 'higher-is-faster',
  'Completed samples/s': 'higher-is-faster',
  'Scheduled samples/s': 'higher-is-faster',
  'Queries/s': 'higher-is-faster',
  'Tokens/s': 'higher-is-faster',
  'output tokens/s': 'higher-is-faster',
  'x real-time (=1/RTF; audio seconds per wall second)': 'higher-is-faster',
  'minutes (time-to-train)': 'lower-is-faster',
};

/** Rows not used although their accelerator and class are known; first match wins, every field must match. */
export interface RowExclusion {
  readonly suitePrefix?: string;
  readonly version?: string;
  readonly benchmark?: string;
  readonly accelerator?: string;
  readonly drop: string;
}

export const ROW_EXCLUSIONS: readonly RowExclusion[] = [
  {
    suitePrefix: 'non-MLPerf: GigaGPU',
    drop: 'non-MLPerf GigaGPU Whisper RTF not used: undated vendor blog, RTF rounded to one or two digits (0.04 = 0.035–0.045), batch size not stated (single-stream latency, not throughput), consumer GPUs only with no datacenter GPU in the same table (reference README: low confidence)',
  },
  {
    version: 'v5.1',
    benchmark: 'whisper',
    accelerator: 'RTX-4090',
    drop: 'not comparable: RTX 4090 whisper ran fp32 reference code (GATE Overflow), not an optimized stack (reference README, Whisper list and caveat 1)',
  },
];

/**
 * A numeric format the measured file leaves empty, read from the submission's own configuration. MLPerf Training
 * logs record the time to train, not the format, so the reference's training rows have an empty precision column;
 * where a submission's config states it, it is recorded here with the file it was read from. Every other training
 * result stays "not recorded" (the ratio's `measuredPrecision` then says unknown): the University of Florida B200
 * configs of llama31_8b (`config_DGXB200_{4,16,32}x8x1xtp1pp1cp2_8b.sh`, `run_8n.sub`) set no format themselves,
 * and the `config_common.sh` they source is not in the code index, so B200's format there is unknown.
 */
export interface ResultPrecision {
  readonly version: string;
  readonly benchmark: string;
  /** A fragment of the measured row's `source` naming the submission's results directory. */
  readonly sourceContains: string;
  readonly precision: string;
  /** The file and line the format was read from. */
  readonly citation: string;
}

export const RESULT_PRECISIONS: readonly ResultPrecision[] = [
  {
    version: 'v5.1',
    benchmark: 'llama31_8b',
    sourceContains: 'Cisco/results/hpf_n',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.1@4da2d1cd Cisco/benchmarks/llama31_8b/implementations/nemo/config_common.sh ("export FP8=True", "export FP8_PARAMS=True"; the H100 configs config_DGXH100_8x8x1xtp1pp1cp1.sh and _16x8x1xtp2pp1cp1.sh source it)',
  },
];
