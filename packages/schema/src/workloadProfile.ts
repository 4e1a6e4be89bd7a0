import { z } from 'zod';
import { boundedNumber, nonEmptyText, oneOf, placeCode, positiveInt, usersPlace } from './common.js';
import { assumedList, withoutNulls } from './readBack.js';
import { taskOfModel } from './taskOfModel.js';
import { defaultTrainingMethod } from './trainingMemory.js';
import { type OutputUnit, WORKLOAD_KINDS, type WorkloadKind } from './vocabulary.js';
import {
  WORKLOAD_FIELDS,
  WORKLOAD_PROFILE_FIELDS,
  type WorkloadField,
  type WorkloadFieldSpec,
} from './workloadFields.js';
import { workloadKinds } from './workloadKinds.js';
import { type WorkloadTask, workloadTasks } from './workloadTasks.js';

export { WORKLOAD_PROFILE_EXTRA_FIELDS, WORKLOAD_PROFILE_FIELDS } from './workloadFields.js';

const F = WORKLOAD_FIELDS;

type NumberField = {
  [K in WorkloadField]: (typeof F)[K] extends { type: 'number' } ? K : never;
}[WorkloadField];

/** A number field with the bounds and unit of its `WORKLOAD_FIELDS` entry. */
function numberField(name: Exclude<NumberField, 'availabilityTarget'>) {
  const f: WorkloadFieldSpec & { type: 'number' } = F[name];
  if (f.integer && f.min !== 1) throw new Error(`${name}: a whole-number field starts at 1`);
  return f.integer ? positiveInt(name, f.max) : boundedNumber(name, f.min, f.max, f.unit);
}

/** A provider id as offers spell it (`aws`, `vast`, `akash`), lower-cased. */
const providerId = nonEmptyText('provider', F.allowedProviders.maxLength).transform((s) => s.toLowerCase());

const availability = z
  .number({ error: 'availabilityTarget must be a number between 0 and 1, e.g. 0.999 for 99.9%' })
  .min(F.availabilityTarget.min, {
    error: 'availabilityTarget must be between 0 and 1, e.g. 0.999 for 99.9%',
  })
  .max(F.availabilityTarget.max, {
    // Above 1 the next check's "100% cannot be reached" would be a second, wrong message.
    abort: true,
    error: (i) => {
      const v = Number(i.input);
      const hint = v > 1 && v <= 100 ? ` If you meant ${v}%, write ${Math.round(v * 1e4) / 1e6}.` : '';
      return `availabilityTarget must be between 0 and 1, e.g. 0.999 for 99.9%; got ${v}.${hint}`;
    },
  })
  // maxExclusive: the bound itself is refused.
  .lt(F.availabilityTarget.max, {
    error: 'availabilityTarget of 1 (100%) cannot be reached by any number of replicas; use e.g. 0.9999',
  });

