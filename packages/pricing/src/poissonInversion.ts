/**
 * Poisson draws by inversion of the cumulative distribution with a guide table (Chen & Asau 1974; Devroye
 * 1986, §III.2.4): one uniform u gives the smallest k with F(k) ≥ u, in about one comparison. It is exact
 * up to a tail of probability below ~1e-15 (the table stops at m + 10√m + 10, whose last entry is set to 1).
 * The guide has 8 entries per table entry, so the search almost never takes a step.
 */

export interface PoissonTable {
  readonly mean: number;
  /** F(0), F(1), …, with the last entry 1. */
  readonly cdf: Float64Array;
  /** guide[j] = smallest k with F(k) ≥ j / guide.length. */
  readonly guide: Int32Array;
}

const GUIDE_PER_ENTRY = 8;

/** Above this mean, gpufit draws interruption counts from the normal approximation instead. */
export const POISSON_TABLE_MAX_MEAN = 200;

export function poissonTable(mean: number): PoissonTable {
  const n = Math.ceil(mean + 10 * Math.sqrt(mean) + 10);
  const cdf = new Float64Array(n);
  let p = Math.exp(-mean);
  let f = p;
  cdf[0] = f;
  for (let k = 1; k < n; k++) {
    p = (p * mean) / k;
    f += p;
    cdf[k] = Math.min(f, 1);
  }
  cdf[n - 1] = 1;
  // A guide GUIDE_PER_ENTRY times longer than the table makes the search loop almost never iterate,
  // which keeps its branch predictable in the hot loop.
  const g = GUIDE_PER_ENTRY * n;
  const guide = new Int32Array(g);
  let k = 0;
  for (let j = 0; j < g; j++) {
    while (cdf[k]! < j / g) k++;
    guide[j] = k;
  }
  return { mean, cdf, guide };
}

/** The Poisson count for a uniform u in [0, 1). */
export function poissonFromUniform(table: PoissonTable, u: number): number {
  const { cdf, guide } = table;
  let k = guide[Math.floor(u * guide.length)]!;
  while (u > cdf[k]!) k++;
  return k;
}
