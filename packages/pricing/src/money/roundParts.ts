import { assert } from '../assert.js';
import { EMPTY_WEIGHTS, INVALID_AMOUNT } from '../messages.js';
import type { AllocateOptions } from './allocate.js';
import { distributeLargestRemainder } from './distributeLargestRemainder.js';
import { fromMinorUnits, toMinorUnits } from './minorUnits.js';

/**
 * Rounds the line items of a bill (which may include a negative line, such as an incentive subsidy) so that the
 * shown items add up exactly to the shown total `roundMoney(Σ parts)`. Unlike `allocate` it does not rescale:
 * each item is its own exact amount, floored to a minor unit, and the units the floors dropped go to the items
 * with the largest remainders. Each shown item is within one minor unit of its exact amount.
 */
export function roundParts(
  partsUsd: readonly number[],
  options: AllocateOptions,
): { total: number; parts: number[] } {
  assert(partsUsd.length > 0, EMPTY_WEIGHTS);
  const { decimals, rounding } = options;
  let sum = 0;
  const exact = partsUsd.map((p) => {
    assert(Number.isFinite(p), INVALID_AMOUNT, p);
    const u = toMinorUnits(p, decimals);
    sum += u;
    return u;
  });
  const totalUnits = rounding(Number(sum.toPrecision(15)));
  const parts = distributeLargestRemainder(totalUnits, exact).map((u) => fromMinorUnits(u, decimals));
  return { total: fromMinorUnits(totalUnits, decimals), parts };
}