/** The shape a user writes: only `id`, `kind` and the demand are required. */
export const workloadProfileInputSchema = z
  .object({
    id: nonEmptyText('id', F.id.maxLength).regex(F.id.pattern, {
      error: 'id may use letters, digits and . _ : - only, and must start with a letter or digit',
    }),
    name: nonEmptyText('name', F.name.maxLength).optional(),
    kind: oneOf('kind', F.kind.values),
    modelParamsBillions: numberField('modelParamsBillions').optional(),
    precision: oneOf('precision', F.precision.values).optional(),
    /**
     * The GPU the demand's hours were counted on. Absent: the hours are read as L4-hours for inference whose
     * replica fits one L4, else as A100-80GB hours (a gpufit assumption each estimate states; `referenceGpu` of
     * `@gpufit/pricing`).
     */
    gpuType: nonEmptyText('gpuType', F.gpuType.maxLength).optional(),
    gpusPerReplica: numberField('gpusPerReplica').optional(),
    nodes: numberField('nodes').optional(),
    interconnect: oneOf('interconnect', F.interconnect.values).optional(),
    /** GPU-hours a month on the `gpuType` (or the GPU it is read in when none is named). */
    gpuHoursPerMonth: numberField('gpuHoursPerMonth').optional(),
    jobsPerMonth: numberField('jobsPerMonth').optional(),
    hoursPerJob: numberField('hoursPerJob').optional(),
    peakToMeanRatio: numberField('peakToMeanRatio').optional(),
    datasetGiB: numberField('datasetGiB').optional(),
    egressGiBPerMonth: numberField('egressGiBPerMonth').optional(),
    dataSensitivity: oneOf('dataSensitivity', F.dataSensitivity.values).optional(),
    compliance: z.array(oneOf('compliance', F.compliance.values)).optional(),
    residency: z.array(placeCode).optional(),
    availabilityTarget: availability.optional(),
    p99LatencyMs: numberField('p99LatencyMs').optional(),
    /** Where the users are: a country, a bloc, a continent or `global`. */
    usersRegion: usersPlace.optional(),
    interruptible: z.boolean({ error: 'interruptible must be true or false' }).optional(),
    checkpointable: z.boolean({ error: 'checkpointable must be true or false' }).optional(),
    checkpointMinutes: numberField('checkpointMinutes').optional(),
    restartMinutes: numberField('restartMinutes').optional(),
    costSensitivity: oneOf('costSensitivity', F.costSensitivity.values).optional(),
    horizonMonths: numberField('horizonMonths').optional(),
    statelessRequests: z.boolean({ error: 'statelessRequests must be true or false' }).optional(),
    /** Which GPUs may price the work when `gpuType` is named (default `measured`). */
    gpuPolicy: oneOf('gpuPolicy', F.gpuPolicy.values).optional(),
    /** Narrow the offers this workload may run on; empty or absent = no restriction. */
    allowedPricingCategories: z
      .array(oneOf('allowedPricingCategories', F.allowedPricingCategories.values))
      .optional(),
    allowedMarkets: z.array(oneOf('allowedMarkets', F.allowedMarkets.values)).optional(),
    allowedProviders: z.array(providerId).optional(),
    excludedProviders: z.array(providerId).optional(),
    /** What the workload outputs (inference kinds): tokens (default), images or audio-hours. */
    outputUnit: oneOf('outputUnit', F.outputUnit.values).optional(),
    /** The workload's stated output a month, in `outputUnit` (inference kinds; needs `outputUnit`). */
    outputPerMonth: numberField('outputPerMonth').optional(),
    /**
     * The model served, by name ("Llama 3.1 70B Instruct", "meta-llama/Meta-Llama-3.1-70B-Instruct"): matched to
     * hosted API prices of the same open-weight model.
     */
    model: nonEmptyText('model', F.model.maxLength).optional(),
    /** The weights are fine-tuned or proprietary: no hosted API sells them per token. */
    customWeights: z.boolean({ error: 'customWeights must be true or false' }).optional(),
    /** Prompt (input) tokens a month, beside the generated ones of `outputPerMonth` (inference, tokens). */
    inputTokensPerMonth: numberField('inputTokensPerMonth').optional(),
    /**
     * What the model does (text-generation, speech-to-text, …): GPUs are converted at ratios measured on that
     * task's benchmarks only, and an inference workload's default `outputUnit` is the task's.
     */
    task: oneOf('task', F.task.values).optional(),
    /**
     * How a training workload updates the model: full (every weight), lora (frozen weights + adapters) or qlora
     * (4-bit frozen weights + adapters). Sizes its memory and checkpoints; inference kinds refuse it.
     */
    trainingMethod: oneOf('trainingMethod', F.trainingMethod.values).optional(),
    /**
     * Whether the workload's demand follows a scenario's `demandGrowthMonthly`. Absent: its kind's rule (inference
     * grows; training, fine-tuning and experimentation keep their size: `workloadKinds[kind].growsWithDemand`).
     * `true` for training work that grows with the customers (per-customer fine-tunes), `false` for an inference
     * workload sized by a plan (a fixed evaluation batch). Read through `demandGrowthOf`.
     */
    growsWithDemand: z.boolean({ error: 'growsWithDemand must be true or false' }).optional(),
    /**
     * Minutes each run of a stated job (`jobsPerMonth`) spends starting on each shard's GPUs before its work
     * begins: pulling its image, loading its weights. Absent: the workload's `restartMinutes` (a gpufit
     * assumption). A start-up with the image cached and the weights on local NVMe is often 1–3 minutes, shorter
     * than a restart after a failure (detect, reschedule, fetch a checkpoint); 0 = no start-up is priced.
     */
    startupMinutes: numberField('startupMinutes').optional(),
    /**
     * GiB uploaded to the provider every month, on top of the one-time `datasetGiB` (new audio to transcribe, fresh
     * training data): priced at the offer's ingress rate each month and, like egress, scaled with demand when the
     * workload grows. Absent: 0 (the dataset is uploaded once). Since 2026-12-05.
     */
    ingressGiBPerMonth: numberField('ingressGiBPerMonth').optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const problem of outputProblems(p)) {
      ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
    }
    const method = trainingMethodProblem(p);
    if (method !== null) ctx.addIssue({ code: 'custom', path: ['trainingMethod'], message: method });
    const hasJobs = p.jobsPerMonth !== undefined;
    const hasHours = p.hoursPerJob !== undefined;
    if (p.gpuHoursPerMonth === undefined && !(hasJobs && hasHours)) {
      const missing = hasJobs ? 'hoursPerJob' : hasHours ? 'jobsPerMonth' : 'gpuHoursPerMonth';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        params: { gpufit: 'missing_demand' },
        message:
          'the demand is missing: give gpuHoursPerMonth (GPU-hours a month), or jobsPerMonth together with hoursPerJob',
      });
    }
    if (p.gpuHoursPerMonth !== undefined && hasJobs && hasHours && p.gpusPerReplica !== undefined) {
      const implied = p.jobsPerMonth! * p.hoursPerJob! * p.gpusPerReplica * (p.nodes ?? 1);
      const tolerance = 0.05 * Math.max(implied, p.gpuHoursPerMonth);
      if (Math.abs(implied - p.gpuHoursPerMonth) > tolerance) {
        ctx.addIssue({
          code: 'custom',
          path: ['gpuHoursPerMonth'],
          params: { gpufit: 'inconsistent_demand' },
          message: `gpuHoursPerMonth (${p.gpuHoursPerMonth}) disagrees with jobsPerMonth × hoursPerJob × gpusPerReplica × nodes (${round(implied)}); give one or make them agree`,
        });
      }
    }
  });

