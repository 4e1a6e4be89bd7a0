import type { CostEstimate } from '@gpufit/schema';

/**
 * How long one run of a batch job lasts on an option, in wall-clock hours: the GPU-hours it bills a month (work,
 * interruption re-work, start-up) over its jobs a month, spread over the GPUs one job holds at once (its instances
 * × their GPUs). Null when the estimate does not say (no instances, no billed hours, no jobs). A 7-week pretrain
 * run on 256 H100s, billed 1,211 h × 256 GPU-hours a run, lasts 1,211 h: longer than a month, so "a month with a
 * run" is not what one run costs.
 */
export function runHours(
  cost: Pick<CostEstimate, 'billedGpuHoursPerMonth' | 'instances' | 'gpusPerInstance'>,
  jobsPerMonth: number,
): number | null {
  const billed = cost.billedGpuHoursPerMonth;
  const instances = cost.instances;
  const per = cost.gpusPerInstance;
  if (billed == null || instances == null || per == null || !(jobsPerMonth > 0)) return null;
  const gpus = instances * per;
  if (!(gpus > 0) || !(billed >= 0)) return null;
  const hours = billed / jobsPerMonth / gpus;
  return Number.isFinite(hours) ? hours : null;
}
