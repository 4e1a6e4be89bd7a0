import type { RoundingMode } from '../roundingMode.js';
import { down } from './down.js';
import { halfAwayFromZero } from './halfAwayFromZero.js';
import { halfDown } from './halfDown.js';
import { halfEven } from './halfEven.js';
import { halfUp } from './halfUp.js';
import { up } from './up.js';

/** The named rounding modes a report may be asked for; the name is printed in every report. */
export const roundingModes = {
  halfEven,
  halfUp,
  halfDown,
  halfAwayFromZero,
  up,
  down,
} as const satisfies Record<string, RoundingMode>;

export type RoundingModeName = keyof typeof roundingModes;

/** gpufit rounds shown money half to even: unbiased over many line items (see docs/reports.md). */
export const DEFAULT_ROUNDING_MODE: RoundingModeName = 'halfEven';
