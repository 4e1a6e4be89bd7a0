/**
 * The Monte Carlo kernel (DESIGN §5.9): simulates trials [trialStart, trialEnd) of a plan and writes each
 * trial's horizon spend per option (and, for the first `sampleTrials` trials, every month's spend) at the
 * trial's own index in `out`. The single-threaded path and every worker thread call exactly this.
 *
 * One trial, for option o ∈ {cloud, depin} and month t (expected parts from spendPath.ts):
 *   price factor   P_o  = exp(σ_p·Z − σ_p²/2)                      once per trial; DePIN only (depinPriceSpread)
 *   demand         D_t  = exp(σ_d·x_t − σ_d²·v_t/2)                each month, shared by both options, where
 *                  x_t = φ·x_{t−1} + √(1−φ²)·Z_t, x_{−1} = 0          φ = demandPersistence: today's demand is known,
 *                  v_t = Var(x_t) = 1 − φ^{2(t+1)}                     and a deviation grows, then persists (φ = 0:
 *                                                                     v_t = 1, independent months)
 *   token ratio    R_t  = exp(Σ_{k<t} ((μ−σ²/2)/12 + σ√(1/12)·Z_k))  GBM, exact discretization; R_0 = 1; under the
 *                  option's token floor the landed price R_t·P_o becomes
 *                  max(R_t·P_o, min(φ_t − R_t·ε_t, P_o + (1 − R_t)·ε_t)) (spendPath.ts, incentives/tokenFloor.ts):
 *                  the floor is on what the trial's host earns, its price plus the token's emissions ε_t (per
 *                  USD of price), both worth R_t
 *   interruptions  N_t ~ Poisson(m_t) (guide-table inversion for m ≤ 200, normal approximation above),
 *                  factor N_t/m_t
 *   spend_o(t) = D_t · [(compute_o(t) + rework_o(t)·N_t/m_t) · R_t · P_o + data_o(t)]
 * Every factor has mean 1 (independent), so E[spend] is the projection's expected path; a token floor makes the
 * mean at or above the projection's point path, which floors E[R_t] with P = 1 (Jensen; spendPath.ts). A cloud
 * option that is a committed base with on-demand bursts spends its base plus its bursts at the trial's D_t instead
 * (monteCarloCommittedBase.ts; its mean sits above the projection, the bursts being convex in D_t).
 *
 * Each trial first fills its draws in the fixed order of monteCarloDraws.ts (the reproducibility contract),
 * then computes its demand factors and token ratios, then both options' spend in one pass over the months
 * (`TrialModel`: a packed fast path, two trials at a time, and a general path with the same arithmetic in the
 * same order). Trials of
 * block k (1,024 trials) draw from stream (seed, k), so a trial's numbers do not depend on how the trial
 * range is split.
 */

import { assert } from './assert.js';
import { heldTokenRatio } from './incentives/tokenFloor.js';
import { committedBaseSpend } from './monteCarloCommittedBase.js';
import { INTERRUPTIONS_NONE, interruptionMode, monteCarloDrawSchedule } from './monteCarloDraws.js';
import { InterruptionMonths } from './monteCarloInterruptions.js';
import type { MonteCarloParams } from './monteCarloPlan.js';
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

/**
 * σ²·v_t/2 for t = 0 … months−1, v_t = 1 − φ^{2(t+1)}: the lognormal correction that keeps every month's demand
 * factor at mean 1 when the demand normal starts from today's known demand (x_{−1} = 0) and persists with φ.
 */
export function demandHalfVariances(sigma: number, phi: number, months: number): Float64Array {
  const out = new Float64Array(Math.max(0, months));
  let decay = phi * phi;
  for (let t = 0; t < months; t++) {
    out[t] = (sigma * sigma * (1 - decay)) / 2;
    decay *= phi * phi;
  }
  return out;
}

export const KERNEL_RANGE_INVALID = 'the trial range must satisfy 0 ≤ trialStart ≤ trialEnd ≤ trials';

