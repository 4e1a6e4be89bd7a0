import type {
  CostBasis,
  FormulaCompiler,
  GpuTierTable,
  HostedApiPriceTable,
  PortfolioOut,
  PortfolioParams,
  PortfolioSums,
  PriceAdjuster,
  ThroughputRatioTable,
  UnitThroughputTable,
} from '@gpufit/pricing';
import type { Accounting, Distribution, Offer, RejectedRow, Scenario, WorkloadProfile } from '@gpufit/schema';
import type { FrameworkOverride } from '@gpufit/scoring';
import type { NetworkInfo } from './datasetTypes.js';

/** Runs the Monte Carlo for one workload; the CLI passes a worker-thread runner, the default runs inline. */
export type MonteCarloRunner = (
  bases: { readonly cloud: CostBasis; readonly depin: CostBasis },
  scenario: Scenario,
  options: { readonly seed: number; readonly trials: number; readonly compileFormula?: FormulaCompiler },
) => Distribution | Promise<Distribution>;

/**
 * Runs the portfolio kernel over all trials of a plan (a group of the portfolio's workloads, portfolioInGroups
 * of @gpufit/pricing), adding into `into`'s plan sums when given; the CLI passes a worker-thread runner.
 */
export type PortfolioKernelRunner = (
  params: PortfolioParams,
  into?: PortfolioSums,
) => PortfolioOut | Promise<PortfolioOut>;

/**
 * A scenario as a run applies it: the resolved scenario, the one horizon it imposes (undefined: each workload
 * keeps its own) and its compiled formulas.
 */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly horizonMonths?: number | undefined;
  readonly priceAdjuster?: PriceAdjuster | undefined;
  readonly compileFormula?: FormulaCompiler | undefined;
}

export interface AnalyzeInput {
  readonly workloads: readonly WorkloadProfile[];
  readonly offers: readonly Offer[];
  /**
   * The DePIN networks (`datasets/networks.csv`); with them, the analysis's `catalog.unpricedNetworks` names the
   * networks the catalog cannot price (no offer, or none with a USD price), which the report says.
   */
  readonly networks?: readonly NetworkInfo[];
  readonly tiers: GpuTierTable;
  /**
   * Measured throughput ratios between GPUs (`datasets/throughput-ratios.csv`); without them a workload is priced
   * only on its named GPU (one that names none: on any GPU, credited no speed-up over the GPU its hours are read in).
   */
  readonly ratios?: ThroughputRatioTable;
  /**
   * Measured output per GPU (`datasets/unit-throughput.csv`); with it, inference workloads carry a cost per unit of
   * output (`unitCost`), without it they carry none.
   */
  readonly unitThroughput?: UnitThroughputTable;
  /**
   * Hosted serverless API prices per token (`datasets/hosted-api-prices.csv`); with them, an inference workload that
   * names its model and volume is compared with the cheapest hosted API of that model (a risk, not a placement).
   */
  readonly hostedApiPrices?: HostedApiPriceTable;
  /** Resolved scenario (defaults from `scenarioSchema`); its `framework` overrides are applied. */
  readonly scenario: Scenario;
  /** Framework overrides; default: the scenario's `framework`. */
  readonly framework?: FrameworkOverride;
  /**
   * Row accounting of the workloads file and of the offer catalog, and the rejected rows of both, carried into
   * the result (default: every row given was accepted).
   */
  readonly accounting?: Accounting;
  readonly offerAccounting?: Accounting;
  readonly rejected?: readonly RejectedRow[];
  /** `false` skips the Monte Carlo; default: inline, single-threaded. */
  readonly monteCarlo?: MonteCarloRunner | false;
  /** Runs the kernel of the portfolio's joint Monte Carlo (skipped when `monteCarlo` is false); default: inline. */
  readonly portfolioKernel?: PortfolioKernelRunner;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The scenario's horizon, the window the plan is read over (a scenario file that sets `horizonMonths`): it sets
   * the horizon of every workload that states none and caps a longer one, never extends a stated one
   * (`workloadHorizon`); default: each workload's own `horizonMonths`.
   */
  readonly horizonMonths?: number;
  /**
   * Compiler for the scenario's `formula` subsidy schedules (projection and Monte Carlo); required when it has
   * one. The CLI compiles a scenario file's formulas once at load (`compileScenarioFormulas`).
   */
  readonly compileFormula?: FormulaCompiler;
  /** The scenario's `priceAdjustments`, compiled (`compilePriceAdjustments`); applied to every estimate. */
  readonly priceAdjuster?: PriceAdjuster;
  /**
   * The run the scenario is measured against (the default scenario, or the other scenario of a diff): when
   * given, the result carries `scenarioEffects`, what each setting that differs from it did to the chosen
   * options (`scenarioEffects`).
   */
  readonly scenarioBaseline?: ScenarioRun;
}
