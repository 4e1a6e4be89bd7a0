/**
 * One option's expected spend month by month (DESIGN §5.8): the deterministic path that `projectSpend`
 * reports and `monteCarlo` perturbs. For month t = 0 … horizon−1:
 *
 *   demand(t)  = (1 + g)^t                                       compound monthly growth g
 *   parts(t)   = the offer's compute, re-work and data at demand(t)   priced month by month (demandPath.ts) when
 *                the basis carries a path for g; else month 0's parts · demand(t)
 *   s(t)       = the subsidy schedule's share                     (subsidyShareAt.ts)
 *   relief(t)  = min(s0 − p · (s0 − s(t)), 1 − m / g)              p = scenario.subsidyPassThrough, m gpufit's floor
 *                of USD 0.001 per GPU-hour (MIN_USD_PER_GPU_HOUR): a rising share never prices a month's GPU-hour
 *                below it, as the estimate refuses to at month 0 (effectivePrice); the month is held at the floor
 *   ratio(t)   = E[S(t)] / S0 = e^{μ t / 12}                      only when priced in the incentive token
 *   u(t), e(t) = g · (1 − relief(t)), g · s(t)                     with a token floor f (incentives/tokenFloor.ts),
 *                g the unsubsidized month-0 price per GPU-hour: the tenant price and the emissions a GPU-hour
 *                earns at the reference token price (with p < 1 the providers absorb the rest of a fall)
 *   φ(t), ε(t) = f / u(t), e(t) / u(t)
 *   paid(t)    = max(ratio(t), min(φ(t), 1 + ε(t)) − ratio(t) · ε(t))   under the floor; else ratio(t)
 *   spend(t)   = compute(t) · (1 − relief(t)) · paid(t) + data(t)
 *
 * A cloud option that is a committed base with on-demand bursts (`basis.committedBase`) prices compute(t) as its
 * fixed base plus its bursts at demand(t) (committedBaseMonth.ts), not month 0 × demand(t).
 *
 * The projection is a point path: the floor applies to the expected token path E[R]. The Monte Carlo applies it
 * to each trial's landed price (its price factor P in place of the first R and of the 1), so its mean sits at or above the
 * projection (Jensen) wherever the floor can bind.
 *
 * When a subsidy falls, the tenant price rises by p × the lost share of the unsubsidized price; providers
 * absorb the rest (p = 1: the tenant pays the whole loss, DESIGN §5.7's price × (1 − s(t))).
 */
import {
  MIN_USD_PER_GPU_HOUR,
  namedEntry,
  type Scenario,
  type SubsidySchedule,
  type TokenPriceModel,
} from '@gpufit/schema';
import { committedBaseMonthPricer } from './committedBaseMonth.js';
import type { CostBasis, DemandMonth, TokenFloorBasis } from './costBasis.js';
import { demandMonthAt } from './demandPath.js';
import { subsidyEntryFor } from './incentives/subsidyScheduleFor.js';
import { heldTokenRatio, tokenFloorTerms } from './incentives/tokenFloor.js';
import { type FormulaCompiler, subsidyShareCurve } from './subsidyShareAt.js';
import { expectedTokenPrice } from './tokenPricePath.js';

/** The scenario fields a projection reads. */
export type ProjectionScenario = Pick<
  Scenario,
  'horizonMonths' | 'startMonth' | 'subsidies' | 'tokenPrices' | 'subsidyPassThrough' | 'demandGrowthMonthly'
>;

export interface SpendPathOptions {
  /** Needed when a schedule is a `formula` (pass this package's `compileFormula`). */
  readonly compileFormula?: FormulaCompiler;
}

