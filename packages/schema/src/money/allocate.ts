import { distributeRemainder } from './distributeRemainder.js';
import { assertMoney } from './messages.js';

/**
 * Split an integer number of minor units by ratios so that the parts add up to the total exactly
 * (dinero.js `allocate`, remainder by largest remainder). `allocate(1003, [50, 50])` → `[502, 501]`;
 * `allocate(1000, [0.7, 0.3])` → `[700, 300]`. Ratios are non-negative and not all zero.
 */
export function allocate(totalMinor: number, ratios: readonly number[]): number[] {
  assertMoney(Number.isSafeInteger(totalMinor), 'nonIntegerTotal', totalMinor);
  assertMoney(ratios.length > 0, 'emptyRatios');
  assertMoney(
    ratios.every((r) => Number.isFinite(r) && r >= 0),
    'negativeRatio',
    () => ratios.join(', '),
  );
  const sum = ratios.reduce((a, r) => a + r, 0);
  assertMoney(sum > 0, 'zeroRatios');
  const ideal = ratios.map((r) => (totalMinor * r) / sum);
  const floors = ideal.map((x) => Math.floor(x));
  const units = totalMinor - floors.reduce((a, f) => a + f, 0);
  return distributeRemainder(
    floors,
    ideal.map((x, i) => x - (floors[i] ?? 0)),
    units,
  ).map((p) => (p === 0 ? 0 : p));
}
