import type { CompiledFramework } from './compileFramework.js';

/** Index into FIT_LEVELS (low, medium, high) of a clamped score under the framework's thresholds. */
export function levelOf(score: number, fw: CompiledFramework): number {
  return score >= fw.high ? 2 : score >= fw.medium ? 1 : 0;
}

/**
 * The approach (index into APPROACHES) the soft scores support, before hard constraints: the most
 * DePIN-leaning rule whose "DePIN − cloud ≥ minLean and DePIN level ≥ minDepinLevel" holds, else
 * traditional cloud. Each test is monotone (non-decreasing in DePIN score, non-increasing in cloud
 * score) and the maximum of monotone choices is monotone, so more DePIN fit never moves the approach
 * toward cloud, for any rule set a team configures.
 */
export function chooseApproach(
  cloud: number,
  depin: number,
  depinLevel: number,
  fw: CompiledFramework,
): number {
  const lean = depin - cloud;
  let approach = 0;
  const n = fw.ruleApproach.length;
  for (let r = 0; r < n; r++) {
    const a = fw.ruleApproach[r]!;
    if (a > approach && lean >= fw.ruleMinLean[r]! && depinLevel >= fw.ruleMinLevel[r]!) approach = a;
  }
  return approach;
}
