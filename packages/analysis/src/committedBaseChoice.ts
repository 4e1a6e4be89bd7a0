import type { GpuTierTable } from '@gpufit/pricing';
import type { PricedOption, WorkloadProfile } from '@gpufit/schema';
import { type BestOffers, priced } from './bestOffers.js';
import { type CommittedBaseMix, committedBaseMix } from './committedBaseMix.js';
import { committedBaseOption } from './committedBaseOption.js';
import type { DecisionPolicy } from './decide.js';
import { usd } from './usdText.js';

/** The cloud option chosen between the single cheapest offer and the committed-base mix, and why. */
export interface CommittedBaseChoice {
  /** The mix when it is the cloud option, else null (the single offer stays). */
  readonly option: PricedOption | null;
  /** The mix as committedBaseMix priced it (for the risk that names one the option did not take), or null. */
  readonly mix: CommittedBaseMix | null;
  /** The single offer's month the mix replaces (the cheaper of the committed and the flexible one). */
  readonly singleMonthlyUsd: number | null;
  /** Set when a cheaper mix was refused because it adds a provider and does not clear the policy's bar. */
  readonly refusedByBar: boolean;
}

/**
 * After bestOffers, the cloud option is the cheaper of the single cheapest cloud offer and the committed base with
 * on-demand bursts (docs/methodology.md, "The cloud option as a committed base with on-demand bursts", design 2):
 * the mix only when committedBaseMix prices one (both offers exist, the burst offer is on-demand and not booked
 * ahead, the commitment costs less per GPU-hour of work than on-demand, the term's spread over the horizon is in its
 * rate), both offers are priced in USD with no incentive (the projection and the Monte Carlo price the mix as a
 * USD month), it costs less than the single offer, and, when its two offers are on different providers, it saves at
 * least the policy's bar for another provider (USD and share of the single offer's month, as a hybrid must).
 */
export function committedBaseChoice(
  profile: WorkloadProfile,
  best: BestOffers,
  policy: Pick<DecisionPolicy, 'minMonthlySavingUsd' | 'minSavingShare'>,
  tiers?: Pick<GpuTierTable, 'get'>,
): CommittedBaseChoice {
  const single = best.cloud?.estimate.monthlyUsd ?? null;
  const mix = committedBaseMix(profile, best);
  const none = { option: null, mix, singleMonthlyUsd: single, refusedByBar: false };
  if (mix === null || single === null || best.cloudCommitted === null || best.cloudFlexible === null)
    return none;
  if (mix.committed.incentive !== null || mix.onDemand.incentive !== null) return none;
  const saving = single - mix.monthlyUsd;
  if (!(saving > 0)) return none;
  if (
    mix.committed.provider !== mix.onDemand.provider &&
    saving < Math.max(policy.minMonthlySavingUsd, policy.minSavingShare * single)
  )
    return { ...none, refusedByBar: true };
  const committed = priced(best.cloudCommitted, tiers)!;
  const burst = priced(best.cloudFlexible, tiers)!;
  const option = committedBaseOption(mix, committed, burst, best.cloudCommitted, profile.horizonMonths);
  return option === null ? none : { ...none, option };
}

/**
 * The rationale's sentence for a cloud option that is a mix: both offers, the base and the month against the single
 * offer it replaces. Empty for an option on one offer.
 */
export function committedBaseSaid(option: PricedOption | null, singleMonthlyUsd: number | null): string {
  const m = option?.mix;
  const total = option?.cost.monthlyUsd ?? null;
  if (m === undefined || total === null) return '';
  const c = m.committed.offer;
  const b = m.burst.offer;
  const against =
    singleMonthlyUsd === null ? '' : `, against ${usd(singleMonthlyUsd)} on the cheapest single offer`;
  return `The cloud option is a committed base with on-demand bursts: ${m.committed.instances} × ${c.instanceType ?? `${c.gpusPerInstance} × ${c.gpu}`} (${m.committed.gpus} × ${c.gpu}) on ${c.providerName}'s commitment in ${c.region} held all month, carrying ${Math.round(m.baseShare * 100)} % of the work, and the demand above it on ${b.providerName} ${b.instanceType ?? b.gpu} in ${b.region} on demand: ${usd(total)} a month${against}.`;
}
