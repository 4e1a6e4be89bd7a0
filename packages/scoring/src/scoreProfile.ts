import { APPROACHES, DATA_SENSITIVITIES, type WorkloadProfile, workloadKinds } from '@gpufit/schema';
import { chooseApproach, levelOf } from './chooseApproach.js';
import type { CompiledFramework } from './compileFramework.js';
import { constraints } from './constraintRegistry.js';
import { factors } from './factorRegistry.js';

/** What scoring one profile produces, as numbers; reused across calls by its owner. */
export interface ScoreState {
  /** base + Σ contributions, before clamping. */
  cloudRaw: number;
  depinRaw: number;
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

export function newScoreState(): ScoreState {
  return {
    cloudRaw: 0,
    depinRaw: 0,
    cloud: 0,
    depin: 0,
    cloudLevel: 0,
    depinLevel: 0,
    approach: 0,
    constraintMask: 0,
    partialMask: 0,
  };
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
  const signal = fw.signal;
  const contributions = fw.contributions;
  const weights = fw.weights;
  const params = fw.params;
  const config = fw.config;
  let cloud = fw.baseCloud;
  let depin = fw.baseDepin;
  for (let i = 0; i < factors.length; i++) {
    signal.cloud = 0;
    signal.depin = 0;
    factors[i]!.measure(profile, params[i]!, config, signal);
    const w = weights[i]!;
    const c = w * signal.cloud + 0;
    const d = w * signal.depin + 0;
    contributions[2 * i] = c;
    contributions[2 * i + 1] = d;
    cloud += c;
    depin += d;
  }
  state.cloudRaw = cloud;
  state.depinRaw = depin;
  cloud = clampScore(cloud);
  depin = clampScore(depin);
  state.cloud = cloud;
  state.depin = depin;
  state.cloudLevel = levelOf(cloud, fw);
  const depinLevel = levelOf(depin, fw);
  state.depinLevel = depinLevel;

  const approach = chooseApproach(cloud, depin, depinLevel, fw);

  // Hard constraints cap the approach; a saving never lifts the cap.
  let mask = 0;
  let partialMask = 0;
  let cap = APPROACHES.length - 1;
  const partialEligible =
    profile.statelessRequests &&
    DATA_SENSITIVITIES.indexOf(profile.dataSensitivity) <= fw.partialMaxSensitivity &&
    fw.partialPatterns.includes(workloadKinds[profile.kind].pattern);
  for (let i = 0; i < constraints.length; i++) {
    if (fw.constraintEnabled[i] === 0 || !constraints[i]!.applies(profile, config)) continue;
    mask |= 1 << i;
    if (partialEligible && fw.constraintPartial[i] === 1) {
      partialMask |= 1 << i;
      if (fw.capPart < cap) cap = fw.capPart;
    } else if (fw.capAll < cap) cap = fw.capAll;
  }
  state.approach = Math.min(approach, cap);
  state.constraintMask = mask;
  state.partialMask = partialMask;
}
