import type { WorkloadKind, WorkloadProfile } from '@gpufit/schema';

/** A factor's raw signal for each side, each in about −1..1; the engine multiplies it by the factor's weight. */
export interface Signal {
  cloud: number;
  depin: number;
}

/** A factor's numeric settings (breakpoints with units in their names); overridable in the framework config. */
export type FactorParams = Readonly<Record<string, number>>;

/**
 * What a factor reads of the framework config: each kind's base fit and each factor's weight and params.
 * Declared here rather than imported from `frameworkConfig.ts`, whose schema is built from the registered
 * factors, so that the factors and the config do not import each other; every `FrameworkConfig` is one.
 */
export interface FactorConfig {
  readonly kinds: { readonly [K in WorkloadKind]: { readonly cloud: number; readonly depin: number } };
  readonly factors: {
    readonly [id: string]: { readonly weight: number; readonly params: FactorParams } | undefined;
  };
}

/** A cross-field rule on a factor's params: returns the offending param and why, or undefined when fine. */
export type ParamsCheck<P extends FactorParams> = (
  params: P,
) => { readonly param: keyof P & string; readonly message: string } | undefined;

export interface FactorSpec<Id extends string, P extends FactorParams, Q = P> {
  readonly id: Id;
  /** The seed's question (or DESIGN §4 lesson) this factor answers. */
  readonly question: string;
  /** The rationale in the seed's own words, quoted in docs/framework.md. */
  readonly rationale: string;
  /** Points a full signal (±1) moves a score by, before any override. */
  readonly weight: number;
  readonly params: P;
  readonly checkParams?: ParamsCheck<P>;
  /**
   * What `measure` reads instead of the raw params, derived once per framework (e.g. a ramp's `Math.log(hi / lo)`),
   * so the hot path does not recompute it per profile. Pure. Without it, `measure` gets the params.
   */
  readonly prepare?: (params: P, config: FactorConfig) => Q;
  /**
   * Writes the unweighted signal into `out` (a scratch reused across calls, so the hot path allocates
   * nothing). Must be pure in (profile, prepared params, config) and monotone as docs/framework.md states.
   */
  readonly measure: (profile: WorkloadProfile, params: Q, config: FactorConfig, out: Signal) => void;
  /** One sentence a founder understands, about this profile. Called only when reasons are wanted. */
  readonly explain: (profile: WorkloadProfile, params: P, config: FactorConfig) => string;
}

/** A contribution as reported: weighted points on each side and the sentence. */
export interface FactorOutcome {
  readonly cloud: number;
  readonly depin: number;
  readonly sentence: string;
}

export interface Factor<Id extends string = string> {
  readonly id: Id;
  readonly question: string;
  readonly rationale: string;
  readonly weight: number;
  readonly params: FactorParams;
  readonly checkParams: (params: FactorParams) => { param: string; message: string } | undefined;
  /** The params as `measure` reads them (the spec's `prepare`, else the params themselves). */
  readonly prepare: (params: FactorParams, config: FactorConfig) => unknown;
  /** Reads `prepare(params)`, not the raw params. */
  readonly measure: (profile: WorkloadProfile, prepared: unknown, config: FactorConfig, out: Signal) => void;
  readonly explain: (profile: WorkloadProfile, params: FactorParams, config: FactorConfig) => string;
  /** The factor as a plain pure function: profile → weighted `{ cloud, depin, sentence }` under `config`. */
  readonly evaluate: (profile: WorkloadProfile, config: FactorConfig) => FactorOutcome;
}

/**
 * The one constructor of the factor registry. A factor is data: a name, its question, its weight, its
 * params, and two pure functions (signal and sentence). Adding a factor is adding an entry, never an `if`.
 */
export function defineFactor<const Id extends string, const P extends FactorParams, Q = P>(
  spec: FactorSpec<Id, P, Q>,
): Factor<Id> {
  // Params reach a factor only after the framework schema validated them against `spec.params`' keys,
  // so narrowing the generic record back to P is sound.
  const measure = spec.measure as Factor['measure'];
  const prepare = (spec.prepare ?? ((params: P) => params)) as Factor['prepare'];
  const explain = spec.explain as Factor['explain'];
  const check = spec.checkParams as Factor['checkParams'] | undefined;
  const factor: Factor<Id> = {
    id: spec.id,
    question: spec.question,
    rationale: spec.rationale,
    weight: spec.weight,
    params: spec.params,
    checkParams: (params) => check?.(params),
    prepare,
    measure,
    explain,
    evaluate(profile, config) {
      const { weight, params } = config.factors[spec.id] ?? {
        weight: spec.weight,
        params: spec.params,
      };
      const out: Signal = { cloud: 0, depin: 0 };
      measure(profile, prepare(params, config), config, out);
      return {
        cloud: weight * out.cloud,
        depin: weight * out.depin,
        sentence: explain(profile, params, config),
      };
    },
  };
  return factor;
}