/**
 * Fields of one month's record in `TrialModel.packed`: cloud at 0…7, DePIN at 8…15. An enum, because esbuild
 * (the bundle and tsx alike) writes its members as literals into the hot loop, where module-level constants
 * would be loaded and checked on every use.
 */
enum Pack {
  Stride = 16,
  Compute = 0,
  Rework = 1,
  Data = 2,
  /** The month's first guide cell in `lookup`, and its number of cells (0 for a month without draws). */
  CellAt = 3,
  Cells = 4,
  /** Where the month's F(0), F(1), … start in `lookup`, and 1/m. */
  CdfAt = 5,
  InvMean = 6,
  Depin = 8,
}

/**
 * Guide cells of `TrialModel.lookup`, three numbers each: the threshold F(k) at which the search that starts at
 * k = guide[cell] stops at once, the N/m it then gives, and where F(k) sits in `lookup` (to search on).
 */
enum Cell {
  Size = 3,
  Stop = 0,
  Factor = 1,
  CdfIndex = 2,
}

/**
 * Everything a trial's model reads, precomputed once per kernel call; `runTrials` draws and models trials.
 *
 * A trial works in one buffer (`trialBuffer`): its draws [0, nDraws) as fillDraws writes them, then
 * `months` zeros (the draws an option without interruption draws reads on the fast path), the demand factors
 * D_t and both options' token ratios R_t at [2t + o] (ones for an option without a token).
 */
class TrialModel {
  private readonly months: number;
  private readonly sampleTrials: number;
  private readonly demandSigma: number;
  private readonly demandHalfVar: number;
  private readonly demandPersistence: number;
  private readonly demandInnovation: number;
  /** σ_d²·v_t/2 per month (persistent demand only). */
  private readonly demandHalfVarAt: Float64Array;
  private readonly demandDrawAt: number;
  private readonly priceSigma: readonly [number, number];
  private readonly priceDrawAt: readonly [number, number];
  private readonly tokens: readonly { readonly logDrift: number; readonly logVolatility: number }[];
  private readonly tokenDrawAt: Int32Array;
  private readonly tokenOf: readonly [number, number];
  private readonly options: readonly [OptionConstants, OptionConstants];
  /** Per option: priced in a token under a floor, so its price factor is inside its token ratio. */
  private readonly floored: readonly [boolean, boolean];
  /** Per option: ε_t of its token floor (zeros without one). */
  private readonly emission: readonly [Float64Array, Float64Array];
  private readonly interruptions: readonly [InterruptionMonths, InterruptionMonths];
  /** Offsets in the trial buffer. */
  private readonly zerosAt: number;
  private readonly demandAt: number;
  private readonly ratioAt: number;
  private readonly bufferLength: number;
  /** Scratch: one token's ratio path. */
  private readonly tokenRow: Float64Array;
  /**
   * The fast path: every month's constants of both options in one array (Pack.Stride fields a month); every
   * guide cell and Poisson table of both options in one `lookup` (cell 0 answers N/m = 1 for months without
   * draws); and where each option's draws start (consecutive, one a month; an option without draws reads the
   * zeros). Null when a month draws by the normal approximation or an option mixes months with and without
   * draws: then every trial takes `runGeneral`.
   */
  private readonly packed: Float64Array | null;
  private readonly lookup: Float64Array;
  /** The second trial buffer of the fast path, which models two trials at a time. */
  private readonly pairBuffer: Float64Array;
  /** Per option: every month uses the same guide (a constant interruption rate), read from month 0's record. */
  private readonly sameCells: readonly [boolean, boolean];
  /**
   * Per option, a draw at most this means no interruption in any month: the smallest F(0) over its months
   * (−∞ when some month has no draw, whose N/m is 1), so most draws of a rarely interrupted option skip the
   * guide.
   */
  private readonly surelyNone: readonly [number, number];
  private readonly firstDraw: readonly [number, number];
  /** The draw schedule (monteCarloDraws.ts) every trial's draws follow. */
  readonly kinds: Uint8Array;
  /** The cloud option's month when it is a committed base with on-demand bursts (then every trial is general). */
  private readonly cloudMix: ((t: number, D: number, P: number) => number) | null;

