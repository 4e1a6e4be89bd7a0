import type { CostEstimate, Market, Offer, OfferRef, PricedOption, WorkloadProfile } from '@gpufit/schema';

/** The two sides the seed compares: traditional cloud (hyperscalers, GPU clouds) and decentralized supply. */
export const SIDE_OF_MARKET: Readonly<Record<Market, 'cloud' | 'depin'>> = {
  hyperscaler: 'cloud',
  'gpu-cloud': 'cloud',
  marketplace: 'depin',
  depin: 'depin',
};

export function offerRef(o: Offer): OfferRef {
  return {
    id: o.id,
    provider: o.provider,
    providerName: o.providerName,
    market: o.market,
    gpu: o.gpu,
    region: o.region,
    country: o.country,
    pricingCategory: o.pricingCategory,
    usdPerGpuHour: o.usdPerGpuHour,
    source: o.source,
    asOf: o.asOf,
  };
}

export interface SideBest {
  readonly offer: Offer;
  readonly estimate: CostEstimate;
}

export interface BestOffers {
  readonly cloud: SideBest | null;
  readonly depin: SideBest | null;
  /** The cheapest feasible Committed cloud offer: the base-load candidate of a hybrid split. */
  readonly cloudCommitted: SideBest | null;
  /** The cheapest feasible cloud offer without a commitment (on-demand or spot): the burst rate of all-cloud. */
  readonly cloudFlexible: SideBest | null;
  /** How many offers were priced, and why the rest were not (rejection code → count). */
  readonly feasibleCount: { readonly cloud: number; readonly depin: number };
  readonly rejectionCounts: Readonly<Record<string, number>>;
}

type Estimator = (profile: WorkloadProfile, offer: Offer) => CostEstimate;

function better(candidate: SideBest, current: SideBest | null): boolean {
  if (current === null) return true;
  const a = candidate.estimate.monthlyUsd!;
  const b = current.estimate.monthlyUsd!;
  return a < b || (a === b && candidate.offer.id < current.offer.id);
}

/** Prices every offer for the profile and keeps the cheapest feasible one per side (ties: lowest offer id). */
export function bestOffers(
  profile: WorkloadProfile,
  offers: readonly Offer[],
  estimate: Estimator,
): BestOffers {
  let cloud: SideBest | null = null;
  let depin: SideBest | null = null;
  let cloudCommitted: SideBest | null = null;
  let cloudFlexible: SideBest | null = null;
  const feasibleCount = { cloud: 0, depin: 0 };
  const rejectionCounts: Record<string, number> = {};
  for (const offer of offers) {
    const e = estimate(profile, offer);
    if (!e.feasible || e.monthlyUsd === null) {
      const code = e.rejections[0]?.code ?? 'unpriced';
      rejectionCounts[code] = (rejectionCounts[code] ?? 0) + 1;
      continue;
    }
    const side = SIDE_OF_MARKET[offer.market];
    feasibleCount[side]++;
    const best = { offer, estimate: e };
    if (side === 'cloud') {
      if (better(best, cloud)) cloud = best;
      if (offer.pricingCategory === 'Committed') {
        if (better(best, cloudCommitted)) cloudCommitted = best;
      } else if (better(best, cloudFlexible)) cloudFlexible = best;
    } else if (better(best, depin)) depin = best;
  }
  return { cloud, depin, cloudCommitted, cloudFlexible, feasibleCount, rejectionCounts };
}

export function priced(best: SideBest | null): PricedOption | null {
  return best === null ? null : { offer: offerRef(best.offer), cost: best.estimate };
}
