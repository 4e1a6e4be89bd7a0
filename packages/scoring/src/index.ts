/**
 * The cloud-versus-DePIN decision framework: fit scores per side, hard constraints, the approach and its
 * reasons (docs/framework.md). Pure: runs in Node and in a browser.
 *
 * @module @gpufit/scoring
 */
export type { AssessFitOptions, ConstraintVerdict, FactorReason, Fit } from './assessFit.js';
export { assessFit } from './assessFit.js';
export type { FitBatch } from './assessFitBatch.js';
export { assessFitBatch } from './assessFitBatch.js';
export { CANONICAL_PROFILE_INPUTS, canonicalProfile } from './canonicalProfiles.js';
export {
  CONSTRAINT_CODES,
  certificationsConstraint,
  constraints,
  interconnectConstraint,
  regulatedDataConstraint,
  residencyConstraint,
} from './constraintRegistry.js';
export { defaultFramework } from './defaultFramework.js';
export type { Constraint, ConstraintCode, ConstraintSpec } from './defineConstraint.js';
export { defineConstraint } from './defineConstraint.js';
export type {
  Factor,
  FactorConfig,
  FactorOutcome,
  FactorParams,
  FactorSpec,
  Signal,
} from './defineFactor.js';
export { defineFactor } from './defineFactor.js';
export { explainFit, reasonSentence, renderReasons } from './explainFit.js';
export type { FactorId } from './factorIds.js';
export { FACTOR_IDS } from './factorIds.js';
export { factors } from './factorRegistry.js';
export type { FrameworkConfig } from './frameworkConfig.js';
export { frameworkConfigSchema } from './frameworkConfig.js';
export type { DeepPartial, FrameworkOverride, ResolvedFramework } from './frameworkOverride.js';
export { FrameworkOverrideError, resolveFramework, validateFrameworkOverride } from './frameworkOverride.js';