export interface SpendPath {
  readonly months: number;
  readonly demandFactor: Float64Array;
  /** The schedule's share s(t). */
  readonly subsidyShare: Float64Array;
  /** The share of the unsubsidized compute price the tenant does not pay, relief(t). */
  readonly reliefShare: Float64Array;
  /** Compute USD without interruption re-work: compute · (1 − relief) · demand, before the token ratio. */
  readonly computeUsd: Float64Array;
  /** Expected interruption re-work USD, same factors as `computeUsd`. */
  readonly interruptionUsd: Float64Array;
  /** Expected interruptions in the month (scaled by demand). */
  readonly interruptionsPerMonth: Float64Array;
  readonly dataUsd: Float64Array;
  /** The incentive-token model when the offer is priced in its token and the scenario models it. */
  readonly token: { readonly symbol: string; readonly model: TokenPriceModel } | null;
  /** E[S(t)] (null without a token model). */
  readonly tokenPriceUsd: Float64Array | null;
  /**
   * φ(t) = f / u(t) of the basis's token floor (null without a token model or a floor): the paid ratio is
   * max(R(t), min(φ(t) − R(t)·ε(t), 1 + (1 − R(t))·ε(t))) on the expected path here, with R(t)·P in place of the
   * first R(t), and P in place of the 1, on each Monte Carlo trial's landed price (incentives/tokenFloor.ts).
   */
  readonly tokenFloorRatio: Float64Array | null;
  /** ε(t) = e(t) / u(t): the month's emissions per USD of tenant price (null with `tokenFloorRatio`). */
  readonly tokenEmissionRatio: Float64Array | null;
  /**
   * The catalog offer that prices each month: the chosen one, or under demand growth another offer of the same side
   * (demandPath.ts). Its floor, when token-priced, is that offer's own (`tokenFloorRatio` 0 in a month with none).
   */
  readonly offerIds: readonly string[];
  /** The first month the floor holds the expected path's price (its hosts' income would fall below f), or null. */
  readonly tokenFloorFrom: number | null;
  /**
   * The first month the subsidy schedule's share would take the tenant price below gpufit's floor of USD 0.001 per
   * GPU-hour, so the month is priced at the floor (relief(t) held at 1 − m / g), or null.
   */
  readonly priceFloorFrom: number | null;
  /** Expected spend: (computeUsd + interruptionUsd) · the paid ratio + dataUsd. */
  readonly expectedUsd: Float64Array;
  /**
   * USD the incentive emissions pay toward the month's GPU time at the month's token price: the unsubsidized compute
   * × s(t) × R(t) (R the token's own move, 1 without a token model; 0 without a subsidy). Under a held floor the
   * tenant pays f'·h − this, so the month's GPU price plus its subsidy is the hosts' income, never more (docs,
   * "Incentive-token floor").
   */
  readonly subsidyUsd: Float64Array;
  /**
   * The share of the month's GPU income (GPU price paid + `subsidyUsd`) the emissions pay: s(t) under full
   * pass-through while the token's price passes through; below it in a month the floor holds the price (the tenant
   * pays more, the emissions do not); 0 without a subsidy.
   */
  readonly paidSubsidyShare: Float64Array;
  readonly schedule: SubsidySchedule;
  readonly assumptions: readonly string[];
}

const NONE: SubsidySchedule = { kind: 'none' };

/**
 * The scenario's schedule for the basis, by the same rule as `subsidyScheduleFor` (estimate side): by network
 * (`provider`) first, then by incentive symbol; a constant share when the scenario has none.
 */
export function scheduleFor(basis: CostBasis, subsidies: Scenario['subsidies']): SubsidySchedule {
  return subsidyEntryFor(basis.provider, basis.incentive?.symbol, subsidies)?.value ?? NONE;
}

