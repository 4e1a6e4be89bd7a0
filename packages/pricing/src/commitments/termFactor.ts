import type { Offer } from '@gpufit/schema';

/**
 * How many months of commitment each month of the horizon pays: a term that outlasts the workload's horizon is paid
 * whole, spread over the horizon — term ÷ horizon when the term is longer, else 1 (a 36-month term on a 12-month
 * horizon: ×3). 1 for an offer with no term (on-demand, spot, a capacity block booked by the day). The one rule
 * `estimateCost` bills, `costFloor` bounds, and a committed base's useful rate (@gpufit/analysis) and the what-if's
 * implied utilization read back.
 */
export function termFactor(offer: Pick<Offer, 'termMonths'>, horizonMonths: number): number {
  const term = offer.termMonths;
  return term != null && term > horizonMonths ? term / horizonMonths : 1;
}
