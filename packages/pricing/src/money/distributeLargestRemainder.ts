/**
 * Whole numbers, one per exact share, that add up to `totalUnits`: each share's floor, plus one unit for the
 * shares with the largest fractional parts until the total is reached (ties: earlier share first). Requires the
 * exact shares to add up to `totalUnits` (up to float error); every result is then within one unit of its share.
 */
export function distributeLargestRemainder(totalUnits: number, exact: readonly number[]): number[] {
  const parts = exact.map((e) => Math.floor(e));
  let given = 0;
  for (const p of parts) given += p;
  let left = Math.round(totalUnits - given);
  if (left <= 0) return parts;
  // remainders compared to 1e-9 of a unit, so float noise (0.3999…96 vs 0.4000…09) cannot break a tie
  const order = exact
    .map((e, i) => ({ i, r: Math.round((e - Math.floor(e)) * 1e9) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}
