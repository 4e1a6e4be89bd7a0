import {
  addMonths,
  bookedAheadDays,
  type DemandPath,
  EGRESS_DEFAULTS,
  farthestRoundTripMs,
  GLOBAL_SERVING,
  gdprInPlace,
  gpusCountedPerPlace,
  type HostedApiTermRow,
  NETWORK_SHARE_OF_P99,
  type TokenFloor,
} from '@gpufit/pricing';
import type {
  Distribution,
  FitAssessment,
  GpuPolicy,
  HybridSplit,
  Offer,
  OfferRef,
  PricedOption,
  Projection,
  Recommendation,
  RiskStake,
  ThroughputBasis,
  UnitCost,
  WorkloadProfile,
} from '@gpufit/schema';
import {
  assumedMark,
  DATA_SENSITIVITIES,
  GLOBAL_PLACE,
  groupThousands,
  HOURS_PER_MONTH,
  hardConstraintRisk,
  isAssumed,
  isInterruptibleCategory,
  isTermCommitmentRef,
  joinWithAnd,
  MIN_USD_PER_GPU_HOUR,
  PRICING_CATEGORY_REGISTRY,
  placeIncludesCountry,
  recommendedDepinShare,
  workloadKinds,
} from '@gpufit/schema';
import { armHost } from './armHost.js';
import type { CommittedBaseMix } from './committedBaseMix.js';
import { componentUsd } from './componentUsd.js';
import type { HostedApiAdmission, HostedApiBlocker } from './hostedApiBlockers.js';
import {
  type HostedApiCompared,
  type HostedApiComparison,
  type HostedApiNotCounted,
  hostedApiClearlyCheaper,
  INPUT_TOKENS_PER_OUTPUT_TOKEN,
} from './hostedApiComparison.js';
import { newerGeneration } from './newerGeneration.js';
import { offerAgeDays } from './offerAgeDays.js';
import { RESERVED_CLUSTERS_SAID, reservedRunsSaid, reservedTermSaid } from './reservedTermSaid.js';
import { runHours } from './runHours.js';
import { latencyRatio, slowerGpuLatency } from './slowerGpuLatency.js';
import { usd, usdCents } from './usdText.js';

/**
 * The risks a founder should read before moving a workload (seed, "Risks startups should evaluate": uptime
 * varies by provider, hardware is fragmented, security practices differ, incentive subsidies may fall).
 * Each rule is data: a test on the evidence and the sentence it yields.
 */
export interface RiskEvidence {
  readonly profile: WorkloadProfile;
  readonly fit: FitAssessment;
  /**
   * A GPU's peak memory bandwidth in GB/s (the tier table's `memoryBandwidthGBps`, null when unknown): what stretches
   * a token generator's latency on a slower GPU (slowerGpuLatency.ts). Absent: the throughput ratio is used.
   */
  readonly memoryBandwidthGBps?: (gpu: string) => number | null;
  /**
   * A GPU's dense FP16/BF16 tensor TFLOPS (the tier table's `fp16Tflops`, null when unknown): what bounds a long
   * input's prefill, which is compute-bound, on a slower GPU. Absent: the throughput ratio alone is used.
   */
  readonly denseTflops?: (gpu: string) => number | null;
  readonly cloud: PricedOption | null;
  /**
   * The cheapest cloud offer that lacks one of the asked certifications on record, for the same profile with its
   * `compliance` list dropped (null or absent: the profile asks for none, or none was found): what they cost.
   */
  readonly cloudWithoutCompliance?: PricedOption | null;
  /** Its full catalog row: its certifications say which of the asked ones it lacks. Absent: all of them named. */
  readonly cloudWithoutComplianceOffer?: Offer | null;
  /**
   * The generation of its GPU when that GPU runs the profile's precision weight-only (fp8 on Ampere): named only
   * when no offer that runs it natively is cheap enough (null or absent: it runs the precision natively).
   */
  readonly cloudWithoutComplianceWeightOnly?: string | null;
  /**
   * The cheapest cloud option for the same profile under gpuPolicy `any` (null or absent: the profile names no
   * GPU, its policy is already `any`, or none was found): what naming the GPU costs.
   */
  readonly cloudWithAnyGpu?: PricedOption | null;
  /**
   * When the cheapest option under gpuPolicy `any` runs on a GPU slower than the named one by its datasheet alone
   * (unmeasured, ratio below 1): the cheapest cloud option on a GPU not slower by its datasheet
   * (`notSlowerByDatasheet`: memory bandwidth and dense compute both at least the named GPU's), priced at the named
   * GPU's speed (that GPU named under gpuPolicy exact: ratio 1, no speed-up credited). Null or absent: not asked, or
   * none found.
   */
  readonly cloudWithNotSlowerGpu?: PricedOption | null;
  /**
   * Whether an offer's catalog row lists every region of its provider for every instance type (`regionListing`
   * every-region): a cheaper option a risk names from such a row says that the type may not be offered there.
   * Absent: not checked.
   */
  readonly everyRegionListed?: (offerId: string) => boolean;
  /** A GPU's architecture (the tier table's `generation`, null when unknown): which of two GPUs is newer. */
  readonly gpuGeneration?: (gpu: string) => string | null;
  /**
   * The cheapest cloud option for the same profile without its `task`, GPUs converted at the ratios pooled over every
   * task of the model-size band (null or absent: the profile states no task, or none was found): what stating it costs.
   */
  readonly cloudWithoutTask?: PricedOption | null;
  /**
   * The cheapest cloud option when the stated hours (no gpuType named, read as `hoursReadOn`-hours) are read as the
   * reference GPU's (A100-80GB) instead, as a larger model's are. Null or absent: not read so, or none found.
   */
  readonly cloudAtReferenceHours?: PricedOption | null;
  /** The GPU the stated hours were read on when no gpuType is named and it is not the reference (the L4). */
  readonly hoursReadOn?: string | null;
  /** The GPU policy the workload was priced under (its own, else the scenario's). Absent: not checked. */
  readonly gpuPolicy?: GpuPolicy;
  readonly depin: PricedOption | null;
  /** The full catalog row of the cloud option (its billing says whether it is booked by the day). */
  readonly cloudOffer?: Offer | null;
  /**
   * The cheapest mix of the committed and the on-demand cloud offer (committedBaseMix.ts): a committed base, the
   * bursts above it on demand. Null or absent: none priced, or one the cloud option refused because its saving over
   * the projected horizon is under the decision bar (committedBaseHorizon.ts). When the option took it, the option's
   * offer is the commitment and nothing is said.
   */
  readonly committedBase?: CommittedBaseMix | null;
  /**
   * When the cloud option is a mix that costs more than the single offer in some months under demand growth, the
   * sentence that names them and its largest monthly excess (committedBaseHorizon.ts); else absent or null.
   */
  readonly committedBaseDearer?: { readonly text: string; readonly usdPerMonth: number } | null;
  /** The full catalog row of the DePIN option (its notes say whether a price is a floor or a cap). */
  readonly depinOffer: Offer | null;
  /**
   * The regions where the catalog lists the DePIN option's provider with the same GPU and GPUs per instance
   * (`listedPlaces`): what the catalog shows of that marketplace's depth. Absent or null: not checked.
   */
  readonly depinListings?: readonly string[] | null;
  /**
   * The workload's recommendation: a risk of the decentralized option alone (its fleet) comes early when that
   * option carries work (decentralized or hybrid), late when the workload stays on cloud. Absent: early.
   */
  readonly recommendation?: Recommendation;
  /** The hybrid split when the recommendation is hybrid: a figure at stake on one side is that side's share of it. */
  readonly hybrid?: HybridSplit | null;
  /**
   * The recommended placement's month (`decision.recommendedMonthlyUsd`): a cheaper cloud option is at stake only by
   * what it saves against the plan, which may already run cheaper on DePIN. Absent: the cloud option's month.
   */
  readonly planMonthlyUsd?: number | null;
  /** Offer ages are measured against this date (YYYY-MM-DD); null = not checked. */
  readonly analysisDate: string | null;
  readonly maxOfferAgeDays: number;
  readonly projection: Projection | null;
  readonly distribution: Distribution | null;
  /**
   * The framework's latency-critical budget (its latency factor's `criticalMs`, 100 ms by default): at or under
   * it, an option with no known location is named too, since it may run anywhere. Absent: not checked.
   */
  readonly latencyCriticalMs?: number;
  /**
   * The first month (YYYY-MM) a rising subsidy share would price the decentralized option's GPU-hour below gpufit's
   * floor of USD 0.001, so the projection holds it there (pricing's spendPath `priceFloorFrom`). Null or absent: never.
   */
  readonly subsidyFloorFrom?: string | null;
  /**
   * The decentralized option priced in a modelled incentive token: its floor (its hosts' outside option,
   * tokenFloors.ts; null when the catalog lists no USD-priced twin of its GPU) and the first month the floor holds
   * its projected price (YYYY-MM, or null). Absent or null: not priced in a modelled token.
   */
  readonly tokenFloor?: {
    readonly symbol: string;
    /**
     * The incentive subsidy share in today's list price: month 0's (the scenario schedule's `share` for the network,
     * else the offer's; pricing's `initialSubsidyShare`). Absent: the offer's.
     */
    readonly share?: number;
    readonly floor: TokenFloor | null;
    readonly from: string | null;
    /**
     * A USD-priced twin the catalog lists but the projection did not apply (`floor` null): the option's estimate
     * bills no GPU-hour price to hold against it. Absent: the catalog lists none.
     */
    readonly unapplied?: TokenFloor;
  } | null;
  /**
   * Whether the scenario models the price of the decentralized option's incentive token (`tokenPrices`): without a
   * model its USD list price is used as is, and no band carries the token's moves. Absent: modelled (not checked).
   */
  readonly tokenModelled?: boolean;
  /**
   * Each option's months priced at their own demand under the scenario's growth (demandPath.ts), and the first
   * month of the projection: a month the chosen offer cannot hold is named. Absent: not checked.
   */
  /**
   * What the month's tokens would cost on the cheapest sourced hosted API of the workload's model
   * (hostedApiComparison.ts), and why it is not counted when the workload requires what no hosted price has on
   * record. Absent or null: not compared.
   */
  readonly hostedApi?: HostedApiComparison | null;
  /** The workload's cost per unit of output (unitCost.ts), for the check of its stated volume; absent: none. */
  readonly unitCost?: UnitCost;
  readonly demandPaths?: {
    readonly cloud: DemandPath | null;
    readonly depin: DemandPath | null;
    readonly startMonth: string;
  };
}

/**
 * Whether the plan runs work on a side: cloud unless it went wholly decentralized, DePIN when decentralized or
 * hybrid. A rule about an option speaks only when the plan uses it (absent recommendation: cloud).
 */
export function runsOn(recommendation: Recommendation | undefined, side: 'cloud' | 'depin'): boolean {
  return side === 'cloud'
    ? recommendation !== 'depin'
    : recommendation === 'depin' || recommendation === 'hybrid';
}

/**
 * What incentive-token emissions pay of the decentralized option, and how far its price can rise without them; for
 * an option the plan uses (`atStake`), the emissions' dollars a month are what it would rise by (its "up to" share
 * × its price).
 */
function subsidizedPrice(e: RiskEvidence, atStake: boolean): RiskSaid | null {
  const { depin, depinOffer } = e;
  const subsidy = -componentUsd(depin?.cost, 'incentive-subsidy');
  const net = depin?.cost.monthlyUsd ?? 0;
  const gross = net + subsidy;
  const assumed = depinOffer?.notes.includes('gpufit assumption') ? ' (a gpufit planning default)' : '';
  if (!(subsidy > 0 && gross > 0 && net > 0)) return null;
  const share = planShare(e, 'depin');
  return {
    text: `Incentive-token emissions pay ${pct(subsidy / gross)} of the decentralized option's cost${assumed}; its price already has them in, and if they end it can rise by up to ${pct(subsidy / net)}.`,
    // What the plan counts on: the subsidy of the GPU-hours it places there (portfolioLedger's subsidyCountedOn).
    usdPerMonth: atStake && share > 0 ? usdCents(subsidy * share) : null,
  };
}

/**
 * The decentralized option paid in its incentive token; for an option the plan uses (`withFloor`), also what holds
 * its USD price when the token falls.
 */
function tokenDenominated(
  { depinOffer, tokenFloor, tokenModelled }: RiskEvidence,
  withFloor: boolean,
): string | null {
  if (depinOffer?.incentive?.denomination !== 'token') return null;
  const symbol = depinOffer.incentive.symbol;
  // An option the plan does not use: what its price is paid in, whatever the scenario models (a token model must not
  // read as a change of a workload that stays on cloud).
  if (!withFloor)
    return `The DePIN price is paid in the ${symbol} incentive token, so its USD cost follows that token's market price.`;
  // The band holds the token's moves only when the scenario models its price; otherwise the list price stands.
  if (tokenModelled === false)
    return `The DePIN price is paid in the ${symbol} incentive token, so its USD cost follows that token's market price; this scenario has no price model for ${symbol}, so the USD list price is used as is and no P10–P90 band here carries the token's moves: add tokenPrices.${symbol} to a scenario (datasets/scenarios/token-crash.json has one) to see them.`;
  const said = `The DePIN price is paid in the ${symbol} incentive token, so its USD cost follows that token's market price; see the P10–P90 band.`;
  return tokenFloor ? `${said} ${tokenFloorSentence(tokenFloor, depinOffer)}` : said;
}

