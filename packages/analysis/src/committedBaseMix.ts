import { bookedAheadDays, demandShape, newsvendorBaseline, termFactor } from '@gpufit/pricing';
import {
  type CostEstimate,
  HOURS_PER_MONTH,
  isTermCommitment,
  type Offer,
  type WorkloadProfile,
} from '@gpufit/schema';
import type { BestOffers } from './bestOffers.js';

/**
 * A committed base with on-demand bursts on the cloud side (docs/projection-and-uncertainty.md §4: the newsvendor
 * baseline, here with the on-demand option as the burst); the cloud option takes it where it is cheaper
 * (committedBaseChoice.ts). A commitment priced alone holds the peak all month, and a service that peaks loses it
 * to on-demand whole: a 70B chat API under
 * GDPR at a peak-to-mean of 2 was priced at AWS eu-central-1's on-demand p4de rate, USD 80,429.71 a month for 12
 * months, beside the 12-month commitment in the same region at USD 3.00 a GPU-hour against 4.29. This is the
 * cheapest mix of the two offers bestOffers found, billed as a practitioner buys it:
 *
 * - the base: k whole replicas' instances of the committed offer held all month, plus the spares the availability
 *   target needs at the peak (the committed estimate's `redundancy` line: held all month, so cheapest on the
 *   commitment, and wholly the base's), every held GPU-hour at the commitment's list price p_c times the term's
 *   spread over the horizon f (a 36-month term on 12 months pays 3 × the term's price);
 * - the bursts: the demand above the base, H · E[(D − b)⁺] demand GPU-hours, at the on-demand offer's rate per
 *   GPU-hour of work with its own billing effects (gpu-time, billing rounding, interruptions, data) and no spare or
 *   held-idle hours: a burst instance runs only while there is demand above the base (gpufit assumption: bursts
 *   start and stop with the demand, billed by the offer's increment).
 *
 * month(k) = p_c·f·(k·u + s)·H + N·(W − H·E_k) ÷ W + r_od·H·E_k, with u the GPUs of a replica's instances, s the
 * spare GPUs, N the committed estimate's data lines (USD, with the work they carry), W the work in demand
 * GPU-hours, E_k = E[(D − k·u·ρ)⁺] (ρ the offer's throughput ratio) and r_od the on-demand rate per demand GPU-hour
 * of work; k the newsvendor optimum of committedBaseCost, at least one replica.
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
  /**
   * The spares held all month on the commitment beside the base, in GPU-hours a month and in instances (the
   * committed estimate's `redundancy` line, what the availability target needs at the peak).
   */
  readonly spareGpuHours: number;
  readonly spareInstances: number;
  /** USD a month: the base (held all month, with its spares and its share of the data lines) plus the bursts. */
  readonly monthlyUsd: number;
  /** The base's USD a month: fixed whatever the demand. */
  readonly baseMonthlyUsd: number;
  /** b, the base in demand GPUs, and E[(D − b)⁺], the mean demand above it (demand GPUs). */
  readonly baseDemandGpus: number;
  readonly excessGpus: number;
  /** The hourly demand the mix was sized on: mean demand GPUs (work ÷ H) and peak-to-mean. */
  readonly meanGpus: number;
  readonly peakToMeanRatio: number;
  /** p_c · f ÷ ρ: USD per demand GPU-hour the base holds (with the term's spread). */
  readonly committedRate: number;
  /** r_od: USD per demand GPU-hour of burst work on the on-demand offer (its own billing effects, no spares). */
  readonly onDemandRate: number;
}

/** Lines of an on-demand estimate a burst does not carry: it holds no spare and no always-on unit. */
const HELD_LINES: ReadonlySet<string> = new Set([
  'redundancy',
  'idle-capacity',
  'commitment-waste',
  'incentive-subsidy',
]);

/** USD of the lines a burst carries with its work: every line but the held ones. */
export function burstLineUsd(e: CostEstimate): number {
  return e.components.filter((x) => !HELD_LINES.has(x.name)).reduce((a, x) => a + x.usd, 0);
}

/** USD of an estimate's lines not in GPU-hours (its data lines), which go with the work a part carries. */
export function dataLineUsd(e: CostEstimate): number {
  return e.components.filter((x) => x.unit !== 'GPU-hour').reduce((a, x) => a + x.usd, 0);
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
  const ratio = c.throughput?.ratio ?? 1;
  const perInstance = c.gpusPerInstance ?? committed.offer.gpusPerInstance;
  const listed = c.components.find((x) => x.name === 'gpu-time')?.unitPriceUsd ?? null;
  if (listed === null || ![ratio, perInstance, listed].every((x) => Number.isFinite(x) && x > 0)) return null;
  const spread = termFactor(committed.offer, profile.horizonMonths);
  const spareGpuHours = c.components
    .filter((x) => x.name === 'redundancy')
    .reduce((a, x) => a + x.quantity, 0);
  const data = dataLineUsd(c);
  const onDemandRate = burstLineUsd(f) / work;
  const committedRate = (listed * spread) / ratio;
  // The base holds whole replicas: a replica on `nodes` instances runs only with all of them (a 4-node pretrain on
  // a base of one 8-GPU instance runs none of its work there, and the risk read a saving of $7,647.23 a month
  // where that base only adds its month to the bill). A one-node replica fits one instance.
  const nodes = Math.max(1, profile.nodes);
  const meanGpus = work / HOURS_PER_MONTH;
  // Work moved from the base to the bursts takes its share of the base's data lines with it.
  const base = committedBaseCost({
    meanGpus,
    peakToMeanRatio: profile.peakToMeanRatio,
    committedRate,
    onDemandRate: onDemandRate - data / work,
    unitGpus: nodes * perInstance * ratio,
  });
  if (base === null) return null;
  const instances = base.units * nodes;
  const burstWork = HOURS_PER_MONTH * base.excessGpus;
  const baseMonthlyUsd =
    listed * spread * (instances * perInstance * HOURS_PER_MONTH + spareGpuHours) +
    (data * (work - burstWork)) / work;
  return {
    committed: committed.offer,
    onDemand: flexible.offer,
    instances,
    baseGpus: instances * perInstance,
    spareGpuHours,
    spareInstances: spareGpuHours / (perInstance * HOURS_PER_MONTH),
    monthlyUsd: baseMonthlyUsd + onDemandRate * burstWork,
    baseMonthlyUsd,
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
