import { isCommitted, type Offer, type WorkloadProfile } from '@gpufit/schema';
import { EGRESS_DEFAULTS, HOURS_PER_MONTH } from '../assumptions.js';
import { type FeasibilityOptions, feasibilityDetail } from '../feasibility/feasibility.js';
import { interruptibleRule } from '../feasibility/placementRule.js';
import { offerFacts } from './offerFacts.js';
import { profileFacts } from './profileFacts.js';
import { workOnOffer } from './workOnOffer.js';

/**
 * A lower bound on what `estimateCost` charges `profile` on `offer`: for every price p per GPU-hour (net of the
 * incentive subsidy), monthlyUsd ≥ p × gpuHours + dataUsd. It holds because the GPU lines sum to p × billed hours
 * and the data lines are at least result egress and dataset ingress, where billed hours are bounded by every term:
 * - flexible offers: billed = used × billing rounding (≥ 1) + interruption re-work + redundancy (each ≥ 0), with
 *   used = useful hours × instance packing (serving: at least one whole unit all month);
 * - Committed offers: billed = held × term factor (+ redundancy when serving), where held is what the commitment
 *   reserves — run ÷ the scenario's committed utilization, else the whole units the peak needs all month (serving)
 *   or max(run, the instances the peak holds × GPUs × hours of a month) (batch) — and the term factor is the
 *   months committed beyond the horizon (term ÷ horizon when longer, else 1). Held is computed from the useful
 *   hours with no re-work or rounding; every step is monotone in the run, so it is never above the real one.
 * Null when `feasibility` rules the offer out on anything but its provider (placement lists are left to the full
 * estimate, so one floor serves offers that differ only in provider, price, region, reliability and billing:
 * `costFloorKey`); spot capacity for non-interruptible work is ruled out here (the key holds the category).
 * A catalog search (@gpufit/analysis's matcher) prices offers in order of this bound (`costFloorUsd`) and stops
 * when it exceeds the best cost found.
 * Not valid with scenario price adjustments (they can lower a price arbitrarily).
 */
export interface CostFloor {
  readonly gpuHours: number;
  readonly dataUsd: number;
}

/**
 * The part of `costFloor` that reads only the fields of `workFloorKey` (feasibility, work conversion, held
 * capacity before the term): a search computes it once per key and finishes each group with `costFloorOf`.
 */
export interface WorkFloor {
  /** Useful GPU-hours × packing (serving: at least one whole unit all month). */
  readonly gpuHours: number;
  /** The least a commitment holds (before its term factor); see `costFloor`. */
  readonly heldGpuHours: number;
}

export function workFloor(
  profile: WorkloadProfile,
  offer: Offer,
  options: FeasibilityOptions,
): WorkFloor | null {
  // A search calls this for every group and profile: pass options with both flags set to spare the copy.
  const verdict =
    options.verdictOnly === true && options.skipOfferTerms === true
      ? options
      : { ...options, verdictOnly: true, skipOfferTerms: true };
  const feas = feasibilityDetail(profile, offer, verdict);
  if (!feas.feasible || feas.gpusPerReplica === null || feas.throughput === null) return null;
  const work = workOnOffer(profile, offer, feas);
  const nodes = profile.nodes;
  const perInstance = offer.gpusPerInstance;
  let gpuHours = work.usefulGpuHours * work.packing;
  const fixed = options.scenario?.committedUtilization ?? null;
  let heldGpuHours: number;
  if (profileFacts(profile).serving) {
    // As estimateCost's serving branch: the units the peak needs, each nodes × I GPUs all month.
    const unitGpuHours = nodes * perInstance * HOURS_PER_MONTH;
    gpuHours = Math.max(gpuHours, unitGpuHours);
    const replicasPerUnit = nodes > 1 ? 1 : Math.floor(perInstance / work.gpusPerReplica);
    const peakGpus = (work.usefulGpuHours / HOURS_PER_MONTH) * profile.peakToMeanRatio;
    const needed = Math.max(1, Math.ceil(peakGpus / (replicasPerUnit * work.gpusPerAllocation) - 1e-9));
    heldGpuHours = fixed !== null ? gpuHours / fixed : needed * unitGpuHours;
  } else if (fixed !== null) {
    heldGpuHours = gpuHours / fixed;
  } else {
    // As estimateCost's batch branch with the run at its least (no re-work, no rounding).
    const replicas = Math.max(
      1,
      Math.ceil(
        (gpuHours * profile.peakToMeanRatio) / (HOURS_PER_MONTH * work.gpusPerAllocation * work.packing) -
          1e-9,
      ),
    );
    const instances =
      nodes > 1 || !work.dataParallel
        ? replicas * nodes
        : Math.ceil((replicas * work.gpusPerReplica) / perInstance - 1e-9);
    heldGpuHours = Math.max(gpuHours, instances * perInstance * HOURS_PER_MONTH);
  }
  return { gpuHours, heldGpuHours };
}

