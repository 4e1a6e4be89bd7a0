import type { WorkloadProfile } from '@gpufit/schema';
import { profileFacts } from './profileFacts.js';
import type { WorkOnOffer } from './workOnOffer.js';

/**
 * The GPU-hours a month a batch's start-ups bill: each stated job's run starts by pulling its image and loading its
 * weights on every shard, on the GPUs it holds — jobs × start-up hours (profileFacts' `startupHours`, the restart
 * time: a gpufit assumption) × GPUs of a shard (× packing) × shards. A sharded run pays it on every GPU of the
 * instance, so a 0.6B embedding split over 8 H100s for 6 minutes pays 8 start-ups where one H100 for 45 minutes
 * pays one. 0 for a demand of GPU-hours alone (it states no starts) and for serving. `estimateCost` bills it and
 * `workFloor` counts it in its bound, from this one rule.
 */
export function startupGpuHours(
  profile: WorkloadProfile,
  work: Pick<WorkOnOffer, 'gpusPerAllocation' | 'packing' | 'shards'>,
): number {
  const startupHours = profileFacts(profile).startupHours;
  if (!(startupHours > 0)) return 0;
  // startupHours > 0 only when the demand states its jobs (jobsPerMonth > 0).
  return (profile.jobsPerMonth ?? 0) * startupHours * work.gpusPerAllocation * work.packing * work.shards;
}
