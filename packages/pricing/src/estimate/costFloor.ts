import type { Offer, WorkloadProfile } from '@gpufit/schema';
import { HOURS_PER_MONTH } from '../assumptions.js';
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
 * estimate, so one floor serves offers that differ only in them). A catalog search
 * (`gpufit`'s matcher) prices offers in order of this bound and stops when it exceeds the best cost found.
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
