import { APPROACHES, type WorkloadProfile } from '@gpufit/schema';
import { chooseApproach, levelOf } from './chooseApproach.js';
import type { CompiledFramework } from './compileFramework.js';
import { constraints } from './constraintRegistry.js';
import type { Signal } from './defineFactor.js';
import { factors } from './factorRegistry.js';
import { kindRank, sensitivityRank } from './ranks.js';

/** What scoring one profile produces, as numbers; reused across calls by its owner. */
export interface ScoreState {
  /** Clamped to 0..100. */
  cloud: number;
  depin: number;
  /** Indexes into FIT_LEVELS and APPROACHES. */
  cloudLevel: number;
  depinLevel: number;
  approach: number;
  /** Bit i: constraints[i] binds; `partialMask` bit i: it binds only part of the workload. */
  constraintMask: number;
  partialMask: number;
}

/**
 * A class, not an object literal: V8 shares one hidden class among all literals with the same keys in the same
 * order, and other `{ cloud, depin, … }` literals hold objects there, which turns the fields from unboxed numbers
 * into tagged values — every score stored would then allocate a heap number (measured: about 150 bytes of
 * garbage a profile). A class's instances start from their own hidden class.
 */
class ScoreStateBox implements ScoreState {
  cloud = 0;
  depin = 0;
  cloudLevel = 0;
  depinLevel = 0;
  approach = 0;
  constraintMask = 0;
  partialMask = 0;
}

export function newScoreState(): ScoreState {
  return new ScoreStateBox();
}

function clampScore(x: number): number {
  return Math.min(100, Math.max(0, x));
}

/**
 * The engine: sum every factor's weighted signal onto the base, clamp, map to levels, pick the most
 * DePIN-leaning approach rule that passes, then cap it by the hard constraints. Shared by `assessFit`
 * and `assessFitBatch`; writes weighted contributions to `fw.contributions`.
 */
export function scoreProfile(profile: WorkloadProfile, fw: CompiledFramework, state: ScoreState): void {
  measureFactors(profile, fw);
  let cloud = sums.cloud;
  let depin = sums.depin;
  cloud = clampScore(cloud);
  depin = clampScore(depin);
  state.cloud = cloud;
  state.depin = depin;
  state.cloudLevel = levelOf(cloud, fw);
  const depinLevel = levelOf(depin, fw);
  state.depinLevel = depinLevel;

  const approach = chooseApproach(cloud, depin, depinLevel, fw);

  // Hard constraints cap the approach; a saving never lifts the cap.
  const mask = bindingConstraints(profile, fw);
  let partialMask = 0;
  let cap = APPROACHES.length - 1;
  if (mask !== 0) {
    const partialEligible =
      profile.statelessRequests &&
      sensitivityRank(profile.dataSensitivity) <= fw.partialMaxSensitivity &&
      fw.partialKind[kindRank(profile.kind)] === 1;
    for (let i = 0; i < constraints.length; i++) {
      if ((mask & (1 << i)) === 0) continue;
      if (partialEligible && fw.constraintPartial[i] === 1) {
        partialMask |= 1 << i;
        if (fw.capPart < cap) cap = fw.capPart;
      } else if (fw.capAll < cap) cap = fw.capAll;
    }
  }
  state.approach = Math.min(approach, cap);
  state.constraintMask = mask;
  state.partialMask = partialMask;
}

// The registry's entries, each called from its own call site below. V8 inlines a call only where the site has
// seen a single target: one call in a loop over the registry sees every factor and goes megamorphic (measured:
// about twice as slow over a million profiles). The calls are split over two functions because V8 also caps
// how much it inlines into one function (measured, issue 19: one function calls some factors instead of inlining
// them, 0.17 -> 0.20 us a profile in cache; two are about 4 % faster than three). Entries past the unrolled ones run in a loop, so adding a factor stays
// adding an entry.
const [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10] = factors;
const UNROLLED = 11;

/**
 * The one signal every factor writes into; cleared before each call, read right after it. A class instance for
 * the reason `ScoreStateBox` gives: a `{ cloud: 0, depin: 0 }` literal shares its hidden class with the factors'
 * prepared `{ cloud: Float64Array, depin: Float64Array }`, and every signal stored would allocate.
 */
class SignalBox implements Signal {
  cloud = 0;
  depin = 0;
}
const out: Signal = new SignalBox();
/** The running sums (base plus the weighted signals so far, in registry order), handed from one measure function to the next. */
const sums: Signal = new SignalBox();

/** Each factor's weighted signal into `fw.contributions` (cloud at 2i, DePIN at 2i + 1). */
function measureFactors(profile: WorkloadProfile, fw: CompiledFramework): void {
  measureFirst(profile, fw);
  measureSecond(profile, fw);
}

