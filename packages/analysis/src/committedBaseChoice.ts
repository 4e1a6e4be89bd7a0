import type { GpuTierTable } from '@gpufit/pricing';
import {
  HOURS_PER_MONTH,
  type PricedOption,
  type SavingBar,
  savingBarShortfall,
  savingBarShortfallText,
  savingShareText,
  type WorkloadProfile,
} from '@gpufit/schema';
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
  /**
   * The cheapest textbook mix (one provider, one GPU type, one region) that costs less than the single offer but
   * saves less than the bar (`mixSavesEnough`), priced as the option would be; null when there is none or a mix was
   * taken. The rationale says it was refused, and by how much it missed (`committedBaseImmaterialSaid`).
   */
  readonly immaterial: { readonly option: PricedOption; readonly mix: CommittedBaseMix } | null;
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
 * cheapest mix is taken) — when it saves at least the bar (`mixSavesEnough`: the decision policy's share of the single
 * offer's month and its USD a month). Two providers or
 * two GPU types serving one service are a hybrid placement, with the operational cost of running two (gpufit prices
 * that as the hybrid split): refused here, and the committed-base risk names the saving as a risk.
 */
export function committedBaseChoice(
  profile: WorkloadProfile,
  best: BestOffers,
  tiers?: Pick<GpuTierTable, 'get'>,
  pairs: readonly CommittedBasePair[] = [],
  bar: SavingBar = NO_BAR,
): CommittedBaseChoice {
  const single = best.cloud?.estimate.monthlyUsd ?? null;
  // The mix of the cheapest commitment and the cheapest on-demand offer: the one the risk names when it spans two
  // providers or two GPU types.
  const cross = committedBaseMix(profile, best);
  const none = {
    option: null,
    mix: cross,
    singleMonthlyUsd: single,
    refusedAsHybrid: false,
    immaterial: null,
  };
  if (single === null) return none;
  // Cheaper by a cent: a candidate, priced as an option and then weighed against the bar.
  const cheaper = (usd: number) => single - usd >= MIN_SAVING_USD;
  const saves = (usd: number) => mixSavesEnough(single - usd, single, bar);
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
  let immaterial: CommittedBaseChoice['immaterial'] = null;
  for (const t of tried) {
    if (t.mix.committed.incentive !== null || t.mix.onDemand.incentive !== null) continue;
    if (!cheaper(t.mix.monthlyUsd)) continue;
    const committed = priced(t.committed, tiers)!;
    const burst = priced(t.onDemand, tiers)!;
    const option = committedBaseOption(t.mix, committed, burst, profile.horizonMonths);
    const total = option?.cost.monthlyUsd ?? null;
    if (option === null || total === null || !cheaper(total)) continue;
    if (!saves(total)) {
      if (immaterial === null || total < immaterial.option.cost.monthlyUsd!)
        immaterial = { option, mix: t.mix };
      continue;
    }
    if (chosen === null || total < chosen.option.cost.monthlyUsd!) chosen = { option, mix: t.mix };
  }
  if (chosen !== null) return { ...none, option: chosen.option, mix: chosen.mix };
  const refusedAsHybrid = cross !== null && !isOneProviderOneGpu(cross) && saves(cross.monthlyUsd);
  return { ...none, refusedAsHybrid, immaterial };
}

/** Below a cent a month the two bills are one: no mix is even a candidate (and the bar never falls under it). */
const MIN_SAVING_USD = 0.01;

/** No bar but the cent: what committedBaseChoice weighs with when it is given none. */
const NO_BAR: SavingBar = { minSavingShare: 0, minMonthlySavingUsd: 0 };

/**
 * Whether a mix's saving on the single offer's month is material: at least the bar's share of that month and at
 * least its USD a month (the decision policy's bar, `decision.minSavingShare` and `minMonthlySavingUsd`, defaults 5 %
 * and USD 100: the same bar a decentralized or hybrid placement must clear, decide.ts), and never under a cent. A mix
 * is a 12-month (or longer) commitment beside an on-demand bill, sized on a forecast of the demand; practitioners
 * commit when the saving clears the break-even "with margin" and stay on demand when it is marginal (c3x.dev,
 * "Reserved vs on-demand: a decision framework"; cloudcostkit.com: "a commitment decision is mostly a risk decision
 * disguised as a pricing decision"). finance-12-month's support-copilot-8b saves USD 171.71 (10.8 %): taken.
 */
export function mixSavesEnough(savingUsd: number, singleMonthlyUsd: number, bar: SavingBar): boolean {
  return savingUsd >= MIN_SAVING_USD && savingBarShortfall(savingUsd, singleMonthlyUsd, bar) === null;
}

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

/**
 * The rationale's sentence for a cheaper mix refused as immaterial (committedBaseChoice's `immaterial`): what it
 * would cost, what it saves on the single offer and which part of the bar it misses. Empty when there is none.
 */
export function committedBaseImmaterialSaid(
  immaterial: CommittedBaseChoice['immaterial'],
  singleMonthlyUsd: number | null,
  bar: SavingBar,
): string {
  const total = immaterial?.option.cost.monthlyUsd ?? null;
  if (immaterial === null || total === null || singleMonthlyUsd === null) return '';
  const saving = singleMonthlyUsd - total;
  const shortfall = savingBarShortfall(saving, singleMonthlyUsd, bar);
  if (shortfall === null) return '';
  const { mix } = immaterial;
  const c = mix.committed;
  const term = c.termMonths == null ? 'a commitment' : `a ${c.termMonths}-month commitment`;
  return `A committed base with on-demand bursts (${mix.instances} × ${c.instanceType ?? `${c.gpusPerInstance} × ${c.gpu}`} on ${c.providerName}'s commitment in ${c.region}, the demand above it on ${mix.onDemand.providerName}'s on-demand ${mix.onDemand.instanceType ?? mix.onDemand.gpu}) would cost ${usd(total)} a month, ${usd(saving)} (${savingShareText(saving, singleMonthlyUsd, bar)}) less than the single offer's ${usd(singleMonthlyUsd)}: ${savingBarShortfallText(shortfall, bar)}, not worth ${term} beside an on-demand bill, so the single offer stays (decision.minSavingShare and minMonthlySavingUsd set the bar).`;
}
