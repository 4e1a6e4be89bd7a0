import type { Offer, WorkloadProfile } from '@gpufit/schema';
import { HOURS_PER_MONTH } from '../assumptions.js';
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
  /**
   * Batch: the shards one job runs as at once here — its independent requests split over the instance's `slots`
   * it does not share with jobs running beside it on average: slots ÷ max(1, useful GPU-hours ÷ (730 h × g ×
   * nodes)), at least 1, an average (`sharing` `split`, the demand stating `jobsPerMonth`) — else 1: a demand of
   * GPU-hours alone states no starts and is timed unsplit. Serving: 1 (a service has no job to time).
   */
  readonly shards: number;
  /** Whether the demand states its jobs (`jobsPerMonth`): only then are runs split into shards and started. */
  readonly startsStated: boolean;
  /** Batch: wall-clock hours of one job's run here, its shards side by side: `jobWallHours` ÷ `shards`. */
  readonly runWallHours: number;
  /** GPUs per node of one replica on this offer, and GPUs of one allocation (× nodes). */
  readonly gpusPerReplica: number;
  readonly gpusPerAllocation: number;
  /** Whether independent units of work share an instance's GPUs (else each replica holds whole instances). */
  readonly dataParallel: boolean;
  /**
   * How the work shares an instance: `split` — one job's requests or shards spread over all its replica slots
   * (serving, and inference batches); `concurrent` — independent jobs (trials, fine-tunes) share it only as far as
   * they run at the same time; `whole` — each replica holds whole instances.
   */
  readonly sharing: 'split' | 'concurrent' | 'whole';
  /** Replicas of g GPUs one instance holds (⌊I/g⌋; 1 for a multi-node job). */
  readonly slots: number;
  /** Batch: replicas running at once at the demand's peak (useful GPU-hours × peak ÷ (hours of a month × g)). */
  readonly concurrentReplicas: number;
  /** Replicas that fill one instance while it is rented: slots, or min(slots, max(1, concurrent)) for `concurrent`. */
  readonly fill: number;
  /** Billed ÷ used GPU-hours from renting whole instances: I ÷ (fill × g) (≥ 1). */
  readonly packing: number;
}

/**
 * Converts the demand to the offer (DESIGN §5.1b–5.2): GPU-hours ÷ the throughput ratio, and whole instances.
 * An instance of I GPUs is rented whole; it holds ⌊I/g⌋ replicas of g GPUs (`slots`).
 * - Serving, and batch inference whose requests are independent (`statelessRequests`), split one job over every
 *   slot: billed = used × I ÷ (⌊I/g⌋·g).
 * - Independent training jobs (`statelessRequests`: trials, fine-tunes) are separate runs: they share an instance
 *   only when they run at the same time, so the slots filled are the jobs running at once at the peak, at least
 *   one and at most the slots. Four 10-hour fine-tunes a month run one at a time, and each rents a whole instance.
 * - Other work holds the whole instance for each replica (I/g); a multi-node job rents one instance per node.
 * A batch split over the slots runs as shards side by side — the slots ÷ the jobs running at once at the peak, at
 * least one — so one job's run lasts its wall-clock hours on one replica ÷ the shards (`runWallHours`): what
 * interruptions, billing increments and the horizon see.
 * Needs a feasible detail (throughput and gpusPerReplica set).
 */
export function workOnOffer(profile: WorkloadProfile, offer: Offer, feas: FeasibilityDetail): WorkOnOffer {
  const pf = profileFacts(profile);
  const nodes = profile.nodes;
  const g = feas.gpusPerReplica ?? 1;
  const rel = feas.throughput?.ratio ?? 1;
  const demandG = feas.demandGpusPerReplica;
  const referenceGpuHours = referenceGpuHoursOf(profile, demandG);
  const usefulGpuHours = referenceGpuHours / rel;
  const perInstance = offer.gpusPerInstance;
  const dataParallel = nodes === 1 && (pf.serving || profile.statelessRequests);
  const sharing = !dataParallel ? 'whole' : pf.serving || pf.phase === 'inference' ? 'split' : 'concurrent';
  const slots = nodes > 1 ? 1 : Math.max(1, Math.floor(perInstance / g));
  const concurrentReplicas = pf.serving
    ? 0
    : (usefulGpuHours * profile.peakToMeanRatio) / (HOURS_PER_MONTH * g * nodes);
  const fill =
    sharing === 'whole' ? 1 : sharing === 'split' ? slots : Math.min(slots, Math.max(1, concurrentReplicas));
  const jobWallHours = (profile.hoursPerJob * demandG) / (g * rel);
  // A split batch shares the instance's slots with the jobs that run beside it, on average over the month (a job
  // off the peak has the instance more to itself, and starts more shards): one job alone takes every slot, two at
  // once half each, as many as the slots one each. An average, not rounded to whole shards: a
  // rounded count would make a little more demand (one more job at once) cost less, its start-ups falling by a
  // whole shard each. Only for a demand that states its jobs: a demand of GPU-hours alone states no starts, so it
  // pays no start-up (profileFacts), and a run timed as shards would then be credited a shorter run (less re-work)
  // with nothing charged for starting every shard — an 8B nightly batch of 730 L40S-hours moved to an 8-GPU H100
  // instance for 10-minute runs that way.
  const startsStated = pf.startsStated;
  const meanConcurrent = pf.serving ? 0 : usefulGpuHours / (HOURS_PER_MONTH * g * nodes);
  const shards =
    sharing === 'split' && !pf.serving && startsStated ? Math.max(1, slots / Math.max(1, meanConcurrent)) : 1;
  return {
    referenceGpuHours,
    usefulGpuHours,
    jobWallHours,
    shards,
    startsStated,
    runWallHours: jobWallHours / shards,
    gpusPerReplica: g,
    gpusPerAllocation: g * nodes,
    dataParallel,
    sharing,
    slots,
    concurrentReplicas,
    fill,
    packing: perInstance / (fill * g),
  };
}

/**
 * The demand in its own GPU's hours a month: the stated GPU-hours, else jobs × hours × the GPUs of one replica
 * on the demand's GPU (`demandGpusPerReplica`) × nodes.
 */
export function referenceGpuHoursOf(profile: WorkloadProfile, demandGpusPerReplica: number): number {
  return (
    profile.gpuHoursPerMonth ??
    (profile.jobsPerMonth ?? 0) * profile.hoursPerJob * demandGpusPerReplica * profile.nodes
  );
}
