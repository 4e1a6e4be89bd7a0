import {
  APPROACHES,
  FIT_LEVELS,
  type FitAssessment,
  type FitReason,
  type HardConstraint,
  type WorkloadProfile,
} from '@gpufit/schema';
import { compiledFramework } from './compileFramework.js';
import { constraints } from './constraintRegistry.js';
import { factors } from './factorRegistry.js';
import type { FrameworkOverride } from './frameworkOverride.js';
import { newScoreState, scoreProfile } from './scoreProfile.js';

export interface AssessFitOptions {
  /**
   * Settings to lay over the default framework (any subset). Validated and merged once per object, so
   * reuse the same object across calls; an invalid override throws `FrameworkOverrideError`.
   */
  readonly framework?: FrameworkOverride;
}

const state = newScoreState();
const order = new Int32Array(factors.length);

/**
 * Where a workload fits: cloud and DePIN scores (0..100) and levels, the approach, the hard constraints
 * apart from the scores, and every factor's signed contribution with a sentence, largest first. Pure: the
 * same profile and options give the same assessment; the profile is never mutated.
 */
export function assessFit(profile: WorkloadProfile, options?: AssessFitOptions): FitAssessment {
  const fw = compiledFramework(options?.framework);
  scoreProfile(profile, fw, state);
  const contributions = fw.contributions;

  // Largest |cloud| + |DePIN| first; ties keep registry order (insertion sort is stable and n is small).
  const n = factors.length;
  for (let i = 0; i < n; i++) {
    const size = magnitude(contributions, i);
    let j = i - 1;
    while (j >= 0 && magnitude(contributions, order[j]!) < size) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = i;
  }
  const reasons: FitReason[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const f = factors[i]!;
    reasons[k] = {
      factor: f.id,
      cloud: contributions[2 * i]!,
      depin: contributions[2 * i + 1]!,
      sentence: f.explain(profile, fw.params[i]!, fw.config),
    };
  }

  const verdicts: HardConstraint[] = [];
  for (let i = 0; i < constraints.length; i++) {
    const bit = 1 << i;
    if ((state.constraintMask & bit) === 0) continue;
    const c = constraints[i]!;
    const scope = (state.partialMask & bit) === 0 ? 'all' : 'part';
    verdicts.push({ side: c.side, code: c.code, reason: c.explain(profile, fw.config, scope), scope });
  }

  return {
    cloud: { score: state.cloud, level: FIT_LEVELS[state.cloudLevel]! },
    depin: { score: state.depin, level: FIT_LEVELS[state.depinLevel]! },
    approach: APPROACHES[state.approach]!,
    constraints: verdicts,
    reasons,
    frameworkVersion: fw.version,
    overrides: fw.overrides,
  };
}

function magnitude(contributions: Float64Array, i: number): number {
  return Math.abs(contributions[2 * i]!) + Math.abs(contributions[2 * i + 1]!);
}
