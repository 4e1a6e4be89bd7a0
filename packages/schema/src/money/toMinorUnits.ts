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
  return snapTo15Digits(amount * 10 ** scale);
}

/** 10^0 … 10^22: every one an exact double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * `Number(x.toPrecision(15))` without the string, bit for bit. Scale |x| by 10^k into [10^14, 10^15), where
 * the 15 significant digits are the integer part: the product is within 1/16 of the exact one (half a unit in
 * the last place below 2^50), so its rounding to an integer is the exact value's unless its fraction lies within
 * 1/8 of a half; there the product's rounding error is computed exactly (`productError`) and the exact
 * fraction compared with a half (a tie rounds away from zero, as `toPrecision` does). Then n ÷ 10^k, both exact
 * doubles, is the correctly rounded quotient: the double nearest the 15-digit decimal, which is what `Number`
 * reads from the string. At a decade's edge the product's error (under 1/128 at 10^14) cannot cross a rounding
 * step of the neighbouring decade, so the edges need no case of their own. Outside 10^-7 … 10^15 the string path
 * decides. (The string path was a quarter of the CSV rendering of a streamed analysis: 6 % of its CPU; near a
 * half, a quarter of the amounts, it was still 2 %.)
 */
export function snapTo15Digits(x: number): number {
  const a = Math.abs(x);
  if (a === 0) return 0;
  if (!(a >= 1e-7 && a < 1e15)) return Number(x.toPrecision(15));
  let k = 14 - Math.floor(Math.log10(a));
  let y = a * POW10[k]!;
  if (y >= 1e15) y = a * POW10[--k]!;
  else if (y < 1e14) y = a * POW10[++k]!;
  const p = POW10[k]!;
  if (!(y >= 1e14 && y < 1e15)) return Number(x.toPrecision(15));
  const whole = Math.floor(y);
  const fraction = y - whole;
  let up = fraction > 0.5;
  if (Math.abs(fraction - 0.5) <= 0.125) {
    // The exact product is y + error, so its fraction less a half is (fraction − 0.5) + error: both exact
    // doubles, whose rounded sum has the exact sum's sign (and is zero only for an exact tie).
    up = fraction - 0.5 + productError(a, p, y) >= 0;
  }
  const snapped = (up ? whole + 1 : whole) / p;
  return x < 0 ? -snapped : snapped;
}

/** Veltkamp's splitter for doubles: 2^27 + 1. */
const SPLITTER = 134_217_729;

/**
 * a × b − y exactly, for y = a × b rounded (Dekker's two-product: each factor split into halves of 26 bits,
 * whose products are exact). Exact while no product overflows or underflows, as for the factors here (a from
 * 10^-7 to 10^15, b a power of ten up to 10^21).
 */
function productError(a: number, b: number, y: number): number {
  const ca = SPLITTER * a;
  const aHigh = ca - (ca - a);
  const aLow = a - aHigh;
  const cb = SPLITTER * b;
  const bHigh = cb - (cb - b);
  const bLow = b - bHigh;
  return aHigh * bHigh - y + aHigh * bLow + aLow * bHigh + aLow * bLow;
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
