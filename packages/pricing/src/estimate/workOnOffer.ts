import type { Offer, WorkloadProfile } from '@gpufit/schema';
import type { FeasibilityDetail } from '../feasibility/feasibility.js';
import { profileFacts } from './profileFacts.js';

/** The demand converted to one offer's GPU and instances: what `estimateCost` and `costFloor` both start from. */
export interface WorkOnOffer {
  /** The demand in its own GPU's hours a month (the same for every offer). */
  readonly referenceGpuHours: number;
  /** The same work in this offer's GPU-hours (÷ the throughput ratio). */
  readonly usefulGpuHours: number;
  /** Wall-clock hours of one job on one replica of this offer. */
  readonly jobWallHours: number;
  /** GPUs per node of one replica on this offer, and GPUs of one allocation (× nodes). */
  readonly gpusPerReplica: number;
  readonly gpusPerAllocation: number;
  /** Whether independent units of work share an instance's GPUs (else each replica holds whole instances). */
  readonly dataParallel: boolean;
  /** Billed ÷ used GPU-hours from renting whole instances (≥ 1). */
  readonly packing: number;
}

/**
 * Converts the demand to the offer (DESIGN §5.1b–5.2): GPU-hours ÷ the throughput ratio, and whole instances.
 * An instance of I GPUs is rented whole. Work that is data-parallel across GPUs — serving replicas, independent
 * requests, shards or trials (`statelessRequests`) — packs ⌊I/g⌋ replicas of g GPUs to an instance; other work
 * holds the whole instance for each replica (I/g); a multi-node job rents one instance per node.
 * Needs a feasible detail (throughput and gpusPerReplica set).
 */
export function workOnOffer(profile: WorkloadProfile, offer: Offer, feas: FeasibilityDetail): WorkOnOffer {
  const pf = profileFacts(profile);
  const nodes = profile.nodes;
  const g = feas.gpusPerReplica ?? 1;
  const rel = feas.throughput?.ratio ?? 1;
  const demandG = feas.demandGpusPerReplica;
  const referenceGpuHours =
    profile.gpuHoursPerMonth ?? (profile.jobsPerMonth ?? 0) * profile.hoursPerJob * demandG * nodes;
  const perInstance = offer.gpusPerInstance;
  const dataParallel = nodes === 1 && (pf.serving || profile.statelessRequests);
  return {
    referenceGpuHours,
    usefulGpuHours: referenceGpuHours / rel,
    jobWallHours: (profile.hoursPerJob * demandG) / (g * rel),
    gpusPerReplica: g,
    gpusPerAllocation: g * nodes,
    dataParallel,
    packing: dataParallel ? perInstance / (Math.floor(perInstance / g) * g) : perInstance / g,
  };
}
