/**
 * The cost-minimizing committed baseline of a hybrid (DESIGN §5.10): the newsvendor solution (Arrow,
 * Harris & Marschak 1951; any operations-research text, e.g. Porteus 2002 ch. 1).
 *
 * Hold b GPUs committed at r_c per GPU-hour (paid whether used or not) and send demand above b to burst
 * capacity at r_b per used GPU-hour. Expected hourly cost C(b) = r_c·b + r_b·E[(D − b)⁺] is convex in b with
 * C′(b) = r_c − r_b·P(D > b), so the optimum is the demand quantile with the critical ratio
 *   F(b*) = 1 − r_c / r_b.
 * When r_b ≤ r_c the ratio is ≤ 0: a committed GPU costs at least as much as bursting even when fully
 * used, and more when idle, so b* = 0 and everything runs on burst capacity.
 * Assumes linear prices and that burst capacity is there when asked for.
 */
import { assert } from './assert.js';

export const NEWSVENDOR_BAD_RATES = 'newsvendor rates must be finite and above 0 (USD per GPU-hour)';

/** The critical ratio 1 − r_c / r_b, or 0 when bursting is no dearer than committing. */
export function newsvendorCriticalRatio(committedRate: number, burstRate: number): number {
  assert(
    Number.isFinite(committedRate) && committedRate > 0 && Number.isFinite(burstRate) && burstRate > 0,
    NEWSVENDOR_BAD_RATES,
    () => `committed ${committedRate}, burst ${burstRate}`,
  );
  if (burstRate <= committedRate) return 0;
  // When r_c / r_b is below 2⁻⁵³ the ratio rounds to 1, a probability no quantile takes: use the largest below 1.
  return Math.min(1 - committedRate / burstRate, LARGEST_BELOW_ONE);
}

/** The largest float64 below 1. */
const LARGEST_BELOW_ONE = 1 - 2 ** -53;

/** b* = F⁻¹(1 − r_c / r_b), in the units of `demandQuantile` (GPUs); 0 when r_b ≤ r_c. */
export function newsvendorBaseline(
  demandQuantile: (p: number) => number,
  committedRate: number,
  burstRate: number,
): number {
  const ratio = newsvendorCriticalRatio(committedRate, burstRate);
  return ratio <= 0 ? 0 : Math.max(0, demandQuantile(ratio));
}
