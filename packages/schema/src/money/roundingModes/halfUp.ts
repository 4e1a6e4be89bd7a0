import type { RoundingMode } from '../roundingMode.js';

/** Round half towards positive infinity: 2.5 → 3, −2.5 → −2. */
export const halfUp: RoundingMode = (value) => {
  const floor = Math.floor(value);
  return value - floor >= 0.5 ? floor + 1 : floor;
};
