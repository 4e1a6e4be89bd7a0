import type { FactorId } from './factorIds.js';

/**
 * One factor's signed contribution to each side's score, in points (weight × signal), as data: its sentence is
 * rendered when shown (`reasonSentence`, `renderReasons`, `explainFit`).
 */
export interface FactorReason {
  readonly factor: FactorId;
  readonly cloud: number;
  readonly depin: number;
}
