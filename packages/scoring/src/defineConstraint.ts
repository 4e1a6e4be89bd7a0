import type { Side, WorkloadProfile } from '@gpufit/schema';
import type { FrameworkConfig } from './frameworkConfig.js';

export type ConstraintCode = 'regulated-data' | 'certifications' | 'residency' | 'interconnect';

export interface ConstraintSpec<Code extends ConstraintCode> {
  readonly code: Code;
  /** The side the verdict makes ineligible. */
  readonly side: Side;
  /** What a founder is told the rule is, for docs/framework.md. */
  readonly summary: string;
  /** Whether the rule binds this profile (its `enabled` switch is checked by the engine). Pure. */
  readonly applies: (profile: WorkloadProfile, config: FrameworkConfig) => boolean;
  /** The verdict for this profile and scope, in words a founder can act on. */
  readonly explain: (profile: WorkloadProfile, config: FrameworkConfig, scope: 'all' | 'part') => string;
}

export type Constraint<Code extends ConstraintCode = ConstraintCode> = ConstraintSpec<Code>;

/**
 * The one constructor of the hard-constraint registry. A hard constraint is a verdict, not a score: it
 * makes one side ineligible for all of a workload or for part of it, and caps the approach; a saving never
 * overrides it. Settings (`enabled`, `partial`, thresholds) live in `config.constraints[code]`.
 */
export function defineConstraint<const Code extends ConstraintCode>(
  spec: ConstraintSpec<Code>,
): Constraint<Code> {
  return spec;
}
