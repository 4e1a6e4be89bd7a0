import {
  type EffectivePriceOptions,
  effectivePrice,
  meetsCompliance,
  residencyProblem,
} from '@gpufit/pricing';
import {
  type ComplianceRequirement,
  isCapacityBlock,
  isInterruptibleCategory,
  isTermCommitment,
  MARKET_REGISTRY,
  type Market,
  type Offer,
  type PricingCategory,
} from '@gpufit/schema';
import { daysBetween } from './asOfDay.js';
import { offerInPlace } from './offerInPlace.js';

/** `cloud` = every market whose registry side is cloud (hyperscaler, gpu-cloud); a market id means that market only. */
export type MarketFilter = Market | 'cloud';

export interface OfferFilter {
  /** A GPU tier id (already normalized). */
  readonly gpu?: string;
  /** A provider region code, an ISO-3166 country, a bloc (EU, EEA, NA, LATAM, APAC, MEA) or a continent. */
  readonly region?: string;
  readonly market?: MarketFilter;
  readonly category?: PricingCategory;
  readonly maxUsdPerGpuHour?: number;
  /** Leave out offers whose as-of is more than this many days before `today` (a month counts as its 1st). */
  readonly maxAgeDays?: number;
  /** `YYYY-MM-DD`, given by the caller (the library reads no clock); needed with `maxAgeDays`. */
  readonly today?: string;
  /**
   * Compliance requirements (`soc2`, `hipaa` …) the offer must all meet, by the rule the analysis applies to a
   * workload's `compliance` (pricing's `meetsCompliance`: the catalog's record, and `gdpr` also inside the EEA on
   * datacenter hosts).
   */
  readonly compliance?: readonly ComplianceRequirement[];
  /**
   * ISO countries or blocs the data must stay in: offers the analysis accepts for a workload's `residency`
   * (pricing's `residencyProblem`: a known country inside one of them, not a community host's unverified word).
   */
  readonly residency?: readonly string[];
  /**
   * Only offers a job of several nodes may span where it needs a fabric between them: an InfiniBand-class
   * `interconnect` (the feasibility rule for a workload of `nodes` > 1 with interconnect `infiniband`; an NVLink
   * machine connects its own GPUs only).
   */
  readonly multiNode?: boolean;
}

export interface RankedOffer {
  readonly offer: Offer;
  /**
   * What a tenant pays per GPU-hour (`effectiveUsdPerGpuHour`): the list price unless a scenario moves it; null
   * when the price is unknown or the scenario leaves the offer unpriced.
   */
  readonly effectiveUsdPerGpuHour: number | null;
  readonly rank: number;
  /** Set on the cheapest offer of the list (or of its group): why it is the cheapest. */
  readonly cheapestReason: string | null;
}

export function offerMatches(offer: Offer, f: OfferFilter): boolean {
  if (f.gpu !== undefined && offer.gpu !== f.gpu) return false;
  if (f.market !== undefined) {
    const inMarket =
      f.market === 'cloud' ? MARKET_REGISTRY[offer.market].side === 'cloud' : offer.market === f.market;
    if (!inMarket) return false;
  }
  if (f.category !== undefined && offer.pricingCategory !== f.category) return false;
  if (
    f.maxUsdPerGpuHour !== undefined &&
    (offer.usdPerGpuHour === null || offer.usdPerGpuHour > f.maxUsdPerGpuHour)
  ) {
    return false;
  }
  if (f.region !== undefined && !offerInPlace(offer, f.region)) return false;
  if (f.compliance !== undefined && !f.compliance.every((c) => meetsCompliance(offer, c))) return false;
  if (f.residency !== undefined && residencyProblem(offer, f.residency) !== null) return false;
  if (f.multiNode === true && offer.interconnect !== 'infiniband') return false;
  if (f.maxAgeDays !== undefined) {
    if (f.today === undefined) throw new Error('offerMatches: maxAgeDays needs today');
    if (daysBetween(offer.asOf, f.today) > f.maxAgeDays) return false;
  }
  return true;
}

