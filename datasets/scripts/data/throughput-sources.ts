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
 * A numeric format the measured file leaves empty, read from the submission itself. MLPerf Training results record
 * the time to train, not the format, so the reference's training rows have an empty precision column; where the
 * submission states it, it is recorded here with where it was read: the NeMo config dump at the top of each
 * `result_*.txt` (`fp4: true`, `fp4_recipe: nvfp4` / `fp8: true`) when the log has one, else the config script
 * the submission's README or run script sources. Only the results that meet another gpufit tier in a benchmark ×
 * scenario × round are listed (the others give no ratio). v5.1 was the first round with NVFP4 training on
 * Blackwell, but not every Blackwell submission used it: Nebius's B200 at 32 GPUs and the University of Florida's
 * B200 ran llama2_70b_lora / llama31_8b at fp8. v5.0 had no FP4 anywhere (no llama config sets FP4 or nvfp4): its
 * Blackwell and Hopper LLM results set `FP8=True`. A result whose format is recorded and meets one whose format is
 * not fails the build when the recorded one is below 8 bits (`withinBenchmarkRatios`): such a ratio could credit a
 * format speed-up the work cannot use, so the other result's format must be read and recorded here first.
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
  {
    version: 'v5.1',
    benchmark: 'llama31_8b',
    sourceContains: 'University-of-Florida/results/hpg.dgxb200x8.n',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 University-of-Florida/benchmarks/llama31_8b/implementations/hpg.dgxb200x8/config_DGXB200_{4,16,32}x8x1xtp1pp1cp2_8b.sh source config_common.sh, config_common_8b.sh and config_common_cg.sh and not config_common_fp4.sh; the implementation\'s b200_nemo/config_common.sh sets "export FP8=True", and FP8_RECIPE "tensorwise" (the *_8b_fp4.sh configs in that folder are GB200/GB300 ones, not the DGXB200 configs the run_*n.sub scripts source; the logs print no config)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama31_8b',
    sourceContains: 'HPE/results/HPE-Cray-XD670-H200-SXM5-141GB_n8_25.09/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 HPE/results/HPE-Cray-XD670-H200-SXM5-141GB_n8_25.09/llama31_8b/result_*.txt config dump ("fp8: true", "fp8_recipe: tensorwise", no fp4; all 10 logs)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama31_8b',
    sourceContains: 'Supermicro/results/SYS-422GS-NBRT-LCC/',
    precision: 'fp4',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 Supermicro/results/SYS-422GS-NBRT-LCC/llama31_8b/result_*.txt config dump ("fp4: true", "fp4_recipe: nvfp4", "fp8: false"; all 10 logs)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama31_8b',
    sourceContains: 'Nebius/results/nebius_b300_n1/',
    precision: 'fp4',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 Nebius/results/nebius_b300_n1/llama31_8b/result_*.txt config dump ("fp4: true", "fp4_recipe: nvfp4", "fp8: false"; all 10 logs)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama31_8b',
    sourceContains: 'NVIDIA/results/tyche_ngpu8_ngc25.09_nemo/',
    precision: 'fp4',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 NVIDIA/benchmarks/llama31_8b/implementations/tyche_ngpu8_ngc25.09_nemo/README-tyche_ngpu8_ngc25.09_nemo.md ("source config_GB200_2x4x2xtp1pp1cp1_8b_fp4.sh"; that config sources config_common_fp4.sh: "export FP4=True", "export FP8=False", FP4_RECIPE="nvfp4")',
  },
  {
    version: 'v5.1',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Cisco/results/hpf_n',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 Cisco/benchmarks/llama2_70b_lora/implementations/nemo/configs/config_common.sh ("export FP8=True"; config_DGXH100_8x8x1xtp4pp1cp2.sh and _16x8x1xtp4pp1cp2.sh source it)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'University-of-Florida/results/hpg.dgxb200x8.n',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 University-of-Florida/benchmarks/llama2_70b_lora/implementations/hpg.dgxb200x8/config_DGXB200_{8,16}x8x1xtp1pp1cp8.sh source config_common.sh only (no config_common_fp4.sh); b200_nemo/config_common.sh sets "export FP8=True", "export FP8_DPA=1" (the logs print no config)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Krai/results/Cray-XD670-H200-SXM5-141GB_n',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 Krai/results/Cray-XD670-H200-SXM5-141GB_n{2,4,8}_v5.0/llama2_70b_lora/result_*.txt config dump ("fp8: true", "precision: bf16-mixed"; all logs)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Dell/results/1xXE9680x8H200-SXM-141GB/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 Dell/results/1xXE9680x8H200-SXM-141GB/llama2_70b_lora/result_*.txt config dump ("fp8: true", "precision: bf16-mixed"; all 10 logs)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Dell/results/1xXE9680Lx8B200-SXM-180GB/',
    precision: 'fp4',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 Dell/benchmarks/llama2_70b_lora/implementations/nemo/config_1xXE9680Lx8B200-SXM-180GB.sh (sources config_common_fp4.sh: "export FP4=True", "export FP8=False", FP4_RECIPE="nvfp4"; the logs print no config)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Nebius/results/nebius_b200_n2/',
    precision: 'fp4',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 Nebius/results/nebius_b200_n2/llama2_70b_lora/result_*.txt config dump ("fp4: true", "fp4_recipe: nvfp4", "fp8: false"; all 10 logs)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Nebius/results/nebius_b200_n4/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 Nebius/results/nebius_b200_n4/llama2_70b_lora/result_*.txt config dump ("fp8: true", "fp8_recipe: delayed", "fp4=None"; all 10 logs; although the folder\'s config is named config_DGXB200_4x8x1xtp1pp1cp4_fp4.sh)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Nebius/results/nebius_b300_n1/',
    precision: 'fp4',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 Nebius/results/nebius_b300_n1/llama2_70b_lora/result_*.txt config dump ("fp4: true", "fp4_recipe: nvfp4", "fp8: false"; all 10 logs)',
  },
  {
    version: 'v5.1',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'NVIDIA/results/tyche_ngpu8_ngc25.09_nemo/',
    precision: 'fp4',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 NVIDIA/benchmarks/llama2_70b_lora/implementations/tyche_ngpu8_ngc25.09_nemo/README-tyche_ngpu8_ngc25.09_nemo.md ("source config_GB200_2x4x2xtp1pp1cp2_fp4.sh"; it sources config_common_fp4.sh: "export FP4=True", "export FP8=False")',
  },
  {
    version: 'v5.1',
    benchmark: 'llama31_405b',
    sourceContains: 'NVIDIA/results/tyche_ngpu512_ngc25.09_nemo/',
    precision: 'fp4',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 NVIDIA/benchmarks/llama31_405b/implementations/tyche_ngpu512_ngc25.09_nemo/README-tyche_ngpu512_ngc25.09_nemo.md ("source config_GB200_128x4x144xtp4pp8cp2_cg_fp4.sh"; it sources config_common_fp4.sh: "export FP4=True", "export FP8=False")',
  },
  {
    version: 'v5.1',
    benchmark: 'llama31_405b',
    sourceContains: 'Nebius/results/nebius_h200_n64/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.1@441d65f4 Nebius/results/nebius_h200_n64/llama31_405b/result_*.txt config dump ("fp8: true", "fp8_recipe: delayed", "precision: bf16"; all 3 logs)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Supermicro/results/SYS-422GA-NBRT-LCC/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 Supermicro/benchmarks/llama2_70b_lora/implementations/b200_nemo/config_common.sh ("export FP8=True"; its config_DGXB200_*.sh source it; no v5.0 llama config sets FP4)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Supermicro/results/AS-4126GS-NBR-LCC_N2/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 Supermicro/benchmarks/llama2_70b_lora/implementations/b200_nemo/config_common.sh ("export FP8=True"; its config_DGXB200_*.sh source it; no v5.0 llama config sets FP4)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Supermicro/results/AS-4125GS-TNHR2-LCC/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 Supermicro/results/AS-4125GS-TNHR2-LCC/llama2_70b_lora/result_*.txt config dump ("fp8: true", "precision: bf16-mixed"; all 10 logs)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Oracle/results/8xBM.GPU.B200.8/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 Oracle/benchmarks/llama2_70b_lora/implementations/8xBM.GPU.B200.8/config_common.sh ("export FP8=True"; config_DGXB200_8x8x1xtp1pp1cp8.sh sources it)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Oracle/results/2xBM.GPU.GB200.4/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 Oracle/benchmarks/llama2_70b_lora/implementations/2xBM.GPU.GB200.4/config_common.sh ("export FP8=True"; config_GB200_2x4x1xtp1pp1cp1.sh sources it)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Oracle/results/64xBM.GPU.H200.8/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 Oracle/results/64xBM.GPU.H200.8/llama2_70b_lora/result_*.txt config dump ("fp8: true", "precision: bf16-mixed"; all 10 logs)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'NVIDIA/results/tyche_ngpu512_ngc25.04_nemo/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 NVIDIA/benchmarks/llama2_70b_lora/implementations/tyche_ngpu512_ngc25.04_nemo/config_common.sh ("export FP8=True"; config_GB200_128x4x1xtp1pp1cp8.sh sources it)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'ASUSTeK/results/ESC_N8_E11_n2/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 ASUSTeK/benchmarks/llama2_70b_lora/implementations/pytorch/configs/config_common.sh ("export FP8=True"; config_ESC_N8_H200_n2.sh sources it)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'Lenovo/results/4xSR680Ax8H200-SXM-141GB/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 Lenovo/benchmarks/llama2_70b_lora/config_common.sh ("export FP8=True"; config_DGXH200_4x8x1xtp4pp1cp1.sh sources it)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama2_70b_lora',
    sourceContains: 'SCITIX/results/scitix_n8_ngc24.09_nemo/',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 SCITIX/results/scitix_n8_ngc24.09_nemo/llama2_70b_lora/result_*.txt config dump ("fp8: true", "precision: bf16-mixed"; all 10 logs)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama31_405b',
    sourceContains: 'IBM+CoreWeave+NVIDIA/results/carina_ngpu',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 IBM+CoreWeave+NVIDIA/benchmarks/llama31_405b/implementations/carina_ngpu{512,1024,2048}_ngc25.04_nemo/config_common.sh ("export FP8=True"; each folder\'s config_GB200_*.sh sources it)',
  },
  {
    version: 'v5.0',
    benchmark: 'llama31_405b',
    sourceContains: 'NVIDIA/results/eos-dfw_n',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 NVIDIA/benchmarks/llama31_405b/implementations/eos-dfw_n{64,256}_ngc25.01_nemo/config_common.sh ("export FP8=True")',
  },
  {
    version: 'v5.0',
    benchmark: 'llama31_405b',
    sourceContains: 'Nebius/results/nebius_soperator_8xH200_n',
    precision: 'fp8',
    citation:
      'mlcommons/training_results_v5.0@0fdc28f0 Nebius/results/nebius_soperator_8xH200_n{64,128}_ngc25.01_nemo/llama31_405b/result_*.txt config dump ("fp8: true", "fp8_recipe: delayed", "precision: bf16"; all 3 logs)',
  },
];
