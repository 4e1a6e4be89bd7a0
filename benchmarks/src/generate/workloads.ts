import { closeSync, openSync, writeSync } from 'node:fs';
import {
  type ComplianceRequirement,
  type CostSensitivity,
  type DataSensitivity,
  defaultTrainingMethod,
  type Interconnect,
  type Precision,
  WORKLOAD_PROFILE_FIELDS,
  type WorkloadKind,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';
import { Prng } from './prng.js';

/**
 * Realistic, valid workload profiles for benchmarks, generated from a seed: profile i depends only on (seed, i),
 * so a million-row file and a 500-profile sample agree row for row. The mix follows the example portfolios in
 * datasets/workloads/ (every kind, model sizes from 0.5B to 405B, a minority naming a GPU, some compliance and
 * residency rules); the numbers are benchmark inputs, not claims about anyone's workloads.
 */

const KINDS: readonly (readonly [WorkloadKind, number])[] = [
  ['realtime-inference', 25],
  ['batch-inference', 25],
  ['experimentation', 20],
  ['multi-node-training', 10],
  ['fine-tuning', 20],
];
const SMALL_MODELS = [0.5, 1.3, 3, 7, 8, 13, 14] as const;
const LARGE_MODELS = [32, 34, 70, 72, 175, 405] as const;
const GPU_NAMES = [
  'H100',
  'A100-80GB',
  'L40S',
  'RTX4090',
  'A10G',
  'L4',
  'H200',
  'A100-40GB',
  'RTX3090',
] as const;
const SENSITIVITIES: readonly (readonly [DataSensitivity, number])[] = [
  ['public', 20],
  ['internal', 50],
  ['confidential', 20],
  ['regulated', 10],
];
const COMPLIANCE: readonly (readonly [readonly ComplianceRequirement[], number])[] = [
  [[], 60],
  [['soc2'], 15],
  [['soc2', 'iso27001'], 10],
  [['hipaa'], 5],
  [['gdpr'], 5],
  [['pci-dss', 'soc2'], 5],
];
const RESIDENCY: readonly (readonly [readonly string[], number])[] = [
  [[], 70],
  [['EU'], 10],
  [['US'], 10],
  [['DE'], 5],
  [['APAC'], 5],
];
const COST: readonly (readonly [CostSensitivity, number])[] = [
  ['low', 20],
  ['medium', 40],
  ['high', 40],
];

/** Workload profile `i` of the stream `seed`, resolved exactly as the schema resolves its CSV row. */
export function generateProfile(seed: number, i: number): WorkloadProfile {
  const r = new Prng((seed * 0x9e3779b1) ^ i);
  const kind = r.weighted(KINDS);
  const spec = workloadKinds[kind];
  const serving = spec.pattern === 'serving';
  const multiNode = spec.phase === 'training' && spec.defaults.interconnect === 'infiniband';
  const big = multiNode ? r.chance(0.8) : r.chance(0.15);
  const modelParamsBillions = r.pick<number>(big ? LARGE_MODELS : SMALL_MODELS);
  const precision: Precision =
    spec.phase === 'inference'
      ? r.weighted<Precision>([
          ['fp16', 40],
          ['bf16', 30],
          ['fp8', 15],
          ['int8', 10],
          ['int4', 5],
        ])
      : r.weighted<Precision>([
          ['bf16', 70],
          ['fp16', 25],
          ['fp32', 5],
        ]);
  const gpuType = r.chance(0.3) ? r.pick(GPU_NAMES) : null;
  const nodes = multiNode ? r.pick([2, 4, 8, 16, 32, 64]) : 1;
  const interconnect: Interconnect = multiNode
    ? r.chance(0.7)
      ? 'infiniband'
      : 'none'
    : r.chance(0.15)
      ? 'nvlink'
      : 'none';
  const gpusPerReplica = r.chance(0.4) ? r.pick([1, 2, 4, 8]) : null;
  const byJobs = !serving && r.chance(0.5);
  const hoursPerJob = r.logUniform(0.1, multiNode ? 500 : 48, 2);
  const jobsPerMonth = byJobs ? r.int(1, 2000) : null;
  const gpuHoursPerMonth = byJobs ? null : r.logUniform(10, 50_000, 1);
  const peakToMeanRatio = serving ? r.pick([1.5, 2, 2.5, 3, 4]) : r.pick([1, 1, 1.5, 2]);
  const datasetGiB = r.chance(0.2) ? 0 : r.logUniform(1, 20_000, 1);
  const egressGiBPerMonth = r.chance(0.3) ? 0 : r.logUniform(1, 5_000, 1);
  const dataSensitivity = r.weighted(SENSITIVITIES);
  const compliance = [...r.weighted(COMPLIANCE)];
  const residency = [...r.weighted(RESIDENCY)];
  const availabilityTarget = serving ? r.pick([0.99, 0.995, 0.999, 0.9995]) : r.pick([0.9, 0.95, 0.99]);
  const p99LatencyMs = serving ? r.pick([100, 250, 500, 1000, 2000, 5000]) : null;
  const usersRegion = serving ? r.pick(['US', 'EU', 'APAC', 'DE']) : null;
  const interruptible = serving ? r.chance(0.2) : r.chance(0.75);
  const checkpointable = serving ? false : r.chance(0.8);
  const checkpointMinutes = r.int(1, 30);
  const restartMinutes = r.int(1, 30);
  const costSensitivity = r.weighted(COST);
  const horizonMonths = r.pick([6, 12, 24, 36]);
  const id = `w${String(i).padStart(7, '0')}`;
  return {
    id,
    name: r.chance(0.1) ? `Team ${i % 97}, job "${id}"` : `Workload ${id}`,
    kind,
    modelParamsBillions,
    precision,
    gpuType,
    gpusPerReplica,
    nodes,
    interconnect,
    gpuHoursPerMonth,
    jobsPerMonth,
    hoursPerJob,
    peakToMeanRatio,
    datasetGiB,
    egressGiBPerMonth,
    dataSensitivity,
    compliance,
    residency,
    availabilityTarget,
    p99LatencyMs,
    usersRegion,
    interruptible,
    checkpointable,
    checkpointMinutes,
    restartMinutes,
    costSensitivity,
    horizonMonths,
    statelessRequests: spec.defaults.statelessRequests,
    gpuPolicy: null,
    allowedPricingCategories: [],
    allowedMarkets: [],
    allowedProviders: [],
    excludedProviders: [],
    outputUnit: spec.defaults.outputUnit,
    outputPerMonth: null,
    model: null,
    customWeights: null,
    inputTokensPerMonth: null,
    task: null,
    trainingMethod: defaultTrainingMethod(spec.defaults, modelParamsBillions, precision),
    growsWithDemand: null,
    startupMinutes: null,
    ingressGiBPerMonth: 0,
    // As read back from its CSV line: an empty p99LatencyMs cell and the absent statelessRequests, outputUnit and
    // trainingMethod columns' defaults (outputUnit only for the inference kinds, trainingMethod only for the others).
    assumed: [
      ...(p99LatencyMs === null ? (['p99LatencyMs'] as const) : []),
      'statelessRequests',
      ...(spec.defaults.outputUnit === null ? [] : (['outputUnit'] as const)),
      ...(spec.defaults.trainingMethod === null ? [] : (['trainingMethod'] as const)),
    ],
  };
}

export function generateProfiles(seed: number, count: number, start = 0): WorkloadProfile[] {
  const out: WorkloadProfile[] = new Array(count);
  for (let k = 0; k < count; k++) out[k] = generateProfile(seed, start + k);
  return out;
}

/** The CSV header: all of `WORKLOAD_PROFILE_FIELDS`, in contract order. */
export const WORKLOAD_CSV_HEADER = WORKLOAD_PROFILE_FIELDS.join(',');

/** One CSV line (no line break) for a profile, with its columns in `WORKLOAD_PROFILE_FIELDS` order. */
export function workloadCsvLine(p: WorkloadProfile): string {
  const cells: string[] = new Array(WORKLOAD_PROFILE_FIELDS.length);
  for (let c = 0; c < WORKLOAD_PROFILE_FIELDS.length; c++) {
    const v = p[WORKLOAD_PROFILE_FIELDS[c]!];
    cells[c] = Array.isArray(v) ? v.join(';') : v === null ? '' : quote(String(v));
  }
  return cells.join(',');
}

function quote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes `rows` generated profiles of `seed` as a workloads CSV at `path`; returns the bytes written. */
export function writeWorkloadCsv(path: string, seed: number, rows: number): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    let chunk = `${WORKLOAD_CSV_HEADER}\n`;
    for (let i = 0; i < rows; i++) {
      chunk += `${workloadCsvLine(generateProfile(seed, i))}\n`;
      if (chunk.length > 1 << 20) {
        bytes += writeSync(fd, chunk);
        chunk = '';
      }
    }
    bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