  constructor(params: MonteCarloParams) {
    const M = params.months;
    const [c, d] = params.options;
    this.months = M;
    this.sampleTrials = params.sampleTrials;
    this.demandSigma = params.demandSigma;
    this.demandHalfVar = (params.demandSigma * params.demandSigma) / 2;
    this.demandPersistence = params.demandPersistence;
    this.demandInnovation = Math.sqrt(1 - params.demandPersistence * params.demandPersistence);
    this.demandHalfVarAt = demandHalfVariances(params.demandSigma, params.demandPersistence, params.months);
    this.priceSigma = [c.priceSigma, d.priceSigma];
    this.tokens = params.tokens;
    this.tokenOf = [c.tokenIndex, d.tokenIndex];
    this.options = [c, d];
    const emission = (o: OptionConstants) => o.tokenEmission ?? new Float64Array(M);
    this.emission = [emission(c), emission(d)];
    this.floored = [
      c.tokenIndex >= 0 && c.tokenFloor !== undefined,
      d.tokenIndex >= 0 && d.tokenFloor !== undefined,
    ];
    this.tokenRow = new Float64Array(M);

    // Where each factor's draws sit in a trial's draws (the order of monteCarloDraws.ts).
    let j = 0;
    this.priceDrawAt = [c.priceSigma > 0 ? j++ : -1, d.priceSigma > 0 ? j++ : -1];
    this.demandDrawAt = j;
    if (params.demandSigma > 0) j += M;
    this.tokenDrawAt = Int32Array.from(params.tokens, (k) => {
      const at = j;
      if (k.logVolatility > 0) j += Math.max(0, M - 1);
      return at;
    });
    const interruptions = (o: 0 | 1): InterruptionMonths => {
      const drawAt = new Int32Array(M).fill(-1);
      for (let t = 0; t < M; t++) if (interruptionMode(params, o, t) !== INTERRUPTIONS_NONE) drawAt[t] = j++;
      return new InterruptionMonths(params, o, drawAt);
    };
    this.interruptions = [interruptions(0), interruptions(1)];
    const nDraws = j;
    this.kinds = monteCarloDrawSchedule(params);
    assert(nDraws === this.kinds.length, 'the kernel reads every draw of the schedule', nDraws);
    this.zerosAt = nDraws;
    this.demandAt = nDraws + M;
    this.ratioAt = nDraws + 2 * M;
    this.bufferLength = nDraws + 4 * M;

    const first = this.interruptions.map((it) => {
      const drawn = it.drawAt.filter((at) => at >= 0).length;
      if (drawn === 0) return this.zerosAt;
      const contiguous = it.drawAt.every((at, t) => at === it.drawAt[0]! + t);
      return drawn === M && contiguous && !it.anyNormal ? it.drawAt[0]! : -1;
    });
    this.firstDraw = [first[0]!, first[1]!];
    this.cloudMix = committedBaseSpend(c.committedBase);
    const fast = first.every((f) => f >= 0) && this.cloudMix === null;
    const { packed, lookup } = fast ? this.pack() : { packed: null, lookup: new Float64Array(0) };
    this.packed = packed;
    this.lookup = lookup;
    this.pairBuffer = this.trialBuffer();
    const same = (o: 0 | 1): boolean => {
      for (let t = 1; packed && t < M; t++) {
        const r = t * Pack.Stride + o * Pack.Depin;
        const r0 = o * Pack.Depin;
        if (
          packed[r + Pack.CellAt] !== packed[r0 + Pack.CellAt] ||
          packed[r + Pack.Cells] !== packed[r0 + Pack.Cells]
        )
          return false;
      }
      return packed !== null;
    };
    this.sameCells = [same(0), same(1)];
    this.surelyNone = [surelyNone(this.interruptions[0]), surelyNone(this.interruptions[1])];
  }

