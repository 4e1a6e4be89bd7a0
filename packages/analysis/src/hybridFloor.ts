import { demandShape } from '@gpufit/pricing';
import type { FitAssessment, WorkloadProfile } from '@gpufit/schema';
import { workloadKinds } from '@gpufit/schema';
import { decisionRules } from './decide.js';

/** gpufit rule: a p99 budget at or under this keeps serving's base load on stable cloud capacity (where it runs is the far-from-users risk's concern). */
export const LATENCY_FLOOR_MS = 1000;

/**
 * The least share of GPU-hours a hybrid split must keep on cloud, and why (DESIGN §5.10: "hard constraints and
 * latency needs set a floor on the cloud share"). The seed's hybrid: "keep … low-latency serving on core cloud
 * infrastructure. Then use decentralized capacity for overflow". When a hard constraint covers part of the
 * workload, or serving has a tight latency budget, the mean load stays on cloud and only the peaks above it may
 * go out: the floor is the share of GPU-hours a baseline of the mean serves, E[min(D, mean)] / E[D]
 * (`meanLoadShare`; all of it when demand is flat). A constraint on all of it: floor 1.
 */
export function hybridFloor(
  profile: WorkloadProfile,
  fit: FitAssessment,
): { share: number; reason: string | null } {
  const all = fit.constraints.find((c) => c.side === 'depin' && c.scope === 'all');
  if (all) return { share: 1, reason: all.reason };
  const part = fit.constraints.find((c) => c.side === 'depin' && c.scope === 'part');
  const overflowOnly = meanLoadShare(profile.peakToMeanRatio);
  if (part) return { share: overflowOnly, reason: `only overflow may leave cloud: ${part.reason}` };
  const serving = workloadKinds[profile.kind].pattern === 'serving';
  if (serving && profile.p99LatencyMs !== null && profile.p99LatencyMs <= LATENCY_FLOOR_MS) {
    return {
      share: overflowOnly,
      reason: `a p99 budget of ${profile.p99LatencyMs} ms keeps the mean load on stable cloud capacity (${percent(overflowOnly)} of the GPU-hours at a peak-to-mean of ${profile.peakToMeanRatio}); only peaks above it may burst to decentralized supply`,
    };
  }
  if (decisionRules[fit.approach].overflowOnly) {
    return {
      share: overflowOnly,
      reason: `cloud first, hybrid if overflow is acceptable (the seed): the mean load stays on cloud (${percent(overflowOnly)} of the GPU-hours at a peak-to-mean of ${profile.peakToMeanRatio}), only peaks above it may burst`,
    };
  }
  return { share: 0, reason: null };
}

/**
 * The share of GPU-hours a cloud baseline of the mean load serves, E[min(D, mean)] / E[D], for the hourly demand
 * `demandShape` assumes at this peak-to-mean ratio (scale-free, so at a mean of 1): 1 when demand is flat, 0.79
 * at a ratio of 3 (lognormal), 1/r for on-off demand. Not 1/r in general: that is the mean's share of the peak
 * capacity, and as a share of GPU-hours it sent two thirds of a latency-bound API's traffic to the burst side.
 */
export function meanLoadShare(peakToMeanRatio: number): number {
  const shape = demandShape({ meanGpus: 1, peakToMeanRatio });
  return Math.min(1, Math.max(0, 1 - shape.expectedExcess(1)));
}

const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;
