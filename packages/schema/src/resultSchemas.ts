/**
 * zod schemas of an analysis result (`report.json`, schema `ANALYSIS_SCHEMA_VERSION`): the types of
 * `results.ts` described as data, so `gpufit diff` validates the result files it reads and
 * `json-schema/analysis-result.schema.json` is generated from them (`pnpm run schema:json`). A compile-time
 * check below keeps them and the types in step; a test parses real analyses with them.
 *
 * Objects accept keys they do not name (a newer minor version may add fields; they are dropped on reading),
 * and fields that joined in a minor version are optional, so a reader of this version reads every 2.x file.
 */
import { z } from 'zod';
import { MARKETS, PRICING_CATEGORIES } from './registries.js';
import {
  type Accounting,
  type Analysis,
  APPROACHES,
  BREAK_EVEN_VARIABLES,
  COST_COMPONENT_NAMES,
  FIT_LEVELS,
  REJECTION_CODES,
} from './results.js';
import {
  COMPLIANCE_REQUIREMENTS,
  HOSTINGS,
  OUTPUT_UNITS,
  PRECISIONS,
  UNIT_THROUGHPUT_SCENARIOS,
  WORKLOAD_KINDS,
} from './vocabulary.js';
import { ASSUMABLE_PROFILE_FIELDS } from './workloadProfile.js';
import { WORKLOAD_TASKS } from './workloadTasks.js';

/** The major version this reader understands; any 2.x result file is read. */
const MAJOR = '2';

const num = z.number();
const nullableNum = z.number().nullable();
const side = z.enum(['cloud', 'depin']);

const sideFitSchema = z.object({ score: num, level: z.enum(FIT_LEVELS) });

const fitAssessmentSchema = z.object({
  cloud: sideFitSchema,
  depin: sideFitSchema,
  approach: z.enum(APPROACHES),
  constraints: z.array(
    z.object({ side, code: z.string(), reason: z.string(), scope: z.enum(['all', 'part']) }),
  ),
  reasons: z.array(z.object({ factor: z.string(), cloud: num, depin: num, sentence: z.string() })),
  frameworkVersion: z.string(),
  overrides: z.array(z.string()),
});

const costEstimateSchema = z.object({
  offerId: z.string(),
  feasible: z.boolean(),
  rejections: z.array(
    z.object({
      code: z.enum(REJECTION_CODES),
      message: z.string(),
      missing: z.array(z.enum(COMPLIANCE_REQUIREMENTS)).exactOptional(),
    }),
  ),
  monthlyUsd: nullableNum,
  usdPerJob: nullableNum,
  jobUnit: z.enum(['job', 'gpu-hour']),
  components: z.array(
    z.object({
      name: z.enum(COST_COMPONENT_NAMES),
      unit: z.string(),
      quantity: num,
      unitPriceUsd: num,
      usd: num,
      note: z.string().exactOptional(),
    }),
  ),
  assumptions: z.array(z.string()),
  gpusPerReplica: nullableNum,
  replicas: nullableNum,
  instances: nullableNum.exactOptional(),
  gpusPerInstance: nullableNum.exactOptional(),
  throughput: z
    .object({
      demandGpu: z.string(),
      offerGpu: z.string(),
      ratio: num,
      basis: z.enum(['same', 'measured', 'unmeasured']),
      source: z.string().nullable(),
      precisionNote: z.string().exactOptional(),
      measuredFormat: z
        .object({
          kind: z.enum(['one', 'unrecorded', 'part', 'mixed']),
          recorded: z.string(),
          work: z.enum(PRECISIONS).nullable(),
        })
        .exactOptional(),
    })
    .nullable()
    .exactOptional(),
  billedGpuHoursPerMonth: nullableNum,
  demandGpuHoursPerMonth: nullableNum.exactOptional(),
});

