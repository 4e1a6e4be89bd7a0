import type { GpuTierTable, ThroughputRatioTable } from '@gpufit/pricing';
import { isTermCommitment, type Offer, type Scenario, type WorkloadProfile } from '@gpufit/schema';
import { type BestOffers, cheapestCloud, type SideBest } from './bestOffers.js';
import { indexOfferParts } from './matchOffers.js';
import { sidesOfMarkets } from './sides.js';

/** `bestOffers` answered by an index (`indexedBestOffers`), and the cheaper cloud offers alone. */
export interface IndexedBestOffers {
  /** The cheapest offer of each side, as `bestOffers` gives it (without the reasons a side has none). */
  readonly best: (profile: WorkloadProfile) => BestOffers;
  /**
   * The cheapest cloud offer (as `best(profile).cloud`) when it costs at most `usd` a month, else null: only the
   * cloud parts are searched, and the search stops at that cost. What a requirement costs is shown only when
   * lifting it saves enough (risks.ts), so a search for the offer that would show it need not look further.
   */
  readonly cloudAtMost: (profile: WorkloadProfile, usd: number) => SideBest | null;
}

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
): IndexedBestOffers {
  const sides = sidesOfMarkets(options.scenario.decision.decentralizedMarkets);
  const DEPIN = 0;
  const COMMITTED = 1;
  const FLEXIBLE = 2;
  const CLOUD = [COMMITTED, FLEXIBLE];
  const index = indexOfferParts(offers, options, 3, (o) =>
    sides[o.market] === 'depin' ? DEPIN : isTermCommitment(o) ? COMMITTED : FLEXIBLE,
  );
  return {
    best: (profile) => {
      const best = index.cheapest(profile);
      const cloudCommitted = best[COMMITTED]!;
      const cloudFlexible = best[FLEXIBLE]!;
      return {
        cloud: cheapestCloud(profile, cloudCommitted, cloudFlexible),
        depin: best[DEPIN]!,
        cloudCommitted,
        cloudFlexible,
      };
    },
    cloudAtMost: (profile, usd) => {
      const best = index.cheapest(profile, { parts: CLOUD, atMostUsd: usd });
      return cheapestCloud(profile, best[COMMITTED]!, best[FLEXIBLE]!);
    },
  };
}
