import { MARKETS, PRICING_CATEGORIES } from './registries.js';
import {
  COMPLIANCE_REQUIREMENTS,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  GPU_POLICIES,
  INTERCONNECTS,
  OUTPUT_UNITS,
  PRECISIONS,
  TRAINING_METHODS,
  WORKLOAD_KINDS,
} from './vocabulary.js';
import { WORKLOAD_TASKS } from './workloadTasks.js';

/**
 * The public field names of a workload profile. They are a contract: CSV columns use the same names, in
 * this order, and list fields (`compliance`, `residency`) are `;`-separated in CSV.
 */
export const WORKLOAD_PROFILE_FIELDS = [
  'id',
  'name',
  'kind',
  'modelParamsBillions',
  'precision',
  'gpuType',
  'gpusPerReplica',
  'nodes',
  'interconnect',
  'gpuHoursPerMonth',
  'jobsPerMonth',
  'hoursPerJob',
  'peakToMeanRatio',
  'datasetGiB',
  'egressGiBPerMonth',
  'dataSensitivity',
  'compliance',
  'residency',
  'availabilityTarget',
  'p99LatencyMs',
  'usersRegion',
  'interruptible',
  'checkpointable',
  'checkpointMinutes',
  'restartMinutes',
  'costSensitivity',
  'horizonMonths',
] as const;

/** Optional fields that joined after the contract; they never rename a contract field. */
export const WORKLOAD_PROFILE_EXTRA_FIELDS = [
  'statelessRequests',
  'gpuPolicy',
  'allowedPricingCategories',
  'allowedMarkets',
  'allowedProviders',
  'excludedProviders',
  'outputUnit',
  'outputPerMonth',
  'model',
  'customWeights',
  'inputTokensPerMonth',
  'task',
  'trainingMethod',
  'growsWithDemand',
  'startupMinutes',
  'ingressGiBPerMonth',
] as const;

export type WorkloadField =
  | (typeof WORKLOAD_PROFILE_FIELDS)[number]
  | (typeof WORKLOAD_PROFILE_EXTRA_FIELDS)[number];

/**
 * What an absent field becomes: `required` (no default: the row is refused), `id` (the workload's id), `kind` (the
 * default of the workload's kind, `workloadKinds[kind].defaults`), or the value itself (`null` = stays unknown).
 * A list's default is always the empty list.
 */
export type WorkloadFieldDefault = 'required' | 'id' | 'kind' | number | null;

/** One field of a workload profile: its type, bounds, vocabulary and default. */
export type WorkloadFieldSpec =
  | {
      readonly type: 'text';
      readonly maxLength: number;
      /** The pattern the trimmed text must match. */
      readonly pattern?: RegExp;
      readonly default: WorkloadFieldDefault;
    }
  | {
      readonly type: 'number';
      readonly min: number;
      readonly max: number;
      /** A whole number. */
      readonly integer: boolean;
      /** `max` itself is refused (x < max). */
      readonly maxExclusive: boolean;
      /** The unit a message names ("GiB a month"); empty when none. */
      readonly unit: string;
      readonly default: WorkloadFieldDefault;
    }
  | {
      readonly type: 'enum';
      readonly values: readonly [string, ...string[]];
      readonly default: WorkloadFieldDefault;
    }
  | { readonly type: 'boolean'; readonly default: WorkloadFieldDefault }
  /** A `;` list in CSV: of vocabulary words, of residency places (countries, blocs) or of provider ids. */
  | { readonly type: 'list'; readonly item: 'enum'; readonly values: readonly [string, ...string[]] }
  | { readonly type: 'list'; readonly item: 'place' }
  | { readonly type: 'list'; readonly item: 'provider'; readonly maxLength: number }
  /** A users' region: a country, a bloc, a continent or `global`. */
  | { readonly type: 'usersPlace'; readonly default: null };

function text<const D extends WorkloadFieldDefault>(
  maxLength: number,
  d: D,
): { type: 'text'; maxLength: number; default: D };
function text<const D extends WorkloadFieldDefault>(
  maxLength: number,
  d: D,
  pattern: RegExp,
): { type: 'text'; maxLength: number; pattern: RegExp; default: D };
function text(maxLength: number, d: WorkloadFieldDefault, pattern?: RegExp) {
  return pattern === undefined
    ? { type: 'text', maxLength, default: d }
    : { type: 'text', maxLength, pattern, default: d };
}
const num = <const D extends WorkloadFieldDefault>(min: number, max: number, unit: string, d: D) =>
  ({ type: 'number', min, max, integer: false, maxExclusive: false, unit, default: d }) as const;
