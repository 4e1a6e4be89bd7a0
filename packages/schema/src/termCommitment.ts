import { isCommitted, type PricingCategory } from './registries.js';

/** Seconds in a day: capacity whose minimum bill (or billing increment) is a day or more is booked by the day. */
export const SECONDS_PER_DAY = 86_400;

/**
 * Whether an offer is a commitment for a term of months (`termMonths`: a 12- or 36-month reservation or savings
 * plan), paid for every hour of the term whether used or not. A Committed offer without a term is a capacity block
 * (AWS EC2 Capacity Blocks for ML): reserved and paid up front for the whole days booked, so committed only for the
 * days a job books (`isCapacityBlock`), not held all month.
 */
export function isTermCommitment(o: {
  readonly pricingCategory: PricingCategory;
  readonly termMonths: number | null | undefined;
}): boolean {
  return isCommitted(o.pricingCategory) && o.termMonths != null;
}

/**
 * Whether an offer is a capacity block: Committed (reserved, paid up front) with no term of months, booked ahead in
 * whole days (`minimumBillableSeconds` of a day or more). AWS EC2 Capacity Blocks for ML are booked for 1 to 182
 * days (the AWS pricing page, reference README "extra-gpu-prices.csv").
 */
export function isCapacityBlock(o: {
  readonly pricingCategory: PricingCategory;
  readonly termMonths?: number | null | undefined;
  readonly minimumBillableSeconds?: number | null | undefined;
}): boolean {
  return (
    isCommitted(o.pricingCategory) &&
    o.termMonths == null &&
    (o.minimumBillableSeconds ?? 0) >= SECONDS_PER_DAY
  );
}

/**
 * `isTermCommitment` for an offer as a result names it (`OfferRef`: no term, but `bookedAhead` on a capacity block):
 * Committed and not booked ahead in whole days.
 */
export function isTermCommitmentRef(o: {
  readonly pricingCategory: PricingCategory;
  readonly bookedAhead?: { readonly minimumDays: number } | undefined;
}): boolean {
  return isCommitted(o.pricingCategory) && o.bookedAhead === undefined;
}
