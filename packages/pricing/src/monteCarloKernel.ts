/**
 * The Monte Carlo kernel (DESIGN §5.9): simulates trials [trialStart, trialEnd) of a plan and writes each
 * trial's horizon spend per option (and, for the first `sampleTrials` trials, every month's spend) at the
 * trial's own index in `out`. The single-threaded path and every worker thread call exactly this.
 *
 * One trial, for option o ∈ {cloud, depin} and month t (expected parts from spendPath.ts):
 *   price factor   P_o  = exp(σ_p·Z − σ_p²/2)                      once per trial; DePIN only (depinPriceSpread)
 *   demand         D_t  = exp(σ_d·Z − σ_d²/2)                      each month, shared by both options
 *   token ratio    R_t  = exp(Σ_{k<t} ((μ−σ²/2)/12 + σ√(1/12)·Z_k))  GBM, exact discretization; R_0 = 1
 *   interruptions  N_t ~ Poisson(m_t) (guide-table inversion for m ≤ 200, normal approximation above),
 *                  factor N_t/m_t
 *   spend_o(t) = D_t · [(compute_o(t) + rework_o(t)·N_t/m_t) · R_t · P_o + data_o(t)]
 * Every factor has mean 1 (independent), so E[spend] is the projection's expected path.
 *
 * Each trial first fills its draws in the fixed order of monteCarloDraws.ts (the reproducibility contract),
 * then models. Trials of block k (1,024 trials) draw from stream (seed, k), so a trial's numbers do not
 * depend on how the trial range is split.
 */
import { assert } from './assert.js';
import {
  INTERRUPTIONS_NONE,
  INTERRUPTIONS_POISSON,
  interruptionMode,
  monteCarloDrawSchedule,
} from './monteCarloDraws.js';
import type { MonteCarloParams } from './monteCarloPlan.js';
import { type PoissonTable, poissonTable } from './poissonInversion.js';
import { fillDraws, MONTE_CARLO_BLOCK_TRIALS, seedSfc32State } from './prng.js';
import { tableExp } from './tableExp.js';

export interface MonteCarloOut {
  /** Horizon spend of each trial, indexed by trial. */
  readonly horizonCloud: Float64Array;
  readonly horizonDepin: Float64Array;
  /** Monthly spend of trials 0 … sampleTrials−1, month-major: [t · sampleTrials + trial]. */
  readonly monthlyCloud: Float64Array;
  readonly monthlyDepin: Float64Array;
}

/** Allocates the kernel's output for a plan; pass `allocate` to back it with shared memory. */
export function allocateMonteCarloOut(
  params: MonteCarloParams,
  allocate: (length: number) => Float64Array = (n) => new Float64Array(n),
): MonteCarloOut {
  return {
    horizonCloud: allocate(params.trials),
    horizonDepin: allocate(params.trials),
    monthlyCloud: allocate(params.months * params.sampleTrials),
    monthlyDepin: allocate(params.months * params.sampleTrials),
  };
}

export const KERNEL_RANGE_INVALID = 'the trial range must satisfy 0 ≤ trialStart ≤ trialEnd ≤ trials';
export const KERNEL_TOO_MANY_TOKENS = 'the kernel models at most two incentive tokens (one per option)';

/** Fields of one (month, option) interruption record in `InterruptionTables.record`. */
const REC_MODE = 0;
const REC_GUIDE_AT = 1;
const REC_GUIDE_LENGTH = 2;
const REC_CDF_AT = 3;
const REC_MEAN = 4;
const REC_SQRT_MEAN = 5;
const REC_INV_MEAN = 6;
const REC_SIZE = 8;

/**
 * Per-month interruption constants of both options, flattened for the hot loop: a record per (month t,
 * option o) at (2t + o)·REC_SIZE, and every month's Poisson table concatenated in `cdf` and `guide`.
 */
interface InterruptionTables {
  readonly record: Float64Array;
  readonly cdf: Float64Array;
  /** Absolute indexes into `cdf`. */
  readonly guide: Int32Array;
  readonly any: boolean;
}