/** Where the hosts' outside option holds a token-denominated price (pricing's incentives/tokenFloor.ts), or that none does. */
function tokenFloorSentence(
  { symbol, share: scenarioShare, floor, from, unapplied }: NonNullable<RiskEvidence['tokenFloor']>,
  offer: Offer,
): string {
  if (floor === null && unapplied !== undefined) {
    return `Its estimate bills no price per GPU-hour to hold against what the same ${unapplied.gpu} costs on ${unapplied.providerName} (${unapplied.offerId}), so no floor is applied: the projection follows ${symbol} all the way down.`;
  }
  if (floor === null) {
    return `The catalog lists no USD-priced marketplace offer of the same ${offer.gpu} to hold it, so no floor is assumed: the projection follows ${symbol} all the way down.`;
  }
  const f = `${usd(floor.usdPerGpuHour)}/GPU-hour`;
  const where = `what the same ${floor.gpu} costs on ${floor.providerName} (${floor.offerId})`;
  const list = offer.usdPerGpuHour;
  const share = scenarioShare ?? offer.incentive?.subsidyShare ?? 0;
  if (share > 0) {
    // Its hosts earn the price plus the emissions, both in the token: list ÷ (1 − s) at today's price.
    const income = list === null ? null : list / (1 - share);
    const earn = `its hosts' income (its price plus ${symbol} emissions${income === null ? '' : `, ${usd(income)}/GPU-hour today`})`;
    if (income !== null && income <= floor.usdPerGpuHour) {
      return `It is listed at ${usd(list!)}/GPU-hour and ${earn} is at or below ${f}, ${where}: a falling ${symbol} is assumed not to take that income lower, so its price rises as far as keeps it (a floor, not a peg).`;
    }
    return from === null
      ? `Should ${symbol} take ${earn} below ${f}, ${where}, hosts would move there: the projection and each Monte Carlo path raise its price to what keeps them at ${f} (a floor, not a peg).`
      : `From ${from} the ${symbol} price would take ${earn} below ${f}, ${where}; hosts would move there, so the projection raises its price to what keeps them at ${f} (a floor, not a peg: a rising ${symbol} still passes through).`;
  }
  if (list !== null && list <= floor.usdPerGpuHour) {
    return `It is listed at ${usd(list)}/GPU-hour, at or below ${f}, ${where}: a falling ${symbol} is assumed not to take it below the lower of ${f} and its price without the fall (a floor, not a peg).`;
  }
  return from === null
    ? `Should ${symbol} take it below ${f}, ${where}, hosts would move there: the projection and each Monte Carlo path hold it at ${f} (a floor, not a peg).`
    : `From ${from} the ${symbol} price would take it below ${f}, ${where}; hosts would move there, so the projection holds it at ${f} (a floor, not a peg: a rising ${symbol} still passes through).`;
}

/** A risk sentence and the USD a month it puts at stake (null: the rule computes no defensible figure). */
export interface RiskSaid {
  readonly text: string;
  readonly usdPerMonth: number | null;
}