  private pack(): { packed: Float64Array; lookup: Float64Array } {
    const M = this.months;
    const its = this.interruptions;
    // lookup = [cell 0: never stops early... answers 1] [cloud's cells] [DePIN's cells] [cloud's CDFs] [DePIN's CDFs]
    const cellsAt = [1, 1 + its[0].guide.length];
    const cdfAt0 = Cell.Size * (1 + its[0].guide.length + its[1].guide.length);
    const cdfsAt = [cdfAt0, cdfAt0 + its[0].cdf.length];
    const lookup = new Float64Array(cdfsAt[1]! + its[1].cdf.length);
    lookup[Cell.Stop] = Number.POSITIVE_INFINITY;
    lookup[Cell.Factor] = 1;
    const packed = new Float64Array(M * Pack.Stride);
    for (const o of [0, 1] as const) {
      const option = this.options[o];
      const it = its[o];
      lookup.set(it.cdf, cdfsAt[o]);
      for (let g = 0; g < it.guide.length; g++) {
        const c = Cell.Size * (cellsAt[o]! + g);
        lookup[c + Cell.Stop] = it.stopFactor[2 * g]!;
        lookup[c + Cell.Factor] = it.stopFactor[2 * g + 1]!;
        lookup[c + Cell.CdfIndex] = cdfsAt[o]! + it.guide[g]!;
      }
      for (let t = 0; t < M; t++) {
        const r = t * Pack.Stride + o * Pack.Depin;
        const drawn = it.mode[t] !== INTERRUPTIONS_NONE;
        packed[r + Pack.Compute] = option.computeUsd[t]!;
        packed[r + Pack.Rework] = option.interruptionUsd[t]!;
        packed[r + Pack.Data] = option.dataUsd[t]!;
        packed[r + Pack.CellAt] = drawn ? cellsAt[o]! + it.guideAt[t]! : 0;
        packed[r + Pack.Cells] = drawn ? it.guideLength[t]! : 0;
        packed[r + Pack.CdfAt] = cdfsAt[o]! + it.cdfAt[t]!;
        packed[r + Pack.InvMean] = it.invMean[t]!;
      }
    }
    return { packed, lookup };
  }

  /** A trial buffer: room for the draws, then the zeros, demand factors and token ratios (ones). */
  trialBuffer(): Float64Array {
    const z = new Float64Array(this.bufferLength);
    z.fill(1, this.demandAt);
    return z;
  }

  /**
   * Draws and models trials [from, to) of one block, continuing its stream in `state` (prng.ts), with
   * `z` a `trialBuffer`. Sampled trials and plans without a fast path go through `runGeneral`; the others stay
   * in this loop, so the per-trial set-up of the fast path is done once per call, not once per trial.
   */
  runTrials(from: number, to: number, state: Int32Array, z: Float64Array, out: MonteCarloOut): void {
    const kinds = this.kinds;
    const K = this.packed;
    let trial = from;
    for (; trial < to && (K === null || trial < this.sampleTrials); trial++) {
      fillDraws(state, kinds, z, kinds.length);
      this.demandAndTokens(z);
      this.runGeneral(z, trial, out);
    }
    if (trial < to && K !== null) this.runPacked(trial, to, state, z, K, out);
  }

  /**
   * The trial's demand factors D_t = exp(σ_d·x_t − σ_d²/2) (ones without demand volatility; x_t the persistent
   * normal, the month's draw itself when φ = 0) and token ratios S(t)/S(0), one normal a month after month 0,
   * into the trial buffer.
   */
  private demandAndTokens(z: Float64Array): void {
    const M = this.months;
    const sd = this.demandSigma;
    if (sd > 0) {
      const h = this.demandHalfVar;
      const from = this.demandDrawAt;
      const to = this.demandAt;
      const phi = this.demandPersistence;
      if (phi > 0) {
        const w = this.demandInnovation;
        const hs = this.demandHalfVarAt;
        let x = 0;
        for (let t = 0; t < M; t++) {
          x = phi * x + w * z[from + t]!;
          z[to + t] = Math.exp(sd * x - hs[t]!);
        }
      } else for (let t = 0; t < M; t++) z[to + t] = Math.exp(sd * z[from + t]! - h);
    }
    this.tokenPaths(z);
  }

