import type { Approach, CostComponentName, CostEstimate, FitLevel, Recommendation } from '@gpufit/schema';

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
  'billing-rounding': 'Billing increments paid and unused',
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
 * option's all-in month ÷ the demand's GPU-hours, spares and re-work included, so on the demand's own GPU it reads
 * above the list price ("17.721 per useful GPU-hour" beside a $6.98 list read as a second price per GPU-hour). An
 * option on another GPU names the demand's (`jobUnitLabel`).
 */
export const JOB_UNIT_LABELS = { job: 'job', 'gpu-hour': 'useful GPU-hour' } as const;

/**
 * The unit of one option's cost per successful job. Work stated in GPU-hours is counted in the demand's GPU, so
 * where the option prices another GPU the unit names the demand's: "0.7934 per useful L4 GPU-hour" beside an
 * L40S listed at $1.861 (a faster GPU reads below its own list price), not "per useful GPU-hour", which reads as
 * an hour of the GPU in the same row.
 */
export function jobUnitLabel(cost: Pick<CostEstimate, 'jobUnit' | 'throughput'>): string {
  const t = cost.throughput;
  if (cost.jobUnit === 'job' || t == null || t.demandGpu === t.offerGpu) return JOB_UNIT_LABELS[cost.jobUnit];
  return `useful ${t.demandGpu} GPU-hour`;
}

/**
 * The unit of the hybrid split's GPUs (`HybridSplit.baselineGpus`, `meanGpus`, `peakGpus`): the demand's GPUs,
 * whatever GPU each side prices. Where a side runs on another GPU the sentence says so, or "Base load on cloud:
 * 9.64 GPUs" reads as GPUs of the "11 × 1 B200" beside it when it means H100s (review hR: 7,040 H100-hours of
 * notebooks, 2,618 B200-hours). "" when both sides price the demand's own GPU (or neither says which).
 */
export function hybridGpuUnitText(
  cloud: Pick<CostEstimate, 'throughput'> | null,
  depin: Pick<CostEstimate, 'throughput'> | null,
): string {
  const sides = [
    { name: 'the cloud option', t: cloud?.throughput },
    { name: 'the decentralized option', t: depin?.throughput },
  ].flatMap(({ name, t }) => (t == null || t.demandGpu === t.offerGpu ? [] : [{ name, t }]));
  const first = sides[0];
  if (first === undefined) return '';
  const demand = first.t.demandGpu;
  const runs = sides
    .map(({ name, t }, i) => {
      const at = `${Number(t.ratio.toPrecision(3))}×${i === 0 ? ` the ${demand}'s rate` : ''}`;
      return `${i === 0 ? name : name.replace(' option', ' one')} runs on ${t.offerGpu} at ${at}`;
    })
    .join(', ');
  return `, counted in ${demand}s, the GPU the demand is stated in: ${runs}`;
}
