/**
 * A price as an imported offer stores it: rounded half away from zero to 6 decimals (a millionth of a dollar),
 * the precision of `datasets/offers.csv`, so a median of cents (`(0.1 + 0.2) / 2`) carries no float noise.
 * Rounding keeps order, so min ≤ median ≤ max survives it.
 */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}
