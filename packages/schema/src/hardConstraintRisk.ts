import type { HardConstraint } from './results.js';

/**
 * The risk a decentralized side's hard constraint gives a workload ("DePIN is ruled out: …", or "limited to
 * overflow"): written by the analysis's risk rules, and recognised by the report's top risks, which leave it out
 * when the summary table already shows the side as ineligible.
 */
export function hardConstraintRisk(c: Pick<HardConstraint, 'scope' | 'reason'>): string {
  return `DePIN is ${c.scope === 'all' ? 'ruled out' : 'limited to overflow'}: ${c.reason}`;
}
