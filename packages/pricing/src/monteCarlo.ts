/**
 * Seeded Monte Carlo of the cloud-versus-DePIN spend over the horizon (DESIGN §5.9), in this thread:
 * plan (monteCarloPlan.ts) → kernel over all trials (monteCarloKernel.ts) → percentiles
 * (monteCarloSummary.ts). The worker-thread runner in `gpufit` runs the same three steps with the trials
 * split across threads and returns the identical `Distribution`.
 */
import type { Distribution } from '@gpufit/schema';
import type { CostBasis } from './costBasis.js';
import { allocateMonteCarloOut, type MonteCarloOut, monteCarloKernel } from './monteCarloKernel.js';
import {
  type MonteCarloParams,
  type MonteCarloPlanOptions,
  type MonteCarloScenario,
  monteCarloPlan,
} from './monteCarloPlan.js';
import { summarizeMonteCarlo } from './monteCarloSummary.js';

export function monteCarlo(
  bases: { readonly cloud: CostBasis; readonly depin: CostBasis },
  scenario: MonteCarloScenario,
  options: MonteCarloPlanOptions = {},
): Distribution {
  const params = monteCarloPlan(bases, scenario, options);
  const length = 2 * params.trials + 2 * params.months * params.sampleTrials;
  // A larger run (a `simulate` of a million trials) gets arrays of its own, not a buffer kept for the process.
  if (length > SCRATCH_MAX) return summarizeMonteCarlo(params, kernel(params, allocateMonteCarloOut(params)));
  if (scratch.length < length) scratch = new Float64Array(length);
  let at = 0;
  const out = allocateMonteCarloOut(params, (n) => {
    const part = scratch.subarray(at, at + n);
    at += n;
    return part.fill(0);
  });
  return summarizeMonteCarlo(params, kernel(params, out));
}

function kernel(params: MonteCarloParams, out: MonteCarloOut): MonteCarloOut {
  monteCarloKernel(params, 0, params.trials, out);
  return out;
}

/** Doubles of the largest reused buffer: 16 MB, the arrays of 10,000 trials over 50 months. */
const SCRATCH_MAX = 2 * 1024 * 1024;

/**
 * The kernel's output arrays, cut from one buffer kept from call to call (the largest plan's size so far): a
 * portfolio's workloads each ran the simulation into new arrays (up to 5.8 MB a workload at 36 months), garbage
 * that stayed in memory until V8 next collected the old generation. This function is synchronous and keeps only
 * the summary's numbers, so nothing sees the arrays after it returns.
 */
let scratch = new Float64Array(0);