export interface RiskRule {
  readonly id: string;
  /** The sentence, alone when the rule puts no figure at stake, or with the dollars it does (`RiskSaid`). */
  readonly check: (e: RiskEvidence) => string | RiskSaid | null;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
/** The most a sentence quotes as money (a trillion dollars: far below what cents hold exactly). */
const MAX_SHOWN_USD = 1e12;
const round3 = (x: number) => Number(x.toPrecision(3));
/** A latency for reading: seconds from 1 s up, else whole milliseconds. */
const msText = (ms: number) => (ms >= 1000 ? `${round3(ms / 1000)} s` : `${Math.round(ms)} ms`);

/**
 * A serving fleet holding at least this many GPUs at once on capacity that is not reserved (on-demand, or booked by
 * the day) is named: no source gives a provider's free pool, and at this size GPU clouds sell reserved clusters
 * (gpufit assumption: 8 nodes of 8 GPUs, the size of the README's pretrain).
 */
export const UNRESERVED_FLEET_GPUS = 64;
/**
 * A job's cluster of this many GPUs or more over two or more instances is named too: a multi-node cluster held for
 * the job's whole run is what GPU clouds sell reserved, and capacity it needs at once is what an on-demand pool may
 * not have (gpufit assumption: two nodes of 8; a reviewer's 4 × 8 B200 pretrain at USD 49,497 a month for two
 * months read no word of it).
 */
export const UNRESERVED_CLUSTER_GPUS = 16;

/**
 * A requirement of the workload (its certifications, its named GPU) is named as a cost when dropping it would save
 * at least this much a month.
 */
const REQUIREMENT_SAVING = { usd: 100, share: 0.1 } as const;
const savesEnough = (saving: number, asIs: number): boolean =>
  saving >= REQUIREMENT_SAVING.usd && saving >= REQUIREMENT_SAVING.share * asIs;

/**
 * The most an option without a requirement may cost a month for `savesEnough` to hold against `asIs`: a search
 * for that option (analyzeWorkload.ts) need not look at dearer offers, as none of them would be shown.
 */
export function requirementCeilingUsd(asIs: number): number {
  // Loosened by a part in a billion, far above the float error of the subtraction `savesEnough` makes.
  const slack = Math.abs(asIs) * 1e-9 + 1e-9;
  return Math.min(asIs - REQUIREMENT_SAVING.usd, asIs * (1 - REQUIREMENT_SAVING.share)) + slack;
}

/** Said of an option in a sentence about a plan wholly on the other: the option is not the plan's. */
const UNTAKEN = ', which the plan does not take,';

/** A check of a rule that speaks of the cloud option alone: `aside` goes after its name (empty, or `UNTAKEN`). */
type CloudOnlyCheck = (e: RiskEvidence, aside: string) => string | RiskSaid | null;

/**
 * The rules in the order a workload's risks are listed. A rule that computes the monthly dollars its risk puts at
 * stake returns them with the sentence (`RiskSaid`: a requirement's saving, a hosted API's saving, the emissions in
 * a price the plan uses, an assumed egress, a batch volume far below its billed capacity, re-work); the report's
 * top risks rank by them, and take a workload's first risk without one by its monthly cost (topRisks.ts). The
 * other rules put no defensible figure at stake: a capacity, location, certificate or price-basis caveat, a
 * projection that already prices what it names. The decentralized side's hard rule and its subsidy exposure come first, then what the
 * certifications cost (on a 70B agent API under SOC 2 it was USD 37,026.93 a month, far more than any other lever
 * of its plan, and it sat behind the capacity-block note), then a decentralized fleet larger than the catalog
 * shows when that option carries work (a text-to-video API priced on 104 Vast L40S machines from one listing in
 * Taichung), then an option far from a latency-sensitive service's users, then the terms of the cloud option.
 */
export const riskRules: readonly RiskRule[] = [
  {
    id: 'hard-constraint',
    check: ({ fit }) => {
      const c = fit.constraints.find((k) => k.side === 'depin');
      return c ? hardConstraintRisk(c) : null;
    },
  },
  {
    // A hosted API that sells the same open-weight model per token for far less than renting GPUs comes right after
    // the hard rule: for a small or bursty LLM workload it is often the cheapest answer (a finding, not a placement).
    id: 'hosted-api-cheaper',
    check: (e) =>
      e.hostedApi?.status === 'compared' && hostedApiClearlyCheaper(e.hostedApi)
        ? said(hostedApiCheaper(e, e.hostedApi), hostedApiSaving(e.hostedApi))
        : null,
  },
  {
    // A stated output far below what the billed GPU-hours could make: the demand in GPU-hours and the volume
    // disagree, and the plan prices the GPU-hours (a 70B API billed $32,700 a month for 2 B tokens, 1.9 % of its
    // measured capacity). Said early: it can be most of the bill.
    id: 'volume-below-capacity',
    check: volumeBelowCapacity,
  },
  {
    // The other way: a stated output the billed GPU-hours cannot make even at the measured (best-case) rate. The
    // plan priced a nightly summarizer's 2 B tokens a month at $103.30, 140.9 % of what its GPU-hours could output.
    id: 'volume-above-capacity',
    check: volumeAboveCapacity,
  },
  {
    // Only for a plan that runs on DePIN, and only called a subsidy cliff when the subsidy has fallen by then: under
    // demand growth the cloud side's spare unit can make the two cross with no subsidy at all (0 % every month).
    id: 'subsidy-cliff',
    check: ({ projection, recommendation }) => {
      const month = projection?.subsidyCliffMonth;
      if (!projection || !month || recommendation === 'cloud') return null;
      const at = projection.months.find((m) => m.month === month);
      const first = projection.months[0]!.subsidyShare;
      return at !== undefined && at.subsidyShare < first
        ? `Subsidy cliff: DePIN stops beating cloud in ${month} as the incentive subsidy fades (from ${pct(first)} to ${pct(at.subsidyShare)}).`
        : `DePIN stops beating cloud in ${month} on the projected path: the two sides' costs cross as the demand changes (no incentive subsidy fades by then).`;
    },
  },
  {
    // A scenario whose subsidy share rises (a step up, a formula) took later months of a Nosana RTX3060 to USD 0.00072
    // a GPU-hour; the projection now holds them at gpufit's floor (pricing's spendPath), and says so here.
    id: 'subsidy-price-floor',
    check: ({ subsidyFloorFrom, depinOffer, recommendation }) =>
      subsidyFloorFrom == null || depinOffer == null || recommendation === 'cloud'
        ? null
        : `From ${subsidyFloorFrom} the scenario's subsidy share would price ${depinOffer.providerName}'s GPU-hour below gpufit's floor of $${MIN_USD_PER_GPU_HOUR}; the projection holds those months at the floor, never lower. A network paying nearly all of the price is not one to plan a budget on: check the schedule.`,
  },
  // The decentralized option's subsidy and token come early when the plan runs there, late (with the other terms
  // of that option) when it stays on cloud: a reranker recommended on RunPod led its top risks with Nosana's
  // emissions.
  {
    id: 'subsidized-price',
    check: (e) => (e.recommendation === 'cloud' ? null : subsidizedPrice(e, true)),
  },
  {
    id: 'token-denominated',
    check: (e) => (e.recommendation === 'cloud' ? null : tokenDenominated(e, true)),
  },
  {
    id: 'certifications-narrow',
    check: (e) => {
      const {
        profile,
        cloud,
        cloudWithoutCompliance: free,
        cloudWithoutComplianceOffer: row,
        cloudWithoutComplianceWeightOnly: weightOnly,
      } = e;
      const asIs = cloud?.cost.monthlyUsd;
      const without = free?.cost.monthlyUsd;
      if (asIs == null || without == null || free == null || profile.compliance.length === 0) return null;
      const saving = asIs - without;
      if (!savesEnough(saving, asIs)) return null;
      const asked = profile.compliance.join(', ');
      const o = free.offer;
      // Name only what the offer lacks: a GPU cloud may hold soc2 on record and not iso27001.
      const lacks =
        row == null
          ? asked
          : profile.compliance
              .filter((c) => !row.certifications.includes(c) && !(c === 'gdpr' && gdprInPlace(row)))
              .join(', ');
      const held = lacks === asked ? '' : ` (it lacks ${lacks} on record)`;
      return requirementSaid(
        e,
        `Requiring ${asked} keeps the cloud side to offers whose certifications the catalog records (the bundled one records them for the hyperscalers, from their public compliance programmes, and for a GPU cloud only where the provider states them publicly${profile.compliance.includes('gdpr') ? '; gdpr is also met inside the EEA on datacenter hosts' : ''}). Without that requirement, ${o.providerName} ${o.gpu} in ${o.region}${perGpuHour(o)}${held} would cost ${usd(without)} a month, ${usd(saving)} less${weightOnlySaid(profile, free, weightOnly)}: if ${o.providerName} holds ${lacks} for your use, add it to that offer's certifications in your catalog and analyze again.${regionUnconfirmedSaid(e, o)}`,
        saving,
        without,
      );
    },
  },
  {
    // A GPU cloud's certifications come from its own public statement (datasets/README.md, "Certifications of GPU
    // clouds"), not from an audit report: a SOC 2 company needs its vendor's report (RunPod's statement names
    // Type I in 2025 and Type II elsewhere).
    id: 'certification-from-statement',
    check: ({ profile, recommendation, cloud, cloudOffer }) => {
      if (!runsOn(recommendation, 'cloud') || cloud === null || cloudOffer == null) return null;
      if (cloudOffer.market === 'hyperscaler') return null;
      const held = profile.compliance.filter((c) => cloudOffer.certifications.includes(c));
      if (held.length === 0) return null;
      const name = cloudOffer.providerName;
      const agreement =
        DATA_SENSITIVITIES.indexOf(profile.dataSensitivity) >= DATA_SENSITIVITIES.indexOf('regulated') &&
        !held.includes('gdpr')
          ? ' and the agreement that covers your data (a DPA, or a BAA for hipaa)'
          : '';
      const reports = held.filter((c) => c !== 'gdpr');
      const ask = [
        reports.length > 0
          ? `the report${reports.includes('soc2') ? ' (a SOC 2 Type II report covering the service you use)' : ''}`
          : null,
        held.includes('gdpr') ? 'the data processing agreement (gdpr has no audit report)' : null,
      ]
        .filter((x) => x !== null)
        .join(' and ');
      return `The ${held.join(', ')} on record for ${name} is no audit report gpufit read (the bundled catalog takes a GPU cloud's certifications from its own public statements, datasets/README.md, "Certifications of GPU clouds"): before relying on it, ask ${name} for ${ask}${agreement}.`;
    },
  },
  {
    // Hours stated without a GPU are read as L4-hours when the model fits one L4 (referenceGpu), as A100-80GB hours
    // when it does not: the same stated hours cost about 4× as much one size up. The plan rests on that reading.
    id: 'unnamed-gpu-hours',
    check: (e) => {
      const { cloud, cloudAtReferenceHours: other, hoursReadOn } = e;
      const asIs = cloud?.cost.monthlyUsd;
      const then = other?.cost.monthlyUsd;
      if (hoursReadOn == null || other == null || asIs == null || then == null || !(then > asIs)) return null;
      const reference = other.cost.throughput?.demandGpu ?? 'A100-80GB';
      const text = `No gpuType is named: the stated GPU-hours are read as ${hoursReadOn}-hours, since the model fits one ${hoursReadOn} (a gpufit assumption). Read as ${reference}-hours, as a model too large for one ${hoursReadOn} is, the cloud side would cost ${usd(then)} a month (${namedOption(other)}), ${usd(then - asIs)} more: name the GPU your hours were counted on (gpuType) and analyze again.`;
      return e.recommendation === 'cloud' ? said(text, then - asIs) : { text, usdPerMonth: null };
    },
  },
  {
    id: 'named-gpu-narrows',
    check: (e) => {
      const { profile, cloud, cloudWithAnyGpu: any, gpuPolicy } = e;
      const asIs = cloud?.cost.monthlyUsd;
      const other = any?.cost.monthlyUsd;
      const t = any?.cost.throughput;
      if (
        asIs == null ||
        other == null ||
        any == null ||
        !t ||
        t.basis === 'same' ||
        profile.gpuType === null
      )
        return null;
      // A GPU slower by its datasheet alone is not named: a datasheet ratio is no figure to move a workload on
      // (L40S to A10G for an 8B chat model read 0.69×; served, the A10G does far less). The cheapest GPU not
      // slower by its datasheet is, at the named one's speed (a V100 recsys service read nothing, where a T4 at
      // 0.356× was the cheapest and an A100 at no speed-up credited cost 64 % less).
      if (t.basis === 'unmeasured' && t.ratio < 1) return notSlowerGpuSaid(e, t.ratio, any);
      const saving = asIs - other;
      if (!savesEnough(saving, asIs)) return null;
      const named = profile.gpuType;
      const kept = namedKeeps(named, gpuPolicy);
      const o = any.offer;
      const speed =
        t.basis === 'measured'
          ? `at a measured ${round3(t.ratio)}× the ${named}'s throughput (${t.source})`
          : `credited no speed-up over the ${named} (no benchmark measures the pair), so the figure is an upper bound for it`;
      return requirementSaid(
        e,
        `Naming ${named} keeps the cloud side ${kept}. Under gpuPolicy any, ${namedOption(any)}, ${speed}, would cost ${usd(other)} a month, ${usd(saving)} less: if your model runs on ${o.gpu}, set gpuType ${o.gpu} or gpuPolicy any on this workload and analyze again.${regionUnconfirmedSaid(e, o)}`,
        saving,
        other,
      );
    },
  },
  {
    // A task keeps GPU conversions to its own benchmarks: a pair measured only on other tasks is not converted (a
    // Whisper backlog stated in A100 hours stayed on A100 at $1,597.66 a month, where an LLM-measured 2.45× put it on
    // H100 at $901.16). The pooled ratio is no measurement of this work, but what it would save is worth a benchmark.
    id: 'task-narrows-gpus',
    check: (e) => {
      const { profile, cloud, cloudWithoutTask: other } = e;
      const asIs = cloud?.cost.monthlyUsd;
      const month = other?.cost.monthlyUsd;
      const t = other?.cost.throughput;
      if (
        asIs == null ||
        other == null ||
        month == null ||
        profile.task == null ||
        !t ||
        t.basis !== 'measured'
      )
        return null;
      const saving = asIs - month;
      if (!savesEnough(saving, asIs)) return null;
      const o = other.offer;
      // A task read from the model (Llama → text-generation) is not left empty by emptying the column: the model names it.
      const fromModel = profile.model !== null && isAssumed(profile, 'task');
      return requirementSaid(
        e,
        `${fromModel ? `Reading task ${profile.task} from the model ${profile.model}` : `Stating task ${profile.task}`} converts GPUs only at ratios measured on ${profile.task} benchmarks, and none measures ${t.offerGpu} against ${t.demandGpu}. At the ${round3(t.ratio)}× measured on other tasks (${t.source}), ${namedOption(other)} would cost ${usd(month)} a month, ${usd(saving)} less: benchmark your model on ${o.gpu}, and if it holds near that ratio, state the demand in ${o.gpu} hours (gpuType ${o.gpu})${fromModel ? '' : ' or leave task empty'}, and analyze again.${regionUnconfirmedSaid(e, o)}`,
        saving,
        month,
      );
    },
  },
  {
    // A commitment priced alone holds the peak all month, and a service that peaks loses it whole. The cloud option
    // takes a committed base with on-demand bursts on one provider and one GPU type where it is cheaper
    // (committedBaseChoice.ts); this names a mix it refused because it spans two providers, two GPU types or two regions (a hybrid
    // placement with its own operational cost) as a risk of the plan: the saving left on the table
    // (docs/projection-and-uncertainty.md §4).
    id: 'committed-base',
    check: (e) => {
      const { cloud, committedBase: mix, recommendation } = e;
      const asIs = cloud?.cost.monthlyUsd;
      if (cloud == null || asIs == null || mix == null || recommendation !== 'cloud') return null;
      if (isTermCommitmentRef(cloud.offer) || cloud.offer.id !== mix.onDemand.id) return null;
      const saving = asIs - mix.monthlyUsd;
      if (!savesEnough(saving, asIs)) return null;
      const c = mix.committed;
      const o = mix.onDemand;
      const term = c.termMonths === null ? '' : `, a ${c.termMonths}-month term`;
      const sameProvider = c.provider === o.provider;
      const sameGpu = c.gpu === o.gpu;
      const across = [
        sameProvider ? null : 'two providers',
        sameGpu ? null : 'two GPU types',
        c.region === o.region ? null : 'two regions',
      ].filter((x) => x !== null);
      const spares =
        mix.spareGpuHours > 0
          ? ` and its spares (${fixed2(mix.spareInstances)} instances held all month)`
          : '';
      return requirementSaid(
        e,
        `The catalog's commitment — ${c.providerName} ${c.gpusPerInstance} × ${c.gpu} in ${c.region}${perGpuHour(c)}${term} — priced alone holds the peak all month, and lost to on-demand. A committed base of ${mix.instances} × ${c.gpusPerInstance} ${c.gpu}${spares}, with the demand above it on the on-demand option (${o.providerName} ${o.gpu} in ${o.region}; the newsvendor baseline, docs/projection-and-uncertainty.md §4), would cost about ${usd(mix.monthlyUsd)} a month, ${usd(saving)} less${across.length === 0 ? '' : `; gpufit did not take it as the cloud option because it spans ${across.join(' and ')} — a hybrid placement, with the cost of operating both, not the textbook mix of one provider's commitment and its on-demand of the same GPU in the same region`}: ask ${c.providerName} for that commitment${sameProvider ? '' : ` and keep ${o.providerName} for the bursts if the second provider is worth it`} (an estimate: the bursts are assumed to start and stop with the demand above the base${across.length === 0 ? '' : `, across ${across.join(' and ')}`}).`,
        saving,
        mix.monthlyUsd,
      );
    },
  },
  {
    // Under demand growth a mix taken for its horizon saving can cost more than the single offer in later months: its
    // base is sized on month one's demand and held (committedBaseHorizon.ts). Said for a plan that runs on cloud.
    id: 'committed-base-growth',
    check: ({ committedBaseDearer, recommendation }) =>
      committedBaseDearer == null || !runsOn(recommendation, 'cloud')
        ? null
        : { text: committedBaseDearer.text, usdPerMonth: committedBaseDearer.usdPerMonth },
  },
  ...cloudOnly('unreserved-cloud-fleet', unreservedCloudFleet),
  { id: 'run-past-horizon', check: runPastHorizon },
  {
    id: 'fleet-beyond-listings',
    check: (e) => (e.recommendation === 'cloud' ? null : fleetBeyondListings(e)),
  },
  {
    // For a plan wholly on one side a sentence that names only the other side's option is the untaken option's
    // (far-from-users-unused, said late).
    id: 'far-from-users',
    check: (e) => farFromUsers(e, false),
  },
  {
    // Confidential data sent abroad to save a little: with no residency set, gpufit may place a US workload's
    // documents in Spain (AWS eu-south-2 spot) for USD 40 a month. Said for the options the plan uses.
    id: 'data-abroad',
    check: ({ profile, cloud, depin, recommendation }) => {
      const users = profile.usersRegion;
      if (users === null || users === GLOBAL_PLACE || profile.residency.length > 0) return null;
      const level = DATA_SENSITIVITIES.indexOf(profile.dataSensitivity);
      if (level < DATA_SENSITIVITIES.indexOf('confidential')) return null;
      const used = [
        runsOn(recommendation, 'cloud') ? cloud : null,
        runsOn(recommendation, 'depin') ? depin : null,
      ];
      const abroad = used.filter(
        (o): o is PricedOption =>
          o != null && o.offer.country !== null && !placeIncludesCountry(users, o.offer.country),
      );
      if (abroad.length === 0) return null;
      const where = abroad
        .map((o) => `${o.offer.country} (${o.offer.providerName} ${o.offer.region})`)
        .join(' and ');
      return `The ${profile.dataSensitivity} data would be processed in ${where}, outside ${users} where its users are: no residency is set, so gpufit allowed it. Set residency if the data must stay in ${users}; moving it between the regions is not priced.`;
    },
  },
  {
    // A catalog that lists every region for every instance type (the offer's regionListing every-region, from
    // SkyPilot's Lambda catalog: "live availability not encoded") does not say the type is offered there: an Asia
    // team's customer LoRA jobs, kept in APAC by residency, were placed on "Lambda 1 × H100 SXM in
    // asia-northeast-1" with no word of it. Said for the options the plan uses; a workload with a residency rule is
    // never placed on such a row (feasibility refuses it, `region-unconfirmed`).
    id: 'region-not-confirmed',
    check: ({ recommendation, cloud, cloudOffer, depin, depinOffer }) => {
      const used = [
        runsOn(recommendation, 'cloud') && cloud !== null ? cloudOffer : null,
        runsOn(recommendation, 'depin') && depin !== null ? depinOffer : null,
      ].filter((o): o is Offer => o != null && o.regionListing === 'every-region');
      if (used.length === 0) return null;
      const named = used.map((o) => `${o.providerName} ${o.instanceType} in ${o.region}`).join(' and ');
      return `${named} ${used.length === 1 ? 'comes' : 'come'} from a catalog that lists every region of the provider for every instance type (live availability not encoded): it does not say the type is offered in that region. Check that the provider offers it there before relying on the placement; if it does not, remove the row from your catalog and analyze again.`;
    },
  },
  {
    // Only when the plan runs on the cloud option: a nightly re-embed sent to Vast listed "the cloud option is
    // spot capacity" as its only risk, about the option it does not use.
    id: 'cloud-spot',
    check: ({ cloud, cloudOffer, recommendation }) =>
      cloud !== null &&
      runsOn(recommendation, 'cloud') &&
      isInterruptibleCategory(cloud.offer.pricingCategory)
        ? `The cloud option is spot capacity (${cloud.offer.providerName} ${cloud.offer.gpu}, ${cloud.offer.region}), priced at ${spotPriceBasis(cloudOffer?.id === cloud.offer.id ? cloudOffer.zonesWithSpot : null)}: it can be reclaimed at short notice (${cloud.offer.provider === 'aws' ? 'AWS gives 2 minutes' : `AWS gives 2 minutes; check ${cloud.offer.providerName}'s notice, which may be shorter`}) and spot prices move between zones and days.`
        : null,
  },
  {
    // For a plan wholly on one side a sentence of the other side's option alone is the untaken option's
    // (gpu-substituted-unused, said late): an upscaler on Nosana had "Amazon Web Services is priced on L4 instead of
    // RTX4090 …" among its top risks; a plan wholly on cloud, "Nosana is priced on …".
    id: 'gpu-substituted',
    check: (e) => gpuSubstituted(e, false),
  },
  {
    // Only for a side the plan runs on: the work must be rebuilt for the host's CPU, not only re-priced.
    id: 'arm-host',
    check: ({ cloud, depin, recommendation }) => {
      const out: string[] = [];
      for (const [o, side] of [
        [cloud, 'cloud'],
        [depin, 'depin'],
      ] as const) {
        if (o === null || !runsOn(recommendation, side)) continue;
        const host = armHost(o.offer);
        if (host === null) continue;
        out.push(
          `${o.offer.providerName} ${o.offer.gpu}${o.offer.instanceType && !/[()]/.test(o.offer.instanceType) ? ` (${o.offer.instanceType})` : ''} runs beside an ${host.cpu} (${host.source}): container images and CPU-side native code (tokenizers, data loaders, custom kernels' host code) must be built for linux/arm64, and x86-64-only dependencies will not run; check them before moving.`,
        );
      }
      return out.length > 0 ? out.join(' ') : null;
    },
  },
  ...cloudOnly('booked-by-the-day', bookedByTheDay),
  {
    // A job run less often than monthly is shown as an average month, and forecast as one: a quarterly 3-week
    // pretraining run read "16,093.31" every month where the run month costs about USD 48,000 and the others
    // nothing.
    id: 'runs-less-than-monthly',
    check: ({ profile, cloud, depin, recommendation }) => {
      const jobs = profile.jobsPerMonth;
      if (profile.gpuHoursPerMonth !== null || jobs === null || !(jobs > 0 && jobs < 1)) return null;
      // At least one run within the horizon; fewer (5e-324 jobs a month) has no run month to budget for, and a
      // cost per job beyond any money amount.
      if (jobs * profile.horizonMonths < 1) return null;
      const o = recommendation === 'depin' ? depin : cloud;
      const perJob = o?.cost.usdPerJob;
      const monthly = o?.cost.monthlyUsd;
      // A commitment is paid every month whether a job runs or not.
      if (o == null || perJob == null || monthly == null || o.cost.jobUnit !== 'job') return null;
      if (!(perJob < MAX_SHOWN_USD)) return null;
      if (isTermCommitmentRef(o.offer)) return null;
      const every = Number((1 / jobs).toPrecision(2));
      const side = recommendation === 'depin' ? 'decentralized' : 'cloud';
      const runs = `It runs ${Number(jobs.toPrecision(3))} jobs a month, about one every ${every} months`;
      const average = `its monthly cost (${usd(monthly)}) is an average month, and so is each month of its projection and forecast`;
      // A run longer than a month spans months of its own: a 7-week pretrain read "a month with a run costs about
      // $914,251.72", the whole run's cost, where a month of it costs about $566,000.
      const hours = runHours(o.cost, jobs);
      if (hours !== null && hours > HOURS_PER_MONTH) {
        const months = hours / HOURS_PER_MONTH;
        const between = 1 / jobs - months;
        const rest =
          between >= 0.05
            ? `, and the about ${Number(between.toPrecision(2))} months between runs next to nothing`
            : ', with next to no time between runs';
        return `${runs}, each lasting about ${groupThousands(String(Math.round(hours)))} hours (${Number(months.toPrecision(3))} months): ${average}. A run costs about ${usd(perJob)} (one job on the ${side} option), about ${usd(perJob / months)} a month while it runs${rest}: budget the run, not the average.`;
      }
      return `${runs}: ${average}. A month with a run costs about ${usd(perJob)} (one job on the ${side} option) and the months between runs next to nothing: budget the run months, not the average.`;
    },
  },
  {
    // Under demand growth each month is priced on the offer chosen at month 0; a month that offer cannot hold
    // (one zone's spot, the availability target at more units) is projected by scaling, and said here.
    id: 'outgrows-offer',
    check: ({ demandPaths, projection, recommendation, cloud, depin }) => {
      if (demandPaths === undefined || projection === null) return null;
      const horizon = projection.months.length;
      const sides = [
        { path: demandPaths.cloud, option: cloud, used: runsOn(recommendation, 'cloud') },
        { path: demandPaths.depin, option: depin, used: runsOn(recommendation, 'depin') },
      ];
      const out: string[] = [];
      const label = (o: Pick<Offer, 'providerName' | 'gpu' | 'region' | 'pricingCategory'>) =>
        `${o.providerName} (${o.gpu}, ${o.region}, ${o.pricingCategory})`;
      for (const { path, option, used } of sides) {
        if (!used || path == null || option === null) continue;
        const growth = `At ${Number((path.growthMonthly * 100).toPrecision(3))} % demand growth a month`;
        const when = (t: number) =>
          `${addMonths(demandPaths.startMonth, t)} (×${((1 + path.growthMonthly) ** t).toFixed(2)} today's demand)`;
        const moved = path.movedFrom;
        if (moved !== null && moved.month < horizon) {
          const chosen =
            moved.chosenUsd === null
              ? `${label(option.offer)}, chosen today, cannot hold that demand`
              : `${label(option.offer)}, chosen today, would cost ${usd(moved.chosenUsd)}`;
          out.push(
            `${growth}, from ${when(moved.month)} ${label(moved.offer)} costs ${usd(moved.usd)} a month where ${chosen}: the projection moves the workload there from that month — re-plan then.`,
          );
        }
        const from = path.unpricedFrom;
        if (from !== null && from < horizon) {
          out.push(
            `${growth}, ${label(option.offer)} cannot hold the demand from ${when(from)}: ${path.unpricedReason ?? 'its estimate has no price'}. No other offer of that side can either; the projection scales that month's cost from the month before — line up a reservation before then.`,
          );
        }
      }
      return out.length > 0 ? out.join(' ') : null;
    },
  },
  {
    // A marketplace or DePIN host's egress rate is its own ($0–0.06/GiB on Vast): where the offer gives none, the
    // middle is assumed, and on a data-heavy job that assumption can be a third of the bill (a video upscaler's
    // $180 of $560.50 a month on Nosana, whose egress price is unknown).
    id: 'assumed-egress',
    check: (e) => {
      const { recommendation, cloud, depin, cloudOffer, depinOffer } = e;
      const parts: string[] = [];
      // What the month could move by, either way: the assumed egress (the host's range is $0 to twice the
      // assumed rate, so the month lies within ± that egress), summed over the sides named.
      let atStake = 0;
      for (const side of ['cloud', 'depin'] as const) {
        if (!runsOn(recommendation, side)) continue;
        const option = side === 'cloud' ? cloud : depin;
        const offer = side === 'cloud' ? cloudOffer : depinOffer;
        if (option === null || offer === null || offer === undefined || offer.egressUsdPerGiB !== null)
          continue;
        // The hosts' $0–0.06 range is a marketplace's; a cloud's default is its own published tier.
        if (offer.market !== 'marketplace' && offer.market !== 'depin') continue;
        const assumed = EGRESS_DEFAULTS[offer.market];
        const egress = componentUsd(option.cost, 'egress');
        const total = option.cost.monthlyUsd;
        if (assumed.usdPerGiB <= 0 || total === null || !(egress >= ASSUMED_EGRESS_SHARE * total)) continue;
        const high = total + egress * (EGRESS_HOST_RANGE_USD_PER_GIB[1] / assumed.usdPerGiB - 1);
        // The plan's share of that side's month (a hybrid's burst part), as the subsidy's figure is.
        atStake += usdCents(Math.max(egress, high - total) * planShare(e, side));
        parts.push(
          `${usd(egress)} of the ${offer.providerName} option's ${usd(total)} a month (${offer.gpu}, ${offer.region}) is egress at an assumed ${usd(assumed.usdPerGiB)}/GiB (${offer.providerName} publishes no egress price; marketplace hosts charge $0–${EGRESS_HOST_RANGE_USD_PER_GIB[1]}/GiB on Vast): at the host's own rate the month costs between ${usd(total - egress)} and ${usd(high)} — check the hosts' bandwidth price before relying on it.`,
        );
      }
      return parts.length > 0 ? saidIfAny(parts.join(' '), atStake) : null;
    },
  },
  {
    // A GPU cloud the catalog gives no egress price for is priced at the market's $0 default (Lambda's and Nebius's
    // are free; price-facts §4), and the assumed-egress rule above is quiet at $0. A video service sending 80 TiB a
    // month from RunPod read "Data egress 81,920 GiB at $0.00" with no risk naming it: the plan's whole egress rests
    // on an assumption. Named when the egress at the highest GPU-cloud rate on record would be a tenth of the month.
    id: 'assumed-free-egress',
    check: (e) => {
      const { recommendation, cloud, cloudOffer } = e;
      if (!runsOn(recommendation, 'cloud') || cloud === null || cloudOffer == null) return null;
      if (cloudOffer.egressUsdPerGiB !== null || cloudOffer.market !== 'gpu-cloud') return null;
      if (EGRESS_DEFAULTS[cloudOffer.market].usdPerGiB > 0) return null;
      const total = cloud.cost.monthlyUsd;
      let gib = 0;
      for (const c of cloud.cost.components) if (c.name === 'egress') gib += c.quantity;
      const atRate = gib * GPU_CLOUD_EGRESS_CHECK_USD_PER_GIB;
      if (total === null || !(atRate >= ASSUMED_EGRESS_SHARE * total)) return null;
      const name = cloudOffer.providerName;
      return said(
        `${Math.round(gib).toLocaleString('en-US')} GiB a month of egress leave ${name} at an assumed $0/GiB: the catalog gives no egress price for ${name}, and gpufit takes a GPU cloud's as free, as Lambda's and Nebius's are (price-facts §4; a gpufit assumption). At $${GPU_CLOUD_EGRESS_CHECK_USD_PER_GIB}/GiB, the highest GPU-cloud rate on record (RunPod, and CoreWeave above 500 GB, in a third-party table of low confidence; price-facts §4), this egress would add ${usd(atRate)} to the ${usd(total)} month — confirm ${name}'s bandwidth terms before relying on the figure.`,
        usdCents(atRate * planShare(e, 'cloud')),
      );
    },
  },
  {
    // An option the plan takes (a hybrid takes both); the one it does not take is said after its own terms.
    id: 'stale-price',
    check: (e) => stalePrice(e, true),
  },
  // A risk of the decentralized option alone: the plan's when it runs there, the untaken option's (`-unused`: under
  // its workload only, left out of the summary's top risks) when it stays on cloud.
  ...decentralizedOnly('interruptions', reworkSaid),
  {
    // The same risk for a workload that stays on cloud: it concerns the option not taken, so the cloud option's
    // own terms come first (an image API on Massed Compute had the unused Vast fleet as its top risk).
    id: 'fleet-beyond-listings-unused',
    check: (e) => (e.recommendation === 'cloud' ? fleetBeyondListings(e) : null),
  },
  ...decentralizedOnly('redundancy', decentralizedSpares),
  {
    // The same for the option the plan does not take: only the comparison rests on its price (a consumer image API
    // on RunPod led its top risks with "Priced from Nosana as of …", read as its own price).
    id: 'stale-price-unused',
    check: (e) => stalePrice(e, false),
  },
  {
    // The option is not taken: its emissions ending costs the plan nothing, so no figure is at stake.
    id: 'subsidized-price-unused',
    check: (e) => (e.recommendation === 'cloud' ? subsidizedPrice(e, false) : null),
  },
  {
    id: 'token-denominated-unused',
    check: (e) => (e.recommendation === 'cloud' ? tokenDenominated(e, false) : null),
  },
  // The risks of the cloud option alone for a plan wholly on DePIN (and far-from-users, gpu-substituted of the
  // decentralized option alone for a plan wholly on cloud): the option not taken, after the plan's own terms.
  ...cloudUnused('unreserved-cloud-fleet', unreservedCloudFleet),
  { id: 'far-from-users-unused', check: (e) => farFromUsers(e, true) },
  { id: 'gpu-substituted-unused', check: (e) => gpuSubstituted(e, true) },
  ...cloudUnused('booked-by-the-day', bookedByTheDay),
  ...decentralizedOnly('data-on-community-hosts', ({ depin, profile }) =>
    depin && DATA_SENSITIVITIES.indexOf(profile.dataSensitivity) >= DATA_SENSITIVITIES.indexOf('confidential')
      ? `${profile.dataSensitivity} data would run on third-party hosts that can read what they process; encrypt, or keep this part on cloud.`
      : null,
  ),
  ...decentralizedOnly('starting-at-price', ({ depinOffer }) =>
    depinOffer && /starting at|lowest|below this cap|price cap/i.test(depinOffer.notes)
      ? `The decentralized price is a listed "starting at", lowest or capped figure, not a typical one; real bids can be higher (a refreshed catalog from \`gpufit import\` prices the median).`
      : null,
  ),
  {
    id: 'uncertain-saving',
    check: ({ distribution }) =>
      distribution && distribution.pDepinCheaper > 0 && distribution.pDepinCheaper < 0.8
        ? `DePIN is cheaper in only ${pct(distribution.pDepinCheaper)} of simulated futures.`
        : null,
  },
  {
    // Said only when the hosted API would have been clearly cheaper (the same margin as hosted-api-cheaper): a hosted
    // price above renting is no reason to mention what the workload's requirements rule out.
    id: 'hosted-api-not-counted',
    check: (e) =>
      e.hostedApi?.status === 'not-counted' && hostedApiClearlyCheaper(e.hostedApi)
        ? // Not counted: the workload's requirements rule the hosted API out, so no saving is at stake (a
          // SOC 2 agent read "$16,969.92 a month at stake" for a provider with no certification on record).
          hostedApiNotCounted(e, e.hostedApi)
        : null,
  },
];

/** "$0.13 per 1M input and $0.40 per 1M output tokens", or one price when both are the same. */
function perMillion(r: { usdPerMillionInputTokens: number; usdPerMillionOutputTokens: number }): string {
  // Cents as cents ($0.40, not $0.4); a price below a cent keeps its digits ($0.055).
  const price = (x: number) =>
    `$${Number.isInteger(Math.round(x * 1e6) / 1e4) ? x.toFixed(2) : String(round3(x))}`;
  return r.usdPerMillionInputTokens === r.usdPerMillionOutputTokens
    ? `${price(r.usdPerMillionInputTokens)} per 1M tokens, input and output alike`
    : `${price(r.usdPerMillionInputTokens)} per 1M input and ${price(r.usdPerMillionOutputTokens)} per 1M output tokens`;
}

/**
 * The share of the billed GPU-hours' measured capacity below which a stated volume is named as a risk (gpufit
 * assumption: serving at low concurrency runs below a benchmark's batched rate, so a share under a quarter is more
 * than that gap explains).
 */
export const LOW_CAPACITY_SHARE = 0.25;

/** An assumed egress price is named when its egress is at least this share of the option's month (gpufit assumption). */
export const ASSUMED_EGRESS_SHARE = 0.1;
/**
 * The highest egress price on record for a GPU cloud that publishes none in the catalog, USD per GB taken per GiB:
 * RunPod $0.05/GB and CoreWeave $0.05/GB after 500 GB in a third-party table that contradicts Lambda's own docs
 * (promptcost.org, Apr 2026; price-facts §4, "low-confidence") — the check's rate, not a price gpufit charges.
 */
export const GPU_CLOUD_EGRESS_CHECK_USD_PER_GIB = 0.05;
/** Marketplace hosts' own egress prices, USD per GiB (Vast: host-specific $0–0.06; price-facts §4). */
const EGRESS_HOST_RANGE_USD_PER_GIB = [0, 0.06] as const;

/** 3 significant digits with thousands separators: "8,690", "1,730", "0.0125". */
const num3 = (x: number): string => round3(x).toLocaleString('en-US', { maximumFractionDigits: 20 });

const UNIT_WORDS = { tokens: 'tokens', images: 'images', 'audio-hours': 'audio hours' } as const;

/**
 * What both volume rules read: the stated volume with its capacity share, the recommended option's measured figure
 * and billed GPU-hours, and the volume in words ("1.2 billion tokens", "1,500,000 images"); null without a stated
 * volume measured against a single recommended option (a hybrid's two sides have no one capacity).
 */
function statedVolume({ unitCost, recommendation, cloud, depin }: RiskEvidence) {
  const stated = unitCost?.atStatedVolume;
  if (unitCost === undefined || stated === undefined || stated.capacityShare === null) return null;
  if (recommendation === 'hybrid') return null;
  const option = recommendation === 'cloud' ? cloud : depin;
  const figure = unitCost.figures.find((f) => f.side === recommendation);
  const billed = option?.cost.billedGpuHoursPerMonth ?? null;
  if (option == null || figure === undefined || billed === null) return null;
  const volume =
    unitCost.unit === 'tokens'
      ? `${tokens(stated.outputPerMonth)} tokens`
      : `${num3(stated.outputPerMonth)} ${UNIT_WORDS[unitCost.unit]}`;
  return { stated, share: stated.capacityShare, unit: unitCost.unit, figure, billed, volume };
}

/**
 * A workload whose stated output (`outputPerMonth`) fills less than `LOW_CAPACITY_SHARE` of what its recommended
 * option's billed GPU-hours could output at the measured rate: the GPU-hours the demand states are priced, and at the
 * measured rate the volume fills outputPerMonth ÷ (units per GPU-second × 3600) GPU-hours of them.
 */
function volumeBelowCapacity(e: RiskEvidence): RiskSaid | null {
  const v = statedVolume(e);
  if (v === null || !(v.share < LOW_CAPACITY_SHARE)) return null;
  const { stated, share, unit, figure, billed, volume } = v;
  const profile = e.profile;
  const fills = stated.outputPerMonth / (figure.unitsPerGpuSecond * 3600);
  const serving = workloadKinds[profile.kind].pattern === 'serving';
  // At stake for a batch or training job: the share of the month the volume does not fill, at most (the month ×
  // (1 − the share printed); a benchmark's rate is an upper bound). A service keeps its always-up replicas whatever
  // its volume, and the rule does not know how many GPU-hours those leave to cut: no figure.
  const text = `The stated output, ${volume} a month, is ${(share * 100).toFixed(1)} % of what the ${num3(billed)} GPU-hours this option bills could output at the measured rate (${rateSaid(unit, figure)}${figure.convertedFrom === undefined ? ',' : ':'} ${figure.benchmark} ${figure.scenario}): at that rate it fills about ${num3(fills)} GPU-hours a month. The plan prices the demand stated in GPU-hours (${usd(stated.monthlyUsd)} a month). If the volume is the true demand, state fewer GPU-hours${serving ? ' (a service still keeps its always-up replicas)' : ''}; serving at low concurrency runs below a benchmark's rate, so the real need lies between the two figures.`;
  return serving ? { text, usdPerMonth: null } : said(text, stated.monthlyUsd * (1 - share));
}

/**
 * The measured rate a volume check rests on, said once as what it is: a benchmark system's best case, not this
 * workload's serving (MLPerf results come from tuned systems, most of them 8-GPU servers).
 */
function measuredRateText(unit: UnitCost['unit'], f: UnitCost['figures'][number]): string {
  const source =
    f.scenario === 'vLLM serving'
      ? `${f.benchmark}, a vLLM serving benchmark's rate`
      : `${f.benchmark} ${f.scenario}, MLPerf's rate on a tuned benchmark system`;
  return `${rateSaid(unit, f)}: ${source}, a ceiling this workload will not beat`;
}

/**
 * A volume check's rate per GPU, and, where it was carried to this GPU by a throughput ratio, the GPU it was measured
 * on and the ratio: the priced GPU may have no result on the benchmark at all (the A100-80GB has no MLPerf llama2-70b
 * result; its token rate is the H100's × 0.452), so the rate is never said as measured on it. Both volume rules say it.
 */
function rateSaid(unit: UnitCost['unit'], f: UnitCost['figures'][number]): string {
  const rate = `${num3(f.unitsPerGpuSecond)} ${UNIT_WORDS[unit]} a second per ${f.gpu}`;
  const from = f.convertedFrom;
  return from === undefined
    ? rate
    : `${rate}, converted from the ${from.gpu}'s measured ${num3(f.unitsPerGpuSecond / from.ratio)} at ${Number(from.ratio.toPrecision(3))}×`;
}

/**
 * A workload whose stated output (`outputPerMonth`) is more than its recommended option's billed GPU-hours could
 * output at the measured rate: at that rate the volume needs capacityShare × billed GPU-hours, and the rate is a
 * benchmark's best case, so the GPU-hours the plan prices are too few by at least (share − 1) × billed. At stake: those
 * GPU-hours at the option's list price, the least the volume adds to the month (gpufit keeps pricing the stated
 * GPU-hours: which of the two statements is wrong only the user knows; docs/methodology.md, "Cost per unit of output").
 */
function volumeAboveCapacity(e: RiskEvidence): RiskSaid | null {
  const v = statedVolume(e);
  if (v === null || !(v.share > 1)) return null;
  const { stated, share, unit, figure, billed, volume } = v;
  const needs = stated.outputPerMonth / (figure.unitsPerGpuSecond * 3600);
  const more = needs - billed;
  const atStake = usdCents(more * figure.usdPerGpuHour);
  // Less than a cent over: nothing a plan would change for.
  if (!(atStake > 0)) return null;
  const factor = Number(share.toPrecision(3));
  const text = `The stated output, ${volume} a month, is ${(share * 100).toFixed(1)} % of what the ${hours2(billed)} GPU-hours this option bills could output at the measured rate (${measuredRateText(unit, figure)}): even at that rate it needs about ${hours2(needs)} GPU-hours a month, ${hours2(more)} more, at least ${usd(atStake)} a month more at ${listRate(figure.usdPerGpuHour)}/GPU-hour. The plan prices the demand stated in GPU-hours (${usd(stated.monthlyUsd)} a month). If the volume is the true demand, state at least ${factor}× the GPU-hours (more jobs, longer jobs or more GPU-hours a month); if the GPU-hours are right, state the volume they produce.`;
  return said(text, atStake);
}

/** GPU-hours to the hundredth, so a figure priced from them checks against the rate: "62.33", "1,204.5". */
const hours2 = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A list price per GPU-hour as the options table shows it: "$1.6572", or to the cent when it is whole cents ("$0.88"). */
function listRate(x: number): string {
  return usdCents(x) === x ? usd(x) : `$${Number(x.toFixed(4))}`;
}

/**
 * What a slower GPU does to a served request's p99 budget (slowerGpuLatency.ts), or null when it is not slower: a
 * token generator's decode by the bandwidth ratio with its prefill beside it — the slower of the measured ratio and
 * datasheet dense BF16 compute (a batched output-token ratio does not bound a prefill: an fp8 70B moved H100 →
 * A100-80GB read "nearer 2.21×" where dense compute alone says 3.17×, and A100 has no fp8 to add) — else the
 * throughput ratio.
 */
function latencySaid(
  profile: WorkloadProfile,
  t: ThroughputBasis,
  budget: number,
  generatesTokens: boolean,
  { memoryBandwidthGBps, denseTflops }: Pick<RiskEvidence, 'memoryBandwidthGBps' | 'denseTflops'>,
): string | null {
  const demandBw = memoryBandwidthGBps?.(t.demandGpu) ?? null;
  const offerBw = memoryBandwidthGBps?.(t.offerGpu) ?? null;
  const by = latencyRatio(generatesTokens, t.ratio, demandBw, offerBw);
  const slow = slowerGpuLatency(budget, by);
  // The prefill's ratio beside the decode's (null when neither is slower).
  const demandTf = denseTflops?.(t.demandGpu) ?? null;
  const offerTf = denseTflops?.(t.offerGpu) ?? null;
  const computeRatio = demandTf !== null && offerTf !== null && demandTf > 0 ? offerTf / demandTf : null;
  const byCompute = computeRatio !== null && computeRatio < t.ratio;
  const prefill =
    by.basis === 'memory-bandwidth'
      ? slowerGpuLatency(budget, { ratio: byCompute ? computeRatio : t.ratio, basis: 'throughput' })
      : null;
  const prefillBasis = byCompute
    ? `by datasheet dense BF16 compute (${groupThousands(String(offerTf))} against ${groupThousands(String(demandTf))} TFLOPS; the measured throughput ratio says ${round3(1 / t.ratio)}×)`
    : 'by the throughput ratio';
  if (slow === null && prefill === null) return null;
  const budgetText = `the p99 budget of ${msText(budget)}${assumedMark(profile, 'p99LatencyMs')}`;
  const measure = `measure it on ${t.offerGpu} before moving the service.`;
  const lead = 'That ratio is throughput, not latency:';
  if (by.basis === 'memory-bandwidth') {
    const bandwidths = `${groupThousands(String(offerBw))} against ${groupThousands(String(demandBw))} GB/s, datasheet peaks`;
    const prefillText =
      prefill === null
        ? `reading a long input (prefill) is bound by compute, not slower there by the throughput ratio (${round3(t.ratio)}×)`
        : `a prefill-heavy request (long inputs) is bound by compute instead and takes at least about ${round3(prefill.stretch)}× ${prefillBasis}, so its p99 on ${t.demandGpu} must then be about ${msText(prefill.maxDemandP99Ms)} or less`;
    return slow === null
      ? `${lead} each output token (decode) at low batch is bound by memory bandwidth, which is not lower on ${t.offerGpu} (${bandwidths}); but a prefill-heavy request (long inputs) is bound by compute and takes at least about ${round3(prefill!.stretch)}× as long ${prefillBasis}, so ${budgetText} holds for such requests only if their p99 on ${t.demandGpu} is about ${msText(prefill!.maxDemandP99Ms)} or less — ${measure}`
      : `${lead} each output token (decode) at low batch is bound by memory bandwidth, and by the bandwidth ratio (${bandwidths}) a request's decode takes about ${round3(slow.stretch)}× as long on ${t.offerGpu} as on ${t.demandGpu}, so ${budgetText} holds there for short inputs only if a request's p99 on ${t.demandGpu} is about ${msText(slow.maxDemandP99Ms)} or less; ${prefillText} — ${measure}`;
  }
  const holds = `so ${budgetText} holds there only if a request's p99 on ${t.demandGpu} is about ${msText(slow!.maxDemandP99Ms)} or less — ${measure}`;
  const takes = `takes about ${round3(slow!.stretch)}× as long on ${t.offerGpu} as on ${t.demandGpu}`;
  return generatesTokens
    ? `${lead} generating tokens at low batch is bound by memory bandwidth, which is not on record for ${demandBw === null ? t.demandGpu : t.offerGpu}, and by the throughput ratio instead a request ${takes} at the same batch, ${holds}`
    : `${lead} a request bound by the GPU's compute (${profile.task === 'image-generation' || profile.outputUnit === 'images' ? 'a diffusion step' : 'work other than token generation'}) ${takes} at the same batch by the throughput ratio, ${holds}`;
}

/** A token count in words: "1.2 billion", "40 million", "900,000". */
function tokens(n: number): string {
  if (n >= 1e9) return `${round3(n / 1e9)} billion`;
  if (n >= 1e6) return `${round3(n / 1e6)} million`;
  return Math.round(n).toLocaleString('en-US');
}

/** The start of both hosted API sentences: the price and its source, the month's tokens, what they cost there and here. */
function hostedApiFigures(e: RiskEvidence, h: HostedApiComparison): string {
  const { row } = h;
  const served =
    row.precision !== null && row.precision.toLowerCase() !== e.profile.precision
      ? `, served at ${row.precision}; this workload runs ${e.profile.precision}`
      : '';
  const input = h.inputAssumed
    ? `with ${tokens(h.inputTokensPerMonth)} input tokens assumed (${INPUT_TOKENS_PER_OUTPUT_TOKEN} per output token; set inputTokensPerMonth for yours)`
    : `with ${tokens(h.inputTokensPerMonth)} input tokens`;
  const option = e.recommendation === 'depin' ? e.depin : e.recommendation === 'hybrid' ? null : e.cloud;
  const placement =
    option == null
      ? 'the recommended plan'
      : `the recommended ${option.offer.gpu} GPUs (${option.offer.providerName})`;
  return `A hosted API sells ${e.profile.model} at ${perMillion(row)} (${row.providerName}, ${row.servedModel}${served}; as of ${row.asOf}, datasets/hosted-api-prices.csv): this workload's ${tokens(h.outputTokensPerMonth)} output tokens a month, ${input}, would cost about ${usd(h.hostedMonthlyUsd)} there against ${usd(h.rentedMonthlyUsd)} on ${placement}`;
}

/**
 * What the hosted API would save a month: the plan's month less the hosted month, as the sentence prints them (each
 * to the cent, so the figure is their difference exactly).
 */
function hostedApiSaving(h: HostedApiComparison): number {
  return usdCents(usdCents(h.rentedMonthlyUsd) - usdCents(h.hostedMonthlyUsd));
}

/** The hosted API sentence: its price and source, the month's tokens, what they cost there and on the plan, and the
 * provider's terms it is counted under. */
function hostedApiCheaper(e: RiskEvidence, h: HostedApiCompared): string {
  const under =
    h.admissions.length === 0
      ? ''
      : ` It is counted for this workload on ${h.row.providerName}'s own statements (datasets/hosted-api-terms.csv): ${andList(h.admissions.map(admissionText), '; ')}.`;
  return `${hostedApiFigures(e, h)}.${under} Unless the weights are custom, the data may not leave your infrastructure, or you need guaranteed capacity (serverless APIs are rate-limited), compare it before renting GPUs.`;
}

/** A requirement's label: HIPAA is met by a BAA, which the sentence says. */
const requirementLabel = (c: string): string => (c === 'hipaa' ? 'hipaa (a BAA)' : c);

/** "by default", "on request — <the step>", "on an enterprise contract — <the step>", with the source and date. */
function basisText(t: HostedApiTermRow): string {
  const when =
    t.basis === 'default'
      ? t.condition === ''
        ? 'by default'
        : `by default, except that ${t.condition}`
      : `${t.basis === 'on-request' ? 'only on request' : 'only on an enterprise contract'}: ${t.condition}`;
  return `${when} (${t.source}, ${t.asOf})`;
}

/** One requirement the hosted API is counted for, the term that meets it and when that term holds. */
function admissionText(a: HostedApiAdmission): string {
  const { requirement: r, term } = a;
  if (r === 'confidential') return `its confidential data under zero data retention ${basisText(term)}`;
  if (r === 'regulated') return `its regulated data under a BAA ${basisText(term)}`;
  if (r === 'residency') return `its residency, serving from ${term.places.join(', ')} ${basisText(term)}`;
  return `${requirementLabel(r)} ${basisText(term)}`;
}

/**
 * Each blocker worded twice: why the provider's hosted API is not counted, and what a provider would need for it to
 * count. Only confidential or regulated data is said to be processed on the provider's servers: internal data goes to
 * a GPU cloud's servers as well, and what decides is what is on record.
 */
const hostedApiBlockerText: {
  readonly [C in HostedApiBlocker['code']]: {
    readonly reason: (b: Extract<HostedApiBlocker, { code: C }>) => string;
    readonly provider: (b: Extract<HostedApiBlocker, { code: C }>) => string;
  };
} = {
  certifications: {
    reason: (b) =>
      `the workload requires ${b.missing.map(requirementLabel).join(', ')} and no statement of ${b.providerName} that it holds ${b.missing.length === 1 ? 'it' : 'them'} is on record (datasets/hosted-api-terms.csv)`,
    provider: (b) => (b.missing.length === 1 ? 'holds that certification' : 'holds those certifications'),
  },
  'data-agreement': {
    reason: (b) =>
      `its data is ${b.dataSensitivity}, which a hosted API processes on the provider's servers, and ${b.dataSensitivity === 'confidential' ? 'no zero-data-retention term' : 'no BAA'} of ${b.providerName} is on record (datasets/hosted-api-terms.csv)`,
    provider: (b) =>
      b.dataSensitivity === 'confidential'
        ? 'keeps no prompts or outputs (zero data retention)'
        : 'signs a BAA with you',
  },
  residency: {
    reason: (b) =>
      `its data must stay in ${b.places.join(', ')} and ${
        b.stated === null
          ? `${b.providerName} states no region for its serverless API`
          : b.stated.includes(GLOBAL_SERVING)
            ? `${b.providerName} states its serverless requests are routed globally, with no geographic constraint`
            : `${b.providerName} states it serves from ${b.stated.join(', ')}`
      }`,
    provider: (b) => `keeps the data in ${b.places.join(', ')}`,
  },
};

const blockerReason = <B extends HostedApiBlocker>(b: B): string =>
  (hostedApiBlockerText[b.code].reason as (x: B) => string)(b);
const blockerProvider = <B extends HostedApiBlocker>(b: B): string =>
  (hostedApiBlockerText[b.code].provider as (x: B) => string)(b);

/** The parts joined by `sep`, the last after "and": "a", "a; and b", "a; b; and c" for "; ". */
function andList(parts: readonly string[], sep: string): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(sep)}${sep}and ${parts.at(-1)}`;
}

/**
 * The hosted API that would have been clearly cheaper but is not counted: its figures, every reason in the
 * blockers' order, and how to count it (a price row for a provider that meets them).
 */
function hostedApiNotCounted(e: RiskEvidence, h: HostedApiNotCounted): string {
  const reasons = h.blockers.map(blockerReason);
  const provider = h.blockers.map(blockerProvider);
  return `${hostedApiFigures(e, h)}, but it is not counted: ${andList(reasons, '; ')}. If a provider that ${joinWithAnd(provider)} sells this model, add its price to datasets/hosted-api-prices.csv and its statement to datasets/hosted-api-terms.csv to compare it.`;
}

/**
 * A decentralized option that holds more GPUs at once than the catalog shows its provider offering: pricing's
 * `gpusCountedPerPlace` a listing (one standard GPU server's worth, or one instance when larger: what gpufit
 * counts on without evidence, as it does for spot per zone) summed over every place the catalog lists that
 * configuration (`listedPlaces`). A text-to-video API was priced on 104 one-GPU Vast L40S machines from one
 * listing in Taichung.
 */
function fleetBeyondListings({ depin, depinListings: listings }: RiskEvidence): string | null {
  const n = depin?.cost.instances;
  if (depin == null || n == null || listings == null) return null;
  const o = depin.offer;
  const per = depin.cost.gpusPerInstance ?? o.gpusPerInstance;
  if (n * per <= listings.length * gpusCountedPerPlace(per)) return null;
  const count = listings.length === 1 ? '1 listing' : `${listings.length} listings`;
  const where = listings.length <= 3 ? listings.join(', ') : `${listings.slice(0, 3).join(', ')} …`;
  return `The decentralized option holds up to ${n} machines of ${per} × ${o.gpu} at once on ${o.providerName}, but the catalog has ${count} of that configuration (${where}): a listing shows it is offered, not how many machines are free. gpufit prices the whole fleet at the listed price; check the live count before relying on it, and expect a fleet this size to spread over hosts and regions, at higher prices as the cheapest are taken.`;
}

/**
 * What a spot price in the catalog is, by the zones it was read over (`zonesWithSpot`): the median over the zones
 * that list one is the typical price, but a region listing one zone has no median, only that zone's price (AWS
 * p5en.48xlarge in us-west-1 lists spot in usw1-az3 alone), and an offer without zone counts (Azure's per-region
 * spot, a GPU cloud's own spot list) is its listed price. The minimum over zones is a biased price (the reference
 * README, spot-by-zone.csv), so none is called typical without more than one zone behind it.
 */
export function spotPriceBasis(zones: number | null): string {
  if (zones == null || zones < 1) return 'its listed spot price';
  if (zones === 1)
    return 'the spot price of the one zone listed in its region (one zone, so not a median over zones)';
  return `its typical spot price (the median over the ${zones} zones that list one)`;
}

/** A sentence with the USD a month it puts at stake, to the cent (the figure `usd` prints). */
function said(text: string, usdPerMonth: number): RiskSaid {
  return { text, usdPerMonth: usdCents(usdPerMonth) };
}

/**
 * The clause a requirement's alternative carries when its GPU runs the workload's precision weight-only (fp8 on
 * Ampere): no offer that runs it natively was cheap enough to name, so the sentence says so, and what the throughput
 * conversion charges for it. Empty when the GPU runs the precision natively.
 */
function weightOnlySaid(
  profile: WorkloadProfile,
  option: PricedOption,
  generation: string | null | undefined,
): string {
  if (generation == null) return '';
  const gpu = option.offer.gpu;
  const t = option.cost.throughput;
  const rate =
    t == null || t.basis === 'same'
      ? ''
      : t.basis === 'measured'
        ? `, priced at its measured ${roughRatio(t.ratio)}× a ${t.demandGpu} hour's work (${roughRatio(1 / t.ratio)}× the GPU-hours for the same demand)`
        : `, priced with no speed-up over ${t.demandGpu} credited (no measured ratio)`;
  return `. No offer that runs ${profile.precision} natively is that much cheaper: ${gpu} (${generation}) runs ${profile.precision} weight-only (the weights held at ${profile.precision}, the arithmetic at 16 bits)${rate}`;
}