export function spendPath(
  basis: CostBasis,
  scenario: ProjectionScenario,
  options: SpendPathOptions = {},
): SpendPath {
  const n = scenario.horizonMonths;
  const schedule = scheduleFor(basis, scenario.subsidies);
  const curve = subsidyShareCurve(schedule, {
    offerShare: basis.subsidyShare,
    startMonth: scenario.startMonth,
    ...(options.compileFormula ? { compileFormula: options.compileFormula } : {}),
  });
  const s0 = curve(0);
  const p = scenario.subsidyPassThrough;
  const growth = 1 + scenario.demandGrowthMonthly;
  const assumptions: string[] = [];

  const incentive = basis.incentive;
  let token: SpendPath['token'] = null;
  if (incentive?.denomination === 'token') {
    const model = namedEntry(scenario.tokenPrices, incentive.symbol)?.value;
    if (model) token = { symbol: incentive.symbol, model };
    else {
      assumptions.push(
        `${basis.offerId} is priced in the ${incentive.symbol} incentive token but the scenario has no price model for it; its USD price is held at month 0`,
      );
    }
  }

  const demandFactor = new Float64Array(n);
  const subsidyShare = new Float64Array(n);
  const reliefShare = new Float64Array(n);
  const computeUsd = new Float64Array(n);
  const interruptionUsd = new Float64Array(n);
  const interruptionsPerMonth = new Float64Array(n);
  const dataUsd = new Float64Array(n);
  const tokenPriceUsd = token ? new Float64Array(n) : null;
  const offerIds: string[] = [];
  // The months priced at their own demand, when the basis carries them for this growth rate.
  const priced =
    basis.demandPath !== undefined && basis.demandPath.growthMonthly === scenario.demandGrowthMonthly
      ? basis.demandPath
      : null;
  // Each month's floor: the chosen offer's, or that of the offer that prices the month (withTokenFloor).
  const floorAt = (at: DemandMonth | null): TokenFloorBasis | null => {
    if (!token) return null;
    if (at === null || at.offerId === basis.offerId || at.tokenFloor === undefined)
      return basis.tokenFloor ?? null;
    return at.tokenFloor;
  };
  const floored =
    token !== null &&
    (basis.tokenFloor !== undefined || (priced?.months.some((m) => floorAt(m) !== null) ?? false));
  const floorRatio = floored ? new Float64Array(n) : null;
  const emissionRatio = floored ? new Float64Array(n) : null;
  let tokenFloorFrom: number | null = null;
  const expectedUsd = new Float64Array(n);
  const subsidyUsd = new Float64Array(n);
  const paidSubsidyShare = new Float64Array(n);
  const steadyCompute = basis.computeUsdPerMonth - basis.interruptionUsdPerMonth;
  if (priced !== null && priced.unpricedFrom !== null && priced.unpricedFrom < n) {
    assumptions.push(
      `${basis.offerId} cannot price the demand of month ${priced.unpricedFrom + 1} (×${(growth ** priced.unpricedFrom).toFixed(2)} month 1's); from then on its cost scales with the demand`,
    );
  }

  let priceFloorFrom: number | null = null;
  // A committed base with on-demand bursts: the base fixed, the burst at the month's demand (committedBaseMonth.ts).
  const mix = basis.committedBase === undefined ? null : committedBaseMonthPricer(basis.committedBase);
  for (let t = 0; t < n; t++) {
    const d = growth ** t;
    const s = curve(t);
    const at = priced === null ? null : demandMonthAt(priced, t);
    // The month's unsubsidized price per GPU-hour: that of the offer that prices it.
    const g = at === null || at.offerId === basis.offerId ? basis.grossUsdPerGpuHour : at.grossUsdPerGpuHour;
    const scheduled = s0 - p * (s0 - s);
    const held = g != null && g > 0 && g * (1 - scheduled) < MIN_USD_PER_GPU_HOUR;
    if (held) priceFloorFrom ??= t;
    const relief = held ? 1 - MIN_USD_PER_GPU_HOUR / g : scheduled;
    const paid = 1 - relief;
    demandFactor[t] = d;
    subsidyShare[t] = s;
    reliefShare[t] = relief;
    offerIds.push(at?.offerId ?? basis.offerId);
    // Without a path, the arithmetic (and so every bit of the Monte Carlo's pinned output) as before paths.
    const compute = mix ? mix.monthUsd(d) * paid : at ? at.computeUsd * paid : steadyCompute * paid * d;
    const rework = at ? at.interruptionUsd * paid : basis.interruptionUsdPerMonth * paid * d;
    const data = at ? at.dataUsd : basis.dataUsdPerMonth * d;
    computeUsd[t] = compute;
    interruptionUsd[t] = rework;
    interruptionsPerMonth[t] = at ? at.interruptionsPerMonth : basis.interruptionsPerMonth * d;
    dataUsd[t] = data;
    const price = token ? expectedTokenPrice(token.model, t) : 1;
    if (tokenPriceUsd && token) tokenPriceUsd[t] = price;
    let ratio = token ? price / token.model.spotUsd : 1;
    // The emissions, s(t) of the unsubsidized price, worth R(t) of their reference value whatever the floor does.
    const subsidy = paid > 0 ? ((compute + rework) / paid) * s * ratio : 0;
    const floor = floorAt(at);
    if (floorRatio && emissionRatio && floor) {
      // The emissions the schedule still pays, s(t) of the unsubsidized price, are part of the hosts' income.
      const g = floor.grossUsdPerGpuHour;
      const terms = tokenFloorTerms(floor.usdPerGpuHour, g * paid, g * s);
      floorRatio[t] = terms.floorRatio;
      emissionRatio[t] = terms.emissionRatio;
      const held = heldTokenRatio(ratio, terms.floorRatio, terms.emissionRatio);
      if (ratio < held) {
        ratio = held;
        tokenFloorFrom ??= t;
      }
    }
    expectedUsd[t] = (compute + rework) * ratio + data;
    subsidyUsd[t] = subsidy;
    const income = (compute + rework) * ratio + subsidy;
    paidSubsidyShare[t] = income > 0 ? subsidy / income : 0;
  }
  if (priceFloorFrom !== null) {
    assumptions.push(
      `${basis.offerId}: from month ${priceFloorFrom + 1} the subsidy schedule's share (${Math.round(subsidyShare[priceFloorFrom]! * 1000) / 10} %) would take the tenant price below gpufit's floor of ${MIN_USD_PER_GPU_HOUR} USD per GPU-hour; such a month is priced at the floor, never lower`,
    );
  }
  return {
    months: n,
    demandFactor,
    subsidyShare,
    reliefShare,
    computeUsd,
    interruptionUsd,
    interruptionsPerMonth,
    dataUsd,
    token,
    tokenPriceUsd,
    tokenFloorRatio: floorRatio,
    tokenEmissionRatio: emissionRatio,
    offerIds,
    tokenFloorFrom,
    priceFloorFrom,
    expectedUsd,
    subsidyUsd,
    paidSubsidyShare,
    schedule,
    assumptions,
  };
}
