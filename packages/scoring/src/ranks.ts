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
 *
 * Up to eight words are compared one after another with words captured once, not in a loop over the array:
 * inlined, each is one comparison with a string V8 knows (measured: the loop was a tenth of `assessFitBatch`).
 * Places past the vocabulary repeat its first word, which can never match there (it was compared first).
 */
function rankIn(values: readonly string[]): (value: string) => number {
  const n = values.length;
  if (n === 0 || n > 8) {
    return (value) => {
      for (let i = 0; i < n; i++) if (values[i] === value) return i;
      return -1;
    };
  }
  const [w0, w1, w2, w3, w4, w5, w6, w7] = Array.from({ length: 8 }, (_, i) => values[i < n ? i : 0]!);
  return (value) =>
    value === w0
      ? 0
      : value === w1
        ? 1
        : value === w2
          ? 2
          : value === w3
            ? 3
            : value === w4
              ? 4
              : value === w5
                ? 5
                : value === w6
                  ? 6
                  : value === w7
                    ? 7
                    : -1;
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

/**
 * @gpufit/schema `trainingBytesPerParameter(precision, method, modelParamsBillions)`, by rank (see `rankIn`): the
 * two exact end points interpolated at the share, so for QLoRA it may differ from the schema's own sum by one unit
 * in the last place (a relative 2.2e-16 in 28 % of calls, measured by the review of 2026-12-05); LoRA and full,
 * whose bytes do not depend on the share, are the schema's figures exactly.
 */
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
