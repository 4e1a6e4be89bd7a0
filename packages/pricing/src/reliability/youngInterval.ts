import { assert } from '../assert.js';
import { INVALID_DURATION, INVALID_MTBF } from '../messages.js';

/**
 * Young's first-order optimum compute time between checkpoints: τ = √(2δM), with δ the time to write a
 * checkpoint and M the mean time between failures (same unit, here hours).
 *
 * Source: J. W. Young, "A first order approximation to the optimum checkpoint interval", CACM 17(9), 1974.
 * Assumes failures arrive as a Poisson process (exponential inter-arrival times) and δ ≪ M.
 */
export function youngInterval(checkpointHours: number, mtbfHours: number): number {
  assert(
    Number.isFinite(checkpointHours) && checkpointHours >= 0,
    INVALID_DURATION,
    () => `checkpoint ${checkpointHours}`,
  );
  assert(Number.isFinite(mtbfHours) && mtbfHours > 0, INVALID_MTBF, mtbfHours);
  return Math.sqrt(2 * checkpointHours * mtbfHours);
}
