import type { RoundingMode } from '../roundingMode.js';

/** Round towards positive infinity (ceiling): 2.1 → 3, −2.9 → −2. */
export const up: RoundingMode = (value) => Math.ceil(value);
