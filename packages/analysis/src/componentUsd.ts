import type { CostComponentName, CostEstimate } from '@gpufit/schema';

/** The USD a month of one named cost line of an estimate (0 when the estimate has no such line). */
export function componentUsd(estimate: CostEstimate | null | undefined, name: CostComponentName): number {
  let total = 0;
  for (const c of estimate?.components ?? []) if (c.name === name) total += c.usd;
  return total;
}
