import type { EgressTier } from '@gpufit/schema';

/**
 * The free allowance an egress tier schedule opens with: a first tier priced 0 up to a bound, before a paid one (AWS
 * and Azure 100 GiB a month, GCP 200 GiB; price-facts §4); 0 when the schedule has none (a flat price, or free
 * egress with no bound, as Lambda's).
 *
 * The allowance is per account, not per workload, so gpufit prices each workload's egress as if the rest of the
 * account had used it: its GiB start at the first paid tier (`tieredEgressUsd(allowance + gib)`) — a gpufit
 * assumption. A portfolio of five AWS workloads used to get 500 free GiB a month, and a founder's account with a
 * website, backups and a data pipeline beside the GPUs has used its 100 GiB long before. The account's other traffic
 * also moves it towards the cheaper tiers above 10 TiB, which is not counted: an upper bound on a large account.
 */
export function freeEgressAllowanceGiB(tiers: readonly EgressTier[]): number {
  const first = tiers[0];
  if (first === undefined || tiers.length < 2 || first.usdPerGiB !== 0 || first.upToGiB === null) return 0;
  return first.upToGiB;
}