function roughRatio(x: number): string {
  return x.toFixed(2);
}

/** " at $0.88/GPU-hour", or nothing for an offer priced otherwise. */
function perGpuHour(o: Pick<Offer, 'usdPerGpuHour'>): string {
  return o.usdPerGpuHour === null ? '' : ` at ${usd(o.usdPerGpuHour)}/GPU-hour`;
}

/**
 * An option a requirement rules out, as its risk names it: "Scaleway 1 × 2 H100 in paris-france-1 (on-demand) at
 * $3.30/GPU-hour".
 */
function namedOption({ offer: o, cost }: PricedOption): string {
  const shape = cost.instances == null ? o.gpu : `${cost.instances} × ${o.gpusPerInstance} ${o.gpu}`;
  return `${o.providerName} ${shape} in ${o.region} (${o.bookedAhead === undefined ? PRICING_CATEGORY_REGISTRY[o.pricingCategory].label : 'capacity block'})${perGpuHour(o)}`;
}

/** What naming a GPU keeps the cloud side to, under the workload's GPU policy. */
function namedKeeps(named: string, gpuPolicy: GpuPolicy | undefined): string {
  return gpuPolicy === 'exact'
    ? `to ${named} itself (gpuPolicy exact)`
    : `to ${named} and the GPUs a published benchmark measures against it for this kind of work (gpuPolicy measured)`;
}

