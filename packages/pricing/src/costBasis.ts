/**
 * The month-0 cost of one option split into the parts a projection moves differently (DESIGN §5.8):
 *
 * - compute = gpu-time + billing-rounding + interruption-overhead + redundancy + idle-capacity + commitment-waste, unsubsidized. It scales
 *   with demand, is reduced by the incentive subsidy, and follows the incentive-token price when the offer
 *   is denominated in its token.
 * - data = egress + ingress + checkpoint-sync. gpufit assumption: it scales with demand too (results
 *   egressed and checkpoints synced grow with the work done; a fixed dataset upload is small next to
 *   them over a horizon). It is billed in USD and is not subsidized.
 *
 * The `incentive-subsidy` line of the estimate is not read: the subsidy is re-applied month by month from
 * the share at month 0 (the offer's, or the scenario schedule's own `share`).
 */
import type { CostComponentName, CostEstimate, Denomination, Market, Offer } from '@gpufit/schema';
import type { CommittedBaseMonth } from './committedBaseMonth.js';
import { offerFacts } from './estimate/offerFacts.js';
import type { TokenFloor } from './incentives/tokenFloor.js';

/** Under demand growth (demandPath.ts): one month's parts of a cost basis, at that month's demand (no subsidy, no token move: spendPath applies them). */
export interface DemandMonth {
  /** (1 + g)^t. */
  readonly demandFactor: number;
  /** The offer that prices the month: the chosen one, or one of the same side that is cheaper at this demand. */
  readonly offerId: string;
  readonly computeUsd: number;
  readonly interruptionUsd: number;
  readonly interruptionsPerMonth: number;
  readonly dataUsd: number;
  /**
   * Set by `withTokenFloor` on a month priced on another offer than the chosen one: that offer's own floor (null
   * when it has none: no USD-priced listing of its GPU, or no GPU-time price). Absent: the basis's floor.
   */
  readonly tokenFloor?: TokenFloorBasis | null;
  /** The `gpu-time` line's unit price of the estimate that priced the month (null without one): a floor's u. */
  readonly grossUsdPerGpuHour?: number | null;
}

/** A basis's months priced at their own demand, for one growth rate. */
export interface DemandPath {
  /** The monthly growth g the months were priced at; a projection at another rate scales month 0 linearly. */
  readonly growthMonthly: number;
  readonly months: readonly DemandMonth[];
  /** The first month the offer could not price (then scaled from the month before), or null. */
  readonly unpricedFrom: number | null;
  /** Why the offer could not price that month (its estimate's first rejection), or null. */
  readonly unpricedReason: string | null;
  /**
   * The first month another offer of the same side prices (cheaper at that month's demand than the chosen one, or
   * the chosen one cannot hold it), with both monthly costs at that demand; null when every month stays on the
   * chosen offer. `chosenUsd` is null when the chosen offer cannot price that month.
   */
  readonly movedFrom: {
    readonly month: number;
    readonly offer: Offer;
    readonly usd: number;
    readonly chosenUsd: number | null;
  } | null;
}

export interface CostBasis {
  readonly offerId: string;
  /** Network or provider id (the key of `scenario.subsidies`, besides the incentive symbol). */
  readonly provider: string;
  readonly market: Market;
  /** Unsubsidized compute USD a month at month 0. */
  readonly computeUsdPerMonth: number;
  /** The `interruption-overhead` part of `computeUsdPerMonth` (expected re-work). */
  readonly interruptionUsdPerMonth: number;
  /**
   * Expected interruptions a month: the offer's effective interruptions per hour (`offerFacts`: stated, from its
   * availability, or the market's assumption) × replica-hours; 0 when the estimate has no re-work.
   */
  readonly interruptionsPerMonth: number;
  /** Data-movement USD a month at month 0. */
  readonly dataUsdPerMonth: number;
  /** The offer's incentive subsidy share at month 0 (0..0.99). */
  readonly subsidyShare: number;
  /**
   * The unsubsidized USD per GPU-hour at month 0 (the `gpu-time` line's unit price; null without one): a month's
   * tenant price is it × (1 − relief(t)), held at gpufit's floor (spendPath.ts). Absent: not known to the caller
   * (no month is held).
   */
  readonly grossUsdPerGpuHour?: number | null;
  readonly incentive: { readonly symbol: string; readonly denomination: Denomination } | null;
  /**
   * Lognormal sigma of the offer's own price spread (`usdPerGpuHourMin/Max`: spot over the region's zones, or a
   * marketplace's offers), reading min and max as the 5th and 95th percentiles: σ = ln(max ÷ min) ÷ (2 × 1.645).
   * Null when the offer states no spread (the Monte Carlo then uses its side's default).
   */
  readonly priceSigma: number | null;
  /**
   * The months priced at their own demand under the scenario's growth (demandPath.ts, `withDemandPath`); absent:
   * every month scales month 0 by the demand factor.
   */
  readonly demandPath?: DemandPath;
  /**
   * The floor under a token-denominated price (incentives/tokenFloor.ts): the hosts' outside option, found by the
   * caller in its catalog (`withTokenFloor`). Absent: the USD price follows the token without limit.
   */
  readonly tokenFloor?: TokenFloorBasis;
  /**
   * Set for a cloud option that is a committed base with on-demand bursts (committedBaseBasis.ts): its month is
   * the fixed base plus the expected burst at the month's demand, which the Monte Carlo prices at each trial's
   * drawn demand (not month 0 scaled). `priceSigma` is then the burst offer's spread, applied to the burst alone.
   */
  readonly committedBase?: CommittedBaseMonth;
}

