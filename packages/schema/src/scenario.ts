import { z } from 'zod';
import {
  analysisDateString,
  boundedNumber,
  monthString,
  nonEmptyText,
  oneOf,
  positiveInt,
} from './common.js';
import { didYouMean } from './nearestNames.js';
import { withoutNulls } from './readBack.js';
import {
  MARKET_REGISTRY,
  MARKETS,
  type Market,
  PRICING_CATEGORIES,
  type SUBSIDY_KIND_REGISTRY,
  type SubsidyKind,
} from './registries.js';
import { GPU_POLICIES } from './vocabulary.js';

/** The fields of each subsidy kind besides `kind` and `share`, as `SUBSIDY_KIND_REGISTRY` lists them. */
const SUBSIDY_PARAMS = {
  none: {},
  linear: { monthsToZero: boundedNumber('monthsToZero', 1, 1200, 'months') },
  exponential: { halfLifeMonths: boundedNumber('halfLifeMonths', 0.1, 1200, 'months') },
  step: {
    steps: z
      .array(z.object({ month: monthString, share: boundedNumber('share', 0, 0.99) }).strict())
      .min(1, { error: 'a step schedule needs at least one step' }),
  },
  /** A mathjs expression in `t` (months since start) and `s0` (share at month 0), returning a share. */
  formula: { expression: nonEmptyText('expression', 500) },
} as const satisfies {
  readonly [K in SubsidyKind]: Record<keyof (typeof SUBSIDY_KIND_REGISTRY)[K]['params'], z.ZodType>;
};

function subsidyVariant<const K extends SubsidyKind>(kind: K) {
  return z
    .object({
      kind: z.literal(kind),
      share: boundedNumber('share', 0, 0.99).optional(),
      ...SUBSIDY_PARAMS[kind],
    })
    .strict();
}

/**
 * How an incentive subsidy share evolves over the months of a horizon (month 0 = the scenario's start), one
 * variant per entry of `SUBSIDY_KIND_REGISTRY`. `share` overrides the offer's `incentiveSubsidyShare` at month 0
 * when given.
 */
export const subsidyScheduleSchema = z.discriminatedUnion('kind', [
  subsidyVariant('none'),
  subsidyVariant('linear'),
  subsidyVariant('exponential'),
  subsidyVariant('step'),
  subsidyVariant('formula'),
]);
export type SubsidySchedule = z.infer<typeof subsidyScheduleSchema>;

/** Geometric Brownian motion for an incentive token's USD price. Drift and volatility are annual. */
export const tokenPriceModelSchema = z
  .object({
    spotUsd: boundedNumber('spotUsd', 1e-9, 1e9, 'USD'),
    annualDrift: boundedNumber('annualDrift', -5, 5),
    annualVolatility: boundedNumber('annualVolatility', 0, 10),
    source: z.string().max(500).optional(),
  })
  .strict();
export type TokenPriceModel = z.infer<typeof tokenPriceModelSchema>;

/** A user price adjustment: a mathjs expression in `price` (USD per GPU-hour) and `t` (months). */
export const priceAdjustmentSchema = z
  .object({
    market: oneOf('market', MARKETS).optional(),
    provider: nonEmptyText('provider', 64).optional(),
    expression: nonEmptyText('expression', 500),
  })
  .strict();
export type PriceAdjustment = z.infer<typeof priceAdjustmentSchema>;

/** Offers a run may use: every list narrows (absent or empty = no restriction); the workload's own lists narrow further. */
export const placementPolicySchema = z
  .object({
    allowedPricingCategories: z.array(oneOf('allowedPricingCategories', PRICING_CATEGORIES)).optional(),
    allowedMarkets: z.array(oneOf('allowedMarkets', MARKETS)).optional(),
    allowedProviders: z.array(nonEmptyText('provider', 64).transform((s) => s.toLowerCase())).optional(),
    excludedProviders: z.array(nonEmptyText('provider', 64).transform((s) => s.toLowerCase())).optional(),
  })
  .strict();