/**
 * What a named GPU costs when the cheapest GPU under gpuPolicy any is slower than it by its datasheet alone (`slower`,
 * at `slowerRatio`, not named for it): the cheapest GPU not slower by its datasheet, priced at the named GPU's speed —
 * an upper bound, since no speed-up is credited — and, when it is of a newer architecture, that newer GPUs price the
 * work lower (no end of life or end of sale is said: gpufit's reference holds no vendor date).
 */
function notSlowerGpuSaid(e: RiskEvidence, slowerRatio: number, slower: PricedOption): RiskSaid | null {
  const { profile, cloud, cloudWithNotSlowerGpu: alt, gpuPolicy } = e;
  const asIs = cloud?.cost.monthlyUsd;
  const other = alt?.cost.monthlyUsd;
  const named = profile.gpuType;
  if (asIs == null || other == null || alt == null || named === null) return null;
  const saving = asIs - other;
  if (!savesEnough(saving, asIs)) return null;
  const gpu = alt.offer.gpu;
  const figure = (
    f: ((g: string) => number | null) | undefined,
    unit: string,
    what: string,
  ): string | null => {
    const a = f?.(named) ?? null;
    const b = f?.(gpu) ?? null;
    return a === null || b === null
      ? null
      : `${what} ${groupThousands(String(b))} against ${groupThousands(String(a))} ${unit}`;
  };
  const datasheet = [
    figure(e.memoryBandwidthGBps, 'GB/s', 'memory bandwidth'),
    figure(e.denseTflops, 'TFLOPS', 'dense FP16/BF16'),
  ].filter((x) => x !== null);
  const sheet = datasheet.length === 0 ? '' : ` (${datasheet.join(', ')})`;
  const namedGen = e.gpuGeneration?.(named) ?? null;
  const altGen = e.gpuGeneration?.(gpu) ?? null;
  const newer =
    namedGen !== null && altGen !== null && newerGeneration(altGen, namedGen)
      ? ` The ${named} is of NVIDIA's ${namedGen} generation; a newer GPU (${gpu}, ${altGen}) prices this work at ${usd(other)} a month against ${usd(asIs)}.`
      : '';
  return requirementSaid(
    e,
    `Naming ${named} keeps the cloud side ${namedKeeps(named, gpuPolicy)}. The cheapest GPU under gpuPolicy any, ${slower.offer.gpu}, is slower than the ${named} by its datasheet alone (${round3(slowerRatio)}×), no figure to move a workload on; ${namedOption(alt)}, a GPU not slower than the ${named} by its datasheet${sheet}, would cost ${usd(other)} a month, ${usd(saving)} less, priced at the ${named}'s own speed (no speed-up credited for the faster GPU), so the figure is an upper bound for it.${newer} If your model runs on ${gpu}, set gpuType ${gpu} on this workload and analyze again.${regionUnconfirmedSaid(e, alt.offer)}`,
    saving,
    other,
  );
}

