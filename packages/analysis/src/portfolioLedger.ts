import { type FormatCaveatConversion, unrecordedFormatCaveat } from '@gpufit/pricing';
import type {
  Analysis,
  CatalogSummary,
  DecisionPolicySummary,
  EgressTier,
  Offer,
  Projection,
  Scenario,
  WorkloadAnalysis,
} from '@gpufit/schema';
import {
  ANALYSIS_SCHEMA_VERSION,
  HOURS_PER_MONTH,
  recommendedDepinShare,
  SCENARIO_DEFAULTS,
} from '@gpufit/schema';
import { defaultFramework } from '@gpufit/scoring';
import { componentUsd } from './componentUsd.js';
import type { NetworkInfo } from './datasetTypes.js';
import {
  egressTiersPerWorkloadSaid,
  firstPaidTierBoundGiB,
  type TieredEgress,
} from './egressTiersPerWorkload.js';
import { unpricedNetworks } from './unpricedNetworks.js';
/** What the ledger reads of an offer a workload was priced from: its citation in `sources`. */
export type OfferCitation = Pick<Offer, 'id' | 'source' | 'asOf'>;

/** A workload's horizon spend on its recommended placement, or on its cloud option. */
export function horizonOf(w: WorkloadAnalysis, option: 'recommended' | 'cloud'): number {
  const p = w.projection;
  const d = w.decision;
  if (p === null) return 0;
  // No cloud option: the decentralized option is the workload's place in every plan, as in the monthly totals.
  if (p.horizonCloudUsd === null) return depinHorizon(p);
  if (option === 'cloud' || d.recommendation === 'cloud') return p.horizonCloudUsd;
  if (d.recommendation === 'depin' && p.horizonDepinUsd !== null) return p.horizonDepinUsd;
  // Hybrid: the cloud part follows the cloud path, the DePIN part the DePIN path, each scaled from the sides'
  // month-0 costs to the blended monthly cost (the split's committed base is cheaper than the cloud option's
  // own terms). The same rule as the report's monthly paths (docs/reports.md), so the portfolio's horizon is
  // the sum of the hybrid sides the report shows.
  const h = d.hybrid;
  if (h === null || p.horizonDepinUsd === null) return p.horizonCloudUsd;
  const shareWeighted = h.cloudShare * p.horizonCloudUsd + h.depinShare * p.horizonDepinUsd;
  const cloudRef = d.cloud?.cost.monthlyUsd ?? null;
  const depinRef = d.depin?.cost.monthlyUsd ?? null;
  const weight =
    cloudRef === null || depinRef === null ? 0 : h.cloudShare * cloudRef + h.depinShare * depinRef;
  return weight > 0 ? (h.blendedMonthlyUsd / weight) * shareWeighted : shareWeighted;
}

function depinHorizon(p: Projection): number {
  if (p.horizonDepinUsd === null)
    throw new Error('a projection has neither a cloud nor a decentralized horizon');
  return p.horizonDepinUsd;
}

/**
 * The incentive subsidy a workload's recommended placement counts on a month (positive USD, month one): its
 * decentralized option's subsidy line × the share of its GPU-hours placed there (`recommendedDepinShare`). A
 * hybrid's DePIN part is priced on those GPU-hours, so its subsidy scales with them.
 */
export function subsidyCountedOn(w: WorkloadAnalysis): number {
  return subsidyLineUsd(w) * recommendedDepinShare(w.decision);
}

/** The decentralized option's incentive-subsidy line, as a positive USD a month (0 without one). */
function subsidyLineUsd(w: WorkloadAnalysis): number {
  return -componentUsd(w.decision.depin?.cost, 'incentive-subsidy');
}

/**
 * What a portfolio adds up to, built one workload at a time so that a streamed portfolio needs no list of
 * workloads: totals, the sources the chosen offers cite, the assumptions the estimates state. `keepWorkloads`
 * keeps the analyses for an in-memory report; a stream turns it off, and per-workload assumption sentences
 * (which carry each workload's numbers) are then left to each workload's rows.
 */
