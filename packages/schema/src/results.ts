/**
 * Result types shared by scoring, pricing, report and the CLI. They live here so that `@gpufit/report`
 * renders them without depending on `gpufit`. Money is float64 USD; rounding happens once, in report.
 * A value that cannot be computed is `null` next to a reason, never NaN, Infinity or a silent 0.
 */
import type { Market, PricingCategory } from './registries.js';
import type {
  ComplianceRequirement,
  Hosting,
  OutputUnit,
  Precision,
  UnitThroughputScenario,
  WorkloadKind,
} from './vocabulary.js';
import type { AssumableProfileField } from './workloadProfile.js';
import type { WorkloadTask } from './workloadTasks.js';

export const FIT_LEVELS = ['low', 'medium', 'high'] as const;
export type FitLevel = (typeof FIT_LEVELS)[number];

/** Ordered from most cloud-leaning to most DePIN-leaning. */
export const APPROACHES = [
  'traditional-cloud',
  'cloud-first',
  'hybrid',
  'depin-or-hybrid',
  'depin-first',
] as const;
export type Approach = (typeof APPROACHES)[number];

export type Side = 'cloud' | 'depin';

export interface SideFit {
  readonly score: number;
  readonly level: FitLevel;
}

/** A hard verdict: `side` is ineligible for the workload (`scope: 'all'`) or for the part named in `reason`. */
export interface HardConstraint {
  readonly side: Side;
  readonly code: string;
  readonly reason: string;
  readonly scope: 'all' | 'part';
}

/** One factor's signed contribution to each side's score, with a sentence a founder understands. */
export interface FitReason {
  readonly factor: string;
  readonly cloud: number;
  readonly depin: number;
  readonly sentence: string;
}

export interface FitAssessment {
  readonly cloud: SideFit;
  readonly depin: SideFit;
  readonly approach: Approach;
  readonly constraints: readonly HardConstraint[];
  readonly reasons: readonly FitReason[];
  readonly frameworkVersion: string;
  /** Dotted paths of the framework settings the caller overrode for this assessment. */
  readonly overrides: readonly string[];
}

export const COST_COMPONENT_NAMES = [
  'gpu-time',
  /**
   * GPU-hours of billing increments a job pays and does not use: the rest of its last increment, or of the
   * provider's minimum (AWS Capacity Blocks: whole days). Since 2.11.0; before, inside `gpu-time`.
   */
  'billing-rounding',
  'interruption-overhead',
  'redundancy',
  /**
   * Hours of an always-on serving unit held beyond its work and its spares, on any pricing (one instance up all month
   * for a demand below it; capacity booked by the day held at the peak): since 2.9.0. On committed capacity these
   * hours are here too; `commitment-waste` is only what the commitment holds beyond them (the peak's units all month,
   * a term past the horizon).
   */
  'idle-capacity',
  'commitment-waste',
  'egress',
  'ingress',
  'checkpoint-sync',
  'incentive-subsidy',
] as const;
export type CostComponentName = (typeof COST_COMPONENT_NAMES)[number];

/** One line of a cost: `usd = quantity × unitPriceUsd` (a subsidy is negative). */
export interface CostComponent {
  readonly name: CostComponentName;
  readonly unit: string;
  readonly quantity: number;
  readonly unitPriceUsd: number;
  readonly usd: number;
  readonly note?: string;
}

