/**
 * A number for reading in an assumption: 3 significant digits (`digits`), no trailing zeros. Faster than
 * `Number(x.toPrecision(3))` in the hot path: scale by an exact power of ten, round, scale back.
 */
export function readableNumber(x: number, digits = 3): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const exponent = Math.floor(Math.log10(Math.abs(x))) - (digits - 1);
  if (exponent < -15 || exponent > 15) return String(Number(x.toPrecision(digits)));
  return exponent < 0
    ? String(Math.round(x * 10 ** -exponent) / 10 ** -exponent)
    : String(Math.round(x / 10 ** exponent) * 10 ** exponent);
}
