import { bookedAheadDays, type GpuTierTable } from '@gpufit/pricing';
import type {
  CostEstimate,
  Offer,
  OfferRef,
  PricedOption,
  RefusalCount,
  WorkloadProfile,
} from '@gpufit/schema';
import { isTermCommitment } from '@gpufit/schema';
import { gpuMemoryVariant } from './gpuMemoryVariant.js';
import { preferOffer } from './preferOffer.js';
import { RejectionTally } from './rejectionTally.js';
import type { SideOfMarket } from './sides.js';

/**
 * What a result says of an offer. With the GPU tiers, an offer whose GPUs have other than their model's usual
 * memory says how much (`gpuMemoryGiB`, gpuMemoryVariant.ts).
 */
export function offerRef(o: Offer, tiers?: Pick<GpuTierTable, 'get'>): OfferRef {
  const variant = tiers === undefined ? null : gpuMemoryVariant(o.gpuMemoryGiB, tiers.get(o.gpu)?.memoryGiB);
  return {
    id: o.id,
    provider: o.provider,
    providerName: o.providerName,
    market: o.market,
    hosting: o.hosting,
    verified: o.verified,
    instanceType: o.instanceType,
    gpusPerInstance: o.gpusPerInstance,
    gpu: o.gpu,
    region: o.region,
    country: o.country,
    pricingCategory: o.pricingCategory,
    usdPerGpuHour: o.usdPerGpuHour,
    pricingCurrency: o.incentive?.denomination === 'token' ? o.incentive.symbol : 'USD',
    ...bookedAhead(o),
    ...(variant === null ? {} : { gpuMemoryGiB: variant }),
    source: o.source,
    asOf: o.asOf,
  };
}

function bookedAhead(o: Offer): Pick<OfferRef, 'bookedAhead'> {
  const days = bookedAheadDays(o);
  return days === null ? {} : { bookedAhead: { minimumDays: days } };
}

export interface SideBest {
  readonly offer: Offer;
  readonly estimate: CostEstimate;
}

export interface BestOffers {
  readonly cloud: SideBest | null;
  readonly depin: SideBest | null;
  /** Why a side has no option (the rules that refused its offers); null when it has one or nothing was counted. */
  readonly unavailable?: { readonly cloud: string | null; readonly depin: string | null };
  /** The reasons `unavailable` names, as codes and counts in its order (null where it says nothing). */
  readonly unavailableReasons?: {
    readonly cloud: readonly RefusalCount[] | null;
    readonly depin: readonly RefusalCount[] | null;
  };
  /** The cheapest feasible Committed cloud offer: the base-load candidate of a hybrid split. */
  readonly cloudCommitted: SideBest | null;
  /** The cheapest feasible cloud offer without a commitment (on-demand or spot): the burst rate of all-cloud. */
  readonly cloudFlexible: SideBest | null;
}

type Estimator = (profile: WorkloadProfile, offer: Offer) => CostEstimate;

function better(profile: WorkloadProfile, candidate: SideBest, current: SideBest | null): boolean {
  if (current === null) return true;
  return preferOffer(
    profile,
    candidate.estimate.monthlyUsd!,
    candidate.offer,
    current.estimate.monthlyUsd!,
    current.offer,
  );
}

/**
 * The cheapest cloud offer, from the cheapest committed and the cheapest flexible one (every cloud offer is one
 * or the other; the same order, `preferOffer`: lowest monthly cost, then inside the users' region, then the lowest
 * offer id).
 */
export function cheapestCloud(
  profile: WorkloadProfile,
  committed: SideBest | null,
  flexible: SideBest | null,
): SideBest | null {
  if (committed === null) return flexible;
  return flexible !== null && better(profile, flexible, committed) ? flexible : committed;
}

/** Prices every offer for the profile and keeps the cheapest feasible one per side (ties: `preferOffer`). */
export function bestOffers(
  profile: WorkloadProfile,
  offers: readonly Offer[],
  estimate: Estimator,
  sides: SideOfMarket,
): BestOffers {
  let depin: SideBest | null = null;
  let cloudCommitted: SideBest | null = null;
  let cloudFlexible: SideBest | null = null;
  const tally = { cloud: new RejectionTally(), depin: new RejectionTally() };
  for (const offer of offers) {
    const e = estimate(profile, offer);
    const side = sides[offer.market];
    if (!e.feasible || e.monthlyUsd === null) {
      tally[side].add(e, offer);
      continue;
    }
    const best = { offer, estimate: e };
    if (side === 'cloud') {
      if (isTermCommitment(offer)) {
        if (better(profile, best, cloudCommitted)) cloudCommitted = best;
      } else if (better(profile, best, cloudFlexible)) cloudFlexible = best;
    } else if (better(profile, best, depin)) depin = best;
  }
  const cloud = cheapestCloud(profile, cloudCommitted, cloudFlexible);
  return {
    cloud,
    depin,
    cloudCommitted,
    cloudFlexible,
    unavailable: {
      cloud: cloud === null ? tally.cloud.sentence('cloud') : null,
      depin: depin === null ? tally.depin.sentence('decentralized') : null,
    },
    unavailableReasons: {
      cloud: cloud === null ? tally.cloud.reasons() : null,
      depin: depin === null ? tally.depin.reasons() : null,
    },
  };
}

/**
 * The same winners priced again by `estimate` (with their explanation): screening prices every offer without
 * its sentences (`explain: false`, the same numbers), and only the few winners need them.
 */
export function explained(best: BestOffers, profile: WorkloadProfile, estimate: Estimator): BestOffers {
  const again = (b: SideBest | null): SideBest | null =>
    b === null ? null : { offer: b.offer, estimate: estimate(profile, b.offer) };
  const cloudCommitted = again(best.cloudCommitted);
  const cloudFlexible = again(best.cloudFlexible);
  return {
    cloud: best.cloud === null ? null : best.cloud === best.cloudCommitted ? cloudCommitted : cloudFlexible,
    depin: again(best.depin),
    cloudCommitted,
    cloudFlexible,
    ...(best.unavailable === undefined ? {} : { unavailable: best.unavailable }),
    ...(best.unavailableReasons === undefined ? {} : { unavailableReasons: best.unavailableReasons }),
  };
}

export function priced(best: SideBest | null, tiers?: Pick<GpuTierTable, 'get'>): PricedOption | null {
  return best === null ? null : { offer: offerRef(best.offer, tiers), cost: best.estimate };
}
