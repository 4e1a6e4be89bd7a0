import type { MonteCarloRunner, PortfolioKernelRunner } from '@gpufit/analysis';
import { monteCarlo } from '@gpufit/pricing';
import { monteCarloParallel } from '../parallel/monteCarloParallel.js';
import { runPortfolioKernel } from '../parallel/portfolioParallel.js';

/** Below this many trial-months a worker's start-up costs more than it saves: run on this thread. */
export const PARALLEL_MIN_TRIAL_MONTHS = 2_000_000;

/**
 * The Monte Carlo runner the CLI hands to analyze(): worker threads for large runs (all cores unless
 * `--threads` says otherwise), this thread for small ones. Either way the same seed gives the same numbers,
 * bit for bit (the trial blocks draw from streams of their own).
 */
export function monteCarloRunner(threads?: number): MonteCarloRunner {
  return (bases, scenario, options) => {
    const small = options.trials * scenario.horizonMonths < PARALLEL_MIN_TRIAL_MONTHS;
    if (threads === 1 || (threads === undefined && small)) return monteCarlo(bases, scenario, options);
    return monteCarloParallel(bases, scenario, { ...options, ...(threads !== undefined && { threads }) });
  };
}

/** The kernel runner of the portfolio's joint Monte Carlo: worker threads for large runs, as above. */
export function portfolioKernelRunner(threads?: number): PortfolioKernelRunner {
  return (params, into) => {
    const trialMonths = params.trials * params.months * Math.max(1, params.workloads.length);
    const small = trialMonths < PARALLEL_MIN_TRIAL_MONTHS;
    return runPortfolioKernel(params, threads === undefined && small ? 1 : threads, undefined, into);
  };
}
