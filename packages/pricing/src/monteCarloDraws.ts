/**
 * The draw schedule of one Monte Carlo trial: which draws (uniform or normal) it takes, in which order. Both
 * `monteCarloKernel` and the `bareDrawLoop` floor take exactly these draws, filled by `fillDraws` (prng.ts).
 *
 * Order (factor by factor, so the kernel models each factor in its own tight loop): the price normal of each
 * option with a price spread (cloud, then DePIN); the demand normals of months 0…M−1 (if demand volatility
 * > 0); for each incentive token with volatility > 0, the normals of months 1…M−1; then for cloud, then DePIN,
 * one draw per month with interruptions: a uniform (Poisson inversion, mean ≤ 200) or a normal (normal
 * approximation above).
 */
import type { MonteCarloParams } from './monteCarloPlan.js';
import { POISSON_TABLE_MAX_MEAN } from './poissonInversion.js';
import { DRAW_NORMAL, DRAW_UNIFORM } from './prng.js';

export const INTERRUPTIONS_NONE = 0;
export const INTERRUPTIONS_POISSON = 1;
export const INTERRUPTIONS_NORMAL = 2;

/** Below this expected count a month has no interruption draw (its re-work is kept at its mean). */
export const MIN_DRAWN_INTERRUPTIONS = 1e-9;

/** How option `o`'s interruptions in month t are drawn. */
export function interruptionMode(params: MonteCarloParams, o: 0 | 1, t: number): number {
  const m = params.interruptionDraws ? params.options[o].interruptionsPerMonth[t]! : 0;
  if (!(m >= MIN_DRAWN_INTERRUPTIONS)) return INTERRUPTIONS_NONE;
  return m <= POISSON_TABLE_MAX_MEAN ? INTERRUPTIONS_POISSON : INTERRUPTIONS_NORMAL;
}

export function monteCarloDrawSchedule(params: MonteCarloParams): Uint8Array {
  const kinds: number[] = [];
  for (const o of params.options) if (o.priceSigma > 0) kinds.push(DRAW_NORMAL);
  if (params.demandSigma > 0) for (let t = 0; t < params.months; t++) kinds.push(DRAW_NORMAL);
  for (const k of params.tokens) {
    if (k.logVolatility > 0) for (let t = 1; t < params.months; t++) kinds.push(DRAW_NORMAL);
  }
  for (const o of [0, 1] as const) {
    for (let t = 0; t < params.months; t++) {
      const mode = interruptionMode(params, o, t);
      if (mode === INTERRUPTIONS_POISSON) kinds.push(DRAW_UNIFORM);
      else if (mode === INTERRUPTIONS_NORMAL) kinds.push(DRAW_NORMAL);
    }
  }
  return Uint8Array.from(kinds);
}