const whole = <const D extends WorkloadFieldDefault>(max: number, d: D) =>
  ({ type: 'number', min: 1, max, integer: true, maxExclusive: false, unit: '', default: d }) as const;
const oneOf = <const V extends readonly [string, ...string[]], const D extends WorkloadFieldDefault>(
  values: V,
  d: D,
) => ({ type: 'enum', values, default: d }) as const;
const flag = { type: 'boolean', default: 'kind' } as const;
const listOf = <const V extends readonly [string, ...string[]]>(values: V) =>
  ({ type: 'list', item: 'enum', values }) as const;
const providers = { type: 'list', item: 'provider', maxLength: 64 } as const;

/**
 * The field table of a workload profile, in contract order: the bounds, patterns, vocabularies and defaults that
 * `workloadProfileInputSchema` and `workloadProfileSchema` are built from and the CSV fast decoder (gpufit's
 * io/fastWorkloadProfile.ts) reads. Messages and refinements that span fields (the demand) stay in the schema.
 */
export const WORKLOAD_FIELDS = {
  id: text(64, 'required', /^[A-Za-z0-9][A-Za-z0-9._:-]*$/),
  name: text(200, 'id'),
  kind: oneOf(WORKLOAD_KINDS, 'required'),
  modelParamsBillions: num(0.001, 100_000, 'billion parameters', 'kind'),
  precision: oneOf(PRECISIONS, 'kind'),
  gpuType: text(64, null),
  gpusPerReplica: whole(1024, null),
  nodes: whole(100_000, 1),
  interconnect: oneOf(INTERCONNECTS, 'kind'),
  gpuHoursPerMonth: num(0, 1e9, 'GPU-hours a month', null),
  jobsPerMonth: num(0, 1e9, 'jobs a month', null),
  hoursPerJob: num(0.001, 100_000, 'hours', 'kind'),
  peakToMeanRatio: num(1, 1000, '', 'kind'),
  datasetGiB: num(0, 1e9, 'GiB', 0),
  egressGiBPerMonth: num(0, 1e9, 'GiB a month', 0),
  dataSensitivity: oneOf(DATA_SENSITIVITIES, 'kind'),
  compliance: listOf(COMPLIANCE_REQUIREMENTS),
  residency: { type: 'list', item: 'place' },
  availabilityTarget: { ...num(0, 1, '', 'kind'), maxExclusive: true },
  p99LatencyMs: num(1, 86_400_000, 'ms', 'kind'),
  usersRegion: { type: 'usersPlace', default: null },
  interruptible: flag,
  checkpointable: flag,
  checkpointMinutes: num(0, 10_000, 'minutes', 5),
  restartMinutes: num(0, 10_000, 'minutes', 10),
  costSensitivity: oneOf(COST_SENSITIVITIES, 'kind'),
  horizonMonths: whole(120, 12),
  statelessRequests: flag,
  gpuPolicy: oneOf(GPU_POLICIES, null),
  allowedPricingCategories: listOf(PRICING_CATEGORIES),
  allowedMarkets: listOf(MARKETS),
  allowedProviders: providers,
  excludedProviders: providers,
  outputUnit: oneOf(OUTPUT_UNITS, 'kind'),
  outputPerMonth: num(0.001, 1e15, 'units of output a month', null),
  model: text(200, null),
  customWeights: { type: 'boolean', default: null },
  inputTokensPerMonth: num(0, 1e15, 'input tokens a month', null),
  task: oneOf(WORKLOAD_TASKS, null),
  trainingMethod: oneOf(TRAINING_METHODS, 'kind'),
  // Unset (null) = the kind decides (`workloadKinds[kind].growsWithDemand`, read through `demandGrowthOf`).
  growsWithDemand: { type: 'boolean', default: null },
  // Unset (null) = the workload's `restartMinutes` (a gpufit assumption, read by pricing's profileFacts).
  startupMinutes: num(0, 10_000, 'minutes', null),
  ingressGiBPerMonth: num(0, 1e9, 'GiB a month', 0),
} as const satisfies { readonly [F in WorkloadField]: WorkloadFieldSpec };
