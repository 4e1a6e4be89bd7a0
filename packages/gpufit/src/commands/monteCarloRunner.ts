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

/**
 * The kernel runner of the portfolio's joint Monte Carlo: this thread unless `--threads` asks for more. The joint
 * simulation runs in groups of workloads (portfolioInGroups), and each group's run starts its workers anew, whose
 * kernel starts cold each time: by default (all cores) 2,000 generated workloads took 28.0 s wall and 36.8 s of user
 * CPU on this 2-core host against 18.5 s and 19.8 s on one thread (2026-12-06 00:12 UTC, load 0.2-1.5; groups of 256
 * as well: 28.0 s against 18.8 s), so workers run only when asked for.
 */
export function portfolioKernelRunner(threads?: number): PortfolioKernelRunner {
  return (params, into) => runPortfolioKernel(params, threads ?? 1, undefined, into);
}
