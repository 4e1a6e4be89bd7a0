import type { Side, WorkloadProfile } from '@gpufit/schema';
import type { FrameworkConfig } from './frameworkConfig.js';

export type ConstraintCode = 'regulated-data' | 'certifications' | 'residency' | 'interconnect';

export interface ConstraintSpec<Code extends ConstraintCode, Q = undefined> {
  readonly code: Code;
  /** The side the verdict makes ineligible. */
  readonly side: Side;
  /** What a founder is told the rule is, for docs/framework.md. */
  readonly summary: string;
  /**
   * What `applies` reads of the config, derived once per framework (e.g. a threshold's rank), so the hot path does
   * not look it up per profile. Pure. Without it, `applies` gets `undefined`.
   */
  readonly prepare?: (config: FrameworkConfig) => Q;
  /**
   * Whether the rule binds this profile (its `enabled` switch is checked by the engine). Pure; `prepared` is
   * `prepare(config)` for the same config.
   */
  readonly applies: (profile: WorkloadProfile, config: FrameworkConfig, prepared: Q) => boolean;
  /** The verdict for this profile and scope, in words a founder can act on. */
  readonly explain: (profile: WorkloadProfile, config: FrameworkConfig, scope: 'all' | 'part') => string;
}

/** A registered constraint: its spec with `prepare` always present (the spec's, else one returning `undefined`). */
export type Constraint<Code extends ConstraintCode = ConstraintCode> = ConstraintSpec<Code, unknown> & {
  readonly prepare: (config: FrameworkConfig) => unknown;
};

const NOTHING = (): undefined => undefined;

/**
 * The one constructor of the hard-constraint registry. A hard constraint is a verdict, not a score: it
 * makes one side ineligible for all of a workload or for part of it, and caps the approach; a saving never
 * overrides it. Settings (`enabled`, `partial`, thresholds) live in `config.constraints[code]`.
 */
export function defineConstraint<const Code extends ConstraintCode, Q = undefined>(
  spec: ConstraintSpec<Code, Q>,
): Constraint<Code> {
  // `applies` only ever gets what `prepare` returned for the same config, so widening Q to unknown is sound.
  return {
    code: spec.code,
    side: spec.side,
    summary: spec.summary,
    prepare: spec.prepare ?? NOTHING,
    applies: spec.applies as Constraint<Code>['applies'],
    explain: spec.explain,
  };
}
