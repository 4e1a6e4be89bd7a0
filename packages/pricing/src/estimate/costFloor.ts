import { isTermCommitment, type Offer, type WorkloadProfile } from '@gpufit/schema';
import { EGRESS_DEFAULTS, HOURS_PER_MONTH } from '../assumptions.js';
import { termFactor } from '../commitments/termFactor.js';
import { monthlyIngressGiB } from '../data/monthlyIngressGiB.js';
import { dynamicGpuLimit } from '../feasibility/dynamicCapacity.js';
import {
  type FeasibilityOptions,
  feasibilityDetail,
  gpuConversion,
  gpuConversionsOf,
  placeKey,
  type ReplicaDemand,
  replicaDemand,
  replicaGpuMemoryGiB,
} from '../feasibility/feasibility.js';
import { interruptibleRule } from '../feasibility/placementRule.js';
import { replicaWidth } from '../feasibility/replicaWidth.js';
import { gpusForModel } from '../memory/modelMemory.js';
import { meanSpareUnits } from '../reliability/meanSpareUnits.js';
import type { GpuTier } from '../tiers/gpuTierTable.js';
import { interruptedRun } from './interruptedRun.js';
import { offerFacts } from './offerFacts.js';
import { profileFacts } from './profileFacts.js';
import { startupGpuHours } from './startupGpuHours.js';
import { referenceGpuHoursOf, workOnOffer } from './workOnOffer.js';

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
 * Interruption re-work, spare serving units and spot capacity depend on an offer's reliability and zones, which
 * the key leaves out: `costFloorOf` with a `ReliabilityFloor` of the offers to bound counts them too.
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
  /**
   * Useful GPU-hours × packing (serving: at least one whole unit all month), plus a batch's start-ups (every stated
   * job's run starts on the GPUs it holds: `startupGpuHours`).
   */
  readonly gpuHours: number;
  /** Batch: useful GPU-hours × packing, the failure-free run that interruption re-work inflates; 0 when serving. */
  readonly runGpuHours: number;
  /** The least a commitment holds (before its term factor); see `costFloor`. */
  readonly heldGpuHours: number;
  /** Batch: wall-clock hours of one job's run, its shards side by side (what interruptions inflate); 0 when serving. */
  readonly jobWallHours: number;
  /** Serving: the units the peak needs, and the GPU-hours of one unit all month (spares cost as much); 0 for batch. */
  readonly neededUnits: number;
  readonly unitGpuHours: number;
  /** Serving: the mean demand in GPUs and the GPUs of demand a unit carries (for `meanSpareUnits`); 0 for batch. */
  readonly meanGpus: number;
  readonly gpusPerUnit: number;
  /** The least GPUs the workload holds at once (its instances at the run without re-work or spares). */
  readonly gpusAtOnce: number;
  /** Whether those GPUs must share one zone (a multi-node job with a fabric), as `dynamicCapacity` asks. */
  readonly oneZone: boolean;
}

/**
 * What a floor may assume about the reliability of a set of offers (`reliabilityFloors`), for `costFloorOf` to
 * bound interruption re-work, spare serving units and spot capacity by: the least interruption rate among them
 * (pricing's `offerFacts`: stated, else from the stated availability, else the market's default), the highest
 * availability any of them states (−Infinity when none does), the least interruption rate of those whose
 * availability is derived from their rate (Infinity when none is), and the most zones listing spot any of them
 * has (`zonesWithSpot`, at least 1).
 */
export interface ReliabilityFloor {
  readonly interruptionsPerHour: number;
  readonly statedAvailability: number;
  readonly derivedInterruptionsPerHour: number;
  readonly spotZones: number;
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
  let runGpuHours = 0;
  const fixed = options.scenario?.committedUtilization ?? null;
  let heldGpuHours: number;
  let gpusAtOnce: number;
  let oneZone = false;
  let neededUnits = 0;
  let unitGpuHours = 0;
  let meanGpus = 0;
  let gpusPerUnit = 0;
  if (profileFacts(profile).serving) {
    // As estimateCost's serving branch: the units the peak needs, each nodes × I GPUs all month.
    unitGpuHours = nodes * perInstance * HOURS_PER_MONTH;
    gpuHours = Math.max(gpuHours, unitGpuHours);
    const replicasPerUnit = nodes > 1 ? 1 : Math.floor(perInstance / work.gpusPerReplica);
    const peakGpus = (work.usefulGpuHours / HOURS_PER_MONTH) * profile.peakToMeanRatio;
    const needed = Math.max(1, Math.ceil(peakGpus / (replicasPerUnit * work.gpusPerAllocation) - 1e-9));
    heldGpuHours = fixed !== null ? gpuHours / fixed : needed * unitGpuHours;
    neededUnits = needed;
    meanGpus = work.usefulGpuHours / HOURS_PER_MONTH;
    gpusPerUnit = replicasPerUnit * work.gpusPerAllocation;
    gpusAtOnce = needed * nodes * perInstance;
  } else {
    // As estimateCost's batch branch with the run at its least (no re-work, no rounding): the allocations are
    // those of the failure-free work, and every stated job's run pays its start-up on the GPUs it holds.
    runGpuHours = gpuHours;
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
    gpuHours += startupGpuHours(profile, work);
    heldGpuHours =
      fixed !== null ? gpuHours / fixed : Math.max(gpuHours, instances * perInstance * HOURS_PER_MONTH);
    gpusAtOnce = instances * perInstance;
    oneZone = nodes > 1 && profile.interconnect !== 'none';
  }
  // The run as estimateCost times it (its shards side by side): a shorter run is inflated less, so timing the
  // unsplit job here would put the floor above the estimate.
  const jobWallHours = unitGpuHours > 0 ? 0 : work.runWallHours;
  return {
    gpuHours,
    runGpuHours,
    heldGpuHours,
    jobWallHours,
    neededUnits,
    unitGpuHours,
    meanGpus,
    gpusPerUnit,
    gpusAtOnce,
    oneZone,
  };
}

