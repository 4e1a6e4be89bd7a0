import { z } from 'zod';
import { boundedNumber, nonEmptyText, oneOf, placeCode, positiveInt, usersPlace } from './common.js';
import { assumedList, withoutNulls } from './readBack.js';
import {
  COMPLIANCE_REQUIREMENTS,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  GPU_POLICIES,
  INTERCONNECTS,
  MARKETS,
  PRECISIONS,
  PRICING_CATEGORIES,
  WORKLOAD_KINDS,
} from './vocabulary.js';
import { workloadKinds } from './workloadKinds.js';

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
] as const;

/** A provider id as offers spell it (`aws`, `vast`, `akash`), lower-cased. */
const providerId = nonEmptyText('provider', 64).transform((s) => s.toLowerCase());

const availability = z
  .number({ error: 'availabilityTarget must be a number between 0 and 1, e.g. 0.999 for 99.9%' })
  .min(0, { error: 'availabilityTarget must be between 0 and 1, e.g. 0.999 for 99.9%' })
  .max(1, {
    // Above 1 the next check's "100% cannot be reached" would be a second, wrong message.
    abort: true,
    error: (i) => {
      const v = Number(i.input);
      const hint = v > 1 && v <= 100 ? ` If you meant ${v}%, write ${Math.round(v * 1e4) / 1e6}.` : '';
      return `availabilityTarget must be between 0 and 1, e.g. 0.999 for 99.9%; got ${v}.${hint}`;
    },
  })
  .lt(1, {
    error: 'availabilityTarget of 1 (100%) cannot be reached by any number of replicas; use e.g. 0.9999',
  });

/** The shape a user writes: only `id`, `kind` and the demand are required. */
export const workloadProfileInputSchema = z
  .object({
    id: nonEmptyText('id', 64).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
      error: 'id may use letters, digits and . _ : - only, and must start with a letter or digit',
    }),
    name: nonEmptyText('name').optional(),
    kind: oneOf('kind', WORKLOAD_KINDS),
    modelParamsBillions: boundedNumber(
      'modelParamsBillions',
      0.001,
      100_000,
      'billion parameters',
    ).optional(),
    precision: oneOf('precision', PRECISIONS).optional(),
    gpuType: nonEmptyText('gpuType', 64).optional(),
    gpusPerReplica: positiveInt('gpusPerReplica', 1024).optional(),
    nodes: positiveInt('nodes', 100_000).optional(),
    interconnect: oneOf('interconnect', INTERCONNECTS).optional(),
    gpuHoursPerMonth: boundedNumber('gpuHoursPerMonth', 0, 1e9, 'GPU-hours a month').optional(),
    jobsPerMonth: boundedNumber('jobsPerMonth', 0, 1e9, 'jobs a month').optional(),
    hoursPerJob: boundedNumber('hoursPerJob', 0.001, 100_000, 'hours').optional(),
    peakToMeanRatio: boundedNumber('peakToMeanRatio', 1, 1000).optional(),
    datasetGiB: boundedNumber('datasetGiB', 0, 1e9, 'GiB').optional(),
    egressGiBPerMonth: boundedNumber('egressGiBPerMonth', 0, 1e9, 'GiB a month').optional(),
    dataSensitivity: oneOf('dataSensitivity', DATA_SENSITIVITIES).optional(),
    compliance: z.array(oneOf('compliance', COMPLIANCE_REQUIREMENTS)).optional(),
    residency: z.array(placeCode).optional(),
    availabilityTarget: availability.optional(),
    p99LatencyMs: boundedNumber('p99LatencyMs', 1, 86_400_000, 'ms').optional(),
    /** Where the users are: a country, a bloc, a continent or `global`. */
    usersRegion: usersPlace.optional(),
    interruptible: z.boolean({ error: 'interruptible must be true or false' }).optional(),
    checkpointable: z.boolean({ error: 'checkpointable must be true or false' }).optional(),
    checkpointMinutes: boundedNumber('checkpointMinutes', 0, 10_000, 'minutes').optional(),
    restartMinutes: boundedNumber('restartMinutes', 0, 10_000, 'minutes').optional(),
    costSensitivity: oneOf('costSensitivity', COST_SENSITIVITIES).optional(),
    horizonMonths: positiveInt('horizonMonths', 120).optional(),
    statelessRequests: z.boolean({ error: 'statelessRequests must be true or false' }).optional(),
    /** Which GPUs may price the work when `gpuType` is named (default `measured`). */
    gpuPolicy: oneOf('gpuPolicy', GPU_POLICIES).optional(),
    /** Narrow the offers this workload may run on; empty or absent = no restriction. */
    allowedPricingCategories: z.array(oneOf('allowedPricingCategories', PRICING_CATEGORIES)).optional(),
    allowedMarkets: z.array(oneOf('allowedMarkets', MARKETS)).optional(),
    allowedProviders: z.array(providerId).optional(),
    excludedProviders: z.array(providerId).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
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