  /**
   * Token ratios S(t)/S(0), one normal a month after month 0, into the trial buffer [2t + o]; an option with a
   * token floor gets its landed price ratio max(R_t · P_o, min(φ_t − R_t · ε_t, P_o + (1 − R_t) · ε_t)), R_t = S(t)/S(0) (and spends it with a
   * price factor of 1).
   */
  private tokenPaths(z: Float64Array): void {
    const M = this.months;
    for (let k = 0; k < this.tokens.length; k++) {
      const row = this.tokenRow;
      const { logDrift, logVolatility } = this.tokens[k]!;
      let logS = 0;
      row[0] = 1;
      if (logVolatility > 0) {
        const at = this.tokenDrawAt[k]! - 1;
        for (let t = 1; t < M; t++) {
          logS += logDrift + logVolatility * z[at + t]!;
          row[t] = Math.exp(logS);
        }
      } else {
        for (let t = 1; t < M; t++) {
          logS += logDrift;
          row[t] = Math.exp(logS);
        }
      }
      for (const o of [0, 1] as const) {
        if (this.tokenOf[o] !== k) continue;
        const floor = this.options[o].tokenFloor;
        if (floor === undefined) for (let t = 0; t < M; t++) z[this.ratioAt + 2 * t + o] = row[t]!;
        else {
          // The floor holds the price the trial lands at (its host's), so the spread goes inside it; the
          // emissions (ε per USD of price) are worth R and count toward the hosts' income.
          const P = this.priceFactor(o, z);
          const eps = this.emission[o];
          for (let t = 0; t < M; t++) {
            const R = row[t]!;
            const e = eps[t]!;
            z[this.ratioAt + 2 * t + o] = Math.max(R * P, heldTokenRatio(R, floor[t]!, e, P));
          }
        }
      }
    }
  }

  /** P_o = exp(σ_p·Z − σ_p²/2), or 1 without a price spread. */
  private priceFactor(o: 0 | 1, z: Float64Array): number {
    const sigma = this.priceSigma[o];
    return sigma > 0 ? Math.exp(sigma * z[this.priceDrawAt[o]]! - (sigma * sigma) / 2) : 1;
  }

  /**
   * The price factor the spend multiplies by: P_o, or 1 for an option under a token floor, whose ratio in the
   * trial buffer already holds the landed price max(R_t·P_o, heldTokenRatio(R_t, φ_t, ε_t, P_o)) (`tokenPaths`; x · 1 = x).
   */
  private spendPriceFactor(o: 0 | 1, z: Float64Array): number {
    return this.floored[o] ? 1 : this.priceFactor(o, z);
  }

  /**
   * Any plan, any trial: month by month through InterruptionMonths, keeping every month of a sampled trial.
   * `runPacked` is the same arithmetic in the same order, so both give the same bits.
   */
  private runGeneral(z: Float64Array, trial: number, out: MonteCarloOut): void {
    const M = this.months;
    const { demandAt, ratioAt } = this;
    const [c, d] = this.options;
    const [ci, di] = this.interruptions;
    const cP = this.spendPriceFactor(0, z);
    const dP = this.spendPriceFactor(1, z);
    const sampled = trial < this.sampleTrials;
    let hc = 0;
    let hd = 0;
    for (let t = 0; t < M; t++) {
      const D = z[demandAt + t]!;
      const fc = ci.factor(t, z);
      const fd = di.factor(t, z);
      const cs =
        this.cloudMix !== null
          ? this.cloudMix(t, D, cP)
          : D * ((c.computeUsd[t]! + c.interruptionUsd[t]! * fc) * z[ratioAt + 2 * t]! * cP + c.dataUsd[t]!);
      const ds =
        D * ((d.computeUsd[t]! + d.interruptionUsd[t]! * fd) * z[ratioAt + 2 * t + 1]! * dP + d.dataUsd[t]!);
      hc += cs;
      hd += ds;
      if (sampled) {
        out.monthlyCloud[trial * M + t] = cs;
        out.monthlyDepin[trial * M + t] = ds;
      }
    }
    out.horizonCloud[trial] = hc;
    out.horizonDepin[trial] = hd;
  }