/**
 * The output fields' rules across fields: they describe an inference workload's output, and a stated volume
 * needs its unit stated (a volume read in a defaulted unit could be off by orders of magnitude). Shared with the
 * CSV fast decoder, which leaves such rows to this schema.
 */
export function outputProblems(p: {
  readonly kind: WorkloadKind;
  readonly outputUnit?: unknown;
  readonly outputPerMonth?: unknown;
  readonly inputTokensPerMonth?: unknown;
}): { field: 'outputUnit' | 'outputPerMonth' | 'inputTokensPerMonth'; message: string }[] {
  const out: { field: 'outputUnit' | 'outputPerMonth' | 'inputTokensPerMonth'; message: string }[] = [];
  if (p.inputTokensPerMonth !== undefined && p.outputUnit !== undefined && p.outputUnit !== 'tokens') {
    out.push({
      field: 'inputTokensPerMonth',
      message: `inputTokensPerMonth counts prompt tokens beside generated ones; this workload outputs ${String(p.outputUnit)}: leave it empty or set outputUnit to tokens`,
    });
  }
  if (workloadKinds[p.kind].defaults.outputUnit === null) {
    for (const field of ['outputUnit', 'outputPerMonth', 'inputTokensPerMonth'] as const) {
      if (p[field] !== undefined) {
        out.push({
          field,
          message: `${field} describes an inference workload's output (realtime-inference, batch-inference); a ${p.kind} workload has none: leave it empty`,
        });
      }
    }
  } else if (p.outputPerMonth !== undefined && p.outputUnit === undefined) {
    out.push({
      field: 'outputUnit',
      message:
        'outputPerMonth needs outputUnit (tokens, images or audio-hours): say what the stated volume counts',
    });
  }
  return out;
}

/**
 * A `trainingMethod` on a kind that trains nothing (inference) is refused rather than ignored: it most likely says
 * the row's kind is wrong. Shared with the CSV fast decoder, which leaves such rows to this schema.
 */
export function trainingMethodProblem(p: {
  readonly kind: WorkloadKind;
  readonly trainingMethod?: unknown;
}): string | null {
  if (p.trainingMethod === undefined || workloadKinds[p.kind].defaults.trainingMethod !== null) return null;
  return `trainingMethod (${F.trainingMethod.values.join(', ')}) says how a training workload updates the model; a ${p.kind} workload trains nothing: leave it empty, or set kind to ${TRAINING_KINDS.join(', ')}`;
}

const TRAINING_KINDS = WORKLOAD_KINDS.filter((k) => workloadKinds[k].defaults.trainingMethod !== null);

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The contract fields with no default: required, or unset (`null`, an empty list, the id as name) when left out. */
const NEVER_ASSUMED = [
  'id',
  'name',
  'kind',
  'gpuType',
  'gpusPerReplica',
  'gpuHoursPerMonth',
  'jobsPerMonth',
  'compliance',
  'residency',
  'usersRegion',
] as const;

