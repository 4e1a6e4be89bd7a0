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
  const exact = new Array<number>(amounts.length);
  for (let i = 0; i < amounts.length; i++) exact[i] = scaleToMinor(amounts[i]!, scale);
  return allocateScaled(totalMinor, exact);
}

/**
 * `allocateToItems` of amounts already scaled to minor units (`scaleToMinor`), for a caller that needed them
 * scaled anyway (a report's line items are summed in minor units first). One pass and no copies when the
 * floors already add up to the total (most line items): this ran for every option of every streamed workload.
 */
export function allocateScaled(totalMinor: number, exact: readonly number[]): number[] {
  assertMoney(Number.isSafeInteger(totalMinor), 'nonIntegerTotal', totalMinor);
  const n = exact.length;
  const floors = new Array<number>(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const f = Math.floor(exact[i]!);
    floors[i] = f;
    sum += f;
  }
  if (n === 0) return [];
  const units = totalMinor - sum;
  let parts = floors;
  if (units !== 0) {
    const remainders = new Array<number>(n);
    for (let i = 0; i < n; i++) remainders[i] = exact[i]! - floors[i]!;
    parts = distributeRemainder(floors, remainders, units);
  }
  // −0 would print as "-0.00".
  for (let i = 0; i < n; i++) if (parts[i] === 0) parts[i] = 0;
  return parts;
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
