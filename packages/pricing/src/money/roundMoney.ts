import { fromMinorUnits, toMinorUnits } from './minorUnits.js';
import type { RoundingMode } from './roundingMode.js';

/**
 * Rounds a USD amount to `decimals` places with a named rounding mode. Model arithmetic stays float64; this is
 * the one explicit rounding step, applied at the presentation boundary (DESIGN §5 "Money").
 */
export function roundMoney(usd: number, decimals: number, mode: RoundingMode): number {
  return fromMinorUnits(mode(toMinorUnits(usd, decimals)), decimals);
}