/**
 * `costFloor` from the offer's `workFloor` (any offer of the same `workFloorKey`): null for spot capacity and
 * non-interruptible work; Committed offers bill the held hours × the term factor.
 */
export function costFloorOf(work: WorkFloor, profile: WorkloadProfile, offer: Offer): CostFloor | null {
  if (interruptibleRule(profile, offer) !== null) return null;
  let gpuHours = work.gpuHours;
  if (isCommitted(offer.pricingCategory)) {
    const termFactor =
      offer.termMonths !== null && offer.termMonths > profile.horizonMonths
        ? offer.termMonths / profile.horizonMonths
        : 1;
    // Every GPU line of a commitment sums to held × term factor (+ redundancy when serving).
    gpuHours = work.heldGpuHours * termFactor;
  }
  const ingressGiB = profile.datasetGiB / profile.horizonMonths;
  const dataUsd =
    offerFacts(offer).egressUsd(profile.egressGiBPerMonth) + ingressGiB * offer.ingressUsdPerGiB;
  return { gpuHours, dataUsd };
}

export function costFloor(
  profile: WorkloadProfile,
  offer: Offer,
  options: FeasibilityOptions,
): CostFloor | null {
  const work = workFloor(profile, offer, options);
  return work === null ? null : costFloorOf(work, profile, offer);
}

/**
 * Offers with the same key have the same `workFloor` for every profile and options: the key holds every offer
 * field it reads (market, GPU, memory, GPUs per instance, fabric, certifications, country, host tier).
 */
export function workFloorKey(offer: Offer): string {
  return [
    offer.market,
    offer.gpu.trim().toLowerCase(),
    offer.gpuMemoryGiB,
    offer.gpusPerInstance,
    offer.interconnect,
    [...offer.certifications].sort().join(';'),
    offer.country ?? '',
    offer.hosting,
    offer.verified,
  ].join('\u0000');
}

/**
 * Offers with the same key have the same `costFloor` for every profile and options: the key holds every offer
 * field the floor reads (`workFloorKey`'s, then egress and ingress prices, pricing category and a commitment's
 * term). Offers that differ only in what the floor leaves to the full estimate — price, provider, region,
 * reliability, billing — share it, so a catalog search asks for one floor per key. Kept beside `costFloor` so the
 * two change together.
 */
export function costFloorKey(offer: Offer): string {
  const egress =
    offer.egressTiers !== null && offer.egressTiers.length > 0
      ? JSON.stringify(offer.egressTiers)
      : (offer.egressUsdPerGiB ?? EGRESS_DEFAULTS[offer.market].usdPerGiB);
  return [
    workFloorKey(offer),
    egress,
    offer.ingressUsdPerGiB,
    offer.pricingCategory,
    isCommitted(offer.pricingCategory) ? (offer.termMonths ?? '') : '',
  ].join('\u0000');
}

/**
 * A lower bound on the real cost must never exceed it; float error in `estimateCost`'s sums (and its 1e-9 slack
 * when counting whole units) is far below one part in a million, so bounds are shrunk by that much, and by a
 * billionth of a dollar for subnormal amounts (where a relative slack means nothing).
 */
const FLOOR_SLACK = 1 - 1e-6;

/**
 * The floor as the least `monthlyUsd` an offer of effective price `usdPerGpuHour` (`effectivePrice`, net of the
 * subsidy) can cost: (price × gpuHours + dataUsd), shrunk by one part in a million and 1e-9 USD for float error. Never above
 * `estimateCost`'s `monthlyUsd` for that offer (without scenario price adjustments).
 */
export function costFloorUsd(floor: CostFloor, usdPerGpuHour: number): number {
  return (usdPerGpuHour * floor.gpuHours + floor.dataUsd) * FLOOR_SLACK - 1e-9;
}
