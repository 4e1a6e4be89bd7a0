import { baselineForShare, demandShape, servedShareOf } from '@gpufit/pricing';
import { HOURS_PER_MONTH, type HybridSplit } from '@gpufit/schema';
import type { CommittedBaseMix } from './committedBaseMix.js';

/**
 * The hybrid split of a workload whose cloud option is a committed base with on-demand bursts (committedBaseMix.ts),
 * as a practitioner runs it (DESIGN §5.10: "base load on committed cloud, bursts on DePIN"): the mix's base held as
 * it is (its whole instances and spares, `baseMonthlyUsd`), the demand above it on the mix's own on-demand offer up to
 * the cloud floor's level g (hybridFloor.ts: the mean load when only overflow may leave cloud), and the demand above g
 * on the decentralized option:
 *
 *   month = base + H · r_od · (E[(D − b)⁺] − E[(D − g)⁺]) + H · r_d · E[(D − g)⁺],   g = max(b, g_floor)
 *
 * b the base in demand GPUs, r_od the mix's on-demand rate per GPU-hour of work, r_d the decentralized rate per
 * GPU-hour of work (hybridFor's, with the peak's spares for a service), g_floor the least level whose served share
 * E[min(D, g)] ÷ E[D] reaches the floor share. pricing's hybridSplit weighs a committed baseline and an on-demand
 * floor at the single offers' rates (the on-demand one with its always-on and spare hours), so beside a mix it
 * missed this split: a copilot whose mix costs USD 1,419.69 found a split of 1,385.75, its cloud side billed as one
 * commitment at the blended price; this one keeps the base and moves only the demand above the floor. Null when the
 * decentralized rate is no lower than the on-demand one (the bursts stay on cloud) or the floor keeps all of it.
 */
export function committedBaseHybrid(
  mix: CommittedBaseMix,
  depinUsdPerGpuHour: number,
  floorShare: number,
): Pick<HybridSplit, 'baselineGpus' | 'cloudShare' | 'depinShare' | 'blendedMonthlyUsd'> | null {
  const rod = mix.onDemandRate;
  const rd = depinUsdPerGpuHour;
  if (!(rd > 0 && rd < rod) || !(floorShare < 1) || !(mix.meanGpus > 0)) return null;
  const shape = demandShape({ meanGpus: mix.meanGpus, peakToMeanRatio: mix.peakToMeanRatio });
  const servedShare = servedShareOf(shape);
  const floorLevel = floorShare > 0 ? baselineForShare(shape, floorShare) : 0;
  const b = mix.baseDemandGpus;
  const g = Math.max(b, floorLevel);
  const above = shape.expectedExcess(g);
  const band = shape.expectedExcess(b) - above;
  const blendedMonthlyUsd = mix.baseMonthlyUsd + HOURS_PER_MONTH * (rod * band + rd * above);
  const cloudShare = servedShare(g);
  if (!Number.isFinite(blendedMonthlyUsd) || !(cloudShare < 1)) return null;
  return { baselineGpus: g, cloudShare, depinShare: 1 - cloudShare, blendedMonthlyUsd };
}
