import type { FitAssessment, WorkloadProfile } from '@gpufit/schema';
import { workloadKinds } from '@gpufit/schema';
import { decisionRules } from './decide.js';

/** gpufit rule: a p99 budget at or under this keeps serving's base load on stable regional cloud. */
export const LATENCY_FLOOR_MS = 1000;

/**
 * The least share of GPU-hours a hybrid split must keep on cloud, and why (DESIGN §5.10: "hard constraints and
 * latency needs set a floor on the cloud share"). The seed's hybrid: "keep … low-latency serving on core cloud
 * infrastructure. Then use decentralized capacity for overflow". When a hard constraint covers part of the
 * workload, or serving has a tight latency budget, the mean load stays on cloud and only the peaks above it may
 * go out: floor = 1 / peakToMeanRatio (all of it when demand is flat). A constraint on all of it: floor 1.
 */
export function hybridFloor(
  profile: WorkloadProfile,
  fit: FitAssessment,
): { share: number; reason: string | null } {
  const all = fit.constraints.find((c) => c.side === 'depin' && c.scope === 'all');
  if (all) return { share: 1, reason: all.reason };
  const part = fit.constraints.find((c) => c.side === 'depin' && c.scope === 'part');
  const overflowOnly = 1 / profile.peakToMeanRatio;
  if (part) return { share: overflowOnly, reason: `only overflow may leave cloud: ${part.reason}` };
  const serving = workloadKinds[profile.kind].pattern === 'serving';
  if (serving && profile.p99LatencyMs !== null && profile.p99LatencyMs <= LATENCY_FLOOR_MS) {
    return {
      share: overflowOnly,
      reason: `a p99 budget of ${profile.p99LatencyMs} ms keeps the mean load on stable regional cloud; only peaks above it may burst to decentralized supply`,
    };
  }
  if (decisionRules[fit.approach].overflowOnly) {
    return {
      share: overflowOnly,
      reason:
        'cloud first, hybrid if overflow is acceptable (the seed): the mean load stays on cloud, only peaks above it may burst',
    };
  }
  return { share: 0, reason: null };
}
