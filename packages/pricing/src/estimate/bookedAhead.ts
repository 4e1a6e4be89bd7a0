import { type Offer, SECONDS_PER_DAY } from '@gpufit/schema';

/** The schema's (`isCapacityBlock` reads it too), kept in pricing's exports. */
export { SECONDS_PER_DAY };

/**
 * Days an offer is booked at a time when it is capacity booked ahead in whole days (`minimumBillableSeconds` of a
 * day or more: AWS Capacity Blocks), else null: the report labels it so, and a risk says what that means.
 */
export function bookedAheadDays(o: Pick<Offer, 'minimumBillableSeconds'>): number | null {
  const minimum = o.minimumBillableSeconds ?? 0;
  return minimum >= SECONDS_PER_DAY ? Math.round(minimum / SECONDS_PER_DAY) : null;
}

/**
 * Whether capacity is billed by the day or longer (its minimum or its increment): it cannot follow a service's
 * demand within a day, so the units its peak needs are held all month.
 */
export function billedByTheDay(
  o: Pick<Offer, 'minimumBillableSeconds' | 'billingIncrementSeconds'>,
): boolean {
  return bookedAheadDays(o) !== null || (o.billingIncrementSeconds ?? 0) >= SECONDS_PER_DAY;
}
