import { assertMoney } from './messages.js';
import type { RoundingMode } from './roundingMode.js';

export interface ToMinorUnitsOptions {
  readonly mode: RoundingMode;
  /** Decimal places of the minor unit: 2 for cents, 4 for a unit price. */
  readonly scale: number;
}

/**
 * Express a float64 amount as an integer count of minor units (10^-scale), scaled exactly.
 * Shared by {@link toMinorUnits} and {@link roundLineItems}, which must agree on the exact value.
 *
 * Why `toPrecision(15)`: a float64 holds 15 significant decimal digits exactly, so snapping the scaled value
 * to 15 digits undoes representation error (0.285 × 100 = 28.499999999999996 → 28.5) before the rounding
 * mode sees it; otherwise a tie would silently round the wrong way.
 */
export function scaleToMinor(amount: number, scale: number): number {
  assertMoney(Number.isFinite(amount), 'nonFiniteAmount', amount);
  assertMoney(Number.isInteger(scale) && scale >= 0 && scale <= 12, 'invalidScale', scale);
  return Number((amount * 10 ** scale).toPrecision(15));
}

/**
 * THE presentation rounding step: a float64 model amount becomes an integer number of minor units, rounded
 * once with a named mode. Everything a report shows as money passes through here (or through
 * `roundLineItems`, which calls the same scaling) exactly once.
 */
export function toMinorUnits(amount: number, options: ToMinorUnitsOptions): number {
  const rounded = options.mode(scaleToMinor(amount, options.scale));
  assertMoney(Number.isSafeInteger(rounded), 'unsafeMinorUnits', amount);
  // −0 would print as "-0.00".
  return rounded === 0 ? 0 : rounded;
}