const offerRefSchema = z.object({
  id: z.string(),
  provider: z.string(),
  providerName: z.string(),
  market: z.enum(MARKETS),
  hosting: z.enum(HOSTINGS),
  verified: z.boolean(),
  instanceType: z.string().nullable(),
  gpusPerInstance: num,
  gpu: z.string(),
  region: z.string(),
  country: z.string().nullable(),
  pricingCategory: z.enum(PRICING_CATEGORIES),
  usdPerGpuHour: nullableNum,
  /** Since 2.3.0. */
  pricingCurrency: z.string().exactOptional(),
  /** Since 2.4.0. */
  bookedAhead: z.object({ minimumDays: num }).exactOptional(),
  /** Since 2.11.0. */
  gpuMemoryGiB: num.exactOptional(),
  source: z.string(),
  asOf: z.string(),
});

const committedBaseOptionSchema = z.object({
  committed: z.object({ offer: offerRefSchema, cost: costEstimateSchema, instances: num, gpus: num }),
  burst: z.object({ offer: offerRefSchema, cost: costEstimateSchema }),
  baseShare: num,
  burstShare: num,
});

const pricedOptionSchema = z.object({
  offer: offerRefSchema,
  cost: costEstimateSchema,
  /** Since 2.15.0: a committed base with on-demand bursts. */
  mix: committedBaseOptionSchema.exactOptional(),
});

const refusalCountsSchema = z.array(
  z.object({ code: z.enum(REJECTION_CODES), offers: z.number().int().min(1) }),
);

const hybridSplitSchema = z.object({
  baselineGpus: num,
  meanGpus: num,
  peakGpus: num,
  cloudShare: num,
  depinShare: num,
  floorShare: num,
  floorReason: z.string().nullable(),
  blendedMonthlyUsd: num,
  allCloudMonthlyUsd: num,
  allDepinMonthlyUsd: nullableNum,
  savingsVsAllCloudUsd: num,
  savingsVsAllDepinUsd: nullableNum,
});

const decisionSchema = z
  .object({
    approach: z.enum(APPROACHES),
    recommendation: z.enum(['cloud', 'depin', 'hybrid']),
    cloud: pricedOptionSchema.nullable(),
    depin: pricedOptionSchema.nullable(),
    hybrid: hybridSplitSchema.nullable(),
    recommendedMonthlyUsd: nullableNum,
    monthlySavingsUsd: nullableNum,
    rationale: z.string(),
    risks: z.array(z.string()),
    /** Since 2.8.0: one per risk, in its order. */
    riskStakes: z.array(z.object({ id: z.string(), usdPerMonth: nullableNum })).exactOptional(),
    unavailable: z.object({ cloud: z.string().nullable(), depin: z.string().nullable() }).exactOptional(),
    /** Since 2.13.0: the reasons `unavailable` names, as codes and counts in its order. */
    unavailableReasons: z
      .object({ cloud: refusalCountsSchema.nullable(), depin: refusalCountsSchema.nullable() })
      .exactOptional(),
  })
  .refine((d) => d.riskStakes === undefined || d.riskStakes.length === d.risks.length, {
    path: ['riskStakes'],
    error: (i) =>
      `riskStakes must hold one entry per risk (${(i.input as { risks: unknown[] }).risks.length} risks)`,
  });

const projectionSchema = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      index: num,
      demandFactor: num,
      /** Null (since 2.5.0) for a workload with no cloud option. */
      cloudUsd: nullableNum,
      depinUsd: nullableNum,
      subsidyShare: num,
      tokenPriceUsd: nullableNum,
      /** The offer that prices the month on each side (absent in older files). */
      cloudOfferId: z.string().nullable().exactOptional(),
      depinOfferId: z.string().nullable().exactOptional(),
      /** USD the emissions pay that month, and their share of the GPU income (absent in older files). */
      cloudSubsidyUsd: nullableNum.exactOptional(),
      depinSubsidyUsd: nullableNum.exactOptional(),
      depinPaidSubsidyShare: nullableNum.exactOptional(),
    }),
  ),
  /** Null (since 2.5.0) for a workload with no cloud option. */
  horizonCloudUsd: nullableNum,
  horizonDepinUsd: nullableNum,
  subsidyCliffMonth: z.string().nullable(),
});

