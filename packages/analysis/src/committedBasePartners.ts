import {
  bookedAheadDays,
  type CostFloor,
  costFloor,
  costFloorKey,
  costFloorUsd,
  type EstimateCostOptions,
  effectivePrice,
} from '@gpufit/pricing';
import { isTermCommitment, type Offer, type WorkloadProfile } from '@gpufit/schema';
import type { BestOffers, SideBest } from './bestOffers.js';

type Estimator = (profile: WorkloadProfile, offer: Offer) => SideBest['estimate'];

/**
 * A lower bound on `screen`'s monthlyUsd of `offer` for `profile` (pricing's cost floor at the offer's effective
 * price), or null when the offer cannot be feasible for it. Optional: without it every wanted offer is screened.
 */
export type CostBound = (profile: WorkloadProfile, offer: Offer) => number | null;

/**
 * The CostBound of pricing's cost floor at the offer's effective price, for estimates made with `estimateOptions`
 * (without a scenario's price formulas, which the floor does not bound): one floor per costFloorKey for the profile
 * last asked (a search asks about one profile's offers in a row).
 */
export function costFloorBound(estimateOptions: EstimateCostOptions): CostBound {
  const floorOptions = { ...estimateOptions, verdictOnly: true, skipOfferTerms: true } as const;
  const scenario = estimateOptions.scenario === undefined ? {} : { scenario: estimateOptions.scenario };
  let last: { profile: WorkloadProfile; floors: Map<string, CostFloor | null> } | null = null;
  return (profile, offer) => {
    if (last === null || last.profile !== profile) last = { profile, floors: new Map() };
    const key = costFloorKey(offer);
    let floor = last.floors.get(key);
    if (floor === undefined) {
      floor = costFloor(profile, offer, floorOptions);
      last.floors.set(key, floor);
    }
    if (floor === null) return null;
    const price = effectivePrice(offer, scenario);
    return price.ok ? costFloorUsd(floor, price.usd) : null;
  };
}

/**
 * A committed offer and an on-demand offer of one provider, one GPU type and one region: a textbook committed-base
 * mix (a reservation is held in a region, and bursts served from another would add its latency and transfer).
 */
export interface CommittedBasePair {
  readonly committed: SideBest;
  readonly onDemand: SideBest;
}

/**
 * The pairs a committed base with on-demand bursts is tried on (committedBaseChoice.ts): one provider's commitment
 * and its on-demand offer of the same GPU. bestOffers keeps the cheapest committed and the cheapest flexible cloud
 * offer, often of two providers (the bundled finance plan's support-copilot-8b: AWS's L4 commitment, RunPod's L40S on
 * demand); a practitioner reserves an instance type and bursts on that provider's on-demand of it. So, for the
 * cheapest commitment, the cheapest feasible on-demand offer of its provider and GPU in its region; for the cheapest
 * on-demand offer, the cheapest feasible commitment of its provider and GPU in its region. Offers are
 * priced with `screen` (numbers only) and the winners again with `estimate` (with their sentences), as bestOffers
 * and `explained` do. A heuristic: a commitment that is not the cheapest alone, on a third provider, is not tried.
 */
export function committedBasePairs(
  profile: WorkloadProfile,
  best: BestOffers,
  ofProviderGpu: (provider: string, gpu: string) => readonly Offer[],
  screen: Estimator,
  estimate: Estimator,
  bound?: CostBound,
): CommittedBasePair[] {
  const pairs: CommittedBasePair[] = [];
  // The wanted offers, by their lower bound when one is given (an offer whose bound is above the cheapest found
  // cannot win, nor tie, so the scan stops there: a catalog with many listings of one type in one region, as a grown
  // or marketplace-like catalog has, screens a few of them instead of all), else in catalog order.
  const ordered = (candidates: readonly Offer[], wanted: (o: Offer) => boolean) => {
    const kept: { offer: Offer; floor: number }[] = [];
    for (const offer of candidates) {
      if (!wanted(offer)) continue;
      const floor = bound === undefined ? Number.NEGATIVE_INFINITY : bound(profile, offer);
      if (floor !== null) kept.push({ offer, floor });
    }
    if (bound !== undefined) kept.sort((a, b) => a.floor - b.floor);
    return kept;
  };
  const cheapest = (candidates: readonly Offer[], wanted: (o: Offer) => boolean): SideBest | null => {
    let found: { offer: Offer; usd: number } | null = null;
    for (const { offer, floor } of ordered(candidates, wanted)) {
      if (found !== null && floor > found.usd) break;
      const e = screen(profile, offer);
      if (!e.feasible || e.monthlyUsd === null) continue;
      if (
        found === null ||
        e.monthlyUsd < found.usd ||
        (e.monthlyUsd === found.usd && offer.id < found.offer.id)
      )
        found = { offer, usd: e.monthlyUsd };
    }
    return found === null ? null : { offer: found.offer, estimate: estimate(profile, found.offer) };
  };
  const onDemand = (o: Offer) =>
    !isTermCommitment(o) && o.pricingCategory === 'Standard' && bookedAheadDays(o) === null;
  const c = best.cloudCommitted;
  if (c !== null) {
    const f = cheapest(
      ofProviderGpu(c.offer.provider, c.offer.gpu),
      (o) => onDemand(o) && o.region === c.offer.region,
    );
    if (f !== null) pairs.push({ committed: c, onDemand: f });
  }
  const f = best.cloudFlexible;
  if (
    f !== null &&
    onDemand(f.offer) &&
    (c === null || c.offer.provider !== f.offer.provider || c.offer.gpu !== f.offer.gpu)
  ) {
    const k = cheapest(
      ofProviderGpu(f.offer.provider, f.offer.gpu),
      (o) => isTermCommitment(o) && o.region === f.offer.region,
    );
    if (k !== null) pairs.push({ committed: k, onDemand: f });
  }
  return pairs;
}
