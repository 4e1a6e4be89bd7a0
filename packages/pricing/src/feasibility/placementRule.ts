import {
  assumedMark,
  isInterruptibleCategory,
  type Offer,
  type PlacementPolicy,
  type WorkloadProfile,
} from '@gpufit/schema';

/** The placement lists of a run or scenario and of one workload, as `placementRule` reads them. */
export type PlacementLists = Pick<
  PlacementPolicy,
  'allowedPricingCategories' | 'allowedMarkets' | 'allowedProviders' | 'excludedProviders'
>;

/**
 * Whether the user's placement lists allow this offer, and why not. Each list narrows: an offer must pass the
 * scenario's (or run's) lists and the workload's own; an empty list restricts nothing. Excluded providers win.
 */
export function placementRule(
  profile: WorkloadProfile,
  scenario: PlacementLists | undefined,
  offer: Offer,
): string | null {
  const checks: readonly [string, PlacementLists | undefined][] = [
    ['the scenario', scenario],
    ['the workload', profile],
  ];
  for (const [who, lists] of checks) {
    if (lists === undefined) continue;
    if (lists.excludedProviders.includes(offer.provider)) {
      return `${who} excludes provider ${offer.provider}`;
    }
    if (lists.allowedProviders.length > 0 && !lists.allowedProviders.includes(offer.provider)) {
      return `${who} allows only providers ${lists.allowedProviders.join(', ')}`;
    }
    if (lists.allowedMarkets.length > 0 && !lists.allowedMarkets.includes(offer.market)) {
      return `${who} allows only ${lists.allowedMarkets.join(', ')} offers; this one is ${offer.market}`;
    }
    if (
      lists.allowedPricingCategories.length > 0 &&
      !lists.allowedPricingCategories.includes(offer.pricingCategory)
    ) {
      return `${who} allows only ${lists.allowedPricingCategories.join(', ')} pricing; this offer is ${offer.pricingCategory}`;
    }
  }
  return null;
}

/**
 * Spot, interruptible and bid capacity (FOCUS `Dynamic`) can be reclaimed at any time (AWS gives a 2-minute
 * notice; Vast stops an outbid instance; Spheron spot is "reclaimable at any time" — price-facts §1, §3,
 * reliability-facts): it serves only work that tolerates interruptions.
 */
export function interruptibleRule(profile: WorkloadProfile, offer: Offer): string | null {
  if (!isInterruptibleCategory(offer.pricingCategory) || profile.interruptible) return null;
  return `spot/interruptible capacity can be reclaimed at any time, and the workload is marked interruptible: false${assumedMark(profile, 'interruptible')}`;
}