/**
 * Of the later fields, only these have a default; the others are unset (`null`, empty) when left out.
 * `outputUnit` is assumed only for kinds that have one (inference), `trainingMethod` only for training kinds; for
 * the others they stay `null`, unlisted. `task` is assumed only when it is read from a `model` gpufit recognises
 * (`taskOfModel`); left out beside an unknown model or none, it stays `null`, unlisted.
 */
type AssumableExtraField = 'statelessRequests' | 'outputUnit' | 'task' | 'trainingMethod';
export type AssumableProfileField =
  | Exclude<(typeof WORKLOAD_PROFILE_FIELDS)[number], (typeof NEVER_ASSUMED)[number]>
  | AssumableExtraField;

/**
 * The fields a profile may leave out that then take a default (the kind's, or a fixed one), in field order. A
 * normalized profile lists the ones it filled in `assumed`, so outputs can say "assumed 8B (default for this
 * kind)" instead of speaking as if the user had said so.
 */
export const ASSUMABLE_PROFILE_FIELDS = [
  ...WORKLOAD_PROFILE_FIELDS.filter(
    (f): f is Exclude<typeof f, (typeof NEVER_ASSUMED)[number]> =>
      !(NEVER_ASSUMED as readonly string[]).includes(f),
  ),
  'statelessRequests',
  'outputUnit',
  'task',
  'trainingMethod',
] as readonly AssumableProfileField[] as readonly [AssumableProfileField, ...AssumableProfileField[]];

/**
 * Whether a normalized profile's `field` was filled by a default rather than given; outputs that use the value
 * then say so ("assumed 8B (default for this kind)").
 */
export function isAssumed(
  profile: { readonly assumed: readonly string[] },
  field: AssumableProfileField,
): boolean {
  return profile.assumed.includes(field);
}

/** " (assumed: default for this kind)" after a value that a default filled, else "". */
export function assumedMark(
  profile: { readonly assumed: readonly string[] },
  field: AssumableProfileField,
): string {
  return isAssumed(profile, field) ? ' (assumed: default for this kind)' : '';
}

/**
 * A normalized profile (recognized by its `assumed` list) read back as the input it stands for: `null` fields
 * (no input field takes `null`) and the defaulted ones left out again, so they are defaulted (and listed) again. Defaults depend only on the
 * kind (`outputUnit`'s on the task, and `trainingMethod`'s on the model size and precision, which stay as read), so parsing a normalized profile gives it back unchanged. Anything else passes through as it is.
 */
function normalizedAsInput(value: unknown): unknown {
  const assumed = assumedList(value, ASSUMABLE_PROFILE_FIELDS);
  if (assumed === null) return value;
  return withoutNulls(value, 'all', ['assumed', ...assumed]);
}

/**
 * Per kind, the fields that take a default when left out (`ASSUMABLE_PROFILE_FIELDS` order): all of them, but
 * `outputUnit` only for kinds with an output unit (inference) and `trainingMethod` only for kinds that train.
 */
export const ASSUMABLE_FIELDS_OF_KIND: Readonly<Record<WorkloadKind, readonly AssumableProfileField[]>> =
  Object.fromEntries(
    WORKLOAD_KINDS.map((kind) => [
      kind,
      ASSUMABLE_PROFILE_FIELDS.filter(
        (f) =>
          (f !== 'outputUnit' || workloadKinds[kind].defaults.outputUnit !== null) &&
          (f !== 'trainingMethod' || workloadKinds[kind].defaults.trainingMethod !== null),
      ),
    ]),
  ) as unknown as Record<WorkloadKind, readonly AssumableProfileField[]>;

/**
 * The fields a profile of `kind` left out that took a default, in `ASSUMABLE_PROFILE_FIELDS` order: each of its kind's
 * assumable fields that `leftOut` says, but `task` only when it was read from the model (`taskFromModel`).
 */
export function assumedProfileFields(
  kind: WorkloadKind,
  leftOut: (field: AssumableProfileField) => boolean,
  taskFromModel: boolean,
): AssumableProfileField[] {
  return ASSUMABLE_FIELDS_OF_KIND[kind].filter((f) => (f === 'task' ? taskFromModel : leftOut(f)));
}

/**
 * The unit of output a workload that states none is priced per: its task's (`workloadTasks`, null for a task that
 * generates no tokens, images or audio) for kinds that have a unit (inference), else the kind's — so a workload
 * without a task keeps the kind's default (tokens for inference kinds, none for the others).
 */
