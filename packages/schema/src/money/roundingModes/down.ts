import type { RoundingMode } from '../roundingMode.js';

/** Round towards negative infinity (floor): 2.9 → 2, −2.1 → −3. */
export const down: RoundingMode = (value) => Math.floor(value);