/**
 * A lower bound on `workFloor`'s `gpuHours` and `heldGpuHours` for every offer of GPU `gpu` whose GPUs have at
 * most `largestMemoryGiB` each, from the GPU's name alone; null when `gpuFeasible` refuses the GPU (then
 * `workFloor` is null for every such offer). A catalog search asks this once per GPU and computes the offers'
 * `workFloor`s only for the GPUs whose bound can still win: `instanceHoursFloor` of `gpuWorkFloor`, without an
 * instance size.
 */
export function gpuHoursFloor(
  profile: WorkloadProfile,
  gpu: string,
  largestMemoryGiB: number,
  options: FeasibilityOptions,
): number | null {
  const floor = gpuWorkFloor(profile, gpu, largestMemoryGiB, options);
  return floor === null ? null : instanceHoursFloor(profile, floor);
}

/** What `instanceHoursFloor` reads from a GPU's name (see `gpuWorkFloor`). */
export interface GpuWorkFloor {
  /** The demand in this GPU's hours (its reference GPU-hours ÷ the throughput ratio), the same on every offer of it. */
  readonly usefulGpuHours: number;
  /**
   * The fewest GPUs a replica holds on any offer of the GPU: its footprint on the largest listing
   * (`gpusForModel`), at least a stated width (`replicaWidth`). 1 when neither serving nor start-ups read it.
   */
  readonly leastGpusPerReplica: number;
}

/**
 * The part of `gpuHoursFloor` that reads the GPU (its throughput ratio and largest listing); null when
 * `gpuFeasible` refuses it. A search computes it once per GPU and `instanceHoursFloor` once per instance size.
 */
export function gpuWorkFloor(
  profile: WorkloadProfile,
  gpu: string,
  largestMemoryGiB: number,
  options: FeasibilityOptions,
): GpuWorkFloor | null {
  const conversion = gpuConversion(profile, gpu, options);
  if (conversion === null) return null;
  const demand = replicaDemand(profile, conversion.demandTier.memoryGiB);
  const hours = referenceGpuHoursOf(profile, demand.demandGpusPerReplica);
  return floorOfConversion(profile, gpu, largestMemoryGiB, options, { conversion, demand, hours });
}

/**
 * `gpuWorkFloor` for one profile and many GPUs (a catalog search asks it for every GPU name of every query): what
 * reads the profile alone — its demand GPU, the replica it asks for, its reference GPU-hours, the kept conversions
 * (`gpuConversionsOf`) — is worked out once. `gpuWorkFloorsOf(profile, options)(gpu, largestMemoryGiB)` equals
 * `gpuWorkFloor(profile, gpu, largestMemoryGiB, options)`.
 */
export function gpuWorkFloorsOf(
  profile: WorkloadProfile,
  options: FeasibilityOptions,
): (gpu: string, largestMemoryGiB: number) => GpuWorkFloor | null {
  const conversions = gpuConversionsOf(profile, options);
  // One demand GPU per profile (referenceGpu's), so one replica demand and one count of reference GPU-hours.
  let demand: ReplicaDemand | null = null;
  let hours = 0;
  return (gpu, largestMemoryGiB) => {
    const conversion = conversions(gpu);
    if (conversion === null) return null;
    if (demand === null) {
      demand = replicaDemand(profile, conversion.demandTier.memoryGiB);
      hours = referenceGpuHoursOf(profile, demand.demandGpusPerReplica);
    }
    return floorOfConversion(profile, gpu, largestMemoryGiB, options, { conversion, demand, hours });
  };
}

