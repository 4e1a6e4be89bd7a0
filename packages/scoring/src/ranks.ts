import {
  DATA_SENSITIVITIES,
  INTERCONNECTS,
  PRECISION_BYTES,
  PRECISIONS,
  type Precision,
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
