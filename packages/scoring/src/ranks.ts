import {
  DATA_SENSITIVITIES,
  INTERCONNECTS,
  PRECISION_BYTES,
  PRECISIONS,
  type Precision,
  TRAINING_METHODS,
  type TrainingMethod,
  trainingBytesPerParameter,
  WORKLOAD_KINDS,
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
/** `trainingBytesPerParameter` of every (precision, method), precision-major: the schema's figures, looked up by rank. */
const TRAINING_BYTES = Float64Array.from(
  PRECISIONS.flatMap((p) => TRAINING_METHODS.map((m) => trainingBytesPerParameter(p, m))),
);

/** @gpufit/schema `trainingBytesPerParameter(precision, method)`, by rank (see `rankIn`). */
export function trainingBytes(precision: Precision, method: TrainingMethod): number {
  return TRAINING_BYTES[precisionRank(precision) * TRAINING_METHODS.length + methodRank(method)]!;
}