export type PlacementPolicyInput = z.input<typeof placementPolicySchema>;

/** When a second platform is worth it, and what counts as the decentralized side (docs/methodology.md). */
export const decisionPolicySchema = z
  .object({
    /**
     * A decentralized or hybrid placement must save at least this share of the all-cloud monthly cost (and the cloud
     * option's committed base with on-demand bursts this share of the single offer's month).
     */
    minSavingShare: boundedNumber('minSavingShare', 0, 0.9).optional(),
    /** …and at least this many USD a month. */
    minMonthlySavingUsd: boundedNumber('minMonthlySavingUsd', 0, 1e9, 'USD a month').optional(),
    /** "Hybrid" only when each side carries at least this share of the GPU-hours. */
    hybridMinShare: boundedNumber('hybridMinShare', 0, 0.5).optional(),
    /** Markets that count as the decentralized side; the others are cloud. */
    decentralizedMarkets: z
      .array(oneOf('decentralizedMarkets', MARKETS))
      .min(1, { error: 'decentralizedMarkets needs at least one market (e.g. ["depin"])' })
      .optional(),
  })
  .strict();

/** The largest multiple of an offer's interruption rate a scenario may ask for. */
export const MAX_INTERRUPTION_RATE_MULTIPLIER = 20;

/**
 * Market → multiple of the interruption rate. Keyed by market (a closed list: an unknown key is refused with
 * the nearest market names) so a founder can ask "what if decentralized hosts drop twice as often" without
 * touching the cloud; a market left out keeps its offers' rates.
 */
export const interruptionRateMultipliersSchema = z
  .record(
    // The JSON Schema lists the markets (editors offer them); the check below names the nearest for a typo.
    z.string().meta({ enum: [...MARKETS] }),
    boundedNumber('interruptionRateMultiplier', 0, MAX_INTERRUPTION_RATE_MULTIPLIER, '× the listed rate'),
  )
  .superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      if (!(MARKETS as readonly string[]).includes(key))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `interruptionRateMultipliers: ${JSON.stringify(key)} is no market; markets are ${MARKETS.join(', ')}${didYouMean(key, MARKETS)}`,
        });
    }
  })
  .transform((record) => record as Partial<Record<Market, number>>);

/** The longest horizon a scenario or a workload may state, in months. */
export const MAX_HORIZON_MONTHS = 120;
/** The last month a projection may reach (a month is written YYYY-MM). */
export const LAST_CALENDAR_MONTH = '9999-12';
const LAST_CALENDAR_MONTH_INDEX = 9999 * 12 + 11;