export function defaultOutputUnit(kind: WorkloadKind, task: WorkloadTask | undefined): OutputUnit | null {
  const own = workloadKinds[kind].defaults.outputUnit;
  return own === null || task === undefined ? own : workloadTasks[task].outputUnit;
}

/** A profile input with every default applied. */
const withDefaults = workloadProfileInputSchema.transform((p) => {
  const d = workloadKinds[p.kind].defaults;
  // A stated task wins; an empty one is read from a model gpufit recognises (Llama → text-generation), else stays empty.
  const fromModel = p.task === undefined ? taskOfModel(p.model) : null;
  const task = p.task ?? fromModel?.task;
  return {
    id: p.id,
    name: p.name ?? p.id,
    kind: p.kind,
    modelParamsBillions: p.modelParamsBillions ?? d.modelParamsBillions,
    precision: p.precision ?? d.precision,
    gpuType: p.gpuType ?? null,
    gpusPerReplica: p.gpusPerReplica ?? null,
    nodes: p.nodes ?? F.nodes.default,
    interconnect: p.interconnect ?? d.interconnect,
    gpuHoursPerMonth: p.gpuHoursPerMonth ?? null,
    jobsPerMonth: p.jobsPerMonth ?? null,
    hoursPerJob: p.hoursPerJob ?? d.hoursPerJob,
    peakToMeanRatio: p.peakToMeanRatio ?? d.peakToMeanRatio,
    datasetGiB: p.datasetGiB ?? F.datasetGiB.default,
    egressGiBPerMonth: p.egressGiBPerMonth ?? F.egressGiBPerMonth.default,
    dataSensitivity: p.dataSensitivity ?? d.dataSensitivity,
    compliance: [...new Set(p.compliance ?? [])],
    residency: [...new Set(p.residency ?? [])],
    availabilityTarget: p.availabilityTarget ?? d.availabilityTarget,
    p99LatencyMs: p.p99LatencyMs ?? d.p99LatencyMs,
    usersRegion: p.usersRegion ?? null,
    interruptible: p.interruptible ?? d.interruptible,
    checkpointable: p.checkpointable ?? d.checkpointable,
    checkpointMinutes: p.checkpointMinutes ?? F.checkpointMinutes.default,
    restartMinutes: p.restartMinutes ?? F.restartMinutes.default,
    costSensitivity: p.costSensitivity ?? d.costSensitivity,
    horizonMonths: p.horizonMonths ?? F.horizonMonths.default,
    statelessRequests: p.statelessRequests ?? d.statelessRequests,
    gpuPolicy: p.gpuPolicy ?? null,
    allowedPricingCategories: [...new Set(p.allowedPricingCategories ?? [])],
    allowedMarkets: [...new Set(p.allowedMarkets ?? [])],
    allowedProviders: [...new Set(p.allowedProviders ?? [])],
    excludedProviders: [...new Set(p.excludedProviders ?? [])],
    outputUnit: p.outputUnit ?? defaultOutputUnit(p.kind, task),
    outputPerMonth: p.outputPerMonth ?? null,
    model: p.model ?? null,
    customWeights: p.customWeights ?? null,
    inputTokensPerMonth: p.inputTokensPerMonth ?? null,
    task: task ?? null,
    trainingMethod:
      p.trainingMethod ??
      defaultTrainingMethod(d, p.modelParamsBillions ?? d.modelParamsBillions, p.precision ?? d.precision),
    /** As stated, or null: its kind decides (`demandGrowthOf`). */
    growsWithDemand: p.growsWithDemand ?? null,
    /** As stated, or null: the start-up is taken as the restart time (`restartMinutes`; pricing's profileFacts). */
    startupMinutes: p.startupMinutes ?? null,
    ingressGiBPerMonth: p.ingressGiBPerMonth ?? F.ingressGiBPerMonth.default,
    /** The fields the user left out that took a default (`ASSUMABLE_PROFILE_FIELDS` order). */
    assumed: assumedProfileFields(p.kind, (f) => p[f] === undefined, fromModel !== null),
  };
});

/**
 * A profile with every default applied: what the engine reads. It also reads the profiles it writes
 * (`parse(parse(x))` equals `parse(x)`, tested over generated profiles).
 */
export const workloadProfileSchema = z.preprocess(normalizedAsInput, withDefaults);

export type WorkloadProfileInput = z.input<typeof workloadProfileInputSchema>;
export type WorkloadProfile = z.output<typeof workloadProfileSchema>;