/**
 * `gpuWorkFloor` from the GPU's conversion, the replica the profile asks for (`replicaDemand` at the demand GPU's
 * memory) and its reference GPU-hours.
 */
function floorOfConversion(
  profile: WorkloadProfile,
  gpu: string,
  largestMemoryGiB: number,
  options: FeasibilityOptions,
  of: {
    readonly conversion: { readonly demandTier: GpuTier; readonly ratio: number };
    readonly demand: ReplicaDemand;
    readonly hours: number;
  },
): GpuWorkFloor {
  const { conversion, demand } = of;
  const usefulGpuHours = of.hours / conversion.ratio;
  const pf = profileFacts(profile);
  if (!pf.serving && !(pf.startupHours > 0)) return { usefulGpuHours, leastGpusPerReplica: 1 };
  // As feasibility counts it (`replicaGpuMemoryGiB`), at the largest listing of the GPU.
  const held = replicaGpuMemoryGiB(
    largestMemoryGiB,
    options.tiers.get(gpu),
    conversion.demandTier,
    profile,
    demand.footprintGiB >= demand.statedGiB,
  );
  const leastGpus = gpusForModel(demand.footprintGiB, held, profile.nodes);
  return { usefulGpuHours, leastGpusPerReplica: replicaWidth(profile.gpusPerReplica, leastGpus) };
}

/**
 * A lower bound on `workFloor`'s `gpuHours` and `heldGpuHours` for every offer of a GPU (`gpuWorkFloor`) with
 * `gpusPerInstance` GPUs an instance (any size when omitted). Every feasible offer of the GPU converts the demand
 * at the same ratio, so its useful GPU-hours are the same; `workFloor` bills them × packing (≥ 1, whole
 * instances) and holds at least that (a commitment: ÷ a utilization ≤ 1, or the units or instances the peak
 * needs, peak ≥ 1 × mean). A replica holds at least `leastGpusPerReplica` GPUs (g ≥ g₀), and an instance I ≥ g.
 * - A service also holds at least one unit all month: nodes × I × hours of a month.
 * - A batch of stated jobs also pays every run's start-up (`startupGpuHours`: jobs × start-up hours × GPUs of a
 *   shard × packing × shards, which is jobs × start-up hours × nodes × I × shards ÷ fill): a replica holding
 *   whole instances (`workOnOffer`'s `whole`: several nodes, or requests that cannot be split) starts on all
 *   nodes × I; work split over the instance's slots, or jobs sharing it, on at least max(g₀, I ÷ max(1, c₀)),
 *   c₀ the replicas running at once at the peak with g₀ GPUs each (≥ the jobs at once with g ≥ g₀).
 */
export function instanceHoursFloor(
  profile: WorkloadProfile,
  floor: GpuWorkFloor,
  gpusPerInstance?: number,
): number {
  const pf = profileFacts(profile);
  const useful = floor.usefulGpuHours;
  const nodes = profile.nodes;
  const width = floor.leastGpusPerReplica;
  const perInstance = gpusPerInstance === undefined ? width : Math.max(width, gpusPerInstance);
  if (pf.serving) return Math.max(useful, nodes * perInstance * HOURS_PER_MONTH);
  if (!(pf.startupHours > 0)) return useful;
  let startingGpus: number;
  if (nodes > 1 || !profile.statelessRequests) startingGpus = nodes * perInstance;
  else {
    const atOnce = (useful * Math.max(1, profile.peakToMeanRatio)) / (HOURS_PER_MONTH * width);
    startingGpus = Math.max(width, perInstance / Math.max(1, atOnce));
  }
  return useful + (profile.jobsPerMonth ?? 0) * pf.startupHours * startingGpus;
}

/**
 * For each position i of `offers`, the `ReliabilityFloor` of offers[i..] (a catalog search walks a group cheapest
 * first, so what is left of it is a suffix); consecutive positions with the same floor share one object.
 */
export function reliabilityFloors(offers: readonly Offer[]): ReliabilityFloor[] {
  const out: ReliabilityFloor[] = new Array(offers.length);
  let rate = Number.POSITIVE_INFINITY;
  let stated = Number.NEGATIVE_INFINITY;
  let derived = Number.POSITIVE_INFINITY;
  let zones = 1;
  let last: ReliabilityFloor | null = null;
  for (let i = offers.length - 1; i >= 0; i--) {
    const f = offerFacts(offers[i]!);
    rate = Math.min(rate, f.interruptionsPerHour);
    if (f.availability !== null) stated = Math.max(stated, f.availability);
    else derived = Math.min(derived, f.interruptionsPerHour);
    zones = Math.max(zones, offers[i]!.zonesWithSpot ?? 1);
    if (
      last === null ||
      last.interruptionsPerHour !== rate ||
      last.statedAvailability !== stated ||
      last.derivedInterruptionsPerHour !== derived ||
      last.spotZones !== zones
    )
      last = {
        interruptionsPerHour: rate,
        statedAvailability: stated,
        derivedInterruptionsPerHour: derived,
        spotZones: zones,
      };
    out[i] = last;
  }
  return out;
}

