import type { z } from 'zod';
import { type CellKind, decodeRecord } from './csvCodec.js';
import { issuesFromZod, type Validated, type ValidationIssue } from './issues.js';
import { OFFER_FIELDS, type Offer, offerSchema } from './offer.js';
import { type Scenario, scenarioSchema } from './scenario.js';
import {
  WORKLOAD_PROFILE_EXTRA_FIELDS,
  WORKLOAD_PROFILE_FIELDS,
  type WorkloadProfile,
  workloadProfileSchema,
} from './workloadProfile.js';

function validator<S extends z.ZodType>(schema: S, knownFields: readonly string[]) {
  return (input: unknown): Validated<z.output<S>> => {
    const result = schema.safeParse(input);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, issues: issuesFromZod(result.error, knownFields) };
  };
}

const PROFILE_KNOWN = [...WORKLOAD_PROFILE_FIELDS, ...WORKLOAD_PROFILE_EXTRA_FIELDS];

export const validateWorkloadProfile: (input: unknown) => Validated<WorkloadProfile> = validator(
  workloadProfileSchema,
  PROFILE_KNOWN,
);
export const validateOffer: (input: unknown) => Validated<Offer> = validator(offerSchema, OFFER_FIELDS);
export const validateScenario: (input: unknown) => Validated<Scenario> = validator(scenarioSchema, []);

export const workloadProfileCodecs: Readonly<Record<string, CellKind>> = {
  modelParamsBillions: 'number',
  gpusPerReplica: 'number',
  nodes: 'number',
  gpuHoursPerMonth: 'number',
  jobsPerMonth: 'number',
  hoursPerJob: 'number',
  peakToMeanRatio: 'number',
  datasetGiB: 'number',
  egressGiBPerMonth: 'number',
  compliance: 'list',
  residency: 'list',
  availabilityTarget: 'number',
  p99LatencyMs: 'number',
  interruptible: 'boolean',
  checkpointable: 'boolean',
  checkpointMinutes: 'number',
  restartMinutes: 'number',
  horizonMonths: 'number',
  statelessRequests: 'boolean',
  allowedPricingCategories: 'list',
  allowedMarkets: 'list',
  allowedProviders: 'list',
  excludedProviders: 'list',
};

export const offerCodecs: Readonly<Record<string, CellKind>> = {
  gpuMemoryGiB: 'number',
  gpusPerInstance: 'number',
  termMonths: 'number',
  usdPerGpuHour: 'number',
  availability: 'number',
  interruptionsPerHour: 'number',
  verified: 'boolean',
  certifications: 'list',
  egressUsdPerGiB: 'number',
  egressTiers: 'egressTiers',
  ingressUsdPerGiB: 'number',
  incentiveSubsidyShare: 'number',
  usdPerGpuHourMin: 'number',
  usdPerGpuHourMax: 'number',
  zonesWithSpot: 'number',
  billingIncrementSeconds: 'number',
  minimumBillableSeconds: 'number',
};

function csvValidator<T>(
  codecs: Readonly<Record<string, CellKind>>,
  validate: (input: unknown) => Validated<T>,
) {
  return (header: readonly string[], cells: readonly string[]): Validated<T> => {
    const decoded = decodeRecord(codecs, header, cells);
    const validated = validate(decoded.value);
    if (decoded.issues.length === 0) return validated;
    // Cells that failed to decode are absent from the value; drop the schema's "required" echo for them.
    const failed = new Set(decoded.issues.map((i) => i.path[0]));
    const rest: ValidationIssue[] = validated.ok
      ? []
      : validated.issues.filter((i) => !failed.has(i.path[0]!));
    return { ok: false, issues: [...decoded.issues, ...rest] };
  };
}

/** Validate one CSV row of a workloads file (header names are the profile's field names). */
export const workloadProfileFromCsv = csvValidator(workloadProfileCodecs, validateWorkloadProfile);
/** Validate one CSV row of an offer catalog (header names are `OFFER_FIELDS`). */
export const offerFromCsv = csvValidator(offerCodecs, validateOffer);
