import type { GpuTierTable } from '@gpufit/pricing';
import type { Offer, Scenario, WorkloadProfile } from '@gpufit/schema';
import { type BestOffers, SIDE_OF_MARKET } from '../analysis/bestOffers.js';
import { indexOffers } from '../analysis/matchOffers.js';

/**
 * `bestOffers` answered by four branch-and-bound indexes (matchOffers.ts) instead of pricing every offer:
 * the same cheapest offers, for portfolios too large to price exhaustively.
 */
export function indexedBestOffers(
  offers: readonly Offer[],
  options: { readonly tiers: GpuTierTable; readonly scenario: Scenario },
): (profile: WorkloadProfile) => BestOffers {
  const cloudOffers = offers.filter((o) => SIDE_OF_MARKET[o.market] === 'cloud');
  const cloud = indexOffers(cloudOffers, options);
  const depin = indexOffers(
    offers.filter((o) => SIDE_OF_MARKET[o.market] === 'depin'),
    options,
  );
  const committed = indexOffers(
    cloudOffers.filter((o) => o.pricingCategory === 'Committed'),
    options,
  );
  const flexible = indexOffers(
    cloudOffers.filter((o) => o.pricingCategory !== 'Committed'),
    options,
  );
  return (profile) => ({
    cloud: cloud.cheapest(profile),
    depin: depin.cheapest(profile),
    cloudCommitted: committed.cheapest(profile),
    cloudFlexible: flexible.cheapest(profile),
  });
}