  /**
   * The hot path, two trials at a time (their draws in `z` and `pairBuffer`, filled one after the other from
   * the block's stream, so each trial gets exactly its own numbers): one pass over the months reads each month's
   * constants once for both trials from `packed`, and each draw's N/m from `lookup` (`nOverM`, inlined by V8).
   * A draw at most the option's `surelyNone` means no interruption, so its re-work term is skipped
   * (compute + re-work · 0 = compute, the same bits). Without incentive tokens every ratio is 1 and is not
   * read (x · 1 = x). An odd last trial is modelled beside a discarded copy.
   */
  private runPacked(
    from: number,
    to: number,
    state: Int32Array,
    z: Float64Array,
    K: Float64Array,
    out: MonteCarloOut,
  ): void {
    // Loop invariants converted once here (| 0 to integers, + to doubles): V8 does not hoist the conversion
    // of a value read from an object, so an unconverted one would be untagged again on every month.
    const M = this.months | 0;
    const kinds = this.kinds;
    const nDraws = kinds.length | 0;
    const tokens = this.tokens.length > 0;
    const L = this.lookup;
    const demandAt = this.demandAt | 0;
    const ratioAt = this.ratioAt | 0;
    const cFirst = this.firstDraw[0] | 0;
    const dFirst = this.firstDraw[1] | 0;
    const cNone = +this.surelyNone[0];
    const dNone = +this.surelyNone[1];
    const [cSame, dSame] = this.sameCells;
    const cCellAt = +K[Pack.CellAt]!;
    const cCells = +K[Pack.Cells]!;
    const dCellAt = +K[Pack.Depin + Pack.CellAt]!;
    const dCells = +K[Pack.Depin + Pack.Cells]!;
    const y = this.pairBuffer;
    for (let trial = from; trial < to; trial += 2) {
      const pair = trial + 1 < to;
      fillDraws(state, kinds, z, nDraws);
      if (pair) fillDraws(state, kinds, y, nDraws);
      this.demandAndTokens(z);
      this.demandAndTokens(y);
      const cP = this.spendPriceFactor(0, z);
      const dP = this.spendPriceFactor(1, z);
      const cP2 = this.spendPriceFactor(0, y);
      const dP2 = this.spendPriceFactor(1, y);
      let hc = 0;
      let hd = 0;
      let hc2 = 0;
      let hd2 = 0;
      for (let t = 0; t < M; t++) {
        const r = t * Pack.Stride;
        const e = r + Pack.Depin;
        const cC = K[r + Pack.Compute]!;
        const cD = K[r + Pack.Data]!;
        const dC = K[e + Pack.Compute]!;
        const dW = K[e + Pack.Rework]!;
        const dD = K[e + Pack.Data]!;
        const uc = z[cFirst + t]!;
        const uc2 = y[cFirst + t]!;
        const ud = z[dFirst + t]!;
        const ud2 = y[dFirst + t]!;
        let cWork = cC;
        if (uc > cNone) cWork += K[r + Pack.Rework]! * nOverM(L, K, r, uc, cSame, cCellAt, cCells);
        let cWork2 = cC;
        if (uc2 > cNone) cWork2 += K[r + Pack.Rework]! * nOverM(L, K, r, uc2, cSame, cCellAt, cCells);
        let dWork = dC;
        if (ud > dNone) dWork += dW * nOverM(L, K, e, ud, dSame, dCellAt, dCells);
        let dWork2 = dC;
        if (ud2 > dNone) dWork2 += dW * nOverM(L, K, e, ud2, dSame, dCellAt, dCells);
        const D = z[demandAt + t]!;
        const D2 = y[demandAt + t]!;
        hc += D * (cWork * (tokens ? z[ratioAt + 2 * t]! : 1) * cP + cD);
        hd += D * (dWork * (tokens ? z[ratioAt + 2 * t + 1]! : 1) * dP + dD);
        hc2 += D2 * (cWork2 * (tokens ? y[ratioAt + 2 * t]! : 1) * cP2 + cD);
        hd2 += D2 * (dWork2 * (tokens ? y[ratioAt + 2 * t + 1]! : 1) * dP2 + dD);
      }
      out.horizonCloud[trial] = hc;
      out.horizonDepin[trial] = hd;
      if (pair) {
        out.horizonCloud[trial + 1] = hc2;
        out.horizonDepin[trial + 1] = hd2;
      }
    }
  }
}

