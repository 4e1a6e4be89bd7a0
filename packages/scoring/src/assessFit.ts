import { APPROACHES, FIT_LEVELS, type FitAssessment, type Side, type WorkloadProfile } from '@gpufit/schema';
import { compiledFramework } from './compileFramework.js';
import { constraints } from './constraintRegistry.js';
import type { ConstraintCode } from './defineConstraint.js';
import type { FactorId } from './factorIds.js';
import type { FactorReason } from './factorReason.js';
import { factors } from './factorRegistry.js';
import type { FrameworkOverride } from './frameworkOverride.js';
import { newScoreState, scoreProfile } from './scoreProfile.js';
import { sortedReasons } from './sortedReasons.js';

export interface AssessFitOptions {
  /**
   * Settings to lay over the default framework (any subset). Validated and merged once per object, so
   * reuse the same object across calls; an invalid override throws `FrameworkOverrideError`.
   */
  readonly framework?: FrameworkOverride;
}

export type { FactorReason } from './factorReason.js';

/** A hard verdict as data: `side` is ineligible for all of the workload or part of it; `explainFit` words it. */
export interface ConstraintVerdict {
  readonly side: Side;
  readonly code: ConstraintCode;
  readonly scope: 'all' | 'part';
}

/**
 * Where a workload fits, as numbers and ids: the shape of `FitAssessment` (report.json's `fit`) with its
 * sentences left out — reasons every factor once, largest |cloud| + |DePIN| first, ties in registry order.
 * `explainFit(fit, profile, options)` gives the `FitAssessment` with every sentence.
 */
export interface Fit extends Omit<FitAssessment, 'constraints' | 'reasons'> {
  readonly constraints: readonly ConstraintVerdict[];
  readonly reasons: readonly FactorReason[];
}

const state = newScoreState();
const NO_CONSTRAINTS: readonly ConstraintVerdict[] = Object.freeze([]);
const FACTOR_ORDER: readonly FactorId[] = factors.map((f) => f.id);

/**
 * Where a workload fits: cloud and DePIN scores (0..100) and levels, the approach, the hard constraints
 * apart from the scores, and every factor's signed contribution, largest first — as data, no sentences (render
 * them with `explainFit` or `reasonSentence` where they are shown). Pure: the same profile and options give the
 * same assessment; the profile is never mutated.
 */
export function assessFit(profile: WorkloadProfile, options?: AssessFitOptions): Fit {
  const fw = compiledFramework(options?.framework);
  scoreProfile(profile, fw, state);

  const reasons = sortedReasons(fw.contributions, FACTOR_ORDER);
  let verdicts = NO_CONSTRAINTS;
  const mask = state.constraintMask;
  if (mask !== 0) {
    const list: ConstraintVerdict[] = [];
    for (let i = 0; i < constraints.length; i++) {
      const bit = 1 << i;
      if ((mask & bit) === 0) continue;
      const c = constraints[i]!;
      list.push({ side: c.side, code: c.code, scope: (state.partialMask & bit) === 0 ? 'all' : 'part' });
    }
    verdicts = list;
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
