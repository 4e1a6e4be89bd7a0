import type { Analysis } from '@gpufit/schema';
import { allAccepted, analysisAccounting } from './analysisAccounting.js';
import type { AnalyzeInput } from './analyzeInput.js';
import { type AnalyzedWorkload, createWorkloadAnalyzer } from './analyzeWorkload.js';
import { internStrings } from './internStrings.js';
import { portfolioDistribution } from './portfolioDistribution.js';
import { PortfolioLedger } from './portfolioLedger.js';
import { scenarioEffects } from './scenarioEffects.js';

export type { AnalyzeInput, MonteCarloRunner } from './analyzeInput.js';

/**
 * The whole job for a portfolio (DESIGN §2 data flow): fit → price every offer → cheapest feasible cloud and
 * DePIN option → decision (fit × cost) → projection over the horizon → Monte Carlo → risks → totals.
 * Deterministic: no clock and no randomness except the seeded Monte Carlo (each workload's stream is derived
 * from the scenario seed and the workload id, so adding a workload does not change the others' numbers).
 */
export async function analyze(input: AnalyzeInput): Promise<Analysis> {
  const analyzeOne = createWorkloadAnalyzer(input);
  const ledger = new PortfolioLedger(input.scenario, true, input.offers, input.networks);
  const analyzed: AnalyzedWorkload[] = [];
  // Every workload's result is held until the reports are written: its strings and its equal leaf objects (fit
  // reasons, cost lines, cited offers) shared with the others'.
  const strings = new Map<string, string>();
  const leaves = new Map<number, object | object[]>();
  for (const [i, profile] of input.workloads.entries()) {
    const one = await analyzeOne(profile);
    internStrings(one.workload, strings, leaves);
    ledger.add(one);
    analyzed.push(one);
    input.onProgress?.(i + 1, input.workloads.length);
  }
  // The joint Monte Carlo of the whole plan (skipped with the per-workload one).
  const distribution =
    input.monteCarlo === false
      ? null
      : await portfolioDistribution(analyzed, input.scenario, {
          ...(input.portfolioKernel && { runKernel: input.portfolioKernel }),
          ...(input.compileFormula && { compileFormula: input.compileFormula }),
        });
  const totals = ledger.totals();
  const analysis: Analysis = {
    ...ledger.header(),
    workloads: ledger.workloads,
    totals: distribution === null ? totals : { ...totals, distribution },
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
  if (input.scenarioBaseline === undefined) return analysis;
  return { ...analysis, scenarioEffects: await scenarioEffects(input, analysis, input.scenarioBaseline) };
}