/**
 * What a risk adds when the cheaper option it names is a row of a catalog that lists every region of its provider for
 * every instance type (`regionListing` every-region): the row prices the type, not its presence there. An Indian
 * voice agent's top risk read "Lambda GH200 in asia-south-1 … $8,610.21 less" for data that must stay in India, from
 * SkyPilot's Lambda catalog ("live availability not encoded"), with no word that the region may not offer a GH200;
 * the region-not-confirmed rule said so only of an option the plan uses. (Such a row is now refused outright for data
 * that must stay in a place: `region-unconfirmed`.) Empty for any other row.
 */
function regionUnconfirmedSaid(e: RiskEvidence, o: OfferRef): string {
  if (e.everyRegionListed?.(o.id) !== true) return '';
  return ` That ${o.providerName} row (${o.instanceType ?? o.gpu} in ${o.region}) comes from a catalog that lists every region of the provider for every instance type (live availability not encoded): it does not say the type is offered there; check with ${o.providerName} before counting on the figure.`;
}

/** A sentence with a figure only when the figure is positive: nothing is at stake otherwise. */
function saidIfAny(text: string, usdPerMonth: number): RiskSaid {
  return usdPerMonth > 0 ? said(text, usdPerMonth) : { text, usdPerMonth: null };
}

/**
 * A rule that speaks of the decentralized option alone, as two: `id` for a plan that runs there (or whose plan is
 * not known), `id-unused` for one that stays on cloud — a risk of the option not taken, said under its workload and
 * left out of the summary's top risks (report's `riskCandidates`; an all-RunPod studio plan's top risks were
 * sentences about Nosana options it does not use).
 */
