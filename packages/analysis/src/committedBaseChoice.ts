import type { GpuTierTable } from '@gpufit/pricing';
import { HOURS_PER_MONTH, type PricedOption, type WorkloadProfile } from '@gpufit/schema';
import { type BestOffers, priced, type SideBest } from './bestOffers.js';
import { type CommittedBaseMix, committedBaseMix } from './committedBaseMix.js';
import { committedBaseOption } from './committedBaseOption.js';
import type { CommittedBasePair } from './committedBasePartners.js';
import { usd } from './usdText.js';

/** The cloud option chosen between the single cheapest offer and the committed-base mix, and why. */
export interface CommittedBaseChoice {
  /** The mix when it is the cloud option, else null (the single offer stays). */
  readonly option: PricedOption | null;
  /**
   * The mix the option took, else the mix of the cheapest commitment and the cheapest on-demand offer as
   * committedBaseMix priced it (for the risk that names one across two providers or two GPU types), or null.
   */
  readonly mix: CommittedBaseMix | null;
  /** The single offer's month the mix replaces (the cheaper of the committed and the flexible one). */
  readonly singleMonthlyUsd: number | null;
  /**
   * Set when a cheaper mix was refused because its two offers are on two providers or two GPU types: a hybrid
   * placement with its own operational cost, which gpufit prices as the hybrid split, not as the cloud option.
   */
  readonly refusedAsHybrid: boolean;
}

/**
 * After bestOffers, the cloud option is the cheaper of the single cheapest cloud offer and the committed base with
 * on-demand bursts (docs/methodology.md, "The cloud option as a committed base with on-demand bursts", design 2):
 * the mix only when committedBaseMix prices one (both offers exist, the burst offer is on-demand and not booked
 * ahead, the commitment costs less per GPU-hour of work than on-demand, the term's spread over the horizon is in its
 * rate), both offers are priced in USD with no incentive (the projection and the Monte Carlo price the mix as a
 * USD month), it costs less than the single offer, and its two offers are one provider's and one GPU type (the
 * textbook mix: a commitment on an instance type and that provider's on-demand of the same GPU; besides the cheapest
 * commitment and the cheapest on-demand offer, the same-provider pairs of committedBasePartners.ts are tried, and the
 * cheapest mix is taken). Two providers or
 * two GPU types serving one service are a hybrid placement, with the operational cost of running two (gpufit prices
 * that as the hybrid split): refused here, and the committed-base risk names the saving as a risk.
 */
export function committedBaseChoice(
  profile: WorkloadProfile,
  best: BestOffers,
  tiers?: Pick<GpuTierTable, 'get'>,
  pairs: readonly CommittedBasePair[] = [],
): CommittedBaseChoice {
  const single = best.cloud?.estimate.monthlyUsd ?? null;
  // The mix of the cheapest commitment and the cheapest on-demand offer: the one the risk names when it spans two
  // providers or two GPU types.
  const cross = committedBaseMix(profile, best);
  const none = { option: null, mix: cross, singleMonthlyUsd: single, refusedAsHybrid: false };
  if (single === null) return none;
  const saves = (usd: number) => single - usd >= MIN_SAVING_USD;
  // The textbook mixes: the cross pair when it is one provider's and one GPU's, and the same-provider pairs found.
  const tried: { mix: CommittedBaseMix; committed: SideBest; onDemand: SideBest }[] = [];
  if (
    cross !== null &&
    isOneProviderOneGpu(cross) &&
    best.cloudCommitted !== null &&
    best.cloudFlexible !== null
  )
    tried.push({ mix: cross, committed: best.cloudCommitted, onDemand: best.cloudFlexible });
  for (const pair of pairs) {
    const mix = committedBaseMix(profile, {
      ...best,
      cloudCommitted: pair.committed,
      cloudFlexible: pair.onDemand,
    });
    if (mix !== null && isOneProviderOneGpu(mix)) tried.push({ mix, ...pair });
  }
  let chosen: { option: PricedOption; mix: CommittedBaseMix } | null = null;
  for (const t of tried) {
    if (t.mix.committed.incentive !== null || t.mix.onDemand.incentive !== null) continue;
    if (!saves(t.mix.monthlyUsd)) continue;
    const committed = priced(t.committed, tiers)!;
    const burst = priced(t.onDemand, tiers)!;
    const option = committedBaseOption(t.mix, committed, burst, profile.horizonMonths);
    const total = option?.cost.monthlyUsd ?? null;
    if (option === null || total === null || !saves(total)) continue;
    if (chosen === null || total < chosen.option.cost.monthlyUsd!) chosen = { option, mix: t.mix };
  }
  if (chosen !== null) return { ...none, option: chosen.option, mix: chosen.mix };
  const refusedAsHybrid = cross !== null && !isOneProviderOneGpu(cross) && saves(cross.monthlyUsd);
  return { ...none, refusedAsHybrid };
}

/** The least a month's saving that makes the mix the cloud option: one cent (below it the two bills are one). */
const MIN_SAVING_USD = 0.01;

/**
 * The textbook mix: the commitment and the bursts on one provider, one GPU type and one region (a reservation is held
 * in a region; bursts served from another add its latency and transfer, as committedBasePartners.ts says). The
 * cheapest commitment and the cheapest on-demand offer can be one provider's GPU in two regions (AWS g5g.xlarge
 * committed in eu-central-1, on demand in eu-south-2): the partner search refused that pair, this path took it.
 */
export function isOneProviderOneGpu(mix: Pick<CommittedBaseMix, 'committed' | 'onDemand'>): boolean {
  return (
    mix.committed.provider === mix.onDemand.provider &&
    mix.committed.gpu === mix.onDemand.gpu &&
    mix.committed.region === mix.onDemand.region
  );
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
  // The spares held beside the base (its redundancy line), in instances.
  const spareHours = m.committed.cost.components
    .filter((x) => x.name === 'redundancy')
    .reduce((a, x) => a + x.quantity, 0);
  const spares = spareHours / ((m.committed.gpus / m.committed.instances) * HOURS_PER_MONTH);
  const spareSaid =
    spares > 1e-9
      ? ` and ${Math.round(spares * 100) / 100} spare${Math.abs(spares - 1) < 1e-9 ? '' : 's'}`
      : '';
  return `The cloud option is a committed base with on-demand bursts: ${m.committed.instances} × ${c.instanceType ?? `${c.gpusPerInstance} × ${c.gpu}`} (${m.committed.gpus} × ${c.gpu})${spareSaid} on ${c.providerName}'s commitment in ${c.region} held all month, carrying ${Math.round(m.baseShare * 100)} % of the work, and the demand above it on ${b.providerName} ${b.instanceType ?? b.gpu} in ${b.region} on demand: ${usd(total)} a month${against}.`;
}