function interruptionTables(params: MonteCarloParams): InterruptionTables {
  const record = new Float64Array(2 * params.months * REC_SIZE);
  const tables: PoissonTable[] = [];
  let cdfSize = 0;
  let guideSize = 0;
  let any = false;
  for (let t = 0; t < params.months; t++) {
    for (const o of [0, 1] as const) {
      const r = (2 * t + o) * REC_SIZE;
      const m = params.options[o].interruptionsPerMonth[t]!;
      const mode = interruptionMode(params, o, t);
      any ||= mode !== INTERRUPTIONS_NONE;
      record[r + REC_MODE] = mode;
      record[r + REC_MEAN] = m;
      record[r + REC_SQRT_MEAN] = Math.sqrt(m);
      record[r + REC_INV_MEAN] = m > 0 ? 1 / m : 0;
      if (mode === INTERRUPTIONS_POISSON) {
        const table = poissonTable(m);
        tables.push(table);
        record[r + REC_CDF_AT] = cdfSize;
        record[r + REC_GUIDE_AT] = guideSize;
        record[r + REC_GUIDE_LENGTH] = table.guide.length;
        cdfSize += table.cdf.length;
        guideSize += table.guide.length;
      }
    }
  }
  const cdf = new Float64Array(cdfSize);
  const guide = new Int32Array(guideSize);
  let at = 0;
  let gAt = 0;
  for (const table of tables) {
    cdf.set(table.cdf, at);
    for (let j = 0; j < table.guide.length; j++) guide[gAt + j] = at + table.guide[j]!;
    at += table.cdf.length;
    gAt += table.guide.length;
  }
  return { record, cdf, guide, any };
}

/** N/m of one (month, option) record for its draw `u`: Poisson inversion, or the normal approximation. */
function interruptionFactor(it: InterruptionTables, r: number, u: number): number {
  const rec = it.record;
  if (rec[r + REC_MODE] === INTERRUPTIONS_POISSON) {
    const cdf = it.cdf;
    let k = it.guide[(rec[r + REC_GUIDE_AT]! + u * rec[r + REC_GUIDE_LENGTH]!) | 0]!;
    while (u > cdf[k]!) k++;
    return (k - rec[r + REC_CDF_AT]!) * rec[r + REC_INV_MEAN]!;
  }
  const n = rec[r + REC_MEAN]! + rec[r + REC_SQRT_MEAN]! * u;
  return n > 0 ? n * rec[r + REC_INV_MEAN]! : 0;
}

/** Everything one trial's model reads, precomputed once per kernel call; `run` models one trial. */
class TrialModel {
  private readonly months: number;
  private readonly sampleTrials: number;
  private readonly demandSigma: number;
  private readonly demandHalfVar: number;
  private readonly cloudPriceSigma: number;
  private readonly depinPriceSigma: number;
  private readonly tokenCount: number;
  private readonly drift0: number;
  private readonly vol0: number;
  private readonly drift1: number;
  private readonly vol1: number;
  private readonly cloudToken: number;
  private readonly depinToken: number;
  /** Per month: compute, re-work, data of cloud, then of DePIN. */
  private readonly coef: Float64Array;
  private readonly anyInterruptions: boolean;
  private readonly it: InterruptionTables;
  private readonly out: MonteCarloOut;

  constructor(params: MonteCarloParams, out: MonteCarloOut) {
    const [c, d] = params.options;
    const M = params.months;
    this.months = M;
    this.sampleTrials = params.sampleTrials;
    this.demandSigma = params.demandSigma;
    this.demandHalfVar = (params.demandSigma * params.demandSigma) / 2;
    this.cloudPriceSigma = c.priceSigma;
    this.depinPriceSigma = d.priceSigma;
    const tokens = params.tokens;
    this.tokenCount = tokens.length;
    this.drift0 = tokens[0]?.logDrift ?? 0;
    this.vol0 = tokens[0]?.logVolatility ?? 0;
    this.drift1 = tokens[1]?.logDrift ?? 0;
    this.vol1 = tokens[1]?.logVolatility ?? 0;
    this.cloudToken = c.tokenIndex;
    this.depinToken = d.tokenIndex;
    const coef = new Float64Array(6 * M);
    for (let t = 0; t < M; t++) {
      coef[6 * t] = c.computeUsd[t]!;
      coef[6 * t + 1] = c.interruptionUsd[t]!;
      coef[6 * t + 2] = c.dataUsd[t]!;
      coef[6 * t + 3] = d.computeUsd[t]!;
      coef[6 * t + 4] = d.interruptionUsd[t]!;
      coef[6 * t + 5] = d.dataUsd[t]!;
    }
    this.coef = coef;
    this.it = interruptionTables(params);
    this.anyInterruptions = this.it.any;
    this.out = out;
  }

