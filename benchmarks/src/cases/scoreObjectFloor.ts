import {
  APPROACHES,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  INTERCONNECTS,
  PRECISION_BYTES,
  PRECISIONS,
  TRAINING_METHODS,
  trainingBytesAtShare,
  unquantizedParameterShare,
  WORKLOAD_KINDS,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';
import {
  CAP_ALL,
  CAP_PART,
  COST_CLOUD,
  COST_DEPIN,
  type FloorOut,
  fw,
  GIB,
  IC_CLOUD,
  IC_DEPIN,
  KIND_CLOUD,
  KIND_DEPIN,
  KIND_SERVING,
  logRamp,
  RULE_APPROACH,
  RULE_LEAN,
  RULE_LEVEL,
  SENS_DEPIN,
  W,
} from './scoreFloor.js';

function rank(words: readonly string[], word: string): number {
  for (let i = 0; i < words.length; i++) if (words[i] === word) return i;
  return -1;
}

const BYTES = Float64Array.from(PRECISIONS, (p) => PRECISION_BYTES[p]);
/** A training run's bytes a parameter (scoring's modelFootprintGiB), precision-major by method. */
const TRAINING_BYTES = Float64Array.from(
  PRECISIONS.flatMap((p) => TRAINING_METHODS.map((m) => trainingBytesAtShare(p, m, 0))),
);
/** The same with every parameter unquantized: the bytes are linear in QLoRA's unquantized share. */
const TRAINING_BYTES_AT_1 = Float64Array.from(
  PRECISIONS.flatMap((p) => TRAINING_METHODS.map((m) => trainingBytesAtShare(p, m, 1))),
);
const TRAINS = Uint8Array.from(WORKLOAD_KINDS, (k) => (workloadKinds[k].phase === 'inference' ? 0 : 1));
const FULL = TRAINING_METHODS.indexOf('full');
const CERTIFICATIONS: readonly string[] = ['hipaa', 'pci-dss', 'fedramp'];

function needsCertification(compliance: readonly string[]): boolean {
  for (const r of compliance) if (CERTIFICATIONS.includes(r)) return true;
  return false;
}

/**
 * The floor loop of `scoreFloor.ts` reading the profile objects instead of typed columns: the same arithmetic line
 * for line, each vocabulary word ranked by comparing it with the words in order (what the engine's `rankIn` does).
 * What reading `WorkloadProfile` objects costs any engine, measured beside the column floor: a diagnostic in
 * `score-batch`'s note, not its floor.
 */
export function objectFloorScore(ps: readonly WorkloadProfile[], out: FloorOut): void {
  const n = ps.length;
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
  for (let i = 0; i < n; i++) {
    const P = ps[i]!;
    const k = rank(WORKLOAD_KINDS, P.kind);
    let cloud = fw.base.cloud;
    let depin = fw.base.depin;
    // workload-kind
    cloud += wKind * KIND_CLOUD[k]! + 0;
    depin += wKind * KIND_DEPIN[k]! + 0;
    // model-size
    const pr = rank(PRECISIONS, P.precision);
    let bytes = BYTES[pr]!;
    if (TRAINS[k] === 1) {
      const t =
        pr * TRAINING_METHODS.length +
        (P.trainingMethod == null ? FULL : rank(TRAINING_METHODS, P.trainingMethod));
      const d = TRAINING_BYTES_AT_1[t]! - TRAINING_BYTES[t]!;
      bytes = TRAINING_BYTES[t]! + (d === 0 ? 0 : unquantizedParameterShare(P.modelParamsBillions) * d);
    }
    const gib = (P.modelParamsBillions * 1e9 * bytes) / GIB;
    const beyond = logRamp(gib, 80, 640);
    cloud += wModel * (0.5 * beyond) + 0;
    depin += wModel * (1 - logRamp(gib, 20, 80) - beyond) + 0;
    // interconnect
    const ic = rank(INTERCONNECTS, P.interconnect);
    cloud += wIc * IC_CLOUD[ic]! + 0;
    depin += wIc * (IC_DEPIN[ic]! + -0.25 * logRamp(P.nodes, 1, 128)) + 0;
    // data-movement
    const sData = logRamp(P.datasetGiB + P.egressGiBPerMonth, 100, 10_000);
    cloud += wData * (0.25 * sData) + 0;
    depin += wData * -sData + 0;
    // uptime
    const sUp = 1 - logRamp(1 - P.availabilityTarget, 1 - 0.999, 1 - 0.9);
    cloud += wUp * (0.5 * sUp) + 0;
    depin += wUp * -sUp + 0;
    // latency
    const ms = P.p99LatencyMs ?? Number.NaN;
    const sLat = Number.isNaN(ms) ? 0 : 1 - logRamp(ms, 100, 10_000);
    cloud += wLat * (0.5 * sLat) + 0;
    depin += wLat * -sLat + 0;
    // compliance-privacy
    let dComp = SENS_DEPIN[rank(DATA_SENSITIVITIES, P.dataSensitivity)]! - 0.25 * P.compliance.length;
    if (P.residency.length > 0) dComp -= 0.25;
    cloud += wComp * (dComp < 0 ? -0.5 * dComp : 0) + 0;
    depin += wComp * dComp + 0;
    // cost-sensitivity
    cloud += wCost * COST_CLOUD[rank(COST_SENSITIVITIES, P.costSensitivity)]! + 0;
    depin += wCost * COST_DEPIN[rank(COST_SENSITIVITIES, P.costSensitivity)]! + 0;
    // interruption-tolerance
    const interruptible = P.interruptible;
    cloud += wInt * (interruptible ? 0 : 0.5) + 0;
    depin += wInt * (interruptible ? 1 : -0.5) + 0;
    // checkpointability
    const stateless = P.statelessRequests;
    if (P.checkpointable) {
      cloud += wCkpt * 0 + 0;
      depin += wCkpt * 1 + 0;
    } else {
      const s = stateless ? 0 : logRamp(P.hoursPerJob, 0.25, 24);
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
    const sens = rank(DATA_SENSITIVITIES, P.dataSensitivity);
    const partialOk = stateless && sens <= 1 && KIND_SERVING[k] === 1;
    let mask = 0;
    let partial = 0;
    let cap = APPROACHES.length - 1;
    if (sens >= 3) {
      mask |= 1;
      if (CAP_ALL < cap) cap = CAP_ALL;
    }
    if (needsCertification(P.compliance)) {
      mask |= 2;
      if (partialOk) {
        partial |= 2;
        if (CAP_PART < cap) cap = CAP_PART;
      } else if (CAP_ALL < cap) cap = CAP_ALL;
    }
    if (P.residency.length > 0) {
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
