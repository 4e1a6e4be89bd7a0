/**
 * Seeded Monte Carlo of the cloud-versus-DePIN spend over the horizon (DESIGN §5.9), in this thread:
 * plan (monteCarloPlan.ts) → kernel over all trials (monteCarloKernel.ts) → percentiles
 * (monteCarloSummary.ts). The worker-thread runner in `gpufit` runs the same three steps with the trials
 * split across threads and returns the identical `Distribution`.
 */
import type { Distribution } from '@gpufit/schema';
import type { CostBasis } from './costBasis.js';
import { allocateMonteCarloOut, monteCarloKernel } from './monteCarloKernel.js';
import { type MonteCarloPlanOptions, type MonteCarloScenario, monteCarloPlan } from './monteCarloPlan.js';
import { summarizeMonteCarlo } from './monteCarloSummary.js';

export function monteCarlo(
  bases: { readonly cloud: CostBasis; readonly depin: CostBasis },
  scenario: MonteCarloScenario,
  options: MonteCarloPlanOptions = {},
): Distribution {
  const params = monteCarloPlan(bases, scenario, options);
  const out = allocateMonteCarloOut(params);
  monteCarloKernel(params, 0, params.trials, out);
  return summarizeMonteCarlo(params, out);
}
