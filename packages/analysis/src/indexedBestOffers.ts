import type { GpuTierTable, ThroughputRatioTable } from '@gpufit/pricing';
import { isCommitted, type Offer, type Scenario, type WorkloadProfile } from '@gpufit/schema';
import { type BestOffers, cheapestCloud } from './bestOffers.js';
import { indexOfferParts } from './matchOffers.js';
import { sidesOfMarkets } from './sides.js';

/**
 * `bestOffers` answered by one branch-and-bound index over three parts (matchOffers.ts `indexOfferParts`:
 * decentralized, committed cloud, flexible cloud — one feasibility scan per profile for all three) instead of
 * pricing every offer: the same cheapest offers, for portfolios too large to price exhaustively. The cheapest
 * cloud offer is the cheaper of the committed and the flexible one, as in `bestOffers`.
 */
export function indexedBestOffers(
  offers: readonly Offer[],
  options: {
    readonly tiers: GpuTierTable;
    readonly scenario: Scenario;
    readonly ratios?: ThroughputRatioTable;
  },
): (profile: WorkloadProfile) => BestOffers {
  const sides = sidesOfMarkets(options.scenario.decision.decentralizedMarkets);
  const DEPIN = 0;
  const COMMITTED = 1;
  const FLEXIBLE = 2;
  const index = indexOfferParts(offers, options, 3, (o) =>
    sides[o.market] === 'depin' ? DEPIN : isCommitted(o.pricingCategory) ? COMMITTED : FLEXIBLE,
  );
  return (profile) => {
    const best = index.cheapest(profile);
    const cloudCommitted = best[COMMITTED]!;
    const cloudFlexible = best[FLEXIBLE]!;
    return {
      cloud: cheapestCloud(profile, cloudCommitted, cloudFlexible),
      depin: best[DEPIN]!,
      cloudCommitted,
      cloudFlexible,
    };
  };
}
