import type { ThroughputClass, TrainingMethod, WorkloadProfile } from '@gpufit/schema';
import { INTERCONNECTS, workloadKinds } from '@gpufit/schema';
import { MIN_CHECKPOINT_HOURS } from '../assumptions.js';
import { checkpointGiB, modelMemoryGiB, weightsGiB } from '../memory/modelMemory.js';
import { tierKey } from '../tiers/gpuTierTable.js';

/** What pricing derives from a profile alone, computed once per profile object. */
export interface ProfileFacts {
  readonly serving: boolean;
  readonly phase: 'inference' | 'training';
  readonly throughputClass: ThroughputClass;
  /** How a training run updates the model (`full` for inference, which trains nothing). */
  readonly trainingMethod: TrainingMethod;
  readonly memoryGiB: number;
  /** Inference: the weights alone at the stated precision (no stated GPU count goes below them); training: 0. */
  readonly weightsGiB: number;
  readonly checkpointGiB: number;
  readonly interconnectRank: number;
  readonly gpuTypeKey: string | null;
  /**
   * Resumes from its last checkpoint after an interruption (checkpointable). Whether it tolerates interruptions by
   * design (`interruptible`) decides whether spot capacity may run it; a hardware failure on dedicated capacity
   * interrupts it either way, and a checkpointable job resumes.
   */
  readonly resumes: boolean;
  readonly checkpointHours: number;
  /**
   * The time an interruption costs before work resumes: `restartMinutes`, or the stated `startupMinutes` when that
   * is longer — a replacement host pulls the image and loads the weights before it can resume (a gpufit assumption).
   */
  readonly restartHours: number;
  /** The stated start-up is longer than `restartMinutes`, so it sets `restartHours`. */
  readonly restartIsStartup: boolean;
  /**
   * Batch: the start-up each stated job's run pays before its work begins (pulling the image, loading the
   * weights on every shard): the workload's `startupMinutes` when stated, else its restart time — a gpufit
   * assumption. 0 when the demand is GPU-hours alone (how many runs start is then unknown: its jobs of
   * `hoursPerJob` are a unit of work, not a count of starts) and for serving (held, not started per job).
   */
  readonly startupHours: number;
  /** The workload states its start-up (`startupMinutes`); else `startupHours` is the restart time, assumed. */
  readonly startupStated: boolean;
  /** The demand states its jobs (`jobsPerMonth` > 0): a count of runs to start and to split into shards. */
  readonly startsStated: boolean;
}

const cache = new WeakMap<WorkloadProfile, ProfileFacts>();
// The profile asked last: a catalog search asks about one profile thousands of times in a row, and a WeakMap
// lookup per call was a tenth of its feasibility check.
let lastProfile: WorkloadProfile | null = null;
let lastFacts: ProfileFacts | null = null;

export function profileFacts(profile: WorkloadProfile): ProfileFacts {
  if (profile === lastProfile) return lastFacts!;
  let facts = cache.get(profile);
  if (facts === undefined) {
    facts = derive(profile);
    cache.set(profile, facts);
  }
  lastProfile = profile;
  lastFacts = facts;
  return facts;
}

function derive(p: WorkloadProfile): ProfileFacts {
  const startsStated = p.jobsPerMonth !== null && p.jobsPerMonth > 0;
  const kind = workloadKinds[p.kind];
  // A training kind always has a method once defaults are applied; `full` covers a hand-built profile without one.
  const method = p.trainingMethod ?? 'full';
  // A hand-built profile may leave `startupMinutes` out: like null, the restart time stands in for it.
  const startupStated = p.startupMinutes !== null && p.startupMinutes !== undefined;
  const startupMinutes = startupStated ? p.startupMinutes! : p.restartMinutes;
  return {
    serving: kind.pattern === 'serving',
    phase: kind.phase,
    throughputClass: kind.throughputClass,
    trainingMethod: method,
    memoryGiB: modelMemoryGiB(p.modelParamsBillions, p.precision, kind.phase, method),
    weightsGiB: kind.phase === 'inference' ? weightsGiB(p.modelParamsBillions, p.precision) : 0,
    checkpointGiB: kind.phase === 'training' ? checkpointGiB(p.modelParamsBillions, p.precision, method) : 0,
    interconnectRank: INTERCONNECTS.indexOf(p.interconnect),
    gpuTypeKey: p.gpuType === null ? null : tierKey(p.gpuType),
    resumes: p.checkpointable,
    checkpointHours: Math.max(p.checkpointMinutes / 60, MIN_CHECKPOINT_HOURS),
    restartHours: Math.max(p.restartMinutes, startupStated ? p.startupMinutes! : 0) / 60,
    restartIsStartup: startupStated && p.startupMinutes! > p.restartMinutes,
    startupHours: kind.pattern !== 'serving' && startsStated ? startupMinutes / 60 : 0,
    startupStated,
    startsStated,
  };
}
