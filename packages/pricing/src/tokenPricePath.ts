/**
 * Incentive-token USD price as geometric Brownian motion (DESIGN §5.7): dS = μ S dt + σ S dW with annual
 * drift μ and annual volatility σ from `scenario.tokenPrices[symbol]`.
 *
 * Monthly steps use the exact log-normal discretization (no Euler error):
 *   S(k+1) = S(k) · exp((μ − σ²/2)·Δ + σ·√Δ·Z),  Δ = 1/12 year,  Z ~ N(0, 1),
 * so E[S(k)] = S0 · e^{μ k / 12} for every k, which is the deterministic path a projection uses.
 * Assumptions: constant μ and σ, no jumps, independent monthly shocks.
 */
import type { TokenPriceModel } from '@gpufit/schema';
import type { Prng } from './prng.js';

export const MONTHS_PER_YEAR = 12;

/** Per-month log-drift and log-volatility of the exact discretization. */
export function tokenStepCoefficients(model: TokenPriceModel): {
  readonly logDrift: number;
  readonly logVolatility: number;
} {
  const dt = 1 / MONTHS_PER_YEAR;
  const s = model.annualVolatility;
  return { logDrift: (model.annualDrift - (s * s) / 2) * dt, logVolatility: s * Math.sqrt(dt) };
}

/** E[S(t)] = S0 · e^{μ t / 12}, t in months. */
export function expectedTokenPrice(model: TokenPriceModel, t: number): number {
  return model.spotUsd * Math.exp((model.annualDrift * t) / MONTHS_PER_YEAR);
}

export interface TokenPricePathOptions {
  /** Draw a random path from this generator; without it, the expected path E[S(k)]. */
  readonly rng?: Prng;
}

/** USD prices at the start of months 0..months−1 (month 0 is the spot price). */
export function tokenPricePath(
  model: TokenPriceModel,
  months: number,
  options: TokenPricePathOptions = {},
): Float64Array {
  const out = new Float64Array(months);
  const { rng } = options;
  if (!rng) {
    for (let k = 0; k < months; k++) out[k] = expectedTokenPrice(model, k);
    return out;
  }
  const { logDrift, logVolatility } = tokenStepCoefficients(model);
  let s = model.spotUsd;
  for (let k = 0; k < months; k++) {
    out[k] = s;
    if (k + 1 < months) s *= Math.exp(logDrift + logVolatility * rng.nextNormal());
  }
  return out;
}