function decentralizedOnly(id: string, check: RiskRule['check']): readonly RiskRule[] {
  return [
    { id, check: (e) => (e.recommendation === 'cloud' ? null : check(e)) },
    { id: `${id}-unused`, check: (e) => (e.recommendation === 'cloud' ? check(e) : null) },
  ];
}

/**
 * A rule that speaks of the cloud option alone: `id` for a plan that runs there (or whose plan is not known); its
 * `id-unused` twin (`cloudUnused`, listed late) for one wholly on DePIN — a risk of the option not taken, said under
 * its workload and left out of the summary's top risks, as `decentralizedOnly`'s are. A hybrid takes both options.
 */
function cloudOnly(id: string, check: CloudOnlyCheck): readonly RiskRule[] {
  return [{ id, check: (e) => (e.recommendation === 'depin' ? null : check(e, '')) }];
}

/** The `-unused` twin of a `cloudOnly` rule, listed late in `riskRules` with the same check. */
function cloudUnused(id: string, check: CloudOnlyCheck): readonly RiskRule[] {
  return [{ id: `${id}-unused`, check: (e) => (e.recommendation === 'depin' ? check(e, UNTAKEN) : null) }];
}

/**
 * The option a sentence names alone when the plan does not take it: `cloud` for a plan wholly on DePIN that names
 * only the cloud option, `decentralized` for a plan wholly on cloud that names only the decentralized one; otherwise
 * (both named, a hybrid, no plan known) `null`, and the sentence is the plan's.
 */
function untakenSide(
  recommendation: Recommendation | null | undefined,
  namesCloud: boolean,
  namesDepin: boolean,
): 'cloud' | 'decentralized' | null {
  if (recommendation === 'depin' && namesCloud && !namesDepin) return 'cloud';
  if (recommendation === 'cloud' && namesDepin && !namesCloud) return 'decentralized';
  return null;
}

function gpuSubstituted(e: RiskEvidence, unused: boolean): string | null {
  const { cloud, depin, profile } = e;
  const out: string[] = [];
  // With no gpuType the demand's GPU is the unit its hours are read in, and any GPU may run it (methodology §2).
  const why = profile.gpuType === null ? 'no gpuType is named' : 'gpuPolicy any';
  // A service under a p99 budget moved to a slower GPU: the ratio prices its throughput, not its latency (an
  // 8 s Flux API stated on H100 was placed on 41 L40S at 0.323× with no word on the budget). Once per GPU.
  const budget = workloadKinds[profile.kind].pattern === 'serving' ? profile.p99LatencyMs : null;
  // A text generator's output tokens are its decode, bound by memory bandwidth at low batch (slowerGpuLatency.ts):
  // a 70B at fp8 moved H100 → A100-80GB read 2.21× (the measured serving ratio) where its decode takes 1.64×. Its
  // prefill (reading the input) is compute-bound: for long inputs the throughput ratio is the bound, said beside.
  const generatesTokens =
    profile.task === 'text-generation' || (profile.task === null && profile.outputUnit === 'tokens');
  const stretched = new Set<string>();
  // Both options on the same conversion (GPU pair, ratio, source) are said once, naming both providers: the
  // citation and its precision clause had been printed twice in a row.
  // Of the option the plan does not take alone (the cloud option for a plan wholly on DePIN, the decentralized one
  // for a plan wholly on cloud): said only by the `-unused` rule (`unused`), the option named as such.
  const substituted = (o: PricedOption | null) =>
    o != null && !!o.cost.throughput && o.cost.throughput.basis !== 'same';
  const untaken = untakenSide(e.recommendation, substituted(cloud), substituted(depin));
  if ((untaken !== null) !== unused) return null;
  let said: { key: string; at: number; provider: string } | null = null;
  for (const o of [cloud, depin]) {
    const t = o?.cost.throughput;
    if (!t || t.basis === 'same') continue;
    const key = [t.offerGpu, t.demandGpu, t.ratio, t.basis, t.source, t.precisionNote ?? ''].join('\u0000');
    const sentence = (who: string, verb: string) =>
      t.basis === 'measured'
        ? `${who} ${verb} priced on ${t.offerGpu} instead of ${t.demandGpu}, at a measured ${round3(t.ratio)}× (${t.source}); your own benchmark may differ.${t.precisionNote === undefined ? '' : ` ${t.precisionNote.replace(/^precision: the /, 'The ')}.`}`
        : `${who} ${verb} priced on ${t.offerGpu} instead of ${t.demandGpu} with no benchmark for the pair (${why}): no speed-up is credited${t.ratio < 1 ? `, and a datasheet slow-down to ${round3(t.ratio)}× is charged` : ''}.`;
    if (said !== null && said.key === key && said.provider !== o!.offer.providerName)
      out[said.at] = sentence(`${said.provider} and ${o!.offer.providerName}`, 'are');
    else if (said === null || said.key !== key) {
      said = { key, at: out.length, provider: o!.offer.providerName };
      out.push(
        sentence(
          untaken !== null
            ? `The ${untaken} option (${o!.offer.providerName})${UNTAKEN}`
            : o!.offer.providerName,
          'is',
        ),
      );
    }
    if (budget === null || stretched.has(t.offerGpu)) continue;
    const latency = latencySaid(profile, t, budget, generatesTokens, e);
    if (latency === null) continue;
    stretched.add(t.offerGpu);
    out.push(latency);
  }
  return out.length > 0 ? out.join(' ') : null;
}

function farFromUsers(e: RiskEvidence, unused: boolean): string | null {
  const { profile, fit, cloud, depin, latencyCriticalMs } = e;
  const users = profile.usersRegion;
  if (users === null || users === GLOBAL_PLACE || profile.p99LatencyMs === null) return null;
  // Latency-sensitive as the fit judged it: its latency factor favours the cloud side (a p99 budget below the
  // framework's tolerantMs, 10 s by default), so an override of that factor moves this rule with it.
  if (!fit.reasons.some((r) => r.factor === 'latency' && r.cloud > 0)) return null;
  const options = [
    ['cloud', cloud],
    ['decentralized', depin],
  ] as const;
  const ms = profile.p99LatencyMs;
  // An offer with no known country (`global`, `any`: one price for every datacenter of a provider, chosen when
  // the tenant deploys, or a network's hosts anywhere) is always named: the row does not say the GPU is offered in
  // the users' region. A production chat API for US users (800 ms) sat on "RunPod global" with no word of it. Its
  // figure is the longest measured round trip from the users, against the budget: for a latency-critical budget,
  // or one that round trip could take more than its share of (the rule that refuses a known country that far,
  // pricing's feasibility), said as such.
  const critical = latencyCriticalMs !== undefined && ms <= latencyCriticalMs;
  const farthest = farthestRoundTripMs(users);
  const reachable = farthest !== null && farthest > ms * NETWORK_SHARE_OF_P99;
  // Of the option the plan does not take alone (the cloud option for a plan wholly on DePIN, the decentralized one
  // for a plan wholly on cloud): said only by the `-unused` rule (`unused`), the option named as such.
  const far = options.filter(([, o]) => {
    if (o == null) return false;
    const country = o.offer.country;
    return country === null || !placeIncludesCountry(users, country);
  });
  if (far.length === 0) return null;
  const sides = new Set(far.map(([side]) => side));
  const untaken = untakenSide(e.recommendation, sides.has('cloud'), sides.has('decentralized'));
  if ((untaken !== null) !== unused) return null;
  const outside: string[] = [];
  const unknown: string[] = [];
  for (const [side, o] of far) {
    const country = o!.offer.country;
    const named = `the ${side} option (${o!.offer.providerName} ${o!.offer.region})${unused ? UNTAKEN : ''}`;
    if (country === null) unknown.push(named);
    else outside.push(`${named} runs in ${country}`);
  }
  const out =
    unknown.length === 0
      ? outside
      : [...outside, `${unknown.join(' and ')} ${unknown.length === 1 ? 'has' : 'have'} no known location`];
  const where =
    unknown.length === 0
      ? ', outside that region'
      : outside.length === 0
        ? `, so ${unknown.length === 1 ? 'it' : 'they'} may run outside that region`
        : ', outside that region or possibly so';
  const budget = msText(ms);
  const tight = critical
    ? ` (latency-critical: at or under the framework's ${latencyCriticalMs} ms)`
    : unknown.length > 0 && reachable
      ? ` (a round trip from ${users} to another country can take up to ${farthest} ms, and gpufit refuses an offer in a known country whose round trip takes over ${Math.round(NETWORK_SHARE_OF_P99 * 100)} % of the budget)`
      : unknown.length > 0 && farthest !== null
        ? ` (a round trip from ${users} to another country can take up to ${farthest} ms, ${Math.round((farthest / ms) * 100)} % of it)`
        : '';
  const choose =
    unknown.length > 0
      ? ` The row is one price wherever it runs and does not say the GPU is offered in ${users}: choose a datacenter (or hosts) in ${users} when you deploy, where the provider lets you.`
      : '';
  return `Its users are in ${users}, but ${out.join(' and ')}${where}: with a p99 budget of ${budget}${assumedMark(profile, 'p99LatencyMs')}${tight}, "real-time inference often benefits from stable regional placement".${choose} gpufit prices the offer, not the network: measure the round trip from your users before relying on it.`;
}