export const scenarioInputSchema = z
  .object({
    name: nonEmptyText('name').optional(),
    horizonMonths: positiveInt('horizonMonths', MAX_HORIZON_MONTHS).optional(),
    startMonth: monthString.optional(),
    /** Per network (offer `provider`, e.g. `akash`) or per incentive symbol (e.g. `AKT`). */
    subsidies: z.record(z.string(), subsidyScheduleSchema).optional(),
    /** Per incentive token symbol. */
    tokenPrices: z.record(z.string(), tokenPriceModelSchema).optional(),
    /** Share of a lost subsidy that DePIN providers pass on to tenants as a higher price (1 = all of it). */
    subsidyPassThrough: boundedNumber('subsidyPassThrough', 0, 1).optional(),
    /** Compound monthly demand growth, e.g. 0.05 = +5 % a month. */
    demandGrowthMonthly: boundedNumber('demandGrowthMonthly', -0.5, 2).optional(),
    priceAdjustments: z.array(priceAdjustmentSchema).max(50).optional(),
    /**
     * Per market, a multiple of every offer's interruption rate (1 = as listed, 2 = hosts drop twice as often,
     * 0 = never). Applied to the offer's effective rate (stated, derived from its availability, or the market's
     * assumption), so the point estimate, the matcher and the Monte Carlo all see the same rate.
     */
    interruptionRateMultipliers: interruptionRateMultipliersSchema.optional(),
    /** Bandwidth for data-transfer time estimates. */
    transferMbps: boundedNumber('transferMbps', 1, 1_000_000, 'Mbit/s').optional(),
    /** Utilization of committed (reserved) capacity the workload achieves; default from its demand shape. */
    committedUtilization: boundedNumber('committedUtilization', 0.01, 1).optional(),
    monteCarlo: z
      .object({
        trials: positiveInt('trials', 10_000_000).optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 32 - 1)
          .optional(),
        /** Lognormal sigma of DePIN price dispersion around the listed price. */
        depinPriceSpread: boundedNumber('depinPriceSpread', 0, 3).optional(),
        /** Lognormal sigma of monthly demand around its projection. */
        demandVolatility: boundedNumber('demandVolatility', 0, 3).optional(),
        /**
         * Month-to-month correlation of demand's deviation from its projection (0 = independent months), from
         * today's known demand: a month above plan is followed by months above plan, and later months are less
         * certain than the first (docs/projection-and-uncertainty.md §3).
         */
        demandPersistence: boundedNumber('demandPersistence', 0, 0.99).optional(),
      })
      .strict()
      .optional(),
    sensitivity: z
      .object({ swing: boundedNumber('swing', 0.01, 0.9).optional() })
      .strict()
      .optional(),
    /** Overrides of the scoring framework's weights and thresholds, validated by @gpufit/scoring. */
    framework: z.record(z.string(), z.unknown()).optional(),
    /** Offers every workload of this scenario may use (narrowed further per workload). */
    placement: placementPolicySchema.optional(),
    decision: decisionPolicySchema.optional(),
    /** Default GPU policy for workloads that set none (see `GPU_POLICIES`). */
    gpuPolicy: oneOf('gpuPolicy', GPU_POLICIES).optional(),
    /** Options priced from offers older than this many days (before `analysisDate`) are flagged. */
    maxOfferAgeDays: positiveInt('maxOfferAgeDays', 36_500).optional(),
    /** The date offer ages are measured against, YYYY-MM-DD; the CLI uses today's date when absent. */
    analysisDate: analysisDateString.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    // The projection names each month of the horizon; a calendar month is YYYY-MM, so the last one is 9999-12.
    // Without horizonMonths each workload keeps its own horizon, up to the longest a workload may state.
    const start = s.startMonth ?? SCENARIO_DEFAULTS.startMonth;
    const months = s.horizonMonths ?? MAX_HORIZON_MONTHS;
    const [year, month] = start.split('-').map(Number) as [number, number];
    const last = year * 12 + month - 1 + months - 1;
    if (last > LAST_CALENDAR_MONTH_INDEX) {
      const latest = LAST_CALENDAR_MONTH_INDEX - (months - 1);
      const latestMonth = `${Math.floor(latest / 12)}-${String((latest % 12) + 1).padStart(2, '0')}`;
      ctx.addIssue({
        code: 'custom',
        path: ['startMonth'],
        message: `startMonth ${start} with ${s.horizonMonths === undefined ? `workload horizons of up to ${months} months (horizonMonths not set)` : `horizonMonths ${months}`} ends after ${LAST_CALENDAR_MONTH}, the last month gpufit can name; start by ${latestMonth}, or shorten horizonMonths`,
      });
    }
  });

export const SCENARIO_DEFAULTS = {
  name: 'default',
  horizonMonths: 12,
  startMonth: '2027-01',
  subsidyPassThrough: 1,
  demandGrowthMonthly: 0,
  transferMbps: 1000,
  trials: 10_000,
  seed: 42,
  depinPriceSpread: 0.15,
  demandVolatility: 0.1,
  /** gpufit planning default: a deviation from plan halves in about 6.6 months (ln 0.5 ÷ ln 0.9). */
  demandPersistence: 0.9,
  swing: 0.2,
  minSavingShare: 0.05,
  minMonthlySavingUsd: 100,
  hybridMinShare: 0.1,
  /** The markets whose registry side is `depin`. */
  decentralizedMarkets: MARKETS.filter((m) => MARKET_REGISTRY[m].side === 'depin'),
  gpuPolicy: 'measured',
  maxOfferAgeDays: 90,
} as const;