export class PortfolioLedger {
  readonly workloads: WorkloadAnalysis[] = [];
  private recommended = 0;
  private allCloud = 0;
  private horizonRecommended = 0;
  private horizonCloud = 0;
  private savings = 0;
  /** Priced workloads with no cloud option (counted at their recommended cost in all-cloud). */
  private withoutCloud = 0;
  /** The incentive subsidy recommended placements count on (month one), and how many, and whose saving rests on it. */
  private subsidy = 0;
  private subsidized = 0;
  private restsOnSubsidy = 0;
  private readonly unpriced: string[] = [];
  private readonly sourceCounts = new Map<string, { source: string; asOf: string; offers: Set<string> }>();
  private readonly assumptionSet: Set<string>;
  /** How many of `assumptionSet`'s first entries are the portfolio's own (the caveat of unrecorded formats follows them). */
  private readonly globalAssumptions: number;
  /** The measured conversions the options shown use, for the once-per-report format caveat. */
  private readonly conversions: FormatCaveatConversion[] = [];

  private readonly catalogSummary: CatalogSummary;
  /**
   * The catalog's offers whose egress tiers get cheaper past the first paid one, by id (`egressTiersPerWorkload`),
   * with the key of their schedule (provider and tiers).
   */
  private readonly tieredOffers = new Map<
    string,
    { offer: Offer; tiers: readonly EgressTier[]; key: string }
  >();
  /** The plan's egress on each such schedule, by its key, one entry a workload. */
  private readonly tieredEgress = new Map<string, TieredEgress & { gib: number[] }>();

  constructor(
    private readonly scenario: Scenario,
    private readonly keepWorkloads = true,
    offers: readonly Offer[] = [],
    networks?: readonly NetworkInfo[],
  ) {
    const d = scenario.decision;
    this.assumptionSet = new Set([
      'Prices are list prices from the catalog as of each offer’s asOf date, not live quotes; a spot price is the median over the zones that list one where the catalog has several, the one zone’s price where it lists one, and the listed price where it counts no zones.',
      `Costs are per month of ${HOURS_PER_MONTH} hours; monthly figures are expected values at month 0 of ${scenario.startMonth}.`,
      `A decentralized or hybrid placement is recommended only when it saves at least ${d.minSavingShare * 100} % and USD ${d.minMonthlySavingUsd} a month against the cheapest feasible cloud option; a split is hybrid only when each side carries at least ${d.hybridMinShare * 100} % of the GPU-hours. A scenario sets them (decision.minSavingShare, decision.minMonthlySavingUsd, decision.hybridMinShare; datasets/scenarios/README.md): the USD part stands for the work of running one more provider, so set it to what that work costs your team.`,
      `Decentralized side: ${d.decentralizedMarkets.join(' and ')} offers; the rest is cloud.`,
    ]);
    let oldest: string | null = null;
    let newest: string | null = null;
    for (const o of offers) {
      const tiers = o.egressTiers;
      if (tiers !== null && firstPaidTierBoundGiB(tiers) !== null) {
        const key = `${o.provider}\u0000${tiers.map((t) => `${t.upToGiB}/${t.usdPerGiB}`).join(';')}`;
        this.tieredOffers.set(o.id, { offer: o, tiers, key });
      }
      if (oldest === null || o.asOf < oldest) oldest = o.asOf;
      if (newest === null || o.asOf > newest) newest = o.asOf;
    }
    this.catalogSummary = {
      offers: offers.length,
      asOfOldest: oldest,
      asOfNewest: newest,
      analysisDate: scenario.analysisDate,
      maxOfferAgeDays: scenario.maxOfferAgeDays,
      ...(networks !== undefined && { unpricedNetworks: unpricedNetworks(offers, networks) }),
    };
    if (scenario.monteCarlo.seed === SCENARIO_DEFAULTS.seed) {
      this.assumptionSet.add(`Monte Carlo seed ${scenario.monteCarlo.seed} (default).`);
    }
    this.globalAssumptions = this.assumptionSet.size;
  }

  add({
    workload: w,
    offersUsed,
  }: {
    readonly workload: WorkloadAnalysis;
    readonly offersUsed: readonly OfferCitation[];
  }): void {
    if (this.keepWorkloads) {
      this.workloads.push(w);
      for (const o of [w.decision.cloud, w.decision.depin]) {
        for (const a of o?.cost.assumptions ?? []) this.assumptionSet.add(a);
        const t = o?.cost.throughput;
        if (t?.measuredFormat !== undefined) this.conversions.push(t);
      }
    }
    for (const o of offersUsed) this.cite(o);
    const d = w.decision;
    if (d.recommendedMonthlyUsd === null) {
      this.unpriced.push(w.id);
      return;
    }
    this.recommended += d.recommendedMonthlyUsd;
    this.addEgress(w);
    if ((d.cloud?.cost.monthlyUsd ?? null) === null) this.withoutCloud++;
    this.allCloud += d.cloud?.cost.monthlyUsd ?? d.recommendedMonthlyUsd;
    this.savings += d.monthlySavingsUsd ?? 0;
    this.horizonRecommended += horizonOf(w, 'recommended');
    this.horizonCloud += horizonOf(w, 'cloud');
    const line = subsidyLineUsd(w);
    const subsidy = line * recommendedDepinShare(d);
    if (subsidy > 0) {
      this.subsidy += subsidy;
      this.subsidized++;
      const depin = d.depin?.cost.monthlyUsd ?? null;
      const cloud = d.cloud?.cost.monthlyUsd ?? null;
      if (depin !== null && cloud !== null && depin + line >= cloud) this.restsOnSubsidy++;
    }
  }

