import type { z } from 'zod';
import { type CellKind, decodeRecord } from './csvCodec.js';
import { issuesFromZod, type Validated, type ValidationIssue } from './issues.js';
import { OFFER_FIELDS, type Offer, offerSchema } from './offer.js';
import { type Scenario, scenarioSchema } from './scenario.js';
import { neverThrowing } from './unreadableInput.js';
import {
  WORKLOAD_PROFILE_EXTRA_FIELDS,
  WORKLOAD_PROFILE_FIELDS,
  type WorkloadProfile,
  workloadProfileSchema,
} from './workloadProfile.js';

/** A schema's validator: issues as data, and never an exception, whatever `input` is (docs/reliability.md). */
function validator<S extends z.ZodType>(schema: S, knownFields: readonly string[]) {
  return neverThrowing((input: unknown): Validated<z.output<S>> => {
    const result = schema.safeParse(input);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, issues: issuesFromZod(result.error, knownFields) };
  });
}

const PROFILE_KNOWN = [...WORKLOAD_PROFILE_FIELDS, ...WORKLOAD_PROFILE_EXTRA_FIELDS];

export const validateWorkloadProfile: (input: unknown) => Validated<WorkloadProfile> = validator(
  workloadProfileSchema,
  PROFILE_KNOWN,
);
export const validateOffer: (input: unknown) => Validated<Offer> = validator(offerSchema, OFFER_FIELDS);
const scenarioValidator = validator(scenarioSchema, []);

/** The scenario fields whose keys are names a user writes (networks, tokens, framework settings). */
const NAMED_RECORDS = ['subsidies', 'tokenPrices', 'framework'] as const;

/**
 * A `__proto__` key in a named record: zod's records drop it without a word (an object cannot hold it as an own
 * key safely), so it would be a setting silently ignored; it is refused instead.
 */
function reservedKeyIssues(input: unknown): ValidationIssue[] {
  if (typeof input !== 'object' || input === null) return [];
  const out: ValidationIssue[] = [];
  for (const field of NAMED_RECORDS) {
    const record: unknown = Object.hasOwn(input, field)
      ? (input as Record<string, unknown>)[field]
      : undefined;
    if (typeof record === 'object' && record !== null && Object.hasOwn(record, '__proto__')) {
      out.push({
        code: 'reserved_name',
        path: [field, '__proto__'],
        message: `"__proto__" cannot be a key of ${field} (JavaScript objects treat it specially, so it would be dropped without a word); rename it`,
      });
    }
  }
  return out;
}

export const validateScenario: (input: unknown) => Validated<Scenario> = neverThrowing((input: unknown) => {
  const reserved = reservedKeyIssues(input);
  const result = scenarioValidator(input);
  if (reserved.length === 0) return result;
  return { ok: false, issues: [...reserved, ...(result.ok ? [] : result.issues)] };
});

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
  outputPerMonth: 'number',
  customWeights: 'boolean',
  inputTokensPerMonth: 'number',
  growsWithDemand: 'boolean',
  startupMinutes: 'number',
  ingressGiBPerMonth: 'number',
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
  return neverThrowing((header: readonly string[], cells: readonly string[]): Validated<T> => {
    const decoded = decodeRecord(codecs, header, cells);
    const validated = validate(decoded.value);
    if (decoded.issues.length === 0) return validated;
    // Cells that failed to decode are absent from the value; drop the schema's "required" echo for them.
    const failed = new Set(decoded.issues.map((i) => i.path[0]));
    const rest: ValidationIssue[] = validated.ok
      ? []
      : validated.issues.filter((i) => !failed.has(i.path[0]!));
    return { ok: false, issues: [...decoded.issues, ...rest] };
  });
}

/** Validate one CSV row of a workloads file (header names are the profile's field names). */
export const workloadProfileFromCsv = csvValidator(workloadProfileCodecs, validateWorkloadProfile);
/** Validate one CSV row of an offer catalog (header names are `OFFER_FIELDS`). */
export const offerFromCsv = csvValidator(offerCodecs, validateOffer);
