import type {
  CostSensitivity,
  DataSensitivity,
  Interconnect,
  OutputUnit,
  Precision,
  TrainingMethod,
  WorkloadKind,
} from './vocabulary.js';

/**
 * What a workload kind is, as data. Shared code reads these fields; it never compares a kind's name.
 * - `phase`: inference sizes memory for weights + KV cache; training adds gradients and optimizer state.
 * - `pattern`: serving runs continuously behind an availability target (redundancy buys uptime);
 *   batch runs jobs that finish (interruptions cost re-work, checkpoints bound it).
 * - `defaults`: what fills a profile field its author left empty (documented in docs/schema.md).
 */
export interface WorkloadKindSpec {
  readonly id: WorkloadKind;
  readonly label: string;
  readonly phase: 'inference' | 'training';
  readonly pattern: 'serving' | 'batch';
  /**
   * Which relative-throughput column of the GPU tier table prices this kind's work (`datasets/gpu-tiers.csv`:
   * relThroughputInference / relThroughputTraining / relThroughputFineTuning).
   */
  readonly throughputClass: ThroughputClass;
  /**
   * Whether the kind's work follows the scenario's demand growth (`demandGrowthMonthly`): a served API's traffic
   * and a recurring batch over new data grow with the customers; a training run, a fine-tune or a research sweep is
   * sized by its plan, not by customer demand, so its months stay at month 1's size. A gpufit assumption
   * (docs/methodology.md, "Demand growth"), read through `demandGrowthOf`.
   */
  readonly growsWithDemand: boolean;
  readonly defaults: WorkloadKindDefaults;
}

/** The workload classes GPU tiers publish a relative throughput for. */
export const THROUGHPUT_CLASSES = ['inference', 'training', 'fine-tuning'] as const;
export type ThroughputClass = (typeof THROUGHPUT_CLASSES)[number];

export interface WorkloadKindDefaults {
  readonly modelParamsBillions: number;
  readonly precision: Precision;
  readonly interconnect: Interconnect;
  readonly hoursPerJob: number;
  readonly peakToMeanRatio: number;
  readonly dataSensitivity: DataSensitivity;
  readonly availabilityTarget: number;
  readonly p99LatencyMs: number | null;
  readonly interruptible: boolean;
  readonly checkpointable: boolean;
  readonly costSensitivity: CostSensitivity;
  readonly statelessRequests: boolean;
  /** What the workload outputs, for its cost per unit of output: `tokens` for inference kinds, none otherwise. */
  readonly outputUnit: OutputUnit | null;
  /**
   * How a training kind updates the model when the workload does not say (`trainingMemory.ts` sizes its memory and
   * checkpoints); `null` for inference kinds, which train nothing and refuse the field.
   */
  readonly trainingMethod: TrainingMethod | null;
  /**
   * Train fully instead, when the full run fits one 80 GB GPU (`defaultTrainingMethod`): set for experimentation,
   * whose sweeps of small models usually train every weight.
   */
  readonly fullTrainingWhenOneGpuHolds?: boolean;
}

function defineKinds<const T extends Record<WorkloadKind, Omit<WorkloadKindSpec, 'id'>>>(
  specs: T,
): { readonly [K in WorkloadKind]: WorkloadKindSpec } {
  const out = {} as Record<WorkloadKind, WorkloadKindSpec>;
  for (const id of Object.keys(specs) as WorkloadKind[]) out[id] = { id, ...specs[id] };
  return out;
}

export const workloadKinds = defineKinds({
  'realtime-inference': {
    label: 'Real-time production inference',
    phase: 'inference',
    pattern: 'serving',
    throughputClass: 'inference',
    growsWithDemand: true,
    defaults: {
      modelParamsBillions: 8,
      precision: 'fp16',
      interconnect: 'none',
      hoursPerJob: 1,
      peakToMeanRatio: 2.5,
      dataSensitivity: 'internal',
      availabilityTarget: 0.999,
      p99LatencyMs: 1000,
      interruptible: false,
      checkpointable: false,
      costSensitivity: 'medium',
      statelessRequests: true,
      outputUnit: 'tokens',
      trainingMethod: null,
    },
  },
  'batch-inference': {
    label: 'Batch inference',
    phase: 'inference',
    pattern: 'batch',
    throughputClass: 'inference',
    growsWithDemand: true,
    defaults: {
      modelParamsBillions: 8,
      precision: 'fp16',
      interconnect: 'none',
      hoursPerJob: 4,
      peakToMeanRatio: 1,
      dataSensitivity: 'internal',
      availabilityTarget: 0.95,
      p99LatencyMs: null,
      interruptible: true,
      checkpointable: true,
      costSensitivity: 'high',
      statelessRequests: true,
      outputUnit: 'tokens',
      trainingMethod: null,
    },
  },
  experimentation: {
    label: 'Model experimentation',
    phase: 'training',
    pattern: 'batch',
    throughputClass: 'training',
    growsWithDemand: false,
    defaults: {
      modelParamsBillions: 7,
      precision: 'bf16',
      interconnect: 'none',
      hoursPerJob: 6,
      peakToMeanRatio: 2,
      dataSensitivity: 'internal',
      availabilityTarget: 0.9,
      p99LatencyMs: null,
      interruptible: true,
      checkpointable: true,
      costSensitivity: 'high',
      statelessRequests: true,
      outputUnit: null,
      // Short research runs of a 7B-class model on one rented card are adapter runs: training all of its weights
      // needs 104 GiB, more than one 80 GB card. Sweeps of a model whose full run fits one 80 GB GPU (up to 5.28B
      // at bf16) train fully. Gpufit assumptions, said as assumed wherever they are used.
      trainingMethod: 'lora',
      fullTrainingWhenOneGpuHolds: true,
    },
  },
  'multi-node-training': {
    label: 'Large multi-node training',
    phase: 'training',
    pattern: 'batch',
    throughputClass: 'training',
    growsWithDemand: false,
    defaults: {
      modelParamsBillions: 70,
      precision: 'bf16',
      interconnect: 'infiniband',
      hoursPerJob: 336,
      peakToMeanRatio: 1,
      dataSensitivity: 'confidential',
      availabilityTarget: 0.99,
      p99LatencyMs: null,
      interruptible: false,
      checkpointable: true,
      costSensitivity: 'medium',
      statelessRequests: false,
      outputUnit: null,
      // Pre-training and continued training update every weight.
      trainingMethod: 'full',
    },
  },
  'fine-tuning': {
    label: 'Fine-tuning smaller models',
    phase: 'training',
    pattern: 'batch',
    throughputClass: 'fine-tuning',
    growsWithDemand: false,
    defaults: {
      modelParamsBillions: 8,
      precision: 'bf16',
      interconnect: 'none',
      hoursPerJob: 8,
      peakToMeanRatio: 1,
      dataSensitivity: 'internal',
      availabilityTarget: 0.95,
      p99LatencyMs: null,
      interruptible: true,
      checkpointable: true,
      costSensitivity: 'high',
      statelessRequests: true,
      outputUnit: null,
      // The seed's "fine-tuning smaller models" row (DePIN fit High) is the adapter fine-tune that fits one rented
      // card: PEFT "enables training and storing large models on consumer GPUs" (Hugging Face Transformers docs,
      // "PEFT"). A gpufit assumption, said as assumed wherever it is used, with a full fine-tune's footprint beside it.
      trainingMethod: 'lora',
    },
  },
});
