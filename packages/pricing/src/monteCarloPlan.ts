/**
 * The inputs of the Monte Carlo kernel as plain, transferable data (numbers and Float64Arrays only), so the
 * same plan runs in this thread or is posted to worker threads. Built from the two options' deterministic
 * spend paths (spendPath.ts) and the scenario's uncertainty settings.
 */
import type { Scenario } from '@gpufit/schema';
import type { CostBasis } from './costBasis.js';
import { committedBasePlan, type MonteCarloCommittedBase } from './monteCarloCommittedBase.js';
import { MONTE_CARLO_BLOCK_TRIALS } from './prng.js';
import { type ProjectionScenario, type SpendPath, type SpendPathOptions, spendPath } from './spendPath.js';
import { tokenStepCoefficients } from './tokenPricePath.js';

/**
 * Default number of trials whose every month is kept for the monthly percentiles (the charts' bands and the
 * monthly cells of report.csv): two blocks, as for the plan's fan (PORTFOLIO_MONTHLY_SAMPLE_TRIALS). With 2,048
 * trials a monthly P10 or P90 has a standard error of about 0.04 standard deviations of that month's spend.
 * Horizon percentiles and P(DePIN cheaper) use every trial. It was 20,000 (every trial at the default 10,000):
 * gathering and selecting 10,000 values per month and option was a fifth of a full analysis's Monte Carlo time,
 * and kept every trial off the kernel's fast path.
 */
export const MONTHLY_SAMPLE_TRIALS = 2 * MONTE_CARLO_BLOCK_TRIALS;

export interface MonteCarloOptionPlan {
  /** Expected compute USD a month without re-work, after subsidy and demand growth (spendPath). */
  readonly computeUsd: Float64Array;
  /** Expected interruption re-work USD a month. */
  readonly interruptionUsd: Float64Array;
  /** Expected interruptions a month; 0 = no interruption draws. */
  readonly interruptionsPerMonth: Float64Array;
  readonly dataUsd: Float64Array;
  /** Lognormal sigma of the price this trial lands at (mean 1). */
  readonly priceSigma: number;
  /** Index into `tokens`, or −1 when the option is not priced in an incentive token. */
  readonly tokenIndex: number;
  /**
   * φ(t) of the option's token floor (spendPath.ts): each trial's landed price ratio R(t)·P becomes
   * max(R(t)·P, min(φ(t) − R(t)·ε(t), P + (1 − R(t))·ε(t))). Absent: no floor, and every trial's arithmetic is the one before floors (the
   * pinned digests hold).
   */
  readonly tokenFloor?: Float64Array;
  /** ε(t) of the option's token floor, present with `tokenFloor`: the emissions per USD of tenant price. */
  readonly tokenEmission?: Float64Array;
  /**
   * A committed base with on-demand bursts (monteCarloCommittedBase.ts): a trial's month is the base plus the burst
   * at its drawn demand, in place of D · (compute + data). Absent for a single offer.
   */
  readonly committedBase?: MonteCarloCommittedBase;
}

export interface MonteCarloTokenPlan {
  readonly symbol: string;
  /** (μ − σ²/2)/12 and σ·√(1/12): the exact monthly log-step of the GBM. */
  readonly logDrift: number;
  readonly logVolatility: number;
}

export interface MonteCarloParams {
  readonly seed: number;
  readonly trials: number;
  readonly months: number;
  readonly startMonth: string;
  /** Trials 0 … sampleTrials−1 keep their monthly spend (trial-major) for the monthly percentiles. */
  readonly sampleTrials: number;
  /** Lognormal sigma of each month's demand around its projection (mean 1). */
  readonly demandSigma: number;
  /**
   * φ, the month-to-month correlation of the demand shock: its normal follows x_t = φ·x_{t−1} + √(1−φ²)·Z_t from
   * today's known demand (x_{−1} = 0), so month t's spread is σ_d·√(1 − φ^{2(t+1)}) and its mean 1 while deviations
   * persist (monteCarloKernel.ts). 0 = independent months.
   */
  readonly demandPersistence: number;
  /** Draw interruption counts (Poisson) or use their expectation. */
  readonly interruptionDraws: boolean;
  /** [cloud, depin]. */
  readonly options: readonly [MonteCarloOptionPlan, MonteCarloOptionPlan];
  readonly tokens: readonly MonteCarloTokenPlan[];
}

export type MonteCarloScenario = ProjectionScenario & Pick<Scenario, 'monteCarlo'>;

export interface MonteCarloPlanOptions extends SpendPathOptions {
  /** Overrides `scenario.monteCarlo.trials`. */
  readonly trials?: number;
  /** Overrides `scenario.monteCarlo.seed`. */
  readonly seed?: number;
  /** 'poisson' (default) draws interruption counts; 'expected' uses their mean. */
  readonly interruptions?: 'poisson' | 'expected';
  /** How many trials keep their monthly spend for the monthly percentiles (default 20,000). */
  readonly monthlySampleTrials?: number;
}

/** An option's token floor for the kernels (`tokenFloor`, `tokenEmission`), or nothing without one. */
export function tokenFloorPlan(path: SpendPath): Pick<MonteCarloOptionPlan, 'tokenFloor' | 'tokenEmission'> {
  return path.tokenFloorRatio === null || path.tokenEmissionRatio === null
    ? {}
    : { tokenFloor: path.tokenFloorRatio, tokenEmission: path.tokenEmissionRatio };
}

export function monteCarloPlan(
  bases: { readonly cloud: CostBasis; readonly depin: CostBasis },
  scenario: MonteCarloScenario,
  options: MonteCarloPlanOptions = {},
): MonteCarloParams {
  const trials = options.trials ?? scenario.monteCarlo.trials;
  const seed = (options.seed ?? scenario.monteCarlo.seed) >>> 0;
  const tokens: MonteCarloTokenPlan[] = [];
  const option = (basis: CostBasis, priceSigma: number): MonteCarloOptionPlan => {
    const path = spendPath(basis, scenario, options);
    let tokenIndex = -1;
    if (path.token) {
      const { symbol, model } = path.token;
      tokenIndex = tokens.findIndex((t) => t.symbol === symbol);
      if (tokenIndex < 0) {
        tokenIndex = tokens.push({ symbol, ...tokenStepCoefficients(model) }) - 1;
      }
    }
    return {
      computeUsd: path.computeUsd,
      interruptionUsd: path.interruptionUsd,
      interruptionsPerMonth: path.interruptionsPerMonth,
      dataUsd: path.dataUsd,
      priceSigma,
      tokenIndex,
      ...(tokenIndex >= 0 && tokenFloorPlan(path)),
      ...committedBasePlan(basis, path),
    };
  };
  // Each option's price spread: its offer's own (spot over zones, a marketplace's range) when the catalog states
  // one; else none for cloud (a list price) and the scenario's `depinPriceSpread` for decentralized supply.
  const cloud = option(bases.cloud, bases.cloud.priceSigma ?? 0);
  const depin = option(bases.depin, bases.depin.priceSigma ?? scenario.monteCarlo.depinPriceSpread);
  return {
    seed,
    trials,
    months: scenario.horizonMonths,
    startMonth: scenario.startMonth,
    sampleTrials: Math.min(trials, options.monthlySampleTrials ?? MONTHLY_SAMPLE_TRIALS),
    demandSigma: scenario.monteCarlo.demandVolatility,
    demandPersistence: scenario.monteCarlo.demandPersistence,
    interruptionDraws: (options.interruptions ?? 'poisson') === 'poisson',
    options: [cloud, depin],
    tokens,
  };
}
