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
 * then models factor by factor, each in its own tight loop over the months. Trials of block k (1,024 trials) draw from stream (seed, k), so a trial's numbers do not
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

export interface MonteCarloOut {
  /** Horizon spend of each trial, indexed by trial. */
  readonly horizonCloud: Float64Array;
  readonly horizonDepin: Float64Array;
  /** Monthly spend of trials 0 … sampleTrials−1, trial-major (each trial writes one run): [trial · months + t]. */
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
  private readonly tokens: readonly { readonly logDrift: number; readonly logVolatility: number }[];
  private readonly cCompute: Float64Array;
  private readonly cRework: Float64Array;
  private readonly cData: Float64Array;
  private readonly dCompute: Float64Array;
  private readonly dRework: Float64Array;
  private readonly dData: Float64Array;
  /** Per-trial scratch: demand factors, token ratios (one row per token, or the shared row of ones), N/m. */
  private readonly demand: Float64Array;
  private readonly ratios: Float64Array[];
  private readonly cRatio: Float64Array;
  private readonly dRatio: Float64Array;
  private readonly cN: Float64Array;
  private readonly dN: Float64Array;
  /** Months with an interruption draw, per option, and their records. */
  private readonly cDrawMonths: Int32Array;
  private readonly dDrawMonths: Int32Array;
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
    this.tokens = params.tokens;
    this.cCompute = c.computeUsd;
    this.cRework = c.interruptionUsd;
    this.cData = c.dataUsd;
    this.dCompute = d.computeUsd;
    this.dRework = d.interruptionUsd;
    this.dData = d.dataUsd;
    const ones = new Float64Array(M).fill(1);
    this.demand = new Float64Array(M).fill(1);
    this.ratios = params.tokens.map(() => new Float64Array(M).fill(1));
    this.cRatio = c.tokenIndex < 0 ? ones : this.ratios[c.tokenIndex]!;
    this.dRatio = d.tokenIndex < 0 ? ones : this.ratios[d.tokenIndex]!;
    this.cN = new Float64Array(M).fill(1);
    this.dN = new Float64Array(M).fill(1);
    this.it = interruptionTables(params);
    const drawMonths = (o: 0 | 1) =>
      Int32Array.from({ length: M }, (_, t) => t).filter(
        (t) => this.it.record[(2 * t + o) * REC_SIZE + REC_MODE] !== INTERRUPTIONS_NONE,
      );
    this.cDrawMonths = drawMonths(0);
    this.dDrawMonths = drawMonths(1);
    this.out = out;
  }

  /** Models trial `trial` from its draws `z` (in draw-schedule order) and writes its results. */
  run(z: Float64Array, trial: number): void {
    const M = this.months;
    let j = 0;
    const cPs = this.cloudPriceSigma;
    const dPs = this.depinPriceSigma;
    const cP = cPs > 0 ? Math.exp(cPs * z[j++]! - (cPs * cPs) / 2) : 1;
    const dP = dPs > 0 ? Math.exp(dPs * z[j++]! - (dPs * dPs) / 2) : 1;

    // Demand factors, one normal a month.
    const demand = this.demand;
    const sd = this.demandSigma;
    if (sd > 0) {
      const h = this.demandHalfVar;
      for (let t = 0; t < M; t++) demand[t] = Math.exp(sd * z[j++]! - h);
    }

    // Incentive-token price ratios S(t)/S(0), one normal a month after month 0.
    for (let k = 0; k < this.tokens.length; k++) {
      const ratio = this.ratios[k]!;
      const { logDrift, logVolatility } = this.tokens[k]!;
      let logS = 0;
      if (logVolatility > 0) {
        for (let t = 1; t < M; t++) {
          logS += logDrift + logVolatility * z[j++]!;
          ratio[t] = Math.exp(logS);
        }
      } else {
        for (let t = 1; t < M; t++) {
          logS += logDrift;
          ratio[t] = Math.exp(logS);
        }
      }
    }

    // Interruption factors N/m for the months that draw them.
    const it = this.it;
    const cMonths = this.cDrawMonths;
    for (let i = 0; i < cMonths.length; i++) {
      const t = cMonths[i]!;
      this.cN[t] = interruptionFactor(it, 2 * t * REC_SIZE, z[j++]!);
    }
    const dMonths = this.dDrawMonths;
    for (let i = 0; i < dMonths.length; i++) {
      const t = dMonths[i]!;
      this.dN[t] = interruptionFactor(it, (2 * t + 1) * REC_SIZE, z[j++]!);
    }

    // Spend: D_t · [(compute + re-work · N/m) · R_t · P + data].
    const { cCompute, cRework, cData, dCompute, dRework, dData, cRatio, dRatio, cN, dN } = this;
    let hc = 0;
    let hd = 0;
    if (trial < this.sampleTrials) {
      const { monthlyCloud, monthlyDepin } = this.out;
      const row = trial * M;
      for (let t = 0; t < M; t++) {
        const cs = demand[t]! * ((cCompute[t]! + cRework[t]! * cN[t]!) * cRatio[t]! * cP + cData[t]!);
        const ds = demand[t]! * ((dCompute[t]! + dRework[t]! * dN[t]!) * dRatio[t]! * dP + dData[t]!);
        hc += cs;
        hd += ds;
        monthlyCloud[row + t] = cs;
        monthlyDepin[row + t] = ds;
      }
    } else {
      for (let t = 0; t < M; t++) {
        hc += demand[t]! * ((cCompute[t]! + cRework[t]! * cN[t]!) * cRatio[t]! * cP + cData[t]!);
        hd += demand[t]! * ((dCompute[t]! + dRework[t]! * dN[t]!) * dRatio[t]! * dP + dData[t]!);
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
