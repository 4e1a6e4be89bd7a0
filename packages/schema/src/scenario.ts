import { z } from 'zod';
import { boundedNumber, monthString, nonEmptyText, positiveInt } from './common.js';

/**
 * How an incentive subsidy share evolves over the months of a horizon (month 0 = the scenario's start).
 * `share` overrides the offer's `incentiveSubsidyShare` at month 0 when given.
 */
export const subsidyScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none'), share: boundedNumber('share', 0, 0.99).optional() }).strict(),
  z
    .object({
      kind: z.literal('linear'),
      share: boundedNumber('share', 0, 0.99).optional(),
      monthsToZero: boundedNumber('monthsToZero', 1, 1200, 'months'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('exponential'),
      share: boundedNumber('share', 0, 0.99).optional(),
      halfLifeMonths: boundedNumber('halfLifeMonths', 0.1, 1200, 'months'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('step'),
      share: boundedNumber('share', 0, 0.99).optional(),
      steps: z
        .array(z.object({ month: monthString, share: boundedNumber('share', 0, 0.99) }).strict())
        .min(1, { error: 'a step schedule needs at least one step' }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('formula'),
      share: boundedNumber('share', 0, 0.99).optional(),
      /** A mathjs expression in `t` (months since start) and `s0` (share at month 0), returning a share. */
      expression: nonEmptyText('expression', 500),
    })
    .strict(),
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
    market: z.enum(['hyperscaler', 'gpu-cloud', 'marketplace', 'depin']).optional(),
    provider: nonEmptyText('provider', 64).optional(),
    expression: nonEmptyText('expression', 500),
  })
  .strict();
export type PriceAdjustment = z.infer<typeof priceAdjustmentSchema>;

export const scenarioInputSchema = z
  .object({
    name: nonEmptyText('name').optional(),
    horizonMonths: positiveInt('horizonMonths', 120).optional(),
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
      })
      .strict()
      .optional(),
    sensitivity: z
      .object({ swing: boundedNumber('swing', 0.01, 0.9).optional() })
      .strict()
      .optional(),
    /** Overrides of the scoring framework's weights and thresholds, validated by @gpufit/scoring. */
    framework: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

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
  swing: 0.2,
} as const;

export const scenarioSchema = scenarioInputSchema.transform((s) => ({
  name: s.name ?? SCENARIO_DEFAULTS.name,
  horizonMonths: s.horizonMonths ?? SCENARIO_DEFAULTS.horizonMonths,
  startMonth: s.startMonth ?? SCENARIO_DEFAULTS.startMonth,
  subsidies: s.subsidies ?? {},
  tokenPrices: s.tokenPrices ?? {},
  subsidyPassThrough: s.subsidyPassThrough ?? SCENARIO_DEFAULTS.subsidyPassThrough,
  demandGrowthMonthly: s.demandGrowthMonthly ?? SCENARIO_DEFAULTS.demandGrowthMonthly,
  priceAdjustments: s.priceAdjustments ?? [],
  transferMbps: s.transferMbps ?? SCENARIO_DEFAULTS.transferMbps,
  committedUtilization: s.committedUtilization ?? null,
  monteCarlo: {
    trials: s.monteCarlo?.trials ?? SCENARIO_DEFAULTS.trials,
    seed: s.monteCarlo?.seed ?? SCENARIO_DEFAULTS.seed,
    depinPriceSpread: s.monteCarlo?.depinPriceSpread ?? SCENARIO_DEFAULTS.depinPriceSpread,
    demandVolatility: s.monteCarlo?.demandVolatility ?? SCENARIO_DEFAULTS.demandVolatility,
  },
  sensitivity: { swing: s.sensitivity?.swing ?? SCENARIO_DEFAULTS.swing },
  framework: s.framework ?? {},
}));

export type ScenarioInput = z.input<typeof scenarioInputSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