/** The fields a normalized scenario writes as `null` when left out; read back, `null` is the field left out. */
const NULLABLE_SCENARIO_FIELDS = ['committedUtilization', 'analysisDate'] as const;

/** A scenario with defaults applied. It also reads the scenarios it writes (`parse(parse(x))` equals `parse(x)`). */
export const scenarioSchema = z
  .preprocess((value) => withoutNulls(value, NULLABLE_SCENARIO_FIELDS), scenarioInputSchema)
  .transform((s) => ({
    name: s.name ?? SCENARIO_DEFAULTS.name,
    horizonMonths: s.horizonMonths ?? SCENARIO_DEFAULTS.horizonMonths,
    startMonth: s.startMonth ?? SCENARIO_DEFAULTS.startMonth,
    subsidies: s.subsidies ?? {},
    tokenPrices: s.tokenPrices ?? {},
    subsidyPassThrough: s.subsidyPassThrough ?? SCENARIO_DEFAULTS.subsidyPassThrough,
    demandGrowthMonthly: s.demandGrowthMonthly ?? SCENARIO_DEFAULTS.demandGrowthMonthly,
    priceAdjustments: s.priceAdjustments ?? [],
    interruptionRateMultipliers: s.interruptionRateMultipliers ?? {},
    transferMbps: s.transferMbps ?? SCENARIO_DEFAULTS.transferMbps,
    committedUtilization: s.committedUtilization ?? null,
    monteCarlo: {
      trials: s.monteCarlo?.trials ?? SCENARIO_DEFAULTS.trials,
      seed: s.monteCarlo?.seed ?? SCENARIO_DEFAULTS.seed,
      depinPriceSpread: s.monteCarlo?.depinPriceSpread ?? SCENARIO_DEFAULTS.depinPriceSpread,
      demandVolatility: s.monteCarlo?.demandVolatility ?? SCENARIO_DEFAULTS.demandVolatility,
      demandPersistence: s.monteCarlo?.demandPersistence ?? SCENARIO_DEFAULTS.demandPersistence,
    },
    sensitivity: { swing: s.sensitivity?.swing ?? SCENARIO_DEFAULTS.swing },
    framework: s.framework ?? {},
    placement: {
      allowedPricingCategories: [...new Set(s.placement?.allowedPricingCategories ?? [])],
      allowedMarkets: [...new Set(s.placement?.allowedMarkets ?? [])],
      allowedProviders: [...new Set(s.placement?.allowedProviders ?? [])],
      excludedProviders: [...new Set(s.placement?.excludedProviders ?? [])],
    },
    decision: {
      minSavingShare: s.decision?.minSavingShare ?? SCENARIO_DEFAULTS.minSavingShare,
      minMonthlySavingUsd: s.decision?.minMonthlySavingUsd ?? SCENARIO_DEFAULTS.minMonthlySavingUsd,
      hybridMinShare: s.decision?.hybridMinShare ?? SCENARIO_DEFAULTS.hybridMinShare,
      decentralizedMarkets: [
        ...new Set(s.decision?.decentralizedMarkets ?? SCENARIO_DEFAULTS.decentralizedMarkets),
      ] as Market[],
    },
    gpuPolicy: s.gpuPolicy ?? SCENARIO_DEFAULTS.gpuPolicy,
    maxOfferAgeDays: s.maxOfferAgeDays ?? SCENARIO_DEFAULTS.maxOfferAgeDays,
    analysisDate: s.analysisDate ?? null,
  }));

/** A resolved placement policy (every list present, possibly empty = no restriction). */
export type PlacementPolicy = Scenario['placement'];

export type ScenarioInput = z.input<typeof scenarioInputSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
