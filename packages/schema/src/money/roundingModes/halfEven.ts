import type { RoundingMode } from '../roundingMode.js';

/** Round half to even ("banker's rounding", IEEE 754 roundTiesToEven): 2.5 → 2, 3.5 → 4, −2.5 → −2. */
export const halfEven: RoundingMode = (value) => {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
};
