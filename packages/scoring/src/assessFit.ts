import {
  APPROACHES,
  FIT_LEVELS,
  type FitAssessment,
  type FitReason,
  type HardConstraint,
  type WorkloadProfile,
} from '@gpufit/schema';
import { type CompiledFramework, compiledFramework } from './compileFramework.js';
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
const sizes = new Float64Array(factors.length);
const sentences: string[] = factors.map(() => '');

/**
 * Where a workload fits: cloud and DePIN scores (0..100) and levels, the approach, the hard constraints
 * apart from the scores, and every factor's signed contribution with a sentence, largest first. Pure: the
 * same profile and options give the same assessment; the profile is never mutated.
 */
export function assessFit(profile: WorkloadProfile, options?: AssessFitOptions): FitAssessment {
  const fw = compiledFramework(options?.framework);
  scoreProfile(profile, fw, state);
  const contributions = fw.contributions;
  explainFactors(profile, fw);

  // Largest |cloud| + |DePIN| first; ties keep registry order (insertion sort is stable and n is small).
  const n = factors.length;
  for (let i = 0; i < n; i++) {
    const size = Math.abs(contributions[2 * i]!) + Math.abs(contributions[2 * i + 1]!);
    sizes[i] = size;
    let j = i - 1;
    while (j >= 0 && sizes[order[j]!]! < size) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = i;
  }
  const reasons: FitReason[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    reasons.push({
      factor: factors[i]!.id,
      cloud: contributions[2 * i]!,
      depin: contributions[2 * i + 1]!,
      sentence: sentences[i]!,
    });
  }

  const verdicts: HardConstraint[] = [];
  const mask = state.constraintMask;
  if (mask !== 0) {
    for (let i = 0; i < constraints.length; i++) {
      const bit = 1 << i;
      if ((mask & bit) === 0) continue;
      const c = constraints[i]!;
      const scope = (state.partialMask & bit) === 0 ? 'all' : 'part';
      verdicts.push({ side: c.side, code: c.code, reason: c.explain(profile, fw.config, scope), scope });
    }
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

// One call site per factor, as in scoreProfile.ts: a single site in a loop would see every factor's `explain`
// and go megamorphic. Entries past the unrolled ones run in the loop.
const [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10] = factors;
const UNROLLED = 11;

/** Each factor's sentence into `sentences`, in registry order. */
function explainFactors(profile: WorkloadProfile, fw: CompiledFramework): void {
  const p = fw.params;
  const c = fw.config;
  const out = sentences;
  if (f0 !== undefined) out[0] = f0.explain(profile, p[0]!, c);
  if (f1 !== undefined) out[1] = f1.explain(profile, p[1]!, c);
  if (f2 !== undefined) out[2] = f2.explain(profile, p[2]!, c);
  if (f3 !== undefined) out[3] = f3.explain(profile, p[3]!, c);
  if (f4 !== undefined) out[4] = f4.explain(profile, p[4]!, c);
  if (f5 !== undefined) out[5] = f5.explain(profile, p[5]!, c);
  if (f6 !== undefined) out[6] = f6.explain(profile, p[6]!, c);
  if (f7 !== undefined) out[7] = f7.explain(profile, p[7]!, c);
  if (f8 !== undefined) out[8] = f8.explain(profile, p[8]!, c);
  if (f9 !== undefined) out[9] = f9.explain(profile, p[9]!, c);
  if (f10 !== undefined) out[10] = f10.explain(profile, p[10]!, c);
  for (let i = UNROLLED; i < factors.length; i++) out[i] = factors[i]!.explain(profile, p[i]!, c);
}