const percentilesSchema = z.object({ p10: num, p50: num, p90: num });

const distributionSchema = z.object({
  trials: num,
  seed: num,
  months: z.array(z.object({ month: z.string(), cloud: percentilesSchema, depin: percentilesSchema })),
  horizonCloud: percentilesSchema,
  horizonDepin: percentilesSchema,
  pDepinCheaper: num,
});

const portfolioPlanSchema = z.object({
  horizonMeanUsd: num,
  horizon: percentilesSchema,
  months: z.array(percentilesSchema.extend({ month: z.string() })),
});

const portfolioDistributionSchema = z.object({
  trials: num,
  seed: num,
  demandCorrelation: num,
  recommended: portfolioPlanSchema,
  allCloud: portfolioPlanSchema,
  allDecentralized: portfolioPlanSchema,
  /** Since 2.7.0. */
  pRecommendedCheaper: num.exactOptional(),
  cloudOnlyWorkloads: z.array(z.string()),
  /** Since 2.5.0. */
  decentralizedOnlyWorkloads: z.array(z.string()).exactOptional(),
  workloads: z.array(
    z.object({ id: z.string(), placement: z.enum(['cloud', 'depin', 'hybrid']), horizon: percentilesSchema }),
  ),
});

const breakEvenSchema = z.object({
  variable: z.enum(BREAK_EVEN_VARIABLES),
  unit: z.string(),
  current: num,
  value: nullableNum,
  range: z.tuple([num, num]),
  status: z.enum(['found', 'no-break-even-in-range']),
  note: z.string(),
});

const sensitivitySchema = z.object({
  swing: num,
  baselineSavingsUsd: num,
  rows: z.array(
    z.object({
      input: z.string(),
      unit: z.string(),
      baseValue: num,
      lowValue: num,
      highValue: num,
      savingsAtLowUsd: num,
      savingsAtHighUsd: num,
      impactUsd: num,
    }),
  ),
});

const unitCostSchema = z.object({
  unit: z.enum(OUTPUT_UNITS),
  per: num,
  modelSizeBand: z.string(),
  basis: z.literal('measured-throughput'),
  figures: z.array(
    z.object({
      side,
      offerId: z.string(),
      gpu: z.string(),
      usdPerGpuHour: num,
      unitsPerGpuSecond: num,
      usd: num,
      scenario: z.enum(UNIT_THROUGHPUT_SCENARIOS),
      benchmark: z.string(),
      version: z.string(),
      precision: z.string(),
      source: z.string(),
      /** Since 2.6.0. */
      convertedFrom: z.object({ gpu: z.string(), ratio: num }).exactOptional(),
    }),
  ),
  gaps: z.array(z.string()),
  atStatedVolume: z
    .object({
      outputPerMonth: num,
      recommendation: z.enum(['cloud', 'depin', 'hybrid']),
      monthlyUsd: num,
      usd: num,
      capacityShare: num.nullable(),
    })
    .exactOptional(),
});

export const workloadAnalysisSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(WORKLOAD_KINDS),
  /** Since 2.2.0. */
  assumed: z.array(z.enum(ASSUMABLE_PROFILE_FIELDS)).exactOptional(),
  /** Since 2.8.0. */
  task: z.enum(WORKLOAD_TASKS).exactOptional(),
  fit: fitAssessmentSchema,
  decision: decisionSchema,
  projection: projectionSchema.nullable(),
  distribution: distributionSchema.nullable(),
  breakEvens: z.array(breakEvenSchema),
  sensitivity: sensitivitySchema.nullable(),
  /** Since 2.3.0. */
  unitCost: unitCostSchema.exactOptional(),
});

const accountingSchema = z.object({ read: num, accepted: num, rejected: num });

