import type { WorkloadProfile } from '@gpufit/schema';
import type { AssessFitOptions } from './assessFit.js';
import { compiledFramework } from './compileFramework.js';
import { newScoreState, scoreProfile } from './scoreProfile.js';

/**
 * Assessments of many profiles as columns (no reasons, no sentences): row i of every array is profile i.
 * Levels index `FIT_LEVELS`, approaches index `APPROACHES`, mask bits index `CONSTRAINT_CODES`.
 */
export interface FitBatch {
  readonly length: number;
  readonly cloudScore: Float64Array;
  readonly depinScore: Float64Array;
  readonly cloudLevel: Uint8Array;
  readonly depinLevel: Uint8Array;
  readonly approach: Uint8Array;
  /** Bit i set: hard constraint `CONSTRAINT_CODES[i]` makes DePIN ineligible for all or part. */
  readonly constraintMask: Uint8Array;
  /** Bit i set: that constraint covers only part of the workload. */
  readonly partialMask: Uint8Array;
  readonly frameworkVersion: string;
  readonly overrides: readonly string[];
}

/** The bulk entry point: the same engine as `assessFit`, writing typed arrays instead of objects. */
export function assessFitBatch(profiles: readonly WorkloadProfile[], options?: AssessFitOptions): FitBatch {
  const fw = compiledFramework(options?.framework);
  const n = profiles.length;
  const out: FitBatch = {
    length: n,
    cloudScore: new Float64Array(n),
    depinScore: new Float64Array(n),
    cloudLevel: new Uint8Array(n),
    depinLevel: new Uint8Array(n),
    approach: new Uint8Array(n),
    constraintMask: new Uint8Array(n),
    partialMask: new Uint8Array(n),
    frameworkVersion: fw.version,
    overrides: fw.overrides,
  };
  const state = newScoreState();
  for (let i = 0; i < n; i++) {
    scoreProfile(profiles[i]!, fw, state);
    out.cloudScore[i] = state.cloud;
    out.depinScore[i] = state.depin;
    out.cloudLevel[i] = state.cloudLevel;
    out.depinLevel[i] = state.depinLevel;
    out.approach[i] = state.approach;
    out.constraintMask[i] = state.constraintMask;
    out.partialMask[i] = state.partialMask;
  }
  return out;
}
