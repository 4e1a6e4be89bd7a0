import type { RoundingMode } from './roundingMode.js';

/** Rounds to the nearest whole number; a tie (exactly .5) goes up, towards +∞. 2.5 → 3, −2.5 → −2. */
export const halfUp: RoundingMode = (x) => {
  const floor = Math.floor(x);
  return x - floor >= 0.5 ? floor + 1 : floor;
};
