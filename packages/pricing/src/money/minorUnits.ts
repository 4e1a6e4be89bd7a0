import { assert } from '../assert.js';
import { AMOUNT_TOO_LARGE, INVALID_AMOUNT, INVALID_DECIMALS } from '../messages.js';

/**
 * `usd × 10^decimals` as a real number of minor units, snapped to 15 significant digits so that a decimal
 * written as 1.005 (stored as 1.00499999999999989…) counts as the tie it was written as.
 */
export function toMinorUnits(usd: number, decimals: number): number {
  assert(Number.isFinite(usd), INVALID_AMOUNT, usd);
  assert(Number.isInteger(decimals) && decimals >= 0 && decimals <= 12, INVALID_DECIMALS, decimals);
  const units = Number((usd * 10 ** decimals).toPrecision(15));
  assert(Math.abs(units) < 2 ** 52, AMOUNT_TOO_LARGE, () => `${usd} at ${decimals} decimals`);
  return units;
}

export function fromMinorUnits(units: number, decimals: number): number {
  return units / 10 ** decimals;
}