function surelyNone(it: InterruptionMonths): number {
  let min = Number.POSITIVE_INFINITY;
  for (let t = 0; t < it.mode.length; t++) {
    if (it.mode[t] === INTERRUPTIONS_NONE) return Number.NEGATIVE_INFINITY;
    min = Math.min(min, it.p0[t]!);
  }
  return min;
}

/** N/m of one Poisson draw u on the fast path: its guide cell's factor, or the search on from there. */
function nOverM(
  L: Float64Array,
  K: Float64Array,
  r: number,
  u: number,
  same: boolean,
  cellAt: number,
  cells: number,
): number {
  const g =
    Cell.Size * (same ? (cellAt + u * cells) | 0 : (K[r + Pack.CellAt]! + u * K[r + Pack.Cells]!) | 0);
  if (u <= L[g + Cell.Stop]!) return L[g + Cell.Factor]!;
  let k = (L[g + Cell.CdfIndex]! + 1) | 0;
  while (u > L[k]!) k++;
  return (k - K[r + Pack.CdfAt]!) * K[r + Pack.InvMean]!;
}

type OptionConstants = MonteCarloParams['options'][0];

const models = new WeakMap<MonteCarloParams, TrialModel>();

export function monteCarloKernel(
  params: MonteCarloParams,
  trialStart: number,
  trialEnd: number,
  out: MonteCarloOut,
): void {
  assert(
    Number.isInteger(trialStart) && Number.isInteger(trialEnd) && 0 <= trialStart && trialStart <= trialEnd,
    KERNEL_RANGE_INVALID,
    () => `${trialStart}..${trialEnd}`,
  );
  assert(trialEnd <= params.trials, KERNEL_RANGE_INVALID, () => `${trialEnd} > ${params.trials}`);
  if (trialStart === trialEnd) return;
  // One model per plan and thread: the parallel runner calls this once per chunk of trials, and with demand
  // growth building the Poisson tables of every month cost up to a sixth of a chunk.
  let model = models.get(params);
  if (model === undefined) {
    model = new TrialModel(params);
    models.set(params, model);
  }
  const { kinds } = model;
  const nDraws = kinds.length;
  const z = model.trialBuffer();
  const state = new Int32Array(4);
  const B = MONTE_CARLO_BLOCK_TRIALS;
  const lastBlock = Math.floor((trialEnd - 1) / B);
  for (let block = Math.floor(trialStart / B); block <= lastBlock; block++) {
    seedSfc32State(params.seed, block, state);
    const end = Math.min(trialEnd, (block + 1) * B);
    // Trials of the block before trialStart are drawn (to keep the stream) but not modelled.
    for (let trial = block * B; trial < trialStart; trial++) fillDraws(state, kinds, z, nDraws);
    model.runTrials(Math.max(trialStart, block * B), end, state, z, out);
  }
}