export const analysisResultSchema = z.object({
  schemaVersion: z.string().regex(new RegExp(`^${MAJOR}\\.\\d+\\.\\d+$`), {
    error: (i) =>
      `schemaVersion ${JSON.stringify(i.input)} is not a ${MAJOR}.x result; this gpufit reads result files of schema ${MAJOR}.x`,
  }),
  frameworkVersion: z.string(),
  seed: num,
  scenario: z.object({ name: z.string(), horizonMonths: num, startMonth: z.string() }),
  workloads: z.array(workloadAnalysisSchema),
  totals: z.object({
    monthlyUsd: z.object({ recommended: num, allCloud: num }),
    horizonUsd: z.object({ recommended: num, allCloud: num }),
    monthlySavingsUsd: num,
    unpricedWorkloads: z.array(z.string()),
    /** Since 2.5.0. */
    workloadsWithoutCloudOption: num.exactOptional(),
    /** Since 2.3.0. */
    distribution: portfolioDistributionSchema.exactOptional(),
    /** Since 2.4.0. */
    incentiveSubsidy: z
      .object({ monthlyUsd: num, recommendedWithoutUsd: num, workloads: num, savingRestsOnIt: num })
      .exactOptional(),
  }),
  /** `workloads` and `offers` since 2.1.0. */
  accounting: accountingSchema.extend({
    workloads: accountingSchema.exactOptional(),
    offers: accountingSchema.exactOptional(),
  }),
  rejected: z.array(
    z.object({ file: z.string(), row: num, column: z.string().nullable(), reason: z.string() }),
  ),
  assumptions: z.array(z.string()),
  sources: z.array(z.object({ source: z.string(), asOf: z.string(), offers: num })),
  catalog: z
    .object({
      offers: num,
      asOfOldest: z.string().nullable(),
      asOfNewest: z.string().nullable(),
      analysisDate: z.string().nullable(),
      maxOfferAgeDays: num,
      /** Since 2.12.0. */
      unpricedNetworks: z
        .array(
          z.object({
            provider: z.string(),
            name: z.string(),
            offers: num,
            reason: z.enum(['no-offer', 'no-usd-price']),
          }),
        )
        .exactOptional(),
    })
    .exactOptional(),
  policy: z
    .object({
      minSavingShare: num,
      minMonthlySavingUsd: num,
      hybridMinShare: num,
      decentralizedMarkets: z.array(z.enum(MARKETS)),
    })
    .exactOptional(),
  /** Since 2.3.0. */
  scenarioEffects: z
    .array(
      z.object({
        setting: z.string(),
        label: z.string(),
        effect: z.enum(['changed', 'no-effect']),
        workloads: z.array(z.string()),
        changes: z.array(
          z.object({
            workload: z.string(),
            what: z.enum(['option', 'cost', 'risks']),
            optionBefore: z.string().nullable(),
            optionAfter: z.string().nullable(),
            monthlyUsdBefore: num.nullable(),
            monthlyUsdAfter: num.nullable(),
            horizonUsdBefore: num,
            horizonUsdAfter: num,
            movesAfter: z.string().nullable().exactOptional(),
          }),
        ),
        message: z.string(),
      }),
    )
    .exactOptional(),
});

/** A result file as read: any 2.x analysis (fields of later minors dropped, earlier minors' gaps optional). */
export type AnalysisResult = z.output<typeof analysisResultSchema>;

/**
 * Compile-time: what the schema reads is an `Analysis` in all but `schemaVersion` (any 2.x) and the accounting
 * of both files (optional before 2.1), so a field added to the types without the schema, or typed differently,
 * fails the type check. The other way (the schema names every field an analysis writes) is tested on real
 * analyses: parsing one drops nothing.
 */
type Reads<A, B> = [A] extends [B] ? true : false;
type Loose = 'schemaVersion' | 'accounting';
const _readsAnAnalysis: Reads<Omit<AnalysisResult, Loose>, Omit<Analysis, Loose>> = true;
const _readsItsAccounting: Reads<AnalysisResult['accounting'], Accounting> = true;
void [_readsAnAnalysis, _readsItsAccounting];
