import { hybridSplit } from '@gpufit/pricing';
import {
  type CostEstimate,
  type FitAssessment,
  HOURS_PER_MONTH,
  type HybridSplit,
  type Offer,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';
import type { BestOffers, SideBest } from './bestOffers.js';
import { committedBaseHybrid } from './committedBaseHybrid.js';
import type { CommittedBaseMix } from './committedBaseMix.js';
import { committedUsefulRate } from './committedUsefulRate.js';
import { componentUsd } from './componentUsd.js';
import { hybridFloor } from './hybridFloor.js';

/**
 * The hybrid split for a workload from its priced options (DESIGN §5.10). Rates are USD per GPU-hour of useful
 * work (`demandGpuHoursPerMonth`, the same for every offer), every overhead included: the committed rate is the
 * committed offer's cost without its idle hours (the split decides how much is held), the per-use rates are the
 * flexible cloud option and the DePIN option. The split must beat the priced cloud option itself, so its blend is
 * never dearer than all-cloud. When the cloud option is a committed base with on-demand bursts (`mix`), the split
 * that keeps its base and moves the demand above the floor from its on-demand offer to DePIN is weighed too
 * (committedBaseHybrid.ts), and the cheaper taken. Null when there is no cloud or no DePIN price to split.
 */
export function hybridFor(
  profile: WorkloadProfile,
  fit: FitAssessment,
  best: BestOffers,
  atPeakSpares?: (offer: Offer) => CostEstimate,
  mix?: CommittedBaseMix,
): HybridSplit | null {
  const cloud = best.cloud?.estimate;
  const depin = best.depin?.estimate;
  if (!cloud || !depin || cloud.monthlyUsd === null || depin.monthlyUsd === null) return null;
  const work = cloud.demandGpuHoursPerMonth ?? null;
  if (work === null || !(work > 0)) return null;
  const floor = hybridFloor(profile, fit);
  if (floor.share >= 1) return null;
  // The DePIN side carries the bursts: a serving workload's burst rate holds the peak's spares (`atPeakSpares`),
  // not the month's average over its whole demand, which a slice of a few units would understate (a 10-GPU service
  // on 0.90 hosts: 1.61 GPU-hours billed a useful one on average, about 1.9 above a 6.4-GPU baseline, 2.0 at the
  // peak's spares). Committed capacity holds the peak's spares already. The on-demand cloud side carries the base
  // under the floor (hybridSplit's elastic floor: min(D, b)), which never reaches the peak: its rate is the month's,
  // spares following demand as in the all-cloud option it is weighed against (at the peak's spares a 34B demo's
  // base cost $5.46 per useful GPU-hour against the service's $3.92, and no burst to DePIN at $2.58 could save).
  const flexible = best.cloudFlexible?.estimate;
  const serving = atPeakSpares !== undefined && workloadKinds[profile.kind].pattern === 'serving';
  // An estimate without spares holds none at the peak either (the month's average weighs the peak's level too).
  const burst = (priced: SideBest | null | undefined) =>
    priced == null
      ? undefined
      : serving && componentUsd(priced.estimate, 'redundancy') > 0
        ? atPeakSpares(priced.offer)
        : priced.estimate;
  const committed = best.cloudCommitted;
  const onDemandRate = flexible?.monthlyUsd == null ? null : flexible.monthlyUsd / work;
  const committedRate =
    committed == null
      ? null
      : committedUsefulRate(committed.estimate, committed.offer, profile.horizonMonths, work);
  const depinAtPeak = burst(best.depin)!;
  if (depinAtPeak.monthlyUsd === null) return null;
  const depinRate = depinAtPeak.monthlyUsd / work;
  // A demand so small (a denormal number of GPU-hours) that a rate or the mean underflows to 0, or a rate
  // overflows, has no split to speak of.
  const usable = (rate: number | null) => rate === null || (rate > 0 && Number.isFinite(rate));
  const meanGpus = work / HOURS_PER_MONTH;
  if (!(usable(committedRate) && usable(onDemandRate) && usable(depinRate) && meanGpus > 0)) return null;
  if (committedRate === null && onDemandRate === null) return null;
  const split = hybridSplit(
    { meanGpus, peakToMeanRatio: profile.peakToMeanRatio },
    {
      committedUsdPerGpuHour: committedRate,
      onDemandUsdPerGpuHour: onDemandRate,
      depinUsdPerGpuHour: depinRate,
    },
    { floorShare: floor.share, floorReason: floor.reason, allCloudMonthlyUsd: cloud.monthlyUsd },
  );
  const kept = mix === undefined ? null : committedBaseHybrid(mix, depinRate, floor.share);
  const chosen =
    kept !== null && kept.blendedMonthlyUsd < split.blendedMonthlyUsd
      ? {
          ...split,
          ...kept,
          savingsVsAllCloudUsd: split.allCloudMonthlyUsd - kept.blendedMonthlyUsd,
          savingsVsAllDepinUsd:
            split.allDepinMonthlyUsd === null ? null : split.allDepinMonthlyUsd - kept.blendedMonthlyUsd,
        }
      : split;
  // Rates of ~1e308 USD per GPU-hour (fixed costs over a vanishing demand) can overflow rate × hours.
  const numbers = Object.values(chosen).filter((v): v is number => typeof v === 'number');
  return numbers.every(Number.isFinite) ? chosen : null;
}