  /** Models trial `trial` from its draws `z` (in draw-schedule order) and writes its results. */
  run(z: Float64Array, trial: number): void {
    const M = this.months;
    const K = this.sampleTrials;
    const sd = this.demandSigma;
    const sdHalfVar = this.demandHalfVar;
    const coef = this.coef;
    const nTok = this.tokenCount;
    const drift0 = this.drift0;
    const vol0 = this.vol0;
    const drift1 = this.drift1;
    const vol1 = this.vol1;
    const cTok = this.cloudToken;
    const dTok = this.depinToken;
    const anyInterruptions = this.anyInterruptions;
    const it = this.it;
    const rec = it.record;
    const { monthlyCloud, monthlyDepin } = this.out;
    const cPs = this.cloudPriceSigma;
    const dPs = this.depinPriceSigma;
    let j = 0;
    const cP = cPs > 0 ? tableExp(cPs * z[j++]! - (cPs * cPs) / 2) : 1;
    const dP = dPs > 0 ? tableExp(dPs * z[j++]! - (dPs * dPs) / 2) : 1;
    let logS0 = 0;
    let logS1 = 0;
    let r0 = 1;
    let r1 = 1;
    let hc = 0;
    let hd = 0;
    for (let t = 0; t < M; t++) {
      const dem = sd > 0 ? tableExp(sd * z[j++]! - sdHalfVar) : 1;
      if (t > 0 && nTok > 0) {
        logS0 += vol0 > 0 ? drift0 + vol0 * z[j++]! : drift0;
        r0 = tableExp(logS0);
        if (nTok > 1) {
          logS1 += vol1 > 0 ? drift1 + vol1 * z[j++]! : drift1;
          r1 = tableExp(logS1);
        }
      }
      // Interruption factors N/m (1 when the option has no interruption draws this month).
      let cN = 1;
      let dN = 1;
      if (anyInterruptions) {
        const rc = 2 * t * REC_SIZE;
        if (rec[rc + REC_MODE] !== INTERRUPTIONS_NONE) cN = interruptionFactor(it, rc, z[j++]!);
        const rd = rc + REC_SIZE;
        if (rec[rd + REC_MODE] !== INTERRUPTIONS_NONE) dN = interruptionFactor(it, rd, z[j++]!);
      }
      const cF = cTok < 0 ? cP : cTok === 0 ? r0 * cP : r1 * cP;
      const dF = dTok < 0 ? dP : dTok === 0 ? r0 * dP : r1 * dP;
      const b = 6 * t;
      const cs = dem * ((coef[b]! + coef[b + 1]! * cN) * cF + coef[b + 2]!);
      const ds = dem * ((coef[b + 3]! + coef[b + 4]! * dN) * dF + coef[b + 5]!);
      hc += cs;
      hd += ds;
      if (trial < K) {
        monthlyCloud[t * K + trial] = cs;
        monthlyDepin[t * K + trial] = ds;
      }
    }
    this.out.horizonCloud[trial] = hc;
    this.out.horizonDepin[trial] = hd;
  }
}

export function monteCarloKernel(
  params: MonteCarloParams,
  trialStart: number,
  trialEnd: number,
  out: MonteCarloOut,
): void {
  assert(
    Number.isInteger(trialStart) && Number.isInteger(trialEnd) && 0 <= trialStart && trialStart <= trialEnd,
    KERNEL_RANGE_INVALID,
    `${trialStart}..${trialEnd}`,
  );
  assert(trialEnd <= params.trials, KERNEL_RANGE_INVALID, `${trialEnd} > ${params.trials}`);
  assert(params.tokens.length <= 2, KERNEL_TOO_MANY_TOKENS);
  if (trialStart === trialEnd) return;
  const model = new TrialModel(params, out);
  const kinds = monteCarloDrawSchedule(params);
  const nDraws = kinds.length;
  const z = new Float64Array(nDraws);
  const state = new Int32Array(4);
  const normal = new Float64Array(2);
  const B = MONTE_CARLO_BLOCK_TRIALS;
  const lastBlock = Math.floor((trialEnd - 1) / B);
  for (let block = Math.floor(trialStart / B); block <= lastBlock; block++) {
    seedSfc32State(params.seed, block, state);
    normal[0] = 0;
    normal[1] = 0;
    const end = Math.min(trialEnd, (block + 1) * B);
    for (let trial = block * B; trial < end; trial++) {
      fillDraws(state, normal, kinds, z, nDraws);
      // Trials of the block before trialStart are drawn (to keep the stream) but not modelled.
      if (trial >= trialStart) model.run(z, trial);
    }
  }
}
