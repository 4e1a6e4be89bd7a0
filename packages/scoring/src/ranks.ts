import {
  DATA_SENSITIVITIES,
  INTERCONNECTS,
  PRECISION_BYTES,
  PRECISIONS,
  type Precision,
  TRAINING_METHODS,
  type TrainingMethod,
  trainingBytesAtShare,
  unquantizedParameterShare,
  WORKLOAD_KINDS,
  type WorkloadKind,
  workloadKinds,
} from '@gpufit/schema';

/**
 * Position of a value in its ordered vocabulary, by comparing it with each entry: the vocabularies are a few
 * words long, and a string-keyed property load (`RANK[value]`) goes through V8's megamorphic keyed-load path,
 * which measured several times slower on the scoring hot path (issue 19). Unknown values give −1.
 */
function rankIn(values: readonly string[]): (value: string) => number {
  const n = values.length;
  return (value) => {
    for (let i = 0; i < n; i++) if (values[i] === value) return i;
    return -1;
  };
}

export const sensitivityRank = rankIn(DATA_SENSITIVITIES);
export const interconnectRank = rankIn(INTERCONNECTS);
export const kindRank = rankIn(WORKLOAD_KINDS);
const precisionRank = rankIn(PRECISIONS);
const BYTES = Float64Array.from(PRECISIONS, (p) => PRECISION_BYTES[p]);

/** `PRECISION_BYTES[precision]`, by rank (see `rankIn`). */
export function precisionBytes(precision: Precision): number {
  return BYTES[precisionRank(precision)]!;
}

const methodRank = rankIn(TRAINING_METHODS);
/**
 * `trainingBytesAtShare` of every (precision, method) with no parameter left unquantized and with all of them,
 * precision-major: the schema's figures, looked up by rank. The bytes are linear in the share.
 */
const TRAINING_BYTES_AT_0 = Float64Array.from(
  PRECISIONS.flatMap((p) => TRAINING_METHODS.map((m) => trainingBytesAtShare(p, m, 0))),
);
const TRAINING_BYTES_AT_1 = Float64Array.from(
  PRECISIONS.flatMap((p) => TRAINING_METHODS.map((m) => trainingBytesAtShare(p, m, 1))),
);

/** @gpufit/schema `trainingBytesPerParameter(precision, method, modelParamsBillions)`, by rank (see `rankIn`). */
export function trainingBytes(
  precision: Precision,
  method: TrainingMethod,
  modelParamsBillions: number,
): number {
  const i = precisionRank(precision) * TRAINING_METHODS.length + methodRank(method);
  const a = TRAINING_BYTES_AT_0[i]!;
  const d = TRAINING_BYTES_AT_1[i]! - a;
  return d === 0 ? a : a + unquantizedParameterShare(modelParamsBillions) * d;
}

/** 1 for the kinds whose phase is inference, by kind rank. */
const INFERENCE = Uint8Array.from(WORKLOAD_KINDS, (k) => (workloadKinds[k].phase === 'inference' ? 1 : 0));

/** `workloadKinds[kind].phase === 'inference'`, by rank (see `rankIn`). */
export function isInference(kind: WorkloadKind): boolean {
  return INFERENCE[kindRank(kind)] === 1;
}