/** The re-work interruptions add on the decentralized option, at stake for the share of the plan that runs there. */
function reworkSaid(e: RiskEvidence): RiskSaid | string | null {
  const { depin } = e;
  const over = componentUsd(depin?.cost, 'interruption-overhead');
  const total = depin?.cost.monthlyUsd ?? 0;
  // In dollars, and as a share of the option's whole cost (checkpoint uploads included), so the figure is
  // not read as the share of GPU-hours redone.
  return total > 0 && over / total >= 0.05
    ? saidIfAny(
        `Interruptions add ${usd(over)} a month of re-work on the DePIN option (${pct(over / total)} of its cost); more reliable (verified) hosts would cut it — how often it checkpoints, if it can, is already the cheapest for this rate.`,
        over * planShare(e, 'depin'),
      )
    : null;
}

/** The decentralized option's spare replicas for the availability target, when it holds any. */
function decentralizedSpares({ depin }: RiskEvidence): string | null {
  return depin?.cost.replicas != null && componentUsd(depin.cost, 'redundancy') > 0
    ? `The decentralized option keeps ${depin.cost.replicas} replicas up to meet the availability target, spares included, assuming hosts fail independently; correlated outages would break that.`
    : null;
}

/**
 * The options priced from an offer older than the freshness rule, each named by its side: those the plan takes
 * (`taken`: a share of the plan runs there; every option when the recommendation is not known), or those it does
 * not, whose price only the comparison rests on. "The decentralized option, which the plan does not take, is
 * priced from Nosana as of 2026-09-03 (93 days before 2026-12-05): …" — "Priced from Nosana as of …" under a
 * workload placed on RunPod read as its own price.
 */
function stalePrice(e: RiskEvidence, taken: boolean): string | null {
  const { analysisDate, maxOfferAgeDays } = e;
  if (analysisDate === null) return null;
  const stale = (['cloud', 'depin'] as const)
    .map((side) => ({ side, o: e[side] }))
    .filter((x): x is { side: 'cloud' | 'depin'; o: PricedOption } => x.o !== null)
    .filter((x) => planShare(e, x.side) > 0 === taken)
    .map((x) => ({ ...x, days: offerAgeDays(x.o.offer.asOf, analysisDate) }))
    .filter((x) => x.days > maxOfferAgeDays);
  if (stale.length === 0) return null;
  const aside = taken ? '' : UNTAKEN;
  const from = (x: (typeof stale)[number]) =>
    `${x.o.offer.providerName} as of ${x.o.offer.asOf} (${x.days} days before ${analysisDate})`;
  const sideName = (x: (typeof stale)[number]) => (x.side === 'cloud' ? 'cloud' : 'decentralized');
  const [first, second] = stale;
  // At most one option is not taken (the plan runs somewhere); both are taken by a hybrid.
  const head = `The ${sideName(first!)} option${aside} is priced from ${from(first!)}`;
  const more = second === undefined ? '' : ` and the ${sideName(second)} option from ${from(second)}`;
  return `${head}${more}: older than ${maxOfferAgeDays} days; refresh the catalog before relying on ${taken ? 'it' : 'the comparison'}.`;
}

/**
 * The share of the workload's GPU-hours the plan places on a side (1 or 0 unless hybrid): an option's figure is at
 * stake only for the part of the month the plan runs there (a TTS API 79 % on cloud read Nosana's whole subsidy,
 * $408.83, where the plan counts $86). Without a recommendation (a rule checked alone): the whole option.
 */
function planShare(e: RiskEvidence, side: 'cloud' | 'depin'): number {
  if (e.recommendation === undefined) return 1;
  const depin = recommendedDepinShare({ recommendation: e.recommendation, hybrid: e.hybrid ?? null });
  return side === 'depin' ? depin : 1 - depin;
}

/**
 * A requirement's cost, said with what it puts at stake against the plan: the saving against the cloud option when the
 * plan is that option; else against the plan's own month, which may already be cheaper (a fine-tune on Vast at
 * $4,384.80 read "$762.89 a month at stake" for a Nebius offer of $4,528.58), and for a hybrid the better of that and
 * the saving on the cloud share it keeps. Nothing is said for a plan wholly on DePIN that the cheaper cloud offer does
 * not beat; where the figure is not the sentence's saving, the sentence says which it is.
 */
function requirementSaid(e: RiskEvidence, text: string, saving: number, other: number): RiskSaid | null {
  const plan = e.planMonthlyUsd;
  if (e.recommendation === undefined || e.recommendation === 'cloud' || plan == null)
    return saidIfAny(text, saving);
  // Against the plan as the sentence prints its amounts (each to the cent), so the figure is their difference.
  const whole = usdCents(usdCents(plan) - usdCents(other));
  const cloudShare = planShare(e, 'cloud');
  const onShare = e.recommendation === 'hybrid' ? cloudShare * saving : whole;
  const atStake = Math.min(saving, Math.max(onShare, whole));
  if (!(atStake > 0)) return e.recommendation === 'depin' ? null : { text, usdPerMonth: null };
  if (usdCents(atStake) === usdCents(saving)) return said(text, atStake);
  const against =
    usdCents(atStake) === whole
      ? ` (${usd(atStake)} below the plan's ${usd(plan)} a month)`
      : ` (on the ${pct(cloudShare)} of the month the ${usd(plan)} hybrid plan runs on cloud: ${usd(atStake)} a month)`;
  return said(text.replace(/ less: /, ` less${against}: `), atStake);
}

/** What a rule says of the evidence, its sentence and figure (null when it says nothing). */
export function sayRisk(rule: RiskRule, e: RiskEvidence): RiskSaid | null {
  const s = rule.check(e);
  return typeof s === 'string' ? { text: s, usdPerMonth: null } : s;
}

/** A workload's risk sentences in `riskRules` order, and beside each its rule and the dollars it puts at stake. */
export function risksFor(e: RiskEvidence): { risks: string[]; stakes: RiskStake[] } {
  const risks: string[] = [];
  const stakes: RiskStake[] = [];
  for (const r of riskRules) {
    const s = sayRisk(r, e);
    if (s === null) continue;
    risks.push(s.text);
    stakes.push({ id: r.id, usdPerMonth: s.usdPerMonth });
  }
  return { risks, stakes };
}

/** A large cloud fleet on unreserved capacity (`aside` after the option's name: empty, or `UNTAKEN`). */
function unreservedCloudFleet({ cloud, profile, projection }: RiskEvidence, aside: string): string | null {
  const n = cloud?.cost.instances;
  if (cloud == null || n == null || isTermCommitmentRef(cloud.offer)) return null;
  // Spot capacity has its own rule (at most 8 GPUs a zone): a spot option this large was already refused.
  if (isInterruptibleCategory(cloud.offer.pricingCategory)) return null;
  const o = cloud.offer;
  const per = cloud.cost.gpusPerInstance ?? o.gpusPerInstance;
  const gpus = n * per;
  const serving = workloadKinds[profile.kind].pattern === 'serving';
  if (serving ? gpus < UNRESERVED_FLEET_GPUS : gpus < UNRESERVED_CLUSTER_GPUS || n < 2) return null;
  const held = `The cloud option${aside} holds ${n} × ${per} ${o.gpu} (${gpus} GPUs) at once`;
  const months = projection?.months.length ?? profile.horizonMonths;
  // A job run less often than monthly holds its cluster only while a run lasts (a half-yearly 7-week pretrain).
  const jobs = profile.jobsPerMonth;
  const hours =
    profile.gpuHoursPerMonth === null && jobs !== null && jobs > 0 && jobs < 1
      ? runHours(cloud.cost, jobs)
      : null;
  const term =
    hours !== null && hours / HOURS_PER_MONTH < months
      ? reservedRunsSaid(hours / HOURS_PER_MONTH, 1 / jobs!, months)
      : reservedTermSaid(months);
  const ask = `ask for a reserved cluster, usually cheaper than list (${RESERVED_CLUSTERS_SAID}): a committed offer in your catalog is priced as such.${term}`;
  // A capacity block is a reservation once booked: "on-demand capacity is not reserved" said of one read as a
  // contradiction (a 256-H100 pretrain on AWS capacity blocks).
  if (o.bookedAhead)
    return `${held} on ${o.providerName}'s capacity blocks in ${o.region}: a block reserves its GPUs for the dates booked, but only once booked, and no source gives how many GPUs a provider has to book at once. At this size, book the dates with ${o.providerName} before relying on them, and ${ask}`;
  return `${held} on ${o.providerName}'s on-demand capacity in ${o.region}, priced at its list rate: no source gives how many GPUs a provider has free, and on-demand capacity is not reserved (Google Cloud: a commitment guarantees zonal capacity only with a reservation attached). At this size, confirm the capacity with ${o.providerName} before relying on it, and ${ask}`;
}

/** The cloud option is capacity booked ahead by the day (`aside` after the option's name: empty, or `UNTAKEN`). */
function bookedByTheDay({ cloudOffer: o, profile }: RiskEvidence, aside: string): string | null {
  const days = o == null ? null : bookedAheadDays(o);
  if (o == null || days === null) return null;
  const serving = workloadKinds[profile.kind].pattern === 'serving';
  return `The cloud option (${o.providerName} ${o.instanceType ?? o.gpu}, ${o.region})${aside} is capacity booked ahead, at least ${days === 1 ? 'a whole day' : `${days} whole days`} at a time, priced at the block rate of ${o.asOf}, not on-demand${serving ? ': a service that runs all month books blocks back to back, ahead of time, at the rate of the day it books' : ''}; a job that cannot wait for a block runs on on-demand capacity at its higher price.`;
}

/** A count with up to two decimals ("1", "1.5"). */
function fixed2(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/**
 * A stated job whose run on an option the plan takes, start-up and expected re-work after failures included, ends
 * after the workload's horizon (priced in full, `jobPastHorizon` in @gpufit/pricing): how long, and by how much. A
 * 3-month pre-training run of 2,160 h on 48 nodes takes about 2,340 h with a whole-job MTBF of 132 h: the plan's
 * last month is not its last bill.
 */
export function runPastHorizon(e: RiskEvidence): string | null {
  const jobs = e.profile.jobsPerMonth;
  if (e.profile.gpuHoursPerMonth !== null || jobs === null || !(jobs > 0)) return null;
  const horizonHours = e.profile.horizonMonths * HOURS_PER_MONTH;
  const said = (['cloud', 'depin'] as const).flatMap((side) => {
    const o = side === 'cloud' ? e.cloud : e.depin;
    if (o == null || !runsOn(e.recommendation, side)) return [];
    const hours = runHours(o.cost, jobs);
    if (hours === null || !(hours > horizonHours)) return [];
    const over = hours - horizonHours;
    return [
      `one run takes about ${groupThousands(String(Math.round(hours)))} h on ${o.offer.providerName} (${o.offer.gpu}), ${groupThousands(String(Math.round(over)))} h (${Math.round(over / 2.4) / 10} days) past it`,
    ];
  });
  if (said.length === 0) return null;
  return `The work fits the workload's ${e.profile.horizonMonths}-month horizon (${groupThousands(String(horizonHours))} h), but with its start-up and the re-work its expected failures add, ${said.join('; ')}: the run ends after the plan does, and its bill with it (priced in full). Budget the extra days, or a longer horizon; faster checkpoints and restarts, or more reliable nodes, shorten them.`;
}
