import type { RoundingMode } from '../roundingMode.js';

/** Round half towards negative infinity: 2.5 → 2, −2.5 → −3. */
export const halfDown: RoundingMode = (value) => {
  const floor = Math.floor(value);
  return value - floor > 0.5 ? floor + 1 : floor;
};
