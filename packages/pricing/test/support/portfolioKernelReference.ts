/**
 * The portfolio kernel as it was before its fixed-month fast paths (commit b10a7f9), kept verbatim as the slow
 * path the property test in portfolioMonteCarlo.test.ts holds the kernel to, bit for bit.
 */
import {
  DRAW_NORMAL,
  DRAW_UNIFORM,
  fillDraws,
  MONTE_CARLO_BLOCK_TRIALS,
  type MonteCarloParams,
  type PortfolioOut,
  type PortfolioParams,
  type PortfolioWorkloadPlan,
  seedSfc32State,
} from '../../src/index.js';
import { INTERRUPTIONS_NONE, INTERRUPTIONS_POISSON, interruptionMode } from '../../src/monteCarloDraws.js';
import { InterruptionMonths } from '../../src/monteCarloInterruptions.js';
import { demandHalfVariances } from '../../src/monteCarloKernel.js';

/** A workload's params in the shape InterruptionMonths and interruptionMode read. */
/**
 * usd · R · P, or usd · max(R · P, min(φ − R · ε, 1 + (1 − R) · ε)) under a token floor (φ = f/u, ε = e/u): the
 * floor holds the price the host lands at, its emissions counted (hosts earn R · (u + e), kept at min(f, u + e)).
 */
function paid(usd: number, R: number, P: number, floor: number | undefined, emission = 0): number {
  return floor === undefined
    ? usd * R * P
    : usd * Math.max(R * P, Math.min(floor - R * emission, P + (1 - R) * emission));
}

function asWorkloadParams(params: PortfolioParams, w: PortfolioWorkloadPlan): MonteCarloParams {
  return {
    seed: w.seed,
    trials: params.trials,
    months: w.months,
    startMonth: params.startMonth,
    sampleTrials: params.sampleTrials,
    demandSigma: params.demandSigma,
    demandPersistence: params.demandPersistence,
    interruptionDraws: params.interruptionDraws,
    options: w.options,
    tokens: params.tokens,
  };
}

interface WorkloadModel {
  readonly plan: PortfolioWorkloadPlan;
  readonly kinds: Uint8Array;
  readonly ownDemand: boolean;
  readonly interruptions: readonly [InterruptionMonths, InterruptionMonths];
  readonly hasDepin: boolean;
  /** Whether each option draws its interruptions in some month (else its N/m is 1 every month). */
  readonly interrupts: readonly [boolean, boolean];
  readonly sample: number;
}

/**
 * Simulates trials [trialStart, trialEnd) of the portfolio into `out` (which must start at zero for those
 * trials). A range that does not start on a block boundary draws (and discards) the block's earlier trials.
 */
