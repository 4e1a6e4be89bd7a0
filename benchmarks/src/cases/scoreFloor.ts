import {
  APPROACHES,
  COMPLIANCE_REQUIREMENTS,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  FIT_LEVELS,
  INTERCONNECTS,
  PRECISION_BYTES,
  trainingBytesPerParameter,
  WORKLOAD_KINDS,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';
import { defaultFramework, type FitBatch } from '@gpufit/scoring';

/**
 * The floor of the scoring cases: the default framework's arithmetic written out by hand over typed columns —
 * each factor's signal from its curve (same formulas and breakpoints as packages/scoring/src/factors/), weights ×
 * signals summed onto the base in registry order, clamped, mapped to levels, the approach rules, and the hard
 * constraints' cap — with no objects, registries or indirection. It produces the same columns as
 * `assessFitBatch` (checked by `floorAgrees`), so the ratio measures what the engine's structure costs.
 */
export interface ScoreColumns {
  readonly n: number;
  readonly kind: Uint8Array;
  readonly paramsBillions: Float64Array;
  /** Bytes a parameter holds in one replica: the precision's for inference, `trainingBytesPerParameter` for training. */
  readonly bytesPerParameter: Float64Array;
  readonly nodes: Float64Array;
  readonly interconnect: Uint8Array;
  readonly movedGiB0: Float64Array;
  readonly movedGiB1: Float64Array;
  readonly availability: Float64Array;
  /** NaN when there is no latency budget. */
  readonly p99Ms: Float64Array;
  readonly sensitivity: Uint8Array;
  readonly complianceCount: Uint8Array;
  readonly complianceMask: Uint8Array;
  readonly residencyCount: Uint8Array;
  readonly cost: Uint8Array;
  readonly interruptible: Uint8Array;
  readonly checkpointable: Uint8Array;
  readonly stateless: Uint8Array;
  readonly hoursPerJob: Float64Array;
}

/** Profiles → columns (setup, not timed). */
export function scoreColumns(profiles: readonly WorkloadProfile[]): ScoreColumns {
  const n = profiles.length;
  const c = {
    n,
    kind: new Uint8Array(n),
    paramsBillions: new Float64Array(n),
    bytesPerParameter: new Float64Array(n),
    nodes: new Float64Array(n),
    interconnect: new Uint8Array(n),
    movedGiB0: new Float64Array(n),
    movedGiB1: new Float64Array(n),
    availability: new Float64Array(n),
    p99Ms: new Float64Array(n),
    sensitivity: new Uint8Array(n),
    complianceCount: new Uint8Array(n),
    complianceMask: new Uint8Array(n),
    residencyCount: new Uint8Array(n),
    cost: new Uint8Array(n),
    interruptible: new Uint8Array(n),
    checkpointable: new Uint8Array(n),
    stateless: new Uint8Array(n),
    hoursPerJob: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const p = profiles[i]!;
    c.kind[i] = WORKLOAD_KINDS.indexOf(p.kind);
    c.paramsBillions[i] = p.modelParamsBillions;
    // The model-size factor's footprint (scoring's modelFootprintGiB): a training run holds its method's state.
    c.bytesPerParameter[i] =
      workloadKinds[p.kind].phase === 'inference'
        ? PRECISION_BYTES[p.precision]
        : trainingBytesPerParameter(p.precision, p.trainingMethod ?? 'full', p.modelParamsBillions);
    c.nodes[i] = p.nodes;
    c.interconnect[i] = INTERCONNECTS.indexOf(p.interconnect);
    c.movedGiB0[i] = p.datasetGiB;
    c.movedGiB1[i] = p.egressGiBPerMonth;
    c.availability[i] = p.availabilityTarget;
    c.p99Ms[i] = p.p99LatencyMs ?? Number.NaN;
    c.sensitivity[i] = DATA_SENSITIVITIES.indexOf(p.dataSensitivity);
    c.complianceCount[i] = p.compliance.length;
    let mask = 0;
    for (const r of p.compliance) mask |= 1 << COMPLIANCE_REQUIREMENTS.indexOf(r);
    c.complianceMask[i] = mask;
    c.residencyCount[i] = p.residency.length;
    c.cost[i] = COST_SENSITIVITIES.indexOf(p.costSensitivity);
    c.interruptible[i] = p.interruptible ? 1 : 0;
    c.checkpointable[i] = p.checkpointable ? 1 : 0;
    c.stateless[i] = p.statelessRequests ? 1 : 0;
    c.hoursPerJob[i] = p.hoursPerJob;
  }
  return c;
}

export interface FloorOut {
  readonly cloudScore: Float64Array;
  readonly depinScore: Float64Array;
  readonly cloudLevel: Uint8Array;
  readonly depinLevel: Uint8Array;
  readonly approach: Uint8Array;
  readonly constraintMask: Uint8Array;
  readonly partialMask: Uint8Array;
}

export function allocateFloorOut(n: number): FloorOut {
  return {
    cloudScore: new Float64Array(n),
    depinScore: new Float64Array(n),
    cloudLevel: new Uint8Array(n),
    depinLevel: new Uint8Array(n),
    approach: new Uint8Array(n),
    constraintMask: new Uint8Array(n),
    partialMask: new Uint8Array(n),
  };
}

// The default framework's constants, shared with the object floor (scoreObjectFloor.ts).
export const GIB = 2 ** 30;
export const fw = defaultFramework;
export const W = (id: keyof typeof fw.factors) => fw.factors[id].weight;
export const KIND_CLOUD = Float64Array.from(WORKLOAD_KINDS, (k) => fw.kinds[k].cloud);
export const KIND_DEPIN = Float64Array.from(WORKLOAD_KINDS, (k) => fw.kinds[k].depin);
export const KIND_SERVING = Uint8Array.from(WORKLOAD_KINDS, (k) =>
  workloadKinds[k].pattern === 'serving' ? 1 : 0,
);
export const SENS_DEPIN = Float64Array.from(
  DATA_SENSITIVITIES,
  (s) => fw.factors['compliance-privacy'].params[s]!,
);
export const COST_DEPIN = Float64Array.from([-0.5, 0, 1]);
export const COST_CLOUD = Float64Array.from([0.5, 0, -0.5]);
export const IC_DEPIN = Float64Array.from([0, -0.5, -1]);
export const IC_CLOUD = Float64Array.from([0, 0.25, 1]);
const CERT_MASK =
  (1 << COMPLIANCE_REQUIREMENTS.indexOf('hipaa')) |
  (1 << COMPLIANCE_REQUIREMENTS.indexOf('pci-dss')) |
  (1 << COMPLIANCE_REQUIREMENTS.indexOf('fedramp'));
export const RULE_APPROACH = Uint8Array.from(fw.approach.rules, (r) => APPROACHES.indexOf(r.approach));
export const RULE_LEAN = Float64Array.from(fw.approach.rules, (r) => r.minLean);
export const RULE_LEVEL = Uint8Array.from(fw.approach.rules, (r) => FIT_LEVELS.indexOf(r.minDepinLevel));
export const CAP_ALL = APPROACHES.indexOf(fw.constraints.caps.all);
export const CAP_PART = APPROACHES.indexOf(fw.constraints.caps.part);

export function logRamp(x: number, lo: number, hi: number): number {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  return Math.log(x / lo) / Math.log(hi / lo);
}

/** The floor loop: the default framework over columns, written into `out`. */
export function floorScore(c: ScoreColumns, out: FloorOut): void {
  const wKind = W('workload-kind');
  const wModel = W('model-size');
  const wIc = W('interconnect');
  const wData = W('data-movement');
  const wUp = W('uptime');
  const wLat = W('latency');
  const wComp = W('compliance-privacy');
  const wCost = W('cost-sensitivity');
  const wInt = W('interruption-tolerance');
  const wCkpt = W('checkpointability');
  const wState = W('stateless-requests');
  const high = fw.levels.high;
  const medium = fw.levels.medium;
  const nRules = RULE_APPROACH.length;
  for (let i = 0; i < c.n; i++) {
    const k = c.kind[i]!;
    let cloud = fw.base.cloud;
    let depin = fw.base.depin;
    // workload-kind
    cloud += wKind * KIND_CLOUD[k]! + 0;
    depin += wKind * KIND_DEPIN[k]! + 0;
    // model-size
    const gib = (c.paramsBillions[i]! * 1e9 * c.bytesPerParameter[i]!) / GIB;
    const beyond = logRamp(gib, 80, 640);
    cloud += wModel * (0.5 * beyond) + 0;
    depin += wModel * (1 - logRamp(gib, 20, 80) - beyond) + 0;
    // interconnect
    const ic = c.interconnect[i]!;
    cloud += wIc * IC_CLOUD[ic]! + 0;
    depin += wIc * (IC_DEPIN[ic]! + -0.25 * logRamp(c.nodes[i]!, 1, 128)) + 0;
    // data-movement
    const sData = logRamp(c.movedGiB0[i]! + c.movedGiB1[i]!, 100, 10_000);
    cloud += wData * (0.25 * sData) + 0;
    depin += wData * -sData + 0;
    // uptime
    const sUp = 1 - logRamp(1 - c.availability[i]!, 1 - 0.999, 1 - 0.9);
    cloud += wUp * (0.5 * sUp) + 0;
    depin += wUp * -sUp + 0;
    // latency
    const ms = c.p99Ms[i]!;
    const sLat = Number.isNaN(ms) ? 0 : 1 - logRamp(ms, 100, 10_000);
    cloud += wLat * (0.5 * sLat) + 0;
    depin += wLat * -sLat + 0;
    // compliance-privacy
    let dComp = SENS_DEPIN[c.sensitivity[i]!]! - 0.25 * c.complianceCount[i]!;
    if (c.residencyCount[i]! > 0) dComp -= 0.25;
    cloud += wComp * (dComp < 0 ? -0.5 * dComp : 0) + 0;
    depin += wComp * dComp + 0;
    // cost-sensitivity
    cloud += wCost * COST_CLOUD[c.cost[i]!]! + 0;
    depin += wCost * COST_DEPIN[c.cost[i]!]! + 0;
    // interruption-tolerance
    const interruptible = c.interruptible[i]! === 1;
    cloud += wInt * (interruptible ? 0 : 0.5) + 0;
    depin += wInt * (interruptible ? 1 : -0.5) + 0;
    // checkpointability
    const stateless = c.stateless[i]! === 1;
    if (c.checkpointable[i]! === 1) {
      cloud += wCkpt * 0 + 0;
      depin += wCkpt * 1 + 0;
    } else {
      const s = stateless ? 0 : logRamp(c.hoursPerJob[i]!, 0.25, 24);
      cloud += wCkpt * (0.5 * s) + 0;
      depin += wCkpt * -s + 0;
    }
    // stateless-requests
    cloud += wState * (stateless ? 0 : 0.5) + 0;
    depin += wState * (stateless ? 1 : -1) + 0;

    cloud = Math.min(100, Math.max(0, cloud));
    depin = Math.min(100, Math.max(0, depin));
    const depinLevel = depin >= high ? 2 : depin >= medium ? 1 : 0;
    const lean = depin - cloud;
    let approach = 0;
    for (let r = 0; r < nRules; r++) {
      const a = RULE_APPROACH[r]!;
      if (a > approach && lean >= RULE_LEAN[r]! && depinLevel >= RULE_LEVEL[r]!) approach = a;
    }
    // Hard constraints: regulated data, certifications, residency, InfiniBand (default settings).
    const sens = c.sensitivity[i]!;
    const partialOk = stateless && sens <= 1 && KIND_SERVING[k] === 1;
    let mask = 0;
    let partial = 0;
    let cap = APPROACHES.length - 1;
    if (sens >= 3) {
      mask |= 1;
      if (CAP_ALL < cap) cap = CAP_ALL;
    }
    if ((c.complianceMask[i]! & CERT_MASK) !== 0) {
      mask |= 2;
      if (partialOk) {
        partial |= 2;
        if (CAP_PART < cap) cap = CAP_PART;
      } else if (CAP_ALL < cap) cap = CAP_ALL;
    }
    if (c.residencyCount[i]! > 0) {
      mask |= 4;
      if (partialOk) {
        partial |= 4;
        if (CAP_PART < cap) cap = CAP_PART;
      } else if (CAP_ALL < cap) cap = CAP_ALL;
    }
    if (ic >= 2) {
      mask |= 8;
      if (CAP_ALL < cap) cap = CAP_ALL;
    }
    out.cloudScore[i] = cloud;
    out.depinScore[i] = depin;
    out.cloudLevel[i] = cloud >= high ? 2 : cloud >= medium ? 1 : 0;
    out.depinLevel[i] = depinLevel;
    out.approach[i] = Math.min(approach, cap);
    out.constraintMask[i] = mask;
    out.partialMask[i] = partial;
  }
}

/** Rows where the floor's answer differs from the engine's (scores to 1e-9, everything else exactly). */
export function floorDisagreements(out: FloorOut, batch: FitBatch): number {
  let bad = 0;
  for (let i = 0; i < batch.length; i++) {
    if (
      Math.abs(out.cloudScore[i]! - batch.cloudScore[i]!) > 1e-9 ||
      Math.abs(out.depinScore[i]! - batch.depinScore[i]!) > 1e-9 ||
      out.cloudLevel[i] !== batch.cloudLevel[i] ||
      out.depinLevel[i] !== batch.depinLevel[i] ||
      out.approach[i] !== batch.approach[i] ||
      out.constraintMask[i] !== batch.constraintMask[i] ||
      out.partialMask[i] !== batch.partialMask[i]
    ) {
      bad++;
    }
  }
  return bad;
}
