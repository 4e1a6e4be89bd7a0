import {
  type FormulaCompiler,
  inlinePortfolioGroup,
  type PortfolioWorkloadInput,
  portfolioInGroups,
  portfolioPlan,
} from '@gpufit/pricing';
import type { PortfolioDistribution, Scenario } from '@gpufit/schema';
import type { PortfolioKernelRunner } from './analyzeInput.js';
import type { AnalyzedWorkload } from './analyzeWorkload.js';
import { workloadSeed } from './workloadSeed.js';

export type { PortfolioKernelRunner } from './analyzeInput.js';

export const inlinePortfolioKernel: PortfolioKernelRunner = inlinePortfolioGroup;

/** Mixed into each workload's seed so its portfolio stream is not the stream of its own Monte Carlo. */
const PORTFOLIO_STREAM = 0x2545f491;

/**
 * The joint Monte Carlo of the plan (docs/methodology.md, "Portfolio uncertainty") over the workloads the
 * totals count (priced, with a projection), each placed as `horizonOf` places it: the recommended plan, all
 * on cloud (on the decentralized option where there is no cloud option), and all on the decentralized option (on
 * cloud where there is none). Null when no workload counts.
 */
export async function portfolioDistribution(
  analyzed: readonly AnalyzedWorkload[],
  scenario: Scenario,
  options: { readonly runKernel?: PortfolioKernelRunner; readonly compileFormula?: FormulaCompiler } = {},
): Promise<PortfolioDistribution | null> {
  const inputs: PortfolioWorkloadInput[] = [];
  const placed: { id: string; placement: 'cloud' | 'depin' | 'hybrid'; keep: boolean }[] = [];
  const cloudOnly: string[] = [];
  const depinOnly: string[] = [];
  for (const { workload: w, bases } of analyzed) {
    const d = w.decision;
    if (bases === undefined || w.projection === null || d.recommendedMonthlyUsd === null) continue;
    const depin = bases.depin;
    let shares: [number, number] = [1, 0];
    let placement: 'cloud' | 'depin' | 'hybrid' = 'cloud';
    if (bases.cloud === null) {
      // No cloud option: the decentralized option is the workload's placement in every plan.
      shares = [0, 1];
      placement = 'depin';
      depinOnly.push(w.id);
    } else if (depin !== null && d.recommendation === 'depin') {
      shares = [0, 1];
      placement = 'depin';
    } else if (depin !== null && d.recommendation === 'hybrid' && d.hybrid !== null) {
      shares = [d.hybrid.cloudShare, d.hybrid.depinShare];
      placement = 'hybrid';
    }
    if (depin === null) cloudOnly.push(w.id);
    // The workload's own Monte Carlo already gives its cloud and DePIN percentiles; keep samples for the rest
    // (a one-sided workload has none of its own).
    const keep = w.distribution === null || placement === 'hybrid';
    inputs.push({
      seed: (workloadSeed(scenario.monteCarlo.seed, w.id) ^ PORTFOLIO_STREAM) >>> 0,
      horizonMonths: bases.horizonMonths,
      demandGrowthMonthly: bases.demandGrowthMonthly,
      cloud: bases.cloud,
      depin,
      recommended: shares,
      keepSamples: keep,
    });
    placed.push({ id: w.id, placement, keep });
  }
  if (inputs.length === 0) return null;
  const params = portfolioPlan(inputs, scenario, {
    ...(options.compileFormula && { compileFormula: options.compileFormula }),
  });
  // In groups of workloads, so at most one group's per-trial samples are alive (10,000 workloads at once: 0.8 GB).
  const summary = await portfolioInGroups(params, options.runKernel ?? inlinePortfolioKernel);
  const kept = placed.filter((p) => p.keep);
  return {
    trials: summary.trials,
    seed: scenario.monteCarlo.seed,
    demandCorrelation: summary.demandCorrelation,
    recommended: summary.recommended,
    allCloud: summary.allCloud,
    allDecentralized: summary.allDecentralized,
    ...(summary.pRecommendedCheaper === undefined
      ? {}
      : { pRecommendedCheaper: summary.pRecommendedCheaper }),
    cloudOnlyWorkloads: cloudOnly,
    ...(depinOnly.length > 0 && { decentralizedOnlyWorkloads: depinOnly }),
    workloads: kept.map((p, i) => ({ id: p.id, placement: p.placement, horizon: summary.workloads[i]! })),
  };
}
