import { assert } from '../assert.js';
import { EMPTY_WEIGHTS, INVALID_WEIGHTS } from '../messages.js';
import { distributeLargestRemainder } from './distributeLargestRemainder.js';
import { fromMinorUnits, toMinorUnits } from './minorUnits.js';
import type { RoundingMode } from './roundingMode.js';

export interface AllocateOptions {
  /** Decimal places of the shown amounts (2 = cents). */
  readonly decimals: number;
  /** How the total is rounded before it is split. */
  readonly rounding: RoundingMode;
}

/**
 * Splits `totalUsd` in proportion to `weights` so the shown parts add up exactly to the shown total
 * (`roundMoney(totalUsd)`): every part gets the floor of its exact share in minor units, and the units left over
 * go one each to the parts with the largest remainders, earlier parts first on ties (the largest-remainder
 * method, as dinero.js `allocate`). Each part is within one minor unit of its exact share.
 * Weights must be finite, non-negative and not all zero.
 */
export function allocate(totalUsd: number, weights: readonly number[], options: AllocateOptions): number[] {
  assert(weights.length > 0, EMPTY_WEIGHTS);
  let sum = 0;
  for (const w of weights) {
    assert(Number.isFinite(w) && w >= 0, INVALID_WEIGHTS, w);
    sum += w;
  }
  assert(sum > 0, INVALID_WEIGHTS, 'all weights are zero');
  const { decimals, rounding } = options;
  const totalUnits = rounding(toMinorUnits(totalUsd, decimals));
  const exact = weights.map((w) => (totalUnits * w) / sum);
  return distributeLargestRemainder(totalUnits, exact).map((u) => fromMinorUnits(u, decimals));
}
