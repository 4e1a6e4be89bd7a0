import type { Approach, CostComponentName, FitLevel, Recommendation } from '@gpufit/schema';

/** Words a founder reads, one registry per vocabulary (data, not branches). */
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  cloud: 'Cloud',
  depin: 'Decentralized',
  hybrid: 'Hybrid (cloud base + decentralized burst)',
};

export const APPROACH_LABELS: Record<Approach, string> = {
  'traditional-cloud': 'Traditional cloud',
  'cloud-first': 'Cloud first, hybrid if overflow is acceptable',
  hybrid: 'Hybrid, based on data sensitivity',
  'depin-or-hybrid': 'DePIN or hybrid',
  'depin-first': 'DePIN first',
};

export const FIT_LEVEL_LABELS: Record<FitLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export const COMPONENT_LABELS: Record<CostComponentName, string> = {
  'gpu-time': 'GPU time',
  'interruption-overhead': 'Interruption overhead (lost work and restarts)',
  redundancy: 'Redundant replicas for the availability target',
  'idle-capacity': 'Always-on hours held idle (beyond the work)',
  'commitment-waste': 'Committed hours left unused',
  egress: 'Data egress',
  ingress: 'Data ingress',
  'checkpoint-sync': 'Checkpoint sync',
  'incentive-subsidy': 'Incentive-token subsidy',
};

export const OPTION_LABELS = {
  cloud: 'Cloud',
  depin: 'Decentralized',
  hybrid: 'Hybrid',
  recommended: 'Recommended',
} as const;

/**
 * The unit of "cost per successful job": a job, or for work stated in GPU-hours the GPU-hour of the demand — the
 * option's all-in month ÷ the demand's GPU-hours, spares and re-work included, so it reads above the list price
 * ("17.721 per useful GPU-hour" beside a $6.98 list read as a second price per GPU-hour).
 */
export const JOB_UNIT_LABELS = { job: 'job', 'gpu-hour': 'useful GPU-hour' } as const;
