import { bookedAheadDays, demandShape, newsvendorBaseline } from '@gpufit/pricing';
import { HOURS_PER_MONTH, isTermCommitment, type Offer, type WorkloadProfile } from '@gpufit/schema';
import type { BestOffers } from './bestOffers.js';
import { committedUsefulRate } from './committedUsefulRate.js';

/**
 * A committed base with on-demand bursts on the cloud side (docs/projection-and-uncertainty.md §4: the newsvendor
 * baseline, here with the on-demand option as the burst); the cloud option takes it where it is cheaper
 * (committedBaseChoice.ts). A commitment priced alone holds the peak all month, and a service that peaks loses it
 * to on-demand whole: a 70B chat API under
 * GDPR at a peak-to-mean of 2 was priced at AWS eu-central-1's on-demand p4de rate, USD 80,429.71 a month for 12
 * months, beside the 12-month commitment in the same region at USD 3.00 a GPU-hour against 4.29. This is the
 * cheapest mix of the two offers bestOffers found: a base of b demand-GPUs held all month at the committed rate, the
 * demand above it at the on-demand rate, b the newsvendor optimum rounded to whole replicas on the committed offer:
 * H · (r_c · b + r_od · E[(D − b)⁺]) with the demand shape of demandShape.ts.
 *
 * Rates are per demand GPU-hour of useful work, every overhead included (as hybridFor's): the committed rate is the
 * committed estimate without the hours it held past the base (its commitment waste), times the term's spread over
 * the horizon (a 36-month term on 12 months pays 3 × the term's price). The base is whole replicas' instances of
 * the committed offer (a multi-node replica's `nodes` instances together), at least one replica. An estimate, not a
 * placement: it assumes the spares each rate carries scale with the work it carries.
 *
 * Null when either offer is missing or unpriced, the burst option is not on-demand (spot bursts are what a
 * service cannot lean on), or the commitment costs no less per GPU-hour of work than on-demand.
 */
export interface CommittedBaseMix {
  /** The committed offer the base is held on. */
  readonly committed: Offer;
  /** The on-demand offer the bursts run on. */
  readonly onDemand: Offer;
  /** The base in instances of the committed offer (whole replicas: `nodes` instances each), and in its GPUs. */
  readonly instances: number;
  readonly baseGpus: number;
  /** USD a month: H · (r_c · b + r_od · E[(D − b)⁺]), b the base in demand GPUs. */
  readonly monthlyUsd: number;
  /** b, the base in demand GPUs, and E[(D − b)⁺], the mean demand above it (demand GPUs). */
  readonly baseDemandGpus: number;
  readonly excessGpus: number;
  /** The hourly demand the mix was sized on: mean demand GPUs (work ÷ H) and peak-to-mean. */
  readonly meanGpus: number;
  readonly peakToMeanRatio: number;
  /** r_c and r_od, USD per demand GPU-hour of useful work (every overhead included; r_c with the term's spread). */
  readonly committedRate: number;
  readonly onDemandRate: number;
}

export function committedBaseMix(profile: WorkloadProfile, best: BestOffers): CommittedBaseMix | null {
  const committed = best.cloudCommitted;
  const flexible = best.cloudFlexible;
  if (committed === null || flexible === null || flexible.offer.pricingCategory !== 'Standard') return null;
  if (!isTermCommitment(committed.offer)) return null;
  // A capacity block booked ahead by the day is not a burst (R4's vit-pretrain mix burst on one).
  if (bookedAheadDays(flexible.offer) !== null) return null;
  const c = committed.estimate;
  const f = flexible.estimate;
  const work = f.demandGpuHoursPerMonth ?? null;
  if (c.monthlyUsd === null || f.monthlyUsd === null || work === null || !(work > 0)) return null;
  const committedRate = committedUsefulRate(c, committed.offer, profile.horizonMonths, work);
  if (committedRate === null) return null;
  const onDemandRate = f.monthlyUsd / work;
  const ratio = c.throughput?.ratio ?? 1;
  const perInstance = c.gpusPerInstance ?? committed.offer.gpusPerInstance;
  if (![ratio, perInstance].every((x) => Number.isFinite(x) && x > 0)) return null;
  // The base holds whole replicas: a replica on `nodes` instances runs only with all of them (a 4-node pretrain on
  // a base of one 8-GPU instance runs none of its work there, and the risk read a saving of $7,647.23 a month
  // where that base only adds its month to the bill). A one-node replica fits one instance.
  const nodes = Math.max(1, profile.nodes);
  const meanGpus = work / HOURS_PER_MONTH;
  const base = committedBaseCost({
    meanGpus,
    peakToMeanRatio: profile.peakToMeanRatio,
    committedRate,
    onDemandRate,
    unitGpus: nodes * perInstance * ratio,
  });
  if (base === null) return null;
  const instances = base.units * nodes;
  return {
    committed: committed.offer,
    onDemand: flexible.offer,
    instances,
    baseGpus: instances * perInstance,
    monthlyUsd: base.monthlyUsd,
    baseDemandGpus: base.baseGpus,
    excessGpus: base.excessGpus,
    meanGpus,
    peakToMeanRatio: profile.peakToMeanRatio,
    committedRate,
    onDemandRate,
  };
}

/**
 * The committed-base formula on its own: with hourly demand D (demandShape.ts, in demand GPUs), a base of k whole
 * committed units (a replica's instances) of `unitGpus` demand GPUs each costs H · (r_c · k·u + r_od · E[(D − k·u)⁺])
 * a month; k is the newsvendor optimum F⁻¹(1 − r_c / r_od) ÷ u rounded down or up, whichever costs less, and at least 1. Null when a
 * commitment is no cheaper per GPU-hour than on-demand (no base pays) or an input is not a positive finite number.
 */
export function committedBaseCost(input: {
  readonly meanGpus: number;
  readonly peakToMeanRatio: number;
  readonly committedRate: number;
  readonly onDemandRate: number;
  readonly unitGpus: number;
}): {
  readonly units: number;
  readonly monthlyUsd: number;
  readonly baseGpus: number;
  readonly excessGpus: number;
} | null {
  const { meanGpus, peakToMeanRatio, committedRate, onDemandRate, unitGpus } = input;
  if (
    ![meanGpus, committedRate, onDemandRate, unitGpus].every((x) => Number.isFinite(x) && x > 0) ||
    !(committedRate < onDemandRate)
  )
    return null;
  const shape = demandShape({ meanGpus, peakToMeanRatio });
  const costAt = (k: number): number =>
    HOURS_PER_MONTH * (committedRate * k * unitGpus + onDemandRate * shape.expectedExcess(k * unitGpus));
  const optimum = newsvendorBaseline(shape.quantile, committedRate, onDemandRate);
  const below = Math.max(1, Math.floor(optimum / unitGpus));
  const units = costAt(below + 1) < costAt(below) ? below + 1 : below;
  const monthlyUsd = costAt(units);
  const baseGpus = units * unitGpus;
  return Number.isFinite(monthlyUsd)
    ? { units, monthlyUsd, baseGpus, excessGpus: shape.expectedExcess(baseGpus) }
    : null;
}
