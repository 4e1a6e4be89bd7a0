/**
 * The speed floor of the Monte Carlo kernel, for benchmarks: the same generator, block streams and draw
 * schedule as `monteCarloKernel` for the same plan and trial range (every draw filled by the same inlined
 * `fillDraws` loop), with no model. Returns the sum of the draws so the work cannot be elided.
 */
import { monteCarloDrawSchedule } from './monteCarloDraws.js';
import type { MonteCarloParams } from './monteCarloPlan.js';
import { fillDraws, MONTE_CARLO_BLOCK_TRIALS, seedSfc32State } from './prng.js';

export function bareDrawLoop(params: MonteCarloParams, trialStart: number, trialEnd: number): number {
  const kinds = monteCarloDrawSchedule(params);
  const n = kinds.length;
  const z = new Float64Array(n);
  const state = new Int32Array(4);
  const B = MONTE_CARLO_BLOCK_TRIALS;
  let acc = 0;
  if (trialStart >= trialEnd) return acc;
  for (let block = Math.floor(trialStart / B); block <= Math.floor((trialEnd - 1) / B); block++) {
    seedSfc32State(params.seed, block, state);
    const end = Math.min(trialEnd, (block + 1) * B);
    for (let trial = block * B; trial < end; trial++) {
      fillDraws(state, kinds, z, n);
      if (trial < trialStart) continue;
      for (let i = 0; i < n; i++) acc += z[i]!;
    }
  }
  return acc;
}
