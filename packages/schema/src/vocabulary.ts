/**
 * The closed vocabularies of gpufit inputs. Each is an ordered tuple so that an order (less → more
 * sensitive, weaker → stronger interconnect) is data rather than code.
 */

export const WORKLOAD_KINDS = [
  'realtime-inference',
  'batch-inference',
  'experimentation',
  'multi-node-training',
  'fine-tuning',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Ordered from least to most sensitive. */
export const DATA_SENSITIVITIES = ['public', 'internal', 'confidential', 'regulated'] as const;
export type DataSensitivity = (typeof DATA_SENSITIVITIES)[number];

/** Ordered from weakest to strongest node-to-node fabric. */
export const INTERCONNECTS = ['none', 'nvlink', 'infiniband'] as const;
export type Interconnect = (typeof INTERCONNECTS)[number];

export const COST_SENSITIVITIES = ['low', 'medium', 'high'] as const;
export type CostSensitivity = (typeof COST_SENSITIVITIES)[number];

export const COMPLIANCE_REQUIREMENTS = ['soc2', 'hipaa', 'iso27001', 'pci-dss', 'gdpr', 'fedramp'] as const;
export type ComplianceRequirement = (typeof COMPLIANCE_REQUIREMENTS)[number];

export const HOSTINGS = ['datacenter', 'community'] as const;
export type Hosting = (typeof HOSTINGS)[number];

/**
 * How an offer's source lists the regions of its instance type (offer column `regionListing`): `per-type` = the
 * regions each type is offered in; `every-region` = every region of the provider for every type, so a row does not
 * show its type is offered in its region (SkyPilot's Lambda catalog: "live availability not encoded").
 */
export const REGION_LISTINGS = ['per-type', 'every-region'] as const;
export type RegionListing = (typeof REGION_LISTINGS)[number];

/**
 * Which GPUs may price a workload that names a `gpuType`: `exact` = that GPU tier only; `measured` = that tier
 * or another where a measured throughput ratio (MLPerf or another published benchmark) exists for the workload's
 * class and model-size band; `any` = any GPU that holds the model, measured ratios where they exist and no
 * speed-up credited where none does. A workload that names no `gpuType` has no GPU to keep: under `measured` any
 * GPU may price its hours, as under `any` (a served one with a p99 budget not on a GPU slower by its datasheet).
 */
export const GPU_POLICIES = ['exact', 'measured', 'any'] as const;
export type GpuPolicy = (typeof GPU_POLICIES)[number];

/**
 * How a network settles: in a USD-pegged currency (USD, USDC), in its own incentive token (the USD cost follows
 * the token price), or either at the tenant's choice (priced as USD-pegged: a tenant can pay the stable one).
 */
export const DENOMINATIONS = ['usd-pegged', 'token', 'either'] as const;
export type Denomination = (typeof DENOMINATIONS)[number];

/**
 * How a training workload updates the model: `full` = every weight trains (gradients and Adam state for all of
 * them: pre-training, a full fine-tune); `lora` = the weights stay frozen at the stated precision and small low-rank
 * adapters train (Hu et al. 2021); `qlora` = the frozen weights are held in 4-bit NormalFloat and adapters train
 * (Dettmers et al. 2023). Sizes memory and checkpoints (`trainingMemory.ts`); inference kinds take none.
 */
export const TRAINING_METHODS = ['full', 'lora', 'qlora'] as const;
export type TrainingMethod = (typeof TRAINING_METHODS)[number];

/** Bytes per parameter of each numeric precision (weights only). */
export const PRECISION_BYTES = {
  fp32: 4,
  tf32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
} as const;
export type Precision = keyof typeof PRECISION_BYTES;
export const PRECISIONS = Object.keys(PRECISION_BYTES) as [Precision, ...Precision[]];

/**
 * Regional blocs a residency rule or a users' region may name besides ISO-3166 alpha-2 countries.
 * EU = European Union members, EEA = EU + Iceland, Liechtenstein, Norway.
 */
export const BLOCS = ['EU', 'EEA', 'NA', 'LATAM', 'APAC', 'MEA'] as const;
export type Bloc = (typeof BLOCS)[number];

/**
 * Continents a users' region or an offer filter may name (not a residency rule: a continent is not a legal
 * jurisdiction). Members by UN M49 region; the Americas split into north-america (M49 Northern America, Central
 * America and the Caribbean) and south-america (M49 South America).
 */
export const CONTINENTS = [
  'africa',
  'antarctica',
  'asia',
  'europe',
  'north-america',
  'oceania',
  'south-america',
] as const;
export type Continent = (typeof CONTINENTS)[number];

/** A users' region that is everywhere: the users are spread over the world. */
export const GLOBAL_PLACE = 'global';

/** `true`/`false` spellings accepted from CSV cells. */
export const TRUE_WORDS = ['true', 'yes', 'y', '1'] as const;
export const FALSE_WORDS = ['false', 'no', 'n', '0'] as const;

export const HOURS_PER_MONTH = 730;

/**
 * Units of output a serving or batch-inference workload can be priced per: generated tokens (cost per 1M),
 * generated images (cost per image) and transcribed audio (cost per audio hour). `datasets/unit-throughput.csv`
 * has measured rates for tokens and images; audio has none yet (a gap, priced only at a stated volume).
 */
export const OUTPUT_UNITS = ['tokens', 'images', 'audio-hours'] as const;
export type OutputUnit = (typeof OUTPUT_UNITS)[number];

/**
 * Where a measured output rate comes from: MLPerf Inference `Server` (latency-bounded, the serving rate), MLPerf
 * `Offline` (every query at once, the batch rate) or a labelled non-MLPerf `vLLM serving` benchmark run.
 */
export const UNIT_THROUGHPUT_SCENARIOS = ['Server', 'Offline', 'vLLM serving'] as const;
export type UnitThroughputScenario = (typeof UNIT_THROUGHPUT_SCENARIOS)[number];
