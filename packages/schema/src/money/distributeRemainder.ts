/**
 * Largest-remainder distribution (Hamilton's method; dinero.js `core/utils/distribute.ts`): starting from
 * the floors of ideal shares, hand out `units` whole minor units one at a time, largest fractional remainder
 * first (ties: the earlier part), cycling if there are more units than parts. Negative `units` are taken back
 * from the smallest remainders first. The result always sums to Σfloors + units.
 */
export function distributeRemainder(
  floors: readonly number[],
  remainders: readonly number[],
  units: number,
): number[] {
  const parts = [...floors];
  if (parts.length === 0 || units === 0) return parts;
  const order = parts.map((_, i) => i);
  const byRemainder = (a: number, b: number): number => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b;
  order.sort(units > 0 ? byRemainder : (a, b) => byRemainder(b, a));
  const step = units > 0 ? 1 : -1;
  for (let k = 0; k < Math.abs(units); k += 1) {
    const i = order[k % order.length] ?? 0;
    parts[i] = (parts[i] ?? 0) + step;
  }
  return parts;
}
