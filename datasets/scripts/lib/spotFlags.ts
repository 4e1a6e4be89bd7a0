import { spotNearOnDemand } from '@gpufit/schema';

/**
 * Notes for a spot price next to its on-demand price (both per instance-hour): above on-demand is an ANOMALY of
 * the source; within 5 % of it is flagged as possibly no real spot discount. `what` names the figure compared.
 */
export function spotFlags(spot: number, onDemand: number | undefined, what = 'spot'): string[] {
  if (onDemand === undefined) return [];
  if (spot > onDemand) return [`ANOMALY: ${what} $${spot}/h above on-demand $${onDemand}/h in the source`];
  if (spotNearOnDemand(spot, onDemand))
    return [`FLAG: ${what} within 5 % of on-demand (possibly no real spot discount)`];
  return [];
}
