import type { Decision } from './results.js';

/**
 * The share of a workload's GPU-hours its recommendation places on the decentralized side: 1 when decentralized,
 * the split's `depinShare` when hybrid, 0 on cloud. What scales the decentralized option's lines (its incentive
 * subsidy, for one) into the recommended plan.
 */
export function recommendedDepinShare(d: Pick<Decision, 'recommendation' | 'hybrid'>): number {
  if (d.recommendation === 'depin') return 1;
  return d.recommendation === 'hybrid' ? (d.hybrid?.depinShare ?? 0) : 0;
}
