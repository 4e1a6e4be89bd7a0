import type { Offer, WorkloadProfile } from '@gpufit/schema';
import { EGRESS_DEFAULTS, HOURS_PER_MONTH } from '../assumptions.js';
import { type FeasibilityOptions, feasibilityDetail } from '../feasibility/feasibility.js';
import { offerFacts } from './offerFacts.js';
import { profileFacts } from './profileFacts.js';
import { workOnOffer } from './workOnOffer.js';

/**
 * A lower bound on what `estimateCost` charges `profile` on `offer`: for every price p per GPU-hour (net of the
 * incentive subsidy), monthlyUsd ≥ p × gpuHours + dataUsd. It holds because the GPU lines sum to p × billed hours
 * with billed = used × billing rounding (≥ 1) + interruption re-work + redundancy + unused commitment (each ≥ 0),
 * used = useful hours × instance packing (serving: at least one whole unit all month), and the data lines are at
 * least result egress and dataset ingress. Null when `feasibility` rules the offer out on anything but its
 * provider and pricing category (those rules — interruptible capacity, placement lists — are left to the full
 * estimate, so one floor serves offers that differ only in them: `costFloorKey`). A catalog search
 * (@gpufit/analysis's matcher) prices offers in order of this bound (`costFloorUsd`) and stops when it exceeds the
 * best cost found.
 * Not valid with scenario price adjustments (they can lower a price arbitrarily).
 */
export interface CostFloor {
  readonly gpuHours: number;
  readonly dataUsd: number;
}

export function costFloor(
  profile: WorkloadProfile,
  offer: Offer,
  options: FeasibilityOptions,
): CostFloor | null {
  // A search calls this for every group and profile: pass options with both flags set to spare the copy.
  const verdict =
    options.verdictOnly === true && options.skipOfferTerms === true
      ? options
      : { ...options, verdictOnly: true, skipOfferTerms: true };
  const feas = feasibilityDetail(profile, offer, verdict);
  if (!feas.feasible || feas.gpusPerReplica === null || feas.throughput === null) return null;
  const work = workOnOffer(profile, offer, feas);
  let gpuHours = work.usefulGpuHours * work.packing;
  if (profileFacts(profile).serving) {
    gpuHours = Math.max(gpuHours, profile.nodes * offer.gpusPerInstance * HOURS_PER_MONTH);
  }
  const ingressGiB = profile.datasetGiB / profile.horizonMonths;
  const dataUsd =
    offerFacts(offer).egressUsd(profile.egressGiBPerMonth) + ingressGiB * offer.ingressUsdPerGiB;
  return { gpuHours, dataUsd };
}

/**
 * Offers with the same key have the same `costFloor` for every profile and options: the key holds every offer
 * field the floor reads (market, GPU, memory, GPUs per instance, fabric, certifications, country, host tier,
 * egress and ingress prices). Offers that differ only in what the floor leaves to the full estimate — price,
 * provider, pricing category, region, reliability, billing — share it, so a catalog search asks for one floor per
 * key. Kept beside `costFloor` so the two change together.
 */
export function costFloorKey(offer: Offer): string {
  const egress =
    offer.egressTiers !== null && offer.egressTiers.length > 0
      ? JSON.stringify(offer.egressTiers)
      : (offer.egressUsdPerGiB ?? EGRESS_DEFAULTS[offer.market].usdPerGiB);
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
    egress,
    offer.ingressUsdPerGiB,
  ].join('\u0000');
}

/**
 * A lower bound on the real cost must never exceed it; float error in `estimateCost`'s sums (and its 1e-9 slack
 * when counting whole units) is far below one part in a million, so bounds are shrunk by that much.
 */
const FLOOR_SLACK = 1 - 1e-6;

/**
 * The floor as the least `monthlyUsd` an offer of effective price `usdPerGpuHour` (`effectivePrice`, net of the
 * subsidy) can cost: (price × gpuHours + dataUsd), shrunk by one part in a million for float error. Never above
 * `estimateCost`'s `monthlyUsd` for that offer (without scenario price adjustments).
 */
export function costFloorUsd(floor: CostFloor, usdPerGpuHour: number): number {
  return (usdPerGpuHour * floor.gpuHours + floor.dataUsd) * FLOOR_SLACK;
}
