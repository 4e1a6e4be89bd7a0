/**
 * The cost basis of a cloud option that is a committed base with on-demand bursts (committedBaseMonth.ts): what
 * the projection and the Monte Carlo read. Its month t is the base, fixed (held for its term, not re-sized with
 * demand, no price spread), plus the expected burst at month t's demand factor (1 + g)^t, which
 * spendPath prices from `committedBase` at any growth rate. Both offers are
 * priced in USD with no incentive (the mix is not formed otherwise), so nothing of the basis is subsidized and the
 * compute/data split does not matter: the whole month is compute.
 */
import type { Market } from '@gpufit/schema';
import { type CommittedBaseMonth, committedBaseMonthPricer } from './committedBaseMonth.js';
import type { CostBasis } from './costBasis.js';

export interface CommittedBaseBasisInput {
  readonly month: CommittedBaseMonth;
  /** The committed offer (the option's offer): its id, provider and market. */
  readonly offerId: string;
  readonly provider: string;
  readonly market: Market;
  /** The burst offer's price spread (costBasis's `priceSigma`), or null. */
  readonly burstPriceSigma: number | null;
}

export function committedBaseBasis(input: CommittedBaseBasisInput): CostBasis {
  const { month, offerId } = input;
  return {
    offerId,
    provider: input.provider,
    market: input.market,
    computeUsdPerMonth: committedBaseMonthPricer(month).monthUsd(1),
    interruptionUsdPerMonth: 0,
    interruptionsPerMonth: 0,
    dataUsdPerMonth: 0,
    subsidyShare: 0,
    incentive: null,
    priceSigma: input.burstPriceSigma,
    committedBase: month,
  };
}
