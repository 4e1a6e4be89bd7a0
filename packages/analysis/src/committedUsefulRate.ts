import { termFactor } from '@gpufit/pricing';
import type { CostEstimate, Offer } from '@gpufit/schema';
import { componentUsd } from './componentUsd.js';

/**
 * A commitment's USD per demand GPU-hour of useful work, for a base held all month (hybridFor's committed base,
 * committedBaseMix's): the committed estimate without the hours it held past the work (its commitment waste), times
 * the term's spread over the horizon — a 36-month term on a 12-month horizon pays 3 × the term's price, as
 * estimateCost charges it (the spread sits in the waste, so taking the waste out takes it out too: a split once
 * priced such a base at a third of its cost). Null when the estimate is unpriced or there is no work.
 */
export function committedUsefulRate(
  estimate: CostEstimate,
  offer: Pick<Offer, 'termMonths'>,
  horizonMonths: number,
  workGpuHours: number,
): number | null {
  if (estimate.monthlyUsd === null || !(workGpuHours > 0)) return null;
  return (
    ((estimate.monthlyUsd - componentUsd(estimate, 'commitment-waste')) / workGpuHours) *
    termFactor(offer, horizonMonths)
  );
}
