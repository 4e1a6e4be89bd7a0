import type { WorkloadProfile } from '@gpufit/schema';
import { profileFacts } from '../estimate/profileFacts.js';
import type { GpuTier, GpuTierTable } from './gpuTierTable.js';

/**
 * The GPU whose hours an inference workload's demand is read in when it names no `gpuType` and one replica fits
 * this GPU's memory: a gpufit assumption. Someone who states "600 GPU-hours a month" for a 1.5B Whisper or a 0.35B
 * encoder without a GPU counts hours on the card they run it on today, and a model that fits one 24 GB card is
 * most often run on one; read as A100-80GB hours, its work was 3.1–4.7× too large on an L4 (MLPerf v3.1 measures
 * the L4 at 0.215–0.320× an A100-80GB, reference derived-ratios.csv). The L4 is the 24 GB card MLPerf Inference measures most: against the
 * A100-80GB (v3.1: GPT-J, BERT, ResNet-50, RetinaNet) and against the L40S, H100, H200 and B200 (v5.1: SDXL,
 * Whisper, RetinaNet), so hours read in it convert to the most GPUs at measured ratios.
 */
export const SMALL_MODEL_REFERENCE_GPU = 'L4';

/** Why the demand is stated in a GPU's hours (`referenceGpu`). */
export type DemandGpuReason = 'named' | 'small-model-reference' | 'reference';

export interface DemandGpu {
  readonly tier: GpuTier;
  readonly reason: DemandGpuReason;
}

/**
 * The GPU a profile's demand is stated in: its `gpuType`; else, for inference work whose replica (gpufit's memory
 * estimate, `profileFacts`) fits one `SMALL_MODEL_REFERENCE_GPU` on one node, with no `gpusPerReplica` above 1,
 * that GPU; else the tier table's reference GPU (A100-80GB). Training and fine-tuning keep the A100-80GB: MLPerf
 * measures the L4 in no training benchmark, and training a model is most often done on A100/H100-class parts.
 * Undefined when the named GPU is not in the table. Without the small-model GPU in the table, the reference.
 */
export function referenceGpu(profile: WorkloadProfile, tiers: GpuTierTable): DemandGpu | undefined {
  const pf = profileFacts(profile);
  if (pf.gpuTypeKey !== null) {
    const named = tiers.get(pf.gpuTypeKey);
    return named === undefined ? undefined : { tier: named, reason: 'named' };
  }
  const small = tiers.get(SMALL_MODEL_REFERENCE_GPU);
  const fitsOneSmallGpu =
    small !== undefined &&
    pf.throughputClass === 'inference' &&
    profile.nodes === 1 &&
    (profile.gpusPerReplica ?? 1) <= 1 &&
    pf.memoryGiB <= small.memoryGiB;
  return fitsOneSmallGpu
    ? { tier: small, reason: 'small-model-reference' }
    : { tier: tiers.reference, reason: 'reference' };
}
