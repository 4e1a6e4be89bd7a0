import { formatMinorUnits } from '@gpufit/schema';

/**
 * FOCUS Decimal columns must always carry a decimal point (the validator reads `12` or `0` as an integer and
 * fails the column): print an integer of 10^-scale units with at least one decimal, `730` → `730.0`.
 */
export function focusDecimal(minor: number, scale: number): string {
  return formatMinorUnits(minor, { scale, grouping: '', minDecimals: Math.min(1, scale) }).replace(
    /^(-?\d+)$/,
    '$1.0',
  );
}