// Each entry: clear the scratch signal, let the factor write it, weight it into the contributions (`+ 0` turns
// −0 into 0). Inlined, the scratch never reaches memory: V8 forwards the stores to the loads right after them.
function measureFirst(profile: WorkloadProfile, fw: CompiledFramework): void {
  const p = fw.prepared;
  const c = fw.config;
  const w = fw.weights;
  const k = fw.contributions;
  const s = out;
  let cloud = fw.baseCloud;
  let depin = fw.baseDepin;
  if (f0 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f0.measure(profile, p[0]!, c, s);
    const kc0 = w[0]! * s.cloud + 0;
    const kd0 = w[0]! * s.depin + 0;
    k[0] = kc0;
    k[1] = kd0;
    cloud += kc0;
    depin += kd0;
  }
  if (f1 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f1.measure(profile, p[1]!, c, s);
    const kc1 = w[1]! * s.cloud + 0;
    const kd1 = w[1]! * s.depin + 0;
    k[2] = kc1;
    k[3] = kd1;
    cloud += kc1;
    depin += kd1;
  }
  if (f2 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f2.measure(profile, p[2]!, c, s);
    const kc2 = w[2]! * s.cloud + 0;
    const kd2 = w[2]! * s.depin + 0;
    k[4] = kc2;
    k[5] = kd2;
    cloud += kc2;
    depin += kd2;
  }
  if (f3 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f3.measure(profile, p[3]!, c, s);
    const kc3 = w[3]! * s.cloud + 0;
    const kd3 = w[3]! * s.depin + 0;
    k[6] = kc3;
    k[7] = kd3;
    cloud += kc3;
    depin += kd3;
  }
  sums.cloud = cloud;
  sums.depin = depin;
}

function measureSecond(profile: WorkloadProfile, fw: CompiledFramework): void {
  const p = fw.prepared;
  const c = fw.config;
  const w = fw.weights;
  const k = fw.contributions;
  const s = out;
  let cloud = sums.cloud;
  let depin = sums.depin;
  if (f4 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f4.measure(profile, p[4]!, c, s);
    const kc4 = w[4]! * s.cloud + 0;
    const kd4 = w[4]! * s.depin + 0;
    k[8] = kc4;
    k[9] = kd4;
    cloud += kc4;
    depin += kd4;
  }
  if (f5 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f5.measure(profile, p[5]!, c, s);
    const kc5 = w[5]! * s.cloud + 0;
    const kd5 = w[5]! * s.depin + 0;
    k[10] = kc5;
    k[11] = kd5;
    cloud += kc5;
    depin += kd5;
  }
  if (f6 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f6.measure(profile, p[6]!, c, s);
    const kc6 = w[6]! * s.cloud + 0;
    const kd6 = w[6]! * s.depin + 0;
    k[12] = kc6;
    k[13] = kd6;
    cloud += kc6;
    depin += kd6;
  }
  if (f7 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f7.measure(profile, p[7]!, c, s);
    const kc7 = w[7]! * s.cloud + 0;
    const kd7 = w[7]! * s.depin + 0;
    k[14] = kc7;
    k[15] = kd7;
    cloud += kc7;
    depin += kd7;
  }
  if (f8 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f8.measure(profile, p[8]!, c, s);
    const kc8 = w[8]! * s.cloud + 0;
    const kd8 = w[8]! * s.depin + 0;
    k[16] = kc8;
    k[17] = kd8;
    cloud += kc8;
    depin += kd8;
  }
  if (f9 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f9.measure(profile, p[9]!, c, s);
    const kc9 = w[9]! * s.cloud + 0;
    const kd9 = w[9]! * s.depin + 0;
    k[18] = kc9;
    k[19] = kd9;
    cloud += kc9;
    depin += kd9;
  }
  if (f10 !== undefined) {
    s.cloud = 0;
    s.depin = 0;
    f10.measure(profile, p[10]!, c, s);
    const kc10 = w[10]! * s.cloud + 0;
    const kd10 = w[10]! * s.depin + 0;
    k[20] = kc10;
    k[21] = kd10;
    cloud += kc10;
    depin += kd10;
  }
  for (let i = UNROLLED; i < factors.length; i++) {
    s.cloud = 0;
    s.depin = 0;
    factors[i]!.measure(profile, p[i]!, c, s);
    const kc = w[i]! * s.cloud + 0;
    const kd = w[i]! * s.depin + 0;
    k[2 * i] = kc;
    k[2 * i + 1] = kd;
    cloud += kc;
    depin += kd;
  }
  sums.cloud = cloud;
  sums.depin = depin;
}

const [c0, c1, c2, c3] = constraints;
const UNROLLED_CONSTRAINTS = 4;

/** Bit i set: `constraints[i]` is enabled and binds the profile (one call site per constraint, as above). */
function bindingConstraints(profile: WorkloadProfile, fw: CompiledFramework): number {
  const config = fw.config;
  const enabled = fw.constraintEnabled;
  const q = fw.constraintPrepared;
  let mask = 0;
  if (enabled[0] === 1 && c0.applies(profile, config, q[0])) mask |= 1;
  if (enabled[1] === 1 && c1.applies(profile, config, q[1])) mask |= 2;
  if (enabled[2] === 1 && c2.applies(profile, config, q[2])) mask |= 4;
  if (enabled[3] === 1 && c3.applies(profile, config, q[3])) mask |= 8;
  for (let i = UNROLLED_CONSTRAINTS; i < constraints.length; i++) {
    if (enabled[i] === 1 && constraints[i]!.applies(profile, config, q[i])) mask |= 1 << i;
  }
  return mask;
}
