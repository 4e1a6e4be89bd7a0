import type { FitAssessment, FitReason, HardConstraint, WorkloadProfile } from '@gpufit/schema';
import type { AssessFitOptions, ConstraintVerdict, FactorReason, Fit } from './assessFit.js';
import { type CompiledFramework, compiledFramework } from './compileFramework.js';
import { constraints } from './constraintRegistry.js';
import { factors } from './factorRegistry.js';

const factorIndex = new Map<string, number>(factors.map((f, i) => [f.id, i]));
const constraintIndex = new Map<string, number>(constraints.map((c, i) => [c.code, i]));

/** The framework `fit` was assessed under, or a clear error when `options` name another one. */
function frameworkOf(fit: Fit, options: AssessFitOptions | undefined): CompiledFramework {
  const fw = compiledFramework(options?.framework);
  if (fit.frameworkVersion !== fw.version || !sameList(fit.overrides, fw.overrides))
    throw new Error(
      `explainFit: the assessment was made under framework ${fit.frameworkVersion} (overrides: ${fit.overrides.join(', ') || 'none'}), but the options give ${fw.version} (overrides: ${fw.overrides.join(', ') || 'none'}); pass the options assessFit was called with`,
    );
  return fw;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sentenceOf(reason: FactorReason, profile: WorkloadProfile, fw: CompiledFramework): string {
  const i = factorIndex.get(reason.factor);
  if (i === undefined) throw new Error(`reasonSentence: unknown factor "${String(reason.factor)}"`);
  return factors[i]!.explain(profile, fw.params[i]!, fw.config);
}

function constraintReason(
  verdict: ConstraintVerdict,
  profile: WorkloadProfile,
  fw: CompiledFramework,
): string {
  const i = constraintIndex.get(verdict.code);
  if (i === undefined) throw new Error(`explainFit: unknown constraint "${String(verdict.code)}"`);
  return constraints[i]!.explain(profile, fw.config, verdict.scope);
}

/**
 * The sentence a founder reads for one reason of `assessFit(profile, options)`: pass the same profile and
 * options. Pure; the sentences are the factors' own `explain`.
 */
export function reasonSentence(
  reason: FactorReason,
  profile: WorkloadProfile,
  options?: AssessFitOptions,
): string {
  return sentenceOf(reason, profile, compiledFramework(options?.framework));
}

/** Every reason of `fit` with its sentence, in the fit's order (largest first). */
export function renderReasons(fit: Fit, profile: WorkloadProfile, options?: AssessFitOptions): FitReason[] {
  const fw = frameworkOf(fit, options);
  return fit.reasons.map((r) => ({
    factor: r.factor,
    cloud: r.cloud,
    depin: r.depin,
    sentence: sentenceOf(r, profile, fw),
  }));
}

/**
 * `fit` with every sentence rendered: each reason's `sentence` and each hard constraint's `reason` — the
 * `FitAssessment` of report.json. Pass the profile and options `assessFit` was given: an assessment made under
 * another framework version or other overridden settings throws (the check compares the version and the override
 * paths, not their values, so two overrides of the same settings to different values are not told apart).
 */
export function explainFit(fit: Fit, profile: WorkloadProfile, options?: AssessFitOptions): FitAssessment {
  const fw = frameworkOf(fit, options);
  const hard: HardConstraint[] = fit.constraints.map((c) => ({
    side: c.side,
    code: c.code,
    reason: constraintReason(c, profile, fw),
    scope: c.scope,
  }));
  return {
    cloud: fit.cloud,
    depin: fit.depin,
    approach: fit.approach,
    constraints: hard,
    reasons: renderReasons(fit, profile, options),
    frameworkVersion: fit.frameworkVersion,
    overrides: fit.overrides,
  };
}
