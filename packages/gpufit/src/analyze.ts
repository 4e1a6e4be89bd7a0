import type {
  CostBasis,
  FormulaCompiler,
  GpuTierTable,
  PriceAdjuster,
  ThroughputRatioTable,
} from '@gpufit/pricing';
import type {
  Accounting,
  Analysis,
  Distribution,
  Offer,
  RejectedRow,
  Scenario,
  WorkloadProfile,
} from '@gpufit/schema';
import type { FrameworkOverride } from '@gpufit/scoring';
import { allAccepted, analysisAccounting } from './analysis/analysisAccounting.js';
import { createWorkloadAnalyzer } from './analysis/analyzeWorkload.js';
import { PortfolioLedger } from './analysis/portfolioLedger.js';

/** Runs the Monte Carlo for one workload; the CLI passes a worker-thread runner, the default runs inline. */
export type MonteCarloRunner = (
  bases: { readonly cloud: CostBasis; readonly depin: CostBasis },
  scenario: Scenario,
  options: { readonly seed: number; readonly trials: number; readonly compileFormula?: FormulaCompiler },
) => Distribution | Promise<Distribution>;

export interface AnalyzeInput {
  readonly workloads: readonly WorkloadProfile[];
  readonly offers: readonly Offer[];
  readonly tiers: GpuTierTable;
  /**
   * Measured throughput ratios between GPUs (`datasets/throughput-ratios.csv`); without them a workload is priced
   * only on its named GPU (or the reference GPU).
   */
  readonly ratios?: ThroughputRatioTable;
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
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * One horizon for every workload (a scenario file that sets `horizonMonths`); default: each workload's own
   * `horizonMonths`.
   */
  readonly horizonMonths?: number;
  /**
   * Compiler for the scenario's `formula` subsidy schedules (projection and Monte Carlo); required when it has
   * one. The CLI compiles a scenario file's formulas once at load (`compileScenarioFormulas`).
   */
  readonly compileFormula?: FormulaCompiler;
  /** The scenario's `priceAdjustments`, compiled (`compilePriceAdjustments`); applied to every estimate. */
  readonly priceAdjuster?: PriceAdjuster;
}

/**
 * The whole job for a portfolio (DESIGN §2 data flow): fit → price every offer → cheapest feasible cloud and
 * DePIN option → decision (fit × cost) → projection over the horizon → Monte Carlo → risks → totals.
 * Deterministic: no clock and no randomness except the seeded Monte Carlo (each workload's stream is derived
 * from the scenario seed and the workload id, so adding a workload does not change the others' numbers).
 */
export async function analyze(input: AnalyzeInput): Promise<Analysis> {
  const analyzeOne = createWorkloadAnalyzer(input);
  const ledger = new PortfolioLedger(input.scenario, true, input.offers);
  for (const [i, profile] of input.workloads.entries()) {
    ledger.add(await analyzeOne(profile));
    input.onProgress?.(i + 1, input.workloads.length);
  }
  return {
    ...ledger.header(),
    workloads: ledger.workloads,
    totals: ledger.totals(),
    accounting: analysisAccounting(
      input.accounting ?? allAccepted(input.workloads.length),
      input.offerAccounting ?? allAccepted(input.offers.length),
    ),
    rejected: [...(input.rejected ?? [])],
    assumptions: ledger.assumptions(),
    sources: ledger.sources(),
    catalog: ledger.catalog(),
    policy: ledger.policy(),
  };
}
