import type { RoundingMode } from '../roundingMode.js';

/** Round half away from zero (the school rule, ECMA-402 "halfExpand"): 2.5 → 3, −2.5 → −3. */
export const halfAwayFromZero: RoundingMode = (value) => {
  const magnitude = Math.abs(value);
  const floor = Math.floor(magnitude);
  const rounded = magnitude - floor >= 0.5 ? floor + 1 : floor;
  return value < 0 ? -rounded : rounded;
};