/** Of the later fields, only this one has a default; the others are unset (`null`, empty) when left out. */
type AssumableExtraField = 'statelessRequests';
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
 * kind, so parsing a normalized profile gives it back unchanged. Anything else passes through as it is.
 */
function normalizedAsInput(value: unknown): unknown {
  const assumed = assumedList(value, ASSUMABLE_PROFILE_FIELDS);
  if (assumed === null) return value;
  return withoutNulls(value, 'all', ['assumed', ...assumed]);
}

/** The defaulted fields of `p`, in `ASSUMABLE_PROFILE_FIELDS` order. */
function assumedFields(
  p: Readonly<Partial<Record<AssumableProfileField, unknown>>>,
): AssumableProfileField[] {
  return ASSUMABLE_PROFILE_FIELDS.filter((f) => p[f] === undefined);
}

/** A profile input with every default applied. */
const withDefaults = workloadProfileInputSchema.transform((p) => {
  const d = workloadKinds[p.kind].defaults;
  return {
    id: p.id,
    name: p.name ?? p.id,
    kind: p.kind,
    modelParamsBillions: p.modelParamsBillions ?? d.modelParamsBillions,
    precision: p.precision ?? d.precision,
    gpuType: p.gpuType ?? null,
    gpusPerReplica: p.gpusPerReplica ?? null,
    nodes: p.nodes ?? 1,
    interconnect: p.interconnect ?? d.interconnect,
    gpuHoursPerMonth: p.gpuHoursPerMonth ?? null,
    jobsPerMonth: p.jobsPerMonth ?? null,
    hoursPerJob: p.hoursPerJob ?? d.hoursPerJob,
    peakToMeanRatio: p.peakToMeanRatio ?? d.peakToMeanRatio,
    datasetGiB: p.datasetGiB ?? 0,
    egressGiBPerMonth: p.egressGiBPerMonth ?? 0,
    dataSensitivity: p.dataSensitivity ?? d.dataSensitivity,
    compliance: [...new Set(p.compliance ?? [])],
    residency: [...new Set(p.residency ?? [])],
    availabilityTarget: p.availabilityTarget ?? d.availabilityTarget,
    p99LatencyMs: p.p99LatencyMs ?? d.p99LatencyMs,
    usersRegion: p.usersRegion ?? null,
    interruptible: p.interruptible ?? d.interruptible,
    checkpointable: p.checkpointable ?? d.checkpointable,
    checkpointMinutes: p.checkpointMinutes ?? 5,
    restartMinutes: p.restartMinutes ?? 10,
    costSensitivity: p.costSensitivity ?? d.costSensitivity,
    horizonMonths: p.horizonMonths ?? 12,
    statelessRequests: p.statelessRequests ?? d.statelessRequests,
    gpuPolicy: p.gpuPolicy ?? null,
    allowedPricingCategories: [...new Set(p.allowedPricingCategories ?? [])],
    allowedMarkets: [...new Set(p.allowedMarkets ?? [])],
    allowedProviders: [...new Set(p.allowedProviders ?? [])],
    excludedProviders: [...new Set(p.excludedProviders ?? [])],
    /** The fields the user left out that took a default (`ASSUMABLE_PROFILE_FIELDS` order). */
    assumed: assumedFields(p),
  };
});

/**
 * A profile with every default applied: what the engine reads. It also reads the profiles it writes
 * (`parse(parse(x))` equals `parse(x)`, tested over generated profiles).
 */
export const workloadProfileSchema = z.preprocess(normalizedAsInput, withDefaults);

export type WorkloadProfileInput = z.input<typeof workloadProfileInputSchema>;
export type WorkloadProfile = z.output<typeof workloadProfileSchema>;