/**
 * What a tenant pays per GPU-hour: pricing's `effectivePrice`, the price `estimateCost` charges net of the
 * incentive subsidy, in the scenario and month given. Without one it is the list price itself: a catalog price
 * already has the network's incentive subsidy in it (docs/methodology.md §7); the subsidy share says how much it
 * may rise. Null when the price is unknown or the scenario leaves the offer unpriced (an adjustment that is not
 * a price, a price below gpufit's floor).
 */
export function effectiveUsdPerGpuHour(offer: Offer, pricing: EffectivePriceOptions = {}): number | null {
  const price = effectivePrice(offer, pricing);
  return price.ok ? price.usd : null;
}

/**
 * Filter and rank by the price per GPU-hour a tenant pays (`effectiveUsdPerGpuHour`: the list price, or in a
 * scenario the price its subsidies, token prices and adjustments give, as the estimate charges it), cheapest
 * first; offers without a price come last. Ties break on the offer id so the order is stable.
 */
export function rankOffers(
  offers: readonly Offer[],
  filter: OfferFilter,
  pricing: EffectivePriceOptions = {},
): RankedOffer[] {
  const rows = offers
    .filter((o) => offerMatches(o, filter))
    .map((offer) => ({ offer, effectiveUsdPerGpuHour: effectiveUsdPerGpuHour(offer, pricing) }));
  rows.sort((a, b) => {
    const pa = a.effectiveUsdPerGpuHour ?? Number.POSITIVE_INFINITY;
    const pb = b.effectiveUsdPerGpuHour ?? Number.POSITIVE_INFINITY;
    return pa - pb || (a.offer.id < b.offer.id ? -1 : a.offer.id > b.offer.id ? 1 : 0);
  });
  const priced = rows.filter((r) => r.effectiveUsdPerGpuHour !== null).length;
  return rows.map((r, i) => ({
    ...r,
    rank: i + 1,
    cheapestReason: i === 0 && r.effectiveUsdPerGpuHour !== null ? cheapestReason(r, rows[1], priced) : null,
  }));
}

/** Why `best` is the cheapest of `priced` priced offers (or groups), `next` being the runner-up. */
export function cheapestReason(
  best: { offer: Offer; effectiveUsdPerGpuHour: number | null },
  next: { offer: Offer; effectiveUsdPerGpuHour: number | null } | undefined,
  priced: number,
  noun = 'priced offer',
): string {
  const parts = [`lowest price per GPU-hour of ${priced} ${noun}${priced === 1 ? '' : 's'}`];
  if (best.offer.incentive && best.offer.incentive.subsidyShare > 0) {
    parts.push(
      `${Math.round(best.offer.incentive.subsidyShare * 100)} % of it taken as paid by ${best.offer.incentive.symbol} incentive emissions (the offer's share: datasets/networks.csv says whether a source states it), and may rise if they end`,
    );
  }
  if (isInterruptibleCategory(best.offer.pricingCategory))
    parts.push('interruptible (spot/auction) capacity');
  if (isTermCommitment(best.offer)) parts.push(`needs a ${best.offer.termMonths}-month commitment`);
  else if (isCapacityBlock(best.offer))
    parts.push('a capacity block: booked ahead for the days a job runs, paid up front, billed by whole days');
  if (next?.effectiveUsdPerGpuHour != null && best.effectiveUsdPerGpuHour !== null) {
    const gap = next.effectiveUsdPerGpuHour - best.effectiveUsdPerGpuHour;
    parts.push(
      gap < 0.0005
        ? `tied with the next (${next.offer.id}); the lower offer id wins`
        : `${fmt(gap)}/GPU-h below the next`,
    );
  }
  return parts.join('; ');
}

function fmt(usd: number): string {
  return `$${usd.toFixed(usd < 1 ? 3 : 2)}`;
}