/** The reliability floor of one offer: its own figures. */
export function reliabilityOf(offer: Offer): ReliabilityFloor {
  return reliabilityFloors([offer])[0]!;
}

/**
 * `costFloor` from the offer's `workFloor` (any offer of the same `workFloorKey`): null for spot capacity and
 * non-interruptible work; Committed offers bill the held hours × the term factor.
 *
 * With `reliability` (a `ReliabilityFloor` of every offer the floor is to bound), a flexible offer's floor also
 * counts what that reliability costs at least: batch work the interruption re-work at the least rate (the run
 * `estimateCost` chooses, `interruptedRun`, at that rate: it only grows with the rate), serving work the spare
 * units for the availability target at the highest availability (the replicas needed only fall as it rises; the
 * availability is raised by 1e-9 so float error in that count cannot make it exceed a real offer's); and it is
 * null when spot capacity (`dynamicCapacity`) refuses the least GPUs the workload holds at once even with the
 * most zones listing spot. Without it, the floor ignores all three (it holds for any reliability).
 */
export function costFloorOf(
  work: WorkFloor,
  profile: WorkloadProfile,
  offer: Offer,
  reliability?: ReliabilityFloor,
): CostFloor | null {
  if (interruptibleRule(profile, offer) !== null) return null;
  let gpuHours = work.gpuHours;
  if (reliability !== undefined && !isTermCommitment(offer)) {
    if (work.gpusAtOnce > dynamicGpuLimit(offer, reliability.spotZones, work.oneZone)) return null;
    gpuHours += reliabilityGpuHours(work, profile, reliability);
  }
  if (isTermCommitment(offer)) {
    // Every GPU line of a commitment sums to held × term factor (+ redundancy when serving).
    gpuHours = work.heldGpuHours * termFactor(offer, profile.horizonMonths);
  }
  const ingressGiB = monthlyIngressGiB(profile);
  const dataUsd =
    offerFacts(offer).egressUsd(profile.egressGiBPerMonth) + ingressGiB * offer.ingressUsdPerGiB;
  return { gpuHours, dataUsd };
}

/** The least GPU-hours a month that `reliability` adds to a flexible offer's `work` (see `costFloorOf`). */
function reliabilityGpuHours(
  work: WorkFloor,
  profile: WorkloadProfile,
  reliability: ReliabilityFloor,
): number {
  const pf = profileFacts(profile);
  if (work.neededUnits > 0) {
    // Serving: the spare units averaged over the month's demand, as estimateCost's serving branch for capacity
    // that follows the demand (the least it holds: capacity booked by the day holds the peak's, at least as many),
    // at the highest availability.
    let availability = reliability.statedAvailability;
    const derived = reliability.derivedInterruptionsPerHour;
    if (derived !== Number.POSITIVE_INFINITY)
      availability = Math.max(availability, pf.restartHours > 0 ? 1 / (1 + derived * pf.restartHours) : 1);
    if (!(availability > 0)) return 0;
    const spares = meanSpareUnits({
      meanGpus: work.meanGpus,
      peakToMeanRatio: profile.peakToMeanRatio,
      gpusPerUnit: work.gpusPerUnit,
      target: profile.availabilityTarget,
      unitAvailability: Math.min(1, availability + 1e-9) ** profile.nodes,
    });
    return spares.feasible ? spares.meanSpares * work.unitGpuHours : 0;
  }
  // Batch: billed ≥ used × the run's inflation (rounding only adds); the job's instances fail together.
  const rate = reliability.interruptionsPerHour * profile.nodes;
  if (!(rate > 0) || rate === Number.POSITIVE_INFINITY || !(work.jobWallHours > 0)) return 0;
  const run = interruptedRun(work.jobWallHours, rate, pf);
  if (!run.bounded) return 0;
  const inflation = run.wallHours / work.jobWallHours;
  return inflation > 1 ? work.runGpuHours * (inflation - 1) : 0;
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
  // The place rules' fields (`placeKey`: market, certifications, country, hosting, verification), then the GPU's.
  return [
    placeKey(offer),
    offer.gpu.trim().toLowerCase(),
    offer.gpuMemoryGiB,
    offer.gpusPerInstance,
    offer.interconnect,
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
    isTermCommitment(offer) ? (offer.termMonths ?? '') : '',
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