export const REJECTION_CODES = [
  'memory',
  'gpu-type',
  'compliance',
  'residency',
  'interconnect',
  'hosting',
  'price-unknown',
  /** The price after the scenario's adjustments or an incentive subsidy is below gpufit's floor (priceLimits.ts). */
  'price-below-floor',
  'hard-constraint',
  /** The offer's GPU is not in the GPU tier table, so its throughput is unknown (never guessed). */
  'gpu-unknown',
  /** The availability target cannot be reached on this offer (node availability 0, or too many replicas). */
  'availability',
  /** Interruptions make the expected run time of a job unbounded on this offer. */
  'interruptions',
  /** Spot / interruptible capacity for a workload marked `interruptible: false`. */
  'interruptible',
  /** Excluded by the run's, the scenario's or the workload's placement policy (categories, markets, providers). */
  'placement',
  /** More spot capacity in one region than a workload may count on (docs/methodology.md, "Capacity that exists"). */
  'capacity',
  /** The offer's GPU is not the named one and the GPU policy allows no substitute (no measured ratio). */
  'gpu-policy',
  /**
   * A service's users are so far from the offer that the least measured round trip between their countries takes
   * more than half its p99 budget (since schema 2.6.0).
   */
  'latency',
  /** A batch job's expected run on the offer outlasts the workload's horizon (since schema 2.9.0). */
  'horizon',
  /**
   * The offer's GPU cannot run the workload's precision (bf16 on a Volta or Turing GPU, fp8 before Ampere): since
   * schema 2.10.0.
   */
  'precision',
  /**
   * The workload's data must stay in a place and the offer's catalog row lists every region of its provider for every
   * instance type (`regionListing` every-region), so it does not confirm the type is offered in its region (since
   * schema 2.14.0).
   */
  'region-unconfirmed',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface CostRejection {
  readonly code: RejectionCode;
  readonly message: string;
  /**
   * A `compliance` refusal's requirements the offer does not meet (in the workload's order): what a remedy reads,
   * never the message. Absent for other codes.
   */
  readonly missing?: readonly ComplianceRequirement[];
}

/**
 * How the work was converted to the priced GPU: `same` (the named GPU, or the GPU the hours are read in when none
 * is named: L4 for inference that fits one, else the reference A100-80GB), `measured` (a published benchmark ratio
 * for the workload's class and model-size band), or `unmeasured` (policy `any`, or no GPU named, with no measured
 * ratio: no speed-up is credited, a slow-down by the datasheet is).
 */
export interface ThroughputBasis {
  /** The GPU the demand is stated in. */
  readonly demandGpu: string;
  /** The GPU priced. */
  readonly offerGpu: string;
  /** Work one offer GPU-hour does, in demand GPU-hours. */
  readonly ratio: number;
  readonly basis: 'same' | 'measured' | 'unmeasured';
  /** Where a measured ratio comes from (benchmark, round, row count), else null. */
  readonly source: string | null;
  /**
   * Set when a measured ratio was not measured at the work's precision (fp8 results applied to bf16 work, or a
   * format the source does not record): what that means for this estimate, and which way the error likely runs.
   * Since the measured format is known per estimate (`measuredFormat`), only a known format that differs from the
   * work's sets it; a format the source does not record (in full) is said once per report (its Assumptions).
   */
  readonly precisionNote?: string;
  /** What the source records of the numeric format a measured ratio's results ran at; absent when it records nothing. */
  readonly measuredFormat?: MeasuredFormat;
}

/**
 * The numeric format a measured throughput ratio was measured at, as its source records it
 * (`datasets/throughput-ratios.csv`, column `measuredPrecision`).
 */
export interface MeasuredFormat {
  /**
   * `one`: every result behind the ratio ran at `recorded` (`fp8`); `unrecorded`: the source records no format;
   * `part`: it records one for some results only; `mixed`: results at different formats are pooled.
   */
  readonly kind: 'one' | 'unrecorded' | 'part' | 'mixed';
  /** The format for `one`; else what each GPU's results record (`B200 not recorded; H100 fp8`), or "". */
  readonly recorded: string;
  /** The precision the work runs at, or null when not stated. */
  readonly work: Precision | null;
}

export interface CostEstimate {
  readonly offerId: string;
  readonly feasible: boolean;
  readonly rejections: readonly CostRejection[];
  /** Total of `components` per month; null when infeasible or unpriced. */
  readonly monthlyUsd: number | null;
  /** Cost per successful job (or per GPU-hour of useful work when the workload has no job count). */
  readonly usdPerJob: number | null;
  readonly jobUnit: 'job' | 'gpu-hour';
  readonly components: readonly CostComponent[];
  readonly assumptions: readonly string[];
  readonly gpusPerReplica: number | null;
  readonly replicas: number | null;
  /** Whole instances held at peak (serving) or per job at once (batch), each of the offer's GPUs per instance. */
  readonly instances?: number | null;
  readonly gpusPerInstance?: number | null;
  /** How the demand's GPU-hours became this offer's (null when infeasible). */
  readonly throughput?: ThroughputBasis | null;
  /** GPU-hours billed a month, after performance normalization, interruptions and redundancy. */
  readonly billedGpuHoursPerMonth: number | null;
  /**
   * The useful work a month in the demand's GPU-hours (the profile's gpuType, else the GPU they are read in): the
   * same for every offer, so `monthlyUsd / demandGpuHoursPerMonth` compares offers per unit of work.
   */
  readonly demandGpuHoursPerMonth?: number | null;
}

/** What a result says of the offer it priced: enough to find it again and cite it. */
export interface OfferRef {
  readonly id: string;
  readonly provider: string;
  readonly providerName: string;
  readonly market: Market;
  /** Datacenter or community hosts, and whether the network verified them: named in every output. */
  readonly hosting: Hosting;
  readonly verified: boolean;
  readonly instanceType: string | null;
  readonly gpusPerInstance: number;
  readonly gpu: string;
  readonly region: string;
  readonly country: string | null;
  readonly pricingCategory: PricingCategory;
  readonly usdPerGpuHour: number | null;
  /**
   * The currency the offer's price is set in: `USD`, or the network's incentive-token symbol (e.g. `NOS`) when
   * the network prices in its token (denomination `token`: the USD cost follows the token price). Since schema
   * 2.3.0 (absent in older result files: read as USD).
   */
  readonly pricingCurrency?: string;
  /**
   * Capacity booked ahead in whole days (AWS Capacity Blocks: `minimumBillableSeconds` of a day or more), labelled
   * as such rather than "on-demand". Since schema 2.4.0; absent for capacity billed by the second or hour.
   */
  readonly bookedAhead?: { readonly minimumDays: number };
  /**
   * The memory of each of the offer's GPUs, GiB, said only where the catalog lists it more than 10 % away from
   * its GPU model's usual memory (`datasets/gpu-tiers.csv`): Vast's modified RTX 4090 with 48 GB holds a replica a
   * stock 24 GB card cannot, and "1 × RTX4090" alone read as a model that does not fit. Reports name it beside
   * the GPU ("RTX4090 (48 GB)"). Since schema 2.11.0; absent for a GPU with its usual memory.
   */
  readonly gpuMemoryGiB?: number;
  readonly source: string;
  readonly asOf: string;
}

export interface PricedOption {
  readonly offer: OfferRef;
  readonly cost: CostEstimate;
  /**
   * Set when the cloud option is a committed base with on-demand bursts (docs/methodology.md, "The cloud option as a
   * committed base with on-demand bursts"): `offer` is then the committed offer, and `cost` the two parts' costs
   * summed line by line. Since schema 2.15.0; absent for an option on one offer.
   */
  readonly mix?: CommittedBaseOption;
}

/**
 * A cloud option priced on two offers: a base of whole committed instances held all month, and the demand above it
 * on an on-demand offer. Each part's `cost` is that offer's own lines scaled to the work it carries (the base's idle
 * hours, held past its work, as `idle-capacity`); the option's `cost` is their sum, line by line.
 */
export interface CommittedBaseOption {
  readonly committed: {
    readonly offer: OfferRef;
    readonly cost: CostEstimate;
    /** Instances of the committed offer held all month (whole replicas), and their GPUs. */
    readonly instances: number;
    readonly gpus: number;
  };
  readonly burst: { readonly offer: OfferRef; readonly cost: CostEstimate };
  /** Share of the month's work (demand GPU-hours) each part carries; they add up to 1. */
  readonly baseShare: number;
  readonly burstShare: number;
}

/** Base load on committed (or on-demand) cloud, bursts on DePIN (DESIGN §5.10). */
export interface HybridSplit {
  /** GPUs held on cloud for the base load. */
  readonly baselineGpus: number;
  readonly meanGpus: number;
  readonly peakGpus: number;
  /** Share of GPU-hours served by cloud and by DePIN; they add up to 1. */
  readonly cloudShare: number;
  readonly depinShare: number;
  /** The least cloud share hard constraints and latency allow, and why. */
  readonly floorShare: number;
  readonly floorReason: string | null;
  readonly blendedMonthlyUsd: number;
  readonly allCloudMonthlyUsd: number;
  readonly allDepinMonthlyUsd: number | null;
  readonly savingsVsAllCloudUsd: number;
  readonly savingsVsAllDepinUsd: number | null;
}

export type Recommendation = 'cloud' | 'depin' | 'hybrid';

export interface Decision {
  readonly approach: Approach;
  readonly recommendation: Recommendation;
  readonly cloud: PricedOption | null;
  readonly depin: PricedOption | null;
  readonly hybrid: HybridSplit | null;
  readonly recommendedMonthlyUsd: number | null;
  /** Recommended against all-cloud; null when either side is unpriced. */
  readonly monthlySavingsUsd: number | null;
  readonly rationale: string;
  readonly risks: readonly string[];
  /**
   * Each risk's rule and the monthly dollars it puts at stake, one per sentence of `risks` in the same order (since
   * 2.8.0; absent in older results).
   */
  readonly riskStakes?: readonly RiskStake[];
  /** Why a side has no option: the rules that refused its offers, counted (absent when not counted). */
  readonly unavailable?: { readonly cloud: string | null; readonly depin: string | null };
  /**
   * The reasons `unavailable` names, as data: each side's refusal codes and the offers each refused, in the
   * sentence's order (most offers first); null for a side with an option, empty when the catalog has no offer of
   * the side. Since 2.13.0; absent in older results (a reader falls back to the sentence).
   */
  readonly unavailableReasons?: {
    readonly cloud: readonly RefusalCount[] | null;
    readonly depin: readonly RefusalCount[] | null;
  };
}

/** One reason no offer of a side could run a workload: its rejection code and how many offers it refused. */
export interface RefusalCount {
  readonly code: RejectionCode;
  readonly offers: number;
}

/**
 * What a risk sentence puts at stake: the rule that said it (an id of `riskRules`, packages/analysis/src/risks.ts)
 * and, where that rule computes one, the USD a month at stake (docs/reports.md, "Top risks").
 */
export interface RiskStake {
  readonly id: string;
  /** USD a month, to the cent; null when the rule computes no defensible figure. */
  readonly usdPerMonth: number | null;
}

export interface ProjectionMonth {
  readonly month: string;
  readonly index: number;
  readonly demandFactor: number;
  /** Null for a workload with no cloud option (since 2.5.0; such a workload had no projection before). */
  readonly cloudUsd: number | null;
  readonly depinUsd: number | null;
  readonly subsidyShare: number;
  readonly tokenPriceUsd: number | null;
  /**
   * The catalog offer that prices the month on each side (since 2.8.0: under demand growth a later month can be priced
   * on another offer of the side than month 1's); null without that side. Absent in files written before.
   */
  readonly cloudOfferId?: string | null;
  readonly depinOfferId?: string | null;
  /**
   * USD the incentive emissions pay toward each side's GPU time that month, at the month's token price (0 without a
   * subsidy; null without that side). In a month the token floor holds the price, price + subsidy is the hosts'
   * income (docs/projection-and-uncertainty.md, "Incentive-token floor"). Since 2.8.0.
   */
  readonly cloudSubsidyUsd?: number | null;
  readonly depinSubsidyUsd?: number | null;
  /**
   * The share of the decentralized option's GPU income that month (price paid + subsidy) the emissions pay:
   * `subsidyShare` while the token's price passes through, lower where the floor holds it. Since 2.8.0.
   */
  readonly depinPaidSubsidyShare?: number | null;
}

export interface Projection {
  readonly months: readonly ProjectionMonth[];
  /** Null for a workload with no cloud option (since 2.5.0). */
  readonly horizonCloudUsd: number | null;
  readonly horizonDepinUsd: number | null;
  /** First month in which DePIN stops beating cloud, if it ever does within the horizon. */
  readonly subsidyCliffMonth: string | null;
}

export interface Percentiles {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface Distribution {
  readonly trials: number;
  readonly seed: number;
  readonly months: readonly {
    readonly month: string;
    readonly cloud: Percentiles;
    readonly depin: Percentiles;
  }[];
  readonly horizonCloud: Percentiles;
  readonly horizonDepin: Percentiles;
  /** Share of trials in which DePIN's horizon spend is below cloud's. */
  readonly pDepinCheaper: number;
}

export const BREAK_EVEN_VARIABLES = [
  'subsidyShare',
  'depinUsdPerGpuHour',
  'interruptionsPerHour',
  'egressGiBPerMonth',
  'utilization',
] as const;
export type BreakEvenVariable = (typeof BREAK_EVEN_VARIABLES)[number];

export interface BreakEven {
  readonly variable: BreakEvenVariable;
  readonly unit: string;
  readonly current: number;
  readonly value: number | null;
  readonly range: readonly [number, number];
  readonly status: 'found' | 'no-break-even-in-range';
  readonly note: string;
}

export interface SensitivityRow {
  readonly input: string;
  readonly unit: string;
  readonly baseValue: number;
  readonly lowValue: number;
  readonly highValue: number;
  readonly savingsAtLowUsd: number;
  readonly savingsAtHighUsd: number;
  /** |savingsAtHigh − savingsAtLow|: the bar length of a tornado chart. */
  readonly impactUsd: number;
}

export interface Sensitivity {
  readonly swing: number;
  readonly baselineSavingsUsd: number;
  readonly rows: readonly SensitivityRow[];
}

/**
 * What one option's GPU costs per unit of output at a measured rate (`datasets/unit-throughput.csv`): the offer's
 * list price per GPU-hour ÷ the GPU's measured output per hour, × `UnitCost.per`.
 */
export interface UnitCostFigure {
  readonly side: Side;
  readonly offerId: string;
  readonly gpu: string;
  /** The offer's list price, USD per GPU-hour. */
  readonly usdPerGpuHour: number;
  /** Measured output of one GPU per second (tokens or images). */
  readonly unitsPerGpuSecond: number;
  /** USD per `UnitCost.per` units (per 1M tokens, per image) at that rate. */
  readonly usd: number;
  readonly scenario: UnitThroughputScenario;
  readonly benchmark: string;
  /** MLPerf round (`v5.1`) or the non-MLPerf harness and version. */
  readonly version: string;
  readonly precision: string;
  readonly source: string;
  /**
   * Set when the option runs on another GPU than the one the demand is stated in: the rate is that GPU's measured
   * rate (benchmark, version, precision and source above are its) × the throughput ratio the option's GPU-hours are
   * priced at, so the figure and the GPU-hours rest on one conversion (since schema 2.6.0). Absent: the option's
   * own GPU's measured rate.
   */
  readonly convertedFrom?: { readonly gpu: string; readonly ratio: number };
}

/**
 * The true unit cost at the workload's own stated volume (`outputPerMonth`): what the recommended placement costs
 * a month, all in, ÷ the output it states a month, × `UnitCost.per`. Beside the capacity figures it shows how far
 * the workload's real traffic is from a GPU kept busy at the benchmark rate.
 */
export interface UnitCostAtStatedVolume {
  /** The workload's stated output a month (`outputPerMonth`), in `UnitCost.unit`. */
  readonly outputPerMonth: number;
  readonly recommendation: Recommendation;
  /** The recommended placement's monthly cost (`decision.recommendedMonthlyUsd`). */
  readonly monthlyUsd: number;
  /** USD per `UnitCost.per` units at the stated volume: monthlyUsd ÷ outputPerMonth × per. */
  readonly usd: number;
  /**
   * The stated volume as a share of what the recommended option's billed GPU-hours could output at its GPU's
   * measured rate (outputPerMonth ÷ (unitsPerGpuSecond × 3600 × billedGpuHoursPerMonth)); null for a hybrid
   * placement or a GPU without a measured rate.
   */
  readonly capacityShare: number | null;
}

/**
 * Cost per unit of output of a serving or batch-inference workload, at measured throughput (a capacity figure: the
 * GPU busy at the benchmark's rate, not the workload's own volume), and at the workload's stated volume when it
 * states one. Since schema 2.3.0; only inference kinds.
 */
export interface UnitCost {
  /** The workload's `outputUnit` (tokens when it left it out: then listed in the workload's `assumed`). */
  readonly unit: OutputUnit;
  /** Units per quote: 1,000,000 tokens, 1 image. */
  readonly per: number;
  readonly modelSizeBand: string;
  readonly basis: 'measured-throughput';
  /** One per priced option whose GPU has a measured rate (cloud first); may be empty. */
  readonly figures: readonly UnitCostFigure[];
  /** Why an option (or the workload's band) has no figure; empty when every option has one. */
  readonly gaps: readonly string[];
  /** At the workload's stated volume, when it states `outputPerMonth` and the recommendation is priced. */
  readonly atStatedVolume?: UnitCostAtStatedVolume;
}

export interface WorkloadAnalysis {
  readonly id: string;
  readonly name: string;
  readonly kind: WorkloadKind;
  /**
   * The profile fields the workload left out that took a default (`ASSUMABLE_PROFILE_FIELDS` order); reasons
   * that use one say "assumed … (default for this kind)". Since schema 2.2.0 (absent in older result files);
   * `trainingMethod` may be listed since 2.9.0; `task` since 2.16.0, when it was read from the workload's `model`
   * (`taskOfModel`).
   */
  readonly assumed?: readonly AssumableProfileField[];
  /**
   * What the model does, when the workload states it (`WorkloadProfile.task`) or, since schema 2.16.0, leaves it empty
   * beside a `model` gpufit recognises (then `assumed` lists `task`): its GPU conversions and default unit of output
   * follow it. Since schema 2.8.0 (absent when neither, and in older result files).
   */
  readonly task?: WorkloadTask;
  readonly fit: FitAssessment;
  readonly decision: Decision;
  readonly projection: Projection | null;
  readonly distribution: Distribution | null;
  readonly breakEvens: readonly BreakEven[];
  readonly sensitivity: Sensitivity | null;
  /** Cost per unit of output (inference kinds only). Since schema 2.3.0 (absent in older result files). */
  readonly unitCost?: UnitCost;
}

export interface RejectedRow {
  readonly file: string;
  readonly row: number;
  readonly column: string | null;
  readonly reason: string;
}

/** The rows of one input file: `read = accepted + rejected`. */
export interface Accounting {
  readonly read: number;
  readonly accepted: number;
  readonly rejected: number;
}

/**
 * The books of an analysis, one per input file: the workloads and the offer catalog (`rejected[]` lists the
 * rejected rows of both). The top-level counts are the workloads', as schema 2.0 had them.
 */
export interface AnalysisAccounting extends Accounting {
  readonly workloads: Accounting;
  readonly offers: Accounting;
}

/** One plan's spend in the joint Monte Carlo of the portfolio (docs/methodology.md, "Portfolio uncertainty"). */
export interface PortfolioPlanDistribution {
  /** Mean horizon spend over the trials: the deterministic horizon total within Monte Carlo error. */
  readonly horizonMeanUsd: number;
  readonly horizon: Percentiles;
  /** Each month of the longest horizon (a workload adds nothing after its own horizon). */
  readonly months: readonly ({ readonly month: string } & Percentiles)[];
}

/**
 * The joint Monte Carlo of the whole plan: every priced workload simulated together (demand with a common
 * shock, one price shock per provider or network, one path per token, interruptions), P10/P50/P90 per plan.
 * Percentiles do not add: the plan's P90 is not the sum of its workloads' P90s.
 */
export interface PortfolioDistribution {
  readonly trials: number;
  readonly seed: number;
  /** Correlation of two workloads' monthly demand shocks. */
  readonly demandCorrelation: number;
  readonly recommended: PortfolioPlanDistribution;
  readonly allCloud: PortfolioPlanDistribution;
  /** Every workload on its decentralized option; those without one stay on cloud (`cloudOnlyWorkloads`). */
  readonly allDecentralized: PortfolioPlanDistribution;
  /**
   * The share of the trials in which the recommended plan's horizon spend is below all-cloud's (in each trial
   * both plans meet the same demand, price and interruption draws): whether the plan's saving holds up, not only
   * its average. 0 when the two plans are the same (every workload on its cloud option). Since 2.7.0.
   */
  readonly pRecommendedCheaper?: number;
  readonly cloudOnlyWorkloads: readonly string[];
  /**
   * Workloads with no cloud option, counted on their decentralized option in all-cloud. Since 2.5.0; absent when
   * there are none.
   */
  readonly decentralizedOnlyWorkloads?: readonly string[];
  /**
   * The horizon P10/P50/P90 of each workload's recommended placement from this simulation, for the workloads
   * whose own Monte Carlo does not give it (no decentralized option, or a hybrid placement).
   */
  readonly workloads: readonly {
    readonly id: string;
    readonly placement: 'cloud' | 'depin' | 'hybrid';
    readonly horizon: Percentiles;
  }[];
}

export interface AnalysisTotals {
  readonly monthlyUsd: { readonly recommended: number; readonly allCloud: number };
  readonly horizonUsd: { readonly recommended: number; readonly allCloud: number };
  readonly monthlySavingsUsd: number;
  /** Workloads with no priced option at all; their cost is not in the totals. */
  readonly unpricedWorkloads: readonly string[];
  /**
   * How many priced workloads have no cloud option (their own `allowedMarkets`, or no feasible cloud offer): they
   * count at their recommended cost in `allCloud` too, so the saving compares nothing for them. Since 2.5.0;
   * absent when every priced workload has a cloud option.
   */
  readonly workloadsWithoutCloudOption?: number;
  /** The joint Monte Carlo of the plan. Since 2.3.0; absent without a Monte Carlo (streamed analyses). */
  readonly distribution?: PortfolioDistribution;
  /**
   * What the recommended plan counts on from incentive-token subsidies at month one, and what it would cost if they
   * ended. Since 2.4.0; absent when no recommended placement is subsidized.
   */
  readonly incentiveSubsidy?: PlanSubsidy;
}

/**
 * "What if the token subsidy ends?" for the whole plan, at month-one demand: the subsidy each recommended
 * placement counts on (its decentralized option's incentive-subsidy line × the share of its GPU-hours placed
 * there), summed.
 */
export interface PlanSubsidy {
  /** The subsidy the plan counts on a month (positive USD). */
  readonly monthlyUsd: number;
  /** The recommended plan's monthly cost without it: `totals.monthlyUsd.recommended + monthlyUsd`. */
  readonly recommendedWithoutUsd: number;
  /** Workloads whose recommended placement counts on a subsidy. */
  readonly workloads: number;
  /**
   * Of those, the workloads whose decentralized option would cost at least their cloud option without the
   * subsidy (month one): their saving rests on it.
   */
  readonly savingRestsOnIt: number;
}

export const ANALYSIS_SCHEMA_VERSION = '2.16.0';

/** The catalog an analysis priced from, and the freshness rule it applied. */
export interface CatalogSummary {
  readonly offers: number;
  readonly asOfOldest: string | null;
  readonly asOfNewest: string | null;
  /** The date offer ages were measured against (YYYY-MM-DD). */
  readonly analysisDate: string | null;
  readonly maxOfferAgeDays: number;
  /**
   * The DePIN networks of `datasets/networks.csv` no workload could be priced on: the catalog holds no offer of
   * theirs, or none with a USD price. Since 2.12.0; absent when the run was not given the networks (and in older
   * files).
   */
  readonly unpricedNetworks?: readonly UnpricedNetwork[];
}

/** A DePIN network the catalog cannot price (`catalog.unpricedNetworks`). */
export interface UnpricedNetwork {
  /** The network's provider id (`ionet`, `render`). */
  readonly provider: string;
  /** Its name (`io.net`, `Render Network`). */
  readonly name: string;
  /** How many offers of it the catalog holds. */
  readonly offers: number;
  /** `no-offer`: none; `no-usd-price`: none of them carries a USD price. */
  readonly reason: 'no-offer' | 'no-usd-price';
}

/** The decision rules an analysis applied (docs/methodology.md). */
export interface DecisionPolicySummary {
  readonly minSavingShare: number;
  readonly minMonthlySavingUsd: number;
  readonly hybridMinShare: number;
  readonly decentralizedMarkets: readonly Market[];
}

export interface Analysis {
  readonly schemaVersion: typeof ANALYSIS_SCHEMA_VERSION;
  readonly frameworkVersion: string;
  readonly seed: number;
  readonly scenario: { readonly name: string; readonly horizonMonths: number; readonly startMonth: string };
  readonly workloads: readonly WorkloadAnalysis[];
  readonly totals: AnalysisTotals;
  readonly accounting: AnalysisAccounting;
  readonly rejected: readonly RejectedRow[];
  readonly assumptions: readonly string[];
  readonly sources: readonly { readonly source: string; readonly asOf: string; readonly offers: number }[];
  readonly catalog?: CatalogSummary;
  readonly policy?: DecisionPolicySummary;
  /**
   * What each scenario setting did to the chosen options, measured against the default scenario (analyze) or
   * the other scenario (diff). Since schema 2.3.0; absent when the run had no scenario file.
   */
  readonly scenarioEffects?: readonly ScenarioEffect[];
}

/** One workload a scenario setting touched: with the setting taken back (before) and as run (after). */
export interface ScenarioEffectChange {
  readonly workload: string;
  /** What moved: the recommended option, only costs, or only the risk notes. */
  readonly what: 'option' | 'cost' | 'risks';
  readonly optionBefore: string | null;
  readonly optionAfter: string | null;
  readonly monthlyUsdBefore: number | null;
  readonly monthlyUsdAfter: number | null;
  readonly horizonUsdBefore: number;
  readonly horizonUsdAfter: number;
  /**
   * Where the recommended option's projection moves to another offer as run (under demand growth a later month is
   * priced on another offer of the side), e.g. "cloud gcp:l4:us:standard from 2027-04"; null when every month stays
   * on the chosen offer. Since 2.8.0; absent in older files.
   */
  readonly movesAfter?: string | null;
}

/** The effect of one scenario setting (docs/reports.md, "Scenario settings and their effect"). */
export interface ScenarioEffect {
  /** The setting's path in the scenario, e.g. `subsidies.akash`, `tokenPrices.AKT`, `horizonMonths`. */
  readonly setting: string;
  readonly label: string;
  readonly effect: 'changed' | 'no-effect';
  /** The workloads it touched (none for `no-effect`). */
  readonly workloads: readonly string[];
  readonly changes: readonly ScenarioEffectChange[];
  /** One sentence: what it changed, or why it changed nothing. */
  readonly message: string;
}
