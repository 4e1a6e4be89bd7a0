import type { GpuTierTable, ThroughputRatioTable } from '@gpufit/pricing';
import { isCommitted, type Offer, type Scenario, type WorkloadProfile } from '@gpufit/schema';
import { type BestOffers, cheapestCloud } from './bestOffers.js';
import { indexOffers } from './matchOffers.js';
import { sidesOfMarkets } from './sides.js';

/**
 * `bestOffers` answered by three branch-and-bound indexes (matchOffers.ts) instead of pricing every offer:
 * the same cheapest offers, for portfolios too large to price exhaustively. The cheapest cloud offer is the
 * cheaper of the committed and the flexible one, as in `bestOffers`.
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
  const cloudOffers = offers.filter((o) => sides[o.market] === 'cloud');
  const depin = indexOffers(
    offers.filter((o) => sides[o.market] === 'depin'),
    options,
  );
  const committed = indexOffers(
    cloudOffers.filter((o) => isCommitted(o.pricingCategory)),
    options,
  );
  const flexible = indexOffers(
    cloudOffers.filter((o) => !isCommitted(o.pricingCategory)),
    options,
  );
  return (profile) => {
    const cloudCommitted = committed.cheapest(profile);
    const cloudFlexible = flexible.cheapest(profile);
    return {
      cloud: cheapestCloud(cloudCommitted, cloudFlexible),
      depin: depin.cheapest(profile),
      cloudCommitted,
      cloudFlexible,
    };
  };
}
