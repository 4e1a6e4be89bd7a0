/**
 * Interruption counts of the Monte Carlo kernel, per option and month: how month t draws N_t (none, Poisson
 * inversion, normal approximation; monteCarloDraws.ts), where its draw sits in a trial's draws, and the
 * factor N_t/m_t for a draw.
 *
 * Poisson months invert the cumulative distribution with a guide table (poissonInversion.ts). Months with the
 * same mean share one table (a constant interruption rate is the common case). For each guide entry g the
 * search that starts at k = guide[g] stops at once when u ≤ F(k); `stopFactor` keeps, interleaved, that
 * threshold F(k) and the factor k/m it gives, so a draw usually costs one multiply and two adjacent loads.
 */
import {
  INTERRUPTIONS_NONE,
  INTERRUPTIONS_NORMAL,
  INTERRUPTIONS_POISSON,
  interruptionMode,
} from './monteCarloDraws.js';
import type { MonteCarloParams } from './monteCarloPlan.js';
import { type PoissonTable, poissonTable } from './poissonInversion.js';

export class InterruptionMonths {
  /** INTERRUPTIONS_NONE (N/m kept at its mean 1), _POISSON or _NORMAL, per month. */
  readonly mode: Uint8Array;
  /** Index of month t's draw in the trial's draws; −1 without one. */
  readonly drawAt: Int32Array;
  /** F(0) of month t's table: a draw u ≤ F(0) means no interruption (−1 for months without a table). */
  readonly p0: Float64Array;
  /** Start of month t's guide (in guide entries) and its length. */
  readonly guideAt: Float64Array;
  readonly guideLength: Float64Array;
  /** Start of month t's table in `cdf`. */
  readonly cdfAt: Float64Array;
  readonly mean: Float64Array;
  readonly sqrtMean: Float64Array;
  readonly invMean: Float64Array;
  /** Every table's F(0), F(1), … concatenated. */
  readonly cdf: Float64Array;
  /** Guide entries, as absolute indexes into `cdf`. */
  readonly guide: Int32Array;
  /** Per guide entry g: [2g] = F(guide[g]) (the search stops at once when u ≤ it), [2g + 1] = its N/m. */
  readonly stopFactor: Float64Array;

  /** Option `o` of a plan; its months draw at the indexes `drawAt` (−1: no draw). */
  constructor(params: MonteCarloParams, o: 0 | 1, drawAt: Int32Array) {
    const option = params.options[o];
    const M = params.months;
    this.drawAt = drawAt;
    this.mode = new Uint8Array(M);
    this.p0 = new Float64Array(M).fill(-1);
    this.guideAt = new Float64Array(M);
    this.guideLength = new Float64Array(M);
    this.cdfAt = new Float64Array(M);
    this.mean = new Float64Array(M);
    this.sqrtMean = new Float64Array(M);
    this.invMean = new Float64Array(M);
    const byMean = new Map<number, { table: PoissonTable; cdfAt: number; guideAt: number }>();
    let cdfSize = 0;
    let guideSize = 0;
    for (let t = 0; t < M; t++) {
      const m = option.interruptionsPerMonth[t]!;
      const mode = interruptionMode(params, o, t);
      this.mode[t] = mode;
      this.mean[t] = m;
      this.sqrtMean[t] = Math.sqrt(m);
      this.invMean[t] = m > 0 ? 1 / m : 0;
      if (mode !== INTERRUPTIONS_POISSON) continue;
      let entry = byMean.get(m);
      if (!entry) {
        const table = poissonTable(m);
        entry = { table, cdfAt: cdfSize, guideAt: guideSize };
        byMean.set(m, entry);
        cdfSize += table.cdf.length;
        guideSize += table.guide.length;
      }
      this.p0[t] = entry.table.cdf[0]!;
      this.cdfAt[t] = entry.cdfAt;
      this.guideAt[t] = entry.guideAt;
      this.guideLength[t] = entry.table.guide.length;
    }
    this.cdf = new Float64Array(cdfSize);
    this.guide = new Int32Array(guideSize);
    this.stopFactor = new Float64Array(2 * guideSize);
    for (const { table, cdfAt, guideAt } of byMean.values()) {
      this.cdf.set(table.cdf, cdfAt);
      const invMean = 1 / table.mean;
      for (let g = 0; g < table.guide.length; g++) {
        const k = table.guide[g]!;
        this.guide[guideAt + g] = cdfAt + k;
        this.stopFactor[2 * (guideAt + g)] = table.cdf[k]!;
        this.stopFactor[2 * (guideAt + g) + 1] = k * invMean;
      }
    }
  }

  /** True when some month uses the normal approximation (mean above the Poisson tables' range). */
  get anyNormal(): boolean {
    return this.mode.includes(INTERRUPTIONS_NORMAL);
  }

  /** N_t/m_t of month t for the trial's draws `z`. */
  factor(t: number, z: Float64Array): number {
    const mode = this.mode[t];
    if (mode === INTERRUPTIONS_NONE) return 1;
    const u = z[this.drawAt[t]!]!;
    if (mode === INTERRUPTIONS_POISSON) return u > this.p0[t]! ? this.poissonFactor(t, u) : 0;
    const n = this.mean[t]! + this.sqrtMean[t]! * u;
    return n > 0 ? n * this.invMean[t]! : 0;
  }

  /** N/m of Poisson month t for its draw u: the guide entry's factor, or the search on from there. */
  poissonFactor(t: number, u: number): number {
    const g = (this.guideAt[t]! + u * this.guideLength[t]!) | 0;
    if (u <= this.stopFactor[2 * g]!) return this.stopFactor[2 * g + 1]!;
    const cdf = this.cdf;
    let k = this.guide[g]! + 1;
    while (u > cdf[k]!) k++;
    return (k - this.cdfAt[t]!) * this.invMean[t]!;
  }
}
