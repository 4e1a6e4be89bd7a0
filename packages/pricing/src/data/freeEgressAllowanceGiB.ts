import type { EgressTier } from '@gpufit/schema';

/**
 * The free allowance an egress tier schedule opens with: the tiers priced 0 up to a bound before the first paid one
 * (AWS and Azure 100 GiB a month, GCP 200 GiB; price-facts §4); 0 when the schedule has none (a flat price, free
 * egress with no bound, as Lambda's, or free tiers with no paid one after them: every GiB is free).
 *
 * The allowance is per account, not per workload, so gpufit prices each workload's egress as if the rest of the
 * account had used it: its GiB start at the first paid tier (`tieredEgressUsd(allowance + gib)`) — a gpufit
 * assumption. A portfolio of five AWS workloads used to get 500 free GiB a month, and a founder's account with a
 * website, backups and a data pipeline beside the GPUs has used its 100 GiB long before. The account's other traffic
 * also moves it towards the cheaper tiers above 10 TiB, which is not counted: an upper bound on a large account.
 * A free first tier written in two (`100:0;200:0;inf:0.09`) is one allowance of 200 GiB.
 */
export function freeEgressAllowanceGiB(tiers: readonly EgressTier[]): number {
  let allowance = 0;
  for (let i = 0; i < tiers.length - 1; i++) {
    const tier = tiers[i]!;
    // Only the last tier may be open (schema); a closed last tier's price continues past its bound.
    if (tier.usdPerGiB !== 0 || tier.upToGiB === null) break;
    allowance = tier.upToGiB;
  }
  // No paid tier after the free ones: every GiB is free, and there is no allowance to use up.
  return tiers.some((t) => t.usdPerGiB > 0) ? allowance : 0;
}
