import { distributeRemainder } from './distributeRemainder.js';
import { assertMoney } from './messages.js';
import type { ToMinorUnitsOptions } from './toMinorUnits.js';
import { scaleToMinor, toMinorUnits } from './toMinorUnits.js';

export interface RoundLineItemsOptions extends ToMinorUnitsOptions {
  /**
   * The exact total the items belong to, when the producer states it (e.g. `CostEstimate.monthlyUsd`).
   * Default: the sum of the items.
   */
  readonly totalUsd?: number;
}

export interface RoundedLineItems {
  readonly totalMinor: number;
  readonly partsMinor: readonly number[];
}

/**
 * Allocate an already-rounded total (integer minor units) across line items by largest remainder around each
 * item's exact value: the parts always add up to `totalMinor`, and each part is within one minor unit of its
 * exact value whenever the items' exact sum rounds to the total. Items may be negative.
 */
export function allocateToItems(totalMinor: number, amounts: readonly number[], scale: number): number[] {
  assertMoney(Number.isSafeInteger(totalMinor), 'nonIntegerTotal', totalMinor);
  const exact = amounts.map((a) => scaleToMinor(a, scale));
  const floors = exact.map((x) => Math.floor(x));
  const units = totalMinor - floors.reduce((a, f) => a + f, 0);
  if (exact.length === 0) return [];
  return distributeRemainder(
    floors,
    exact.map((x, i) => x - (floors[i] ?? 0)),
    units,
  ).map((p) => (p === 0 ? 0 : p));
}

/**
 * Round a table of line items for display so that the shown items add up to the shown total: the total is
 * rounded once with the named mode, then allocated across the items ({@link allocateToItems}).
 */
export function roundLineItems(
  amountsUsd: readonly number[],
  options: RoundLineItemsOptions,
): RoundedLineItems {
  const totalUsd = options.totalUsd ?? amountsUsd.reduce((a, x) => a + x, 0);
  const totalMinor = toMinorUnits(totalUsd, options);
  return { totalMinor, partsMinor: allocateToItems(totalMinor, amountsUsd, options.scale) };
}