  /** The plan's egress (results and checkpoint syncs) on a tiered schedule, for each side in the plan's share. */
  private addEgress(w: WorkloadAnalysis): void {
    const d = w.decision;
    const depinShare = recommendedDepinShare(d);
    for (const [o, share] of [
      [d.cloud, 1 - depinShare],
      [d.depin, depinShare],
    ] as const) {
      if (o == null || share <= 0) continue;
      const tiered = this.tieredOffers.get(o.offer.id);
      if (tiered === undefined) continue;
      let gib = 0;
      for (const c of o.cost.components)
        if (c.name === 'egress' || c.name === 'checkpoint-sync') gib += c.quantity;
      if (gib <= 0) continue;
      const group = this.tieredEgress.get(tiered.key);
      if (group) group.gib.push(gib * share);
      else
        this.tieredEgress.set(tiered.key, {
          providerName: tiered.offer.providerName,
          tiers: tiered.tiers,
          gib: [gib * share],
        });
    }
  }

  private cite(o: OfferCitation): void {
    const key = `${o.source}\u0000${o.asOf}`;
    const s = this.sourceCounts.get(key);
    if (s) s.offers.add(o.id);
    else this.sourceCounts.set(key, { source: o.source, asOf: o.asOf, offers: new Set([o.id]) });
  }

  header(): Pick<Analysis, 'schemaVersion' | 'frameworkVersion' | 'seed' | 'scenario'> {
    const s = this.scenario;
    return {
      schemaVersion: ANALYSIS_SCHEMA_VERSION,
      frameworkVersion: defaultFramework.version,
      seed: s.monteCarlo.seed,
      scenario: { name: s.name, horizonMonths: s.horizonMonths, startMonth: s.startMonth },
    };
  }

  totals(): Analysis['totals'] {
    return {
      monthlyUsd: { recommended: this.recommended, allCloud: this.allCloud },
      horizonUsd: { recommended: this.horizonRecommended, allCloud: this.horizonCloud },
      monthlySavingsUsd: this.savings,
      unpricedWorkloads: [...this.unpriced],
      ...(this.withoutCloud > 0 && { workloadsWithoutCloudOption: this.withoutCloud }),
      ...(this.subsidized === 0
        ? {}
        : {
            incentiveSubsidy: {
              monthlyUsd: this.subsidy,
              recommendedWithoutUsd: this.recommended + this.subsidy,
              workloads: this.subsidized,
              savingRestsOnIt: this.restsOnSubsidy,
            },
          }),
    };
  }

  catalog(): CatalogSummary {
    return this.catalogSummary;
  }

  policy(): DecisionPolicySummary {
    const d = this.scenario.decision;
    return {
      minSavingShare: d.minSavingShare,
      minMonthlySavingUsd: d.minMonthlySavingUsd,
      hybridMinShare: d.hybridMinShare,
      decentralizedMarkets: [...d.decentralizedMarkets],
    };
  }

  /** The portfolio's assumptions, the caveat of measured ratios of unrecorded format, then each estimate's. */
  assumptions(): string[] {
    const all = [...this.assumptionSet];
    const portfolio = [
      unrecordedFormatCaveat(this.conversions),
      egressTiersPerWorkloadSaid([...this.tieredEgress.values()]),
    ].filter((a): a is string => a !== null);
    if (portfolio.length === 0) return all;
    return [...all.slice(0, this.globalAssumptions), ...portfolio, ...all.slice(this.globalAssumptions)];
  }

  sources(): Analysis['sources'] {
    return [...this.sourceCounts.values()]
      .map((s) => ({ source: s.source, asOf: s.asOf, offers: s.offers.size }))
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.asOf < b.asOf ? -1 : 1));
  }
}