export function portfolioKernelReference(
  params: PortfolioParams,
  trialStart: number,
  trialEnd: number,
  out: PortfolioOut,
): void {
  if (trialStart === trialEnd) return;
  const M = params.months;
  const B = MONTE_CARLO_BLOCK_TRIALS;
  const sd = params.demandSigma;
  const rho = params.demandCorrelation;
  const common = sd > 0 && rho > 0;
  const own = sd > 0 && rho < 1;
  const wCommon = Math.sqrt(rho);
  const wOwn = Math.sqrt(1 - rho);
  const halfVar = (sd * sd) / 2;
  // Persistent demand (added with demandPersistence; the kernel's formula, written the same way).
  const phi = params.demandPersistence;
  const persist = sd > 0 && phi > 0;
  const innovation = Math.sqrt(1 - phi * phi);
  const halfVarAt = demandHalfVariances(sd, phi, M);
  const G = params.priceGroups.length;
  const K = params.tokens.length;

  // Common draws of a trial: demand C_0…C_{M−1}, one normal per price group, each token's months 1…M−1.
  const commonKinds: number[] = [];
  if (common) for (let t = 0; t < M; t++) commonKinds.push(DRAW_NORMAL);
  for (let g = 0; g < G; g++) commonKinds.push(DRAW_NORMAL);
  for (const k of params.tokens)
    if (k.logVolatility > 0) for (let t = 1; t < M; t++) commonKinds.push(DRAW_NORMAL);
  const cKinds = Uint8Array.from(commonKinds);
  // Per trial of the block: σ_d·√ρ·C_t (M), the price normals (G), the token ratios (K·M).
  const stride = M + G + K * M;
  const block = new Float64Array(B * stride);
  const cz = new Float64Array(Math.max(1, cKinds.length));

  let sampleIndex = 0;
  const models: WorkloadModel[] = params.workloads.map((plan) => {
    const wp = asWorkloadParams(params, plan);
    let j = own ? plan.months : 0;
    const kinds: number[] = own ? new Array<number>(plan.months).fill(DRAW_NORMAL) : [];
    const its = ([0, 1] as const).map((o) => {
      const drawAt = new Int32Array(plan.months).fill(-1);
      if (o === 1 && plan.shares[2][1] === 0 && plan.shares[0][1] === 0) {
        return new InterruptionMonths({ ...wp, interruptionDraws: false }, o, drawAt);
      }
      for (let t = 0; t < plan.months; t++) {
        const mode = interruptionMode(wp, o, t);
        if (mode === INTERRUPTIONS_NONE) continue;
        drawAt[t] = j++;
        kinds.push(mode === INTERRUPTIONS_POISSON ? DRAW_UNIFORM : DRAW_NORMAL);
      }
      return new InterruptionMonths(wp, o, drawAt);
    });
    return {
      plan,
      kinds: Uint8Array.from(kinds),
      ownDemand: own,
      interruptions: [its[0]!, its[1]!],
      interrupts: [
        its[0]!.mode.some((m) => m !== INTERRUPTIONS_NONE),
        its[1]!.mode.some((m) => m !== INTERRUPTIONS_NONE),
      ],
      hasDepin: plan.shares[2][1] > 0 || plan.shares[0][1] > 0,
      sample: plan.keepSamples ? sampleIndex++ : -1,
    };
  });
  const maxDraws = Math.max(1, ...models.map((m) => m.kinds.length));
  const z = new Float64Array(maxDraws);
  const state = new Int32Array(4);
  const cs = new Float64Array(M);
  const ds = new Float64Array(M);
  const S = params.sampleTrials;
  const [h0, h1, h2] = out.horizon;
  const [m0, m1, m2] = out.monthly;

  const lastBlock = Math.floor((trialEnd - 1) / B);
  for (let k = Math.floor(trialStart / B); k <= lastBlock; k++) {
    const first = k * B;
    const from = Math.max(trialStart, first);
    const to = Math.min(trialEnd, first + B);
    // Common shocks of trials first … to−1 (the earlier ones only to keep the stream).
    seedSfc32State(params.seed, k, state);
    for (let trial = first; trial < to; trial++) {
      fillDraws(state, cKinds, cz, cKinds.length);
      if (trial < from) continue;
      const row = (trial - first) * stride;
      let at = 0;
      for (let t = 0; t < M; t++) block[row + t] = common ? sd * wCommon * cz[at++]! : 0;
      for (let g = 0; g < G; g++) block[row + M + g] = cz[at++]!;
      for (let q = 0; q < K; q++) {
        const { logDrift, logVolatility } = params.tokens[q]!;
        const base = row + M + G + q * M;
        let logS = 0;
        block[base] = 1;
        for (let t = 1; t < M; t++) {
          logS += logDrift + (logVolatility > 0 ? logVolatility * cz[at++]! : 0);
          block[base + t] = Math.exp(logS);
        }
      }
    }
    for (const model of models) {
      const { plan, kinds } = model;
      const Mw = plan.months;
      const [c, d] = plan.options;
      const [ci, di] = model.interruptions;
      const [a0, b0] = plan.shares[0];
      const [a1, b1] = plan.shares[1];
      const [a2, b2] = plan.shares[2];
      const keep = model.sample >= 0 ? out.samples[model.sample]! : null;
      // Loop invariants in locals, each product formed as the expressions of the formula form it (σ·√(1−ρ) is
      // (sd · wOwn), then · z), so every sum and product is the same double as written out in full.
      const ownDemand = model.ownDemand;
      const hasDepin = model.hasDepin;
      const sdOwn = sd * wOwn;
      const demand = sd > 0;
      const cCompute = c.computeUsd;
      const cRework = c.interruptionUsd;
      const cData = c.dataUsd;
      const dCompute = d.computeUsd;
      const dRework = d.interruptionUsd;
      const dData = d.dataUsd;
      // Without interruption draws N/m is 1 and x · 1 = x: the factor is not asked for.
      const cDraws = model.interrupts[0];
      const dDraws = model.interrupts[1];
      const cSigma = c.priceSigma;
      const dSigma = d.priceSigma;
      const cHalf = (cSigma * cSigma) / 2;
      const dHalf = (dSigma * dSigma) / 2;
      const cG = plan.priceGroup[0];
      const dG = plan.priceGroup[1];
      seedSfc32State(plan.seed, k, state);
      for (let trial = first; trial < to; trial++) {
        fillDraws(state, kinds, z, kinds.length);
        if (trial < from) continue;
        const row = (trial - first) * stride;
        const cP = cG >= 0 ? Math.exp(cSigma * block[row + M + cG]! - cHalf) : 1;
        const dP = dG >= 0 ? Math.exp(dSigma * block[row + M + dG]! - dHalf) : 1;
        const cTok = c.tokenIndex >= 0 ? row + M + G + c.tokenIndex * M : -1;
        const dTok = d.tokenIndex >= 0 ? row + M + G + d.tokenIndex * M : -1;
        let hc = 0;
        let hd = 0;
        let xs = 0;
        for (let t = 0; t < Mw; t++) {
          let x = block[row + t]!;
          if (ownDemand) x += sdOwn * z[t]!;
          let D: number;
          if (persist) {
            xs = phi * xs + innovation * x;
            D = Math.exp(xs - halfVarAt[t]!);
          } else D = demand ? Math.exp(x - halfVar) : 1;
          // Under a token floor the landed price R_t·P is max(R_t·P, φ_t) (spendPath.ts).
          const cUsd = cDraws ? cCompute[t]! + cRework[t]! * ci.factor(t, z) : cCompute[t]! + cRework[t]!;
          const cSpend =
            D *
            (paid(cUsd, cTok >= 0 ? block[cTok + t]! : 1, cP, c.tokenFloor?.[t], c.tokenEmission?.[t]) +
              cData[t]!);
          cs[t] = cSpend;
          hc += cSpend;
          if (hasDepin) {
            const dUsd = dDraws ? dCompute[t]! + dRework[t]! * di.factor(t, z) : dCompute[t]! + dRework[t]!;
            const dSpend =
              D *
              (paid(dUsd, dTok >= 0 ? block[dTok + t]! : 1, dP, d.tokenFloor?.[t], d.tokenEmission?.[t]) +
                dData[t]!);
            ds[t] = dSpend;
            hd += dSpend;
          } else ds[t] = 0;
        }
        h0[trial] = h0[trial]! + a0 * hc + b0 * hd;
        h1[trial] = h1[trial]! + a1 * hc + b1 * hd;
        h2[trial] = h2[trial]! + a2 * hc + b2 * hd;
        if (keep) keep[trial] = a0 * hc + b0 * hd;
        if (trial < S) {
          const m = trial * M;
          for (let t = 0; t < Mw; t++) {
            m0[m + t] = m0[m + t]! + a0 * cs[t]! + b0 * ds[t]!;
            m1[m + t] = m1[m + t]! + a1 * cs[t]! + b1 * ds[t]!;
            m2[m + t] = m2[m + t]! + a2 * cs[t]! + b2 * ds[t]!;
          }
        }
      }
    }
  }
}
