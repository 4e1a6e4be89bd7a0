import { APPROACHES, DATA_SENSITIVITIES, FIT_LEVELS, WORKLOAD_KINDS, workloadKinds } from '@gpufit/schema';
import { constraints } from './constraintRegistry.js';
import type { FactorParams } from './defineFactor.js';
import { factors } from './factorRegistry.js';
import type { FrameworkConfig } from './frameworkConfig.js';
import { type FrameworkOverride, resolveFramework } from './frameworkOverride.js';

/**
 * A framework config laid out for the hot path: weights and rules in typed arrays, enums as indexes,
 * and scratch buffers, so scoring a profile parses nothing and allocates nothing.
 */
export interface CompiledFramework {
  readonly config: FrameworkConfig;
  readonly version: string;
  readonly overrides: readonly string[];
  readonly weights: Float64Array;
  /** Each factor's params as configured (what `explain` reads) and as `measure` reads them (`prepare`d). */
  readonly params: readonly FactorParams[];
  readonly prepared: readonly unknown[];
  readonly baseCloud: number;
  readonly baseDepin: number;
  readonly high: number;
  readonly medium: number;
  readonly ruleMinLean: Float64Array;
  readonly ruleMinLevel: Uint8Array;
  readonly ruleApproach: Uint8Array;
  readonly capAll: number;
  readonly capPart: number;
  readonly constraintEnabled: Uint8Array;
  readonly constraintPartial: Uint8Array;
  /** Each constraint's `prepare(config)`, what its `applies` reads. */
  readonly constraintPrepared: readonly unknown[];
  /** By kind rank (`WORKLOAD_KINDS` order): 1 when the kind's pattern is one `partialScope.patterns` names. */
  readonly partialKind: Uint8Array;
  readonly partialMaxSensitivity: number;
  /** Scratch: factor i's weighted cloud contribution at 2i, DePIN at 2i + 1. */
  readonly contributions: Float64Array;
}

export function compile(config: FrameworkConfig, overrides: readonly string[]): CompiledFramework {
  const rules = config.approach.rules;
  return {
    config,
    version: config.version,
    overrides,
    weights: Float64Array.from(factors, (f) => config.factors[f.id].weight),
    params: factors.map((f) => config.factors[f.id].params),
    prepared: factors.map((f) => f.prepare(config.factors[f.id].params, config)),
    baseCloud: config.base.cloud,
    baseDepin: config.base.depin,
    high: config.levels.high,
    medium: config.levels.medium,
    ruleMinLean: Float64Array.from(rules, (r) => r.minLean),
    ruleMinLevel: Uint8Array.from(rules, (r) => FIT_LEVELS.indexOf(r.minDepinLevel)),
    ruleApproach: Uint8Array.from(rules, (r) => APPROACHES.indexOf(r.approach)),
    capAll: APPROACHES.indexOf(config.constraints.caps.all),
    capPart: APPROACHES.indexOf(config.constraints.caps.part),
    constraintEnabled: Uint8Array.from(constraints, (c) => (config.constraints[c.code].enabled ? 1 : 0)),
    constraintPartial: Uint8Array.from(constraints, (c) => (config.constraints[c.code].partial ? 1 : 0)),
    constraintPrepared: constraints.map((c) => c.prepare(config)),
    partialKind: Uint8Array.from(WORKLOAD_KINDS, (k) =>
      config.constraints.partialScope.patterns.includes(workloadKinds[k].pattern) ? 1 : 0,
    ),
    partialMaxSensitivity: DATA_SENSITIVITIES.indexOf(config.constraints.partialScope.maxDataSensitivity),
    contributions: new Float64Array(2 * factors.length),
  };
}

let defaultCompiled: CompiledFramework | undefined;
const cache = new WeakMap<object, CompiledFramework>();

/**
 * The compiled framework for an override, validated and merged once per override object (cached by
 * identity): reuse the same override object across calls, and do not mutate it after first use.
 */
export function compiledFramework(override: FrameworkOverride | undefined): CompiledFramework {
  if (override === undefined) {
    defaultCompiled ??= compile(resolveFramework().config, []);
    return defaultCompiled;
  }
  let compiled = cache.get(override);
  if (compiled === undefined) {
    const resolved = resolveFramework(override);
    compiled = compile(resolved.config, resolved.overrides);
    cache.set(override, compiled);
  }
  return compiled;
}
