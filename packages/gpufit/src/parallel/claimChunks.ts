/**
 * Dynamic scheduling of the parallel Monte Carlo: every thread (the calling one and each worker) claims the
 * next chunk of trials from a shared counter until none is left, so a thread that starts late (a worker
 * loading its module) or runs slower simply takes fewer chunks. Chunks are whole 1,024-trial blocks and a
 * trial's numbers depend only on the seed and its index (prng.ts of @gpufit/pricing), so which thread computes
 * a chunk never changes a number.
 */
import {
  MONTE_CARLO_BLOCK_TRIALS,
  type MonteCarloOut,
  type MonteCarloParams,
  monteCarloKernel,
  type PortfolioOut,
  type PortfolioParams,
  portfolioKernel,
} from '@gpufit/pricing';

/** Trials per claim: 8 blocks (about 15 ms of a 36-month plan on one core here). */
export const CHUNK_TRIALS = 8 * MONTE_CARLO_BLOCK_TRIALS;

/** Runs the kernel over chunks claimed from `next[0]` until every trial is claimed; returns the trials run. */
export function runClaimedChunks(params: MonteCarloParams, next: Int32Array, out: MonteCarloOut): number {
  return claimAll(params.trials, next, (start, end) => monteCarloKernel(params, start, end, out));
}

/** The same for the portfolio's joint Monte Carlo. */
export function runClaimedPortfolioChunks(
  params: PortfolioParams,
  next: Int32Array,
  out: PortfolioOut,
): number {
  return claimAll(params.trials, next, (start, end) => portfolioKernel(params, start, end, out));
}

function claimAll(trials: number, next: Int32Array, run: (start: number, end: number) => void): number {
  let done = 0;
  for (;;) {
    const start = Atomics.add(next, 0, CHUNK_TRIALS);
    if (start >= trials) return done;
    const end = Math.min(trials, start + CHUNK_TRIALS);
    run(start, end);
    done += end - start;
  }
}
