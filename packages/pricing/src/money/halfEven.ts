import type { RoundingMode } from './roundingMode.js';

/**
 * Rounds to the nearest whole number; a tie (exactly .5) goes to the even neighbour ("banker's rounding",
 * IEEE 754 roundTiesToEven), so repeated roundings do not drift in one direction. 2.5 → 2, 3.5 → 4, −2.5 → −2.
 */
export const halfEven: RoundingMode = (x) => {
  const floor = Math.floor(x);
  const fraction = x - floor; // exact: floor ≤ x < floor + 1
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
};
