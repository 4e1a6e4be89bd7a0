import type { MonteCarloRunner } from '../analyze.js';

/**
 * The Monte Carlo runner the CLI hands to analyze(): inline (single-threaded). Same seed, same numbers.
 */
export function monteCarloRunner(_threads?: number): MonteCarloRunner | undefined {
  return undefined;
}