/** A token floor with the price it is compared against. */
export interface TokenFloorBasis extends TokenFloor {
  /**
   * The offer's unsubsidized USD price per GPU-hour at month 0 (the `gpu-time` line's unit price, token at its
   * reference price): × (1 − relief(t)) it is the month's price without the token move, u(t).
   */
  readonly grossUsdPerGpuHour: number;
}

/** z of the 95th percentile: min and max of a spread are read as its 5th and 95th percentiles. */
const Z_95 = 1.6448536269514722;

/** σ of a lognormal whose 5th and 95th percentiles are `min` and `max` (null without a spread). */
export function spreadSigma(min: number | null, max: number | null): number | null {
  if (min === null || max === null || !(min > 0) || !(max >= min)) return null;
  return Math.log(max / min) / (2 * Z_95);
}

export type CostBasisResult =
  | { readonly ok: true; readonly value: CostBasis }
  | { readonly ok: false; readonly reason: string };

export const COMPUTE_COMPONENTS: readonly CostComponentName[] = [
  'gpu-time',
  'billing-rounding',
  'interruption-overhead',
  'redundancy',
  'idle-capacity',
  'commitment-waste',
];
export const DATA_COMPONENTS: readonly CostComponentName[] = ['egress', 'ingress', 'checkpoint-sync'];

function sum(estimate: CostEstimate, names: readonly CostComponentName[]): number {
  let total = 0;
  for (const c of estimate.components) if (names.includes(c.name)) total += c.usd;
  return total;
}

/** Extracts the basis of `estimate` (which priced `offer`); infeasible or unpriced estimates have none. */
export function costBasis(estimate: CostEstimate, offer: Offer): CostBasisResult {
  if (!estimate.feasible) return { ok: false, reason: `offer ${offer.id} is infeasible for this workload` };
  if (estimate.monthlyUsd === null) return { ok: false, reason: `offer ${offer.id} has no price` };
  const computeUsdPerMonth = sum(estimate, COMPUTE_COMPONENTS);
  const interruptionUsdPerMonth = sum(estimate, ['interruption-overhead']);
  const dataUsdPerMonth = sum(estimate, DATA_COMPONENTS);
  const values = [computeUsdPerMonth, interruptionUsdPerMonth, dataUsdPerMonth];
  if (!values.every((v) => Number.isFinite(v) && v >= 0)) {
    return {
      ok: false,
      reason: `offer ${offer.id} has a cost component that is not a finite, non-negative USD`,
    };
  }
  const replicaHours =
    estimate.billedGpuHoursPerMonth !== null &&
    estimate.gpusPerReplica !== null &&
    estimate.gpusPerReplica > 0
      ? estimate.billedGpuHoursPerMonth / estimate.gpusPerReplica
      : 0;
  // The rate the estimate's re-work used: stated, derived from the availability, or the market's assumption. Read
  // from the offer alone (stated or 0) it drew no interruptions for an offer without a stated rate, while the same
  // offer under an interruption multiplier (which writes the effective rate onto it) drew them.
  const rate = offerFacts(offer).interruptionsPerHour;
  return {
    ok: true,
    value: {
      offerId: offer.id,
      provider: offer.provider,
      market: offer.market,
      computeUsdPerMonth,
      interruptionUsdPerMonth,
      interruptionsPerMonth: interruptionUsdPerMonth > 0 ? rate * replicaHours : 0,
      dataUsdPerMonth,
      subsidyShare: offer.incentive?.subsidyShare ?? 0,
      grossUsdPerGpuHour: grossUsdPerGpuHour(estimate),
      incentive: offer.incentive
        ? { symbol: offer.incentive.symbol, denomination: offer.incentive.denomination }
        : null,
      priceSigma: spreadSigma(offer.usdPerGpuHourMin, offer.usdPerGpuHourMax),
    },
  };
}

/** The `gpu-time` line's unit price of an estimate (the unsubsidized USD per GPU-hour), or null without one. */
export function grossUsdPerGpuHour(estimate: CostEstimate): number | null {
  const gross = estimate.components.find((c) => c.name === 'gpu-time')?.unitPriceUsd;
  return gross !== undefined && Number.isFinite(gross) && gross > 0 ? gross : null;
}

/**
 * `basis` with the floor under its token-denominated price (`floor`: the hosts' outside option, which the caller
 * finds in its catalog; pricing reads no files). Unchanged when the offer is not priced in its incentive token or
 * the estimate bills no priced GPU-hour. With `floorOf` (the caller's lookup by offer id), each month of its demand
 * path priced on another offer carries that offer's own floor, or null when it has none: a month is never held at
 * the chosen offer's floor against another offer's price.
 */
export function withTokenFloor(
  basis: CostBasis,
  floor: TokenFloor | null,
  estimate: CostEstimate,
  floorOf?: (offerId: string) => TokenFloor | null,
): CostBasis {
  if (basis.incentive?.denomination !== 'token') return basis;
  const gross = grossUsdPerGpuHour(estimate);
  const own = floor === null || gross === null ? null : { ...floor, grossUsdPerGpuHour: gross };
  const path = basis.demandPath;
  const moved = path?.months.some((m) => m.offerId !== basis.offerId) === true;
  if (own === null && !(moved && floorOf)) return basis;
  const floored: CostBasis = own === null ? basis : { ...basis, tokenFloor: own };
  if (path === undefined || !moved || floorOf === undefined) return floored;
  const months = path.months.map((m): DemandMonth => {
    if (m.offerId === basis.offerId) return m;
    const f = floorOf(m.offerId);
    const g = m.grossUsdPerGpuHour ?? null;
    return { ...m, tokenFloor: f === null || g === null ? null : { ...f, grossUsdPerGpuHour: g } };
  });
  return { ...floored, demandPath: { ...path, months } };
}
