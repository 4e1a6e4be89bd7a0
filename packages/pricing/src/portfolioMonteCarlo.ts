/**
 * The joint Monte Carlo of a whole plan (docs/methodology.md, "Portfolio uncertainty"): every priced workload
 * simulated together, cloud side included, so the plan total gets a P10/P50/P90 for the recommended plan,
 * all-cloud and all-decentralized. Plan → kernel → summary, like the per-workload Monte Carlo, with plain data
 * in between so the CLI can run the kernel on worker threads.
 *
 * One trial, for workload w, option o ∈ {cloud, depin} and month t < the workload's horizon:
 *   demand      D_wt = exp(σ_d·x_wt − σ_d²·v_t/2), x_wt = φ·x_w(t−1) + √(1−φ²)·(√ρ·C_t + √(1−ρ)·E_wt), x_w(−1) = 0,
 *               v_t = 1 − φ^{2(t+1)} (monteCarloKernel.ts)       C_t common to all workloads, E_wt its own
 *   price       P_wo = exp(σ_wo·G_g − σ_wo²/2)                      G_g one normal per provider/network g
 *   token       R_t  = the GBM ratio of the option's token           one path per token symbol; under the option's
 *                      token floor the landed price R_t·P_wo becomes
 *                      max(R_t·P_wo, min(φ_t − R_t·ε_t, P_wo + (1 − R_t)·ε_t)) (spendPath.ts)
 *   re-work     N_t/m_t, N_t ~ Poisson(m_t)                          independent per workload, option, month
 *   spend_wo(t) = D_wt · [(compute_wo(t) + rework_wo(t)·N_t/m_t) · R_t · P_wo + data_wo(t)]
 * and a plan p spends Σ_w (a_pw·spend_wc(t) + b_pw·spend_wd(t)) with (a, b) = the workload's placement shares.
 * Every factor has mean 1, so the mean of a plan's spend is its deterministic total — except for a cloud option
 * that is a committed base with on-demand bursts, whose trial spends its base plus its bursts at D_wt
 * (monteCarloCommittedBase.ts): convex in D_wt, so its mean sits above its projection.
 *
 * Streams: the common draws of block k (1,024 trials) come from stream (seed, k), a workload's own draws from
 * stream (workload seed, k); the kernel adds the workloads into a trial's sums in plan order, so a trial's
 * numbers depend only on the seeds and its index, never on how the trials are split across threads.
 */
import type { Percentiles, PortfolioDistribution, PortfolioPlanDistribution } from '@gpufit/schema';
import { assert } from './assert.js';
import { addMonths } from './calendarMonth.js';
import type { CostBasis } from './costBasis.js';
import { heldTokenRatio } from './incentives/tokenFloor.js';
import { committedBasePlan, committedBaseSpend } from './monteCarloCommittedBase.js';
import { INTERRUPTIONS_NONE, INTERRUPTIONS_POISSON, interruptionMode } from './monteCarloDraws.js';
import { InterruptionMonths } from './monteCarloInterruptions.js';
import { demandHalfVariances } from './monteCarloKernel.js';
import type {
  MonteCarloOptionPlan,
  MonteCarloParams,
  MonteCarloScenario,
  MonteCarloTokenPlan,
} from './monteCarloPlan.js';
import { tokenFloorPlan } from './monteCarloPlan.js';
import { percentiles, percentilesInPlace } from './percentile.js';
import { DRAW_NORMAL, DRAW_UNIFORM, fillDraws, MONTE_CARLO_BLOCK_TRIALS, seedSfc32State } from './prng.js';
import { type SpendPathOptions, spendPath } from './spendPath.js';
import { tokenStepCoefficients } from './tokenPricePath.js';

/**
 * Correlation of two workloads' monthly demand shocks (the share of a workload's demand variance that is the
 * portfolio's common shock). 0.5: one company's workloads ride the same business cycle (launches, seasonality,
 * customer growth), but each product line also moves on its own; with no data to fit it, half and half sits
 * between "independent" (which would shrink the plan's band as workloads are added) and "one shock" (which
 * would make a 50-workload plan as volatile as one workload).
 */
export const PORTFOLIO_DEMAND_CORRELATION = 0.5;

/**
 * Trials whose every month is kept for the monthly percentiles of the plans (the fan chart): two blocks. Sorting
 * 3 plans × M months of 10,000 trials was half the portfolio's Monte Carlo time; with 2,048 trials a monthly P10
 * or P90 has a standard error of about 0.04 standard deviations of that month's spend, enough for a chart band.
 * Horizon percentiles use every trial.
 */
export const PORTFOLIO_MONTHLY_SAMPLE_TRIALS = 2 * MONTE_CARLO_BLOCK_TRIALS;

/** The three plans of the portfolio distribution, in output order. */
export const PORTFOLIO_PLANS = ['recommended', 'allCloud', 'allDecentralized'] as const;
export type PortfolioPlanName = (typeof PORTFOLIO_PLANS)[number];

/** One workload's part of the portfolio plan (numbers only). */
export interface PortfolioWorkloadPlan {
  /** Seed of the workload's own stream (idiosyncratic demand, interruptions). */
  readonly seed: number;
  readonly months: number;
  /**
   * [cloud, depin]; a workload without a decentralized option has a copy of its cloud plan at index 1, one without
   * a cloud option a copy of its decentralized plan at index 0, never used.
   */
  readonly options: readonly [MonteCarloOptionPlan, MonteCarloOptionPlan];
  /** Index of each option's provider or network in `PortfolioParams.priceGroups` (−1: no price spread). */
  readonly priceGroup: readonly [number, number];
  /** (cloud share, depin share) in each plan of PORTFOLIO_PLANS. */
  readonly shares: readonly [readonly [number, number], readonly [number, number], readonly [number, number]];
  /** Keep this workload's recommended-placement horizon spend per trial (for its own P10/P50/P90). */
  readonly keepSamples: boolean;
}

export interface PortfolioParams {
  readonly seed: number;
  readonly trials: number;
  /** The longest workload horizon; a workload adds nothing after its own horizon. */
  readonly months: number;
  readonly startMonth: string;
  readonly sampleTrials: number;
  readonly demandSigma: number;
  readonly demandCorrelation: number;
  /** φ: each workload's demand normal follows x_t = φ·x_{t−1} + √(1−φ²)·(its month's mix), monteCarloPlan.ts. */
  readonly demandPersistence: number;
  readonly interruptionDraws: boolean;
  /** Providers and networks with a price spread, each one shared shock. */
  readonly priceGroups: readonly string[];
  readonly tokens: readonly MonteCarloTokenPlan[];
  readonly workloads: readonly PortfolioWorkloadPlan[];
}

export interface PortfolioWorkloadInput {
  readonly seed: number;
  readonly horizonMonths: number;
  /** The growth the workload's demand follows; absent: the scenario's `demandGrowthMonthly`. */
  readonly demandGrowthMonthly?: number;
  /** Null when the workload has no cloud option (then `depin` is not null). */
  readonly cloud: CostBasis | null;
  readonly depin: CostBasis | null;
  /** The recommended placement's (cloud share, depin share). */
  readonly recommended: readonly [number, number];
  readonly keepSamples?: boolean;
}

export interface PortfolioPlanOptions extends SpendPathOptions {
  readonly trials?: number;
  readonly seed?: number;
  readonly interruptions?: 'poisson' | 'expected';
  readonly monthlySampleTrials?: number;
  readonly demandCorrelation?: number;
}

export const PORTFOLIO_SHARES_INVALID = 'placement shares must be finite, non-negative and sum to 1';

export function portfolioPlan(
  workloads: readonly PortfolioWorkloadInput[],
  scenario: MonteCarloScenario,
  options: PortfolioPlanOptions = {},
): PortfolioParams {
  const trials = options.trials ?? scenario.monteCarlo.trials;
  // The portfolio's common stream: the scenario seed, mixed so it is not any workload's stream.
  const seed = ((options.seed ?? scenario.monteCarlo.seed) ^ 0x5bd1e995) >>> 0;
  const tokens: MonteCarloTokenPlan[] = [];
  const priceGroups: string[] = [];
  const group = (basis: CostBasis, sigma: number): number => {
    if (!(sigma > 0)) return -1;
    const at = priceGroups.indexOf(basis.provider);
    return at >= 0 ? at : priceGroups.push(basis.provider) - 1;
  };
  const option = (
    basis: CostBasis,
    months: number,
    growth: number,
    priceSigma: number,
  ): MonteCarloOptionPlan => {
    const path = spendPath(
      basis,
      { ...scenario, horizonMonths: months, demandGrowthMonthly: growth },
      options,
    );
    let tokenIndex = -1;
    if (path.token) {
      const { symbol, model } = path.token;
      tokenIndex = tokens.findIndex((t) => t.symbol === symbol);
      if (tokenIndex < 0) tokenIndex = tokens.push({ symbol, ...tokenStepCoefficients(model) }) - 1;
    }
    return {
      computeUsd: path.computeUsd,
      interruptionUsd: path.interruptionUsd,
      interruptionsPerMonth: path.interruptionsPerMonth,
      dataUsd: path.dataUsd,
      priceSigma,
      tokenIndex,
      ...(tokenIndex >= 0 && tokenFloorPlan(path)),
      ...committedBasePlan(basis, path),
    };
  };
  let months = 0;
  const plans = workloads.map((w): PortfolioWorkloadPlan => {
    const [a, b] = w.recommended;
    assert(
      Number.isFinite(a) && Number.isFinite(b) && a >= 0 && b >= 0 && Math.abs(a + b - 1) < 1e-9,
      PORTFOLIO_SHARES_INVALID,
      () => `${a} + ${b}`,
    );
    assert(w.depin !== null || b === 0, PORTFOLIO_SHARES_INVALID, 'a depin share without a depin option');
    assert(w.cloud !== null || a === 0, PORTFOLIO_SHARES_INVALID, 'a cloud share without a cloud option');
    months = Math.max(months, w.horizonMonths);
    // Price groups in plan order, cloud first: the same groups, in the same order, as before a side could be missing.
    const cloudSigma = w.cloud ? (w.cloud.priceSigma ?? 0) : 0;
    const cloudGroup = w.cloud ? group(w.cloud, cloudSigma) : -1;
    const depinSigma = w.depin ? (w.depin.priceSigma ?? scenario.monteCarlo.depinPriceSpread) : 0;
    const depinGroup = w.depin ? group(w.depin, depinSigma) : -1;
    const growth = w.demandGrowthMonthly ?? scenario.demandGrowthMonthly;
    const cloudPlan = w.cloud ? option(w.cloud, w.horizonMonths, growth, cloudSigma) : null;
    const depinPlan = w.depin ? option(w.depin, w.horizonMonths, growth, depinSigma) : null;
    // A missing side holds a copy of the other, never used: every plan's share of it is 0.
    const cloud = (cloudPlan ?? depinPlan)!;
    const depin = depinPlan ?? cloud;
    return {
      seed: w.seed >>> 0,
      months: w.horizonMonths,
      options: [cloud, depin],
      priceGroup: [cloudGroup, depinGroup],
      // All-decentralized: a workload without a decentralized option stays on cloud; all-cloud: one without a cloud
      // option stays on its decentralized option.
      shares: [[a, b], w.cloud ? [1, 0] : [0, 1], w.depin ? [0, 1] : [1, 0]],
      keepSamples: w.keepSamples ?? false,
    };
  });
  return {
    seed,
    trials,
    months,
    startMonth: scenario.startMonth,
    sampleTrials: Math.min(trials, options.monthlySampleTrials ?? PORTFOLIO_MONTHLY_SAMPLE_TRIALS),
    demandSigma: scenario.monteCarlo.demandVolatility,
    demandCorrelation: options.demandCorrelation ?? PORTFOLIO_DEMAND_CORRELATION,
    demandPersistence: scenario.monteCarlo.demandPersistence,
    interruptionDraws: (options.interruptions ?? 'poisson') === 'poisson',
    priceGroups,
    tokens,
    workloads: plans,
  };
}

/** The kernel's output: per plan, each trial's horizon spend and (first sampleTrials trials) monthly spend. */
export interface PortfolioOut {
  /** [plan][trial]. */
  readonly horizon: readonly [Float64Array, Float64Array, Float64Array];
  /** [plan][trial · months + t], trials 0 … sampleTrials−1. */
  readonly monthly: readonly [Float64Array, Float64Array, Float64Array];
  /** Recommended-placement horizon spend per trial of each workload with `keepSamples` (in plan order). */
  readonly samples: readonly Float64Array[];
}

/**
 * The plan sums of a PortfolioOut: what every group of workloads adds into (portfolioInGroups). `spare`: every
 * kept-sample array of the groups run so far (the most any group needed), already summarised, which the next
 * group's output reuses in order.
 */
export type PortfolioSums = Pick<PortfolioOut, 'horizon' | 'monthly'> & {
  readonly spare?: readonly Float64Array[];
};

/**
 * A zeroed output for `params`; with `into`, its horizon and monthly arrays are those sums (the kernel adds
 * into them) and only the samples of `params`' kept workloads are new.
 */
export function allocatePortfolioOut(
  params: PortfolioParams,
  allocate: (length: number) => Float64Array = (n) => new Float64Array(n),
  into?: PortfolioSums,
): PortfolioOut {
  const h = () => allocate(params.trials);
  const m = () => allocate(params.months * params.sampleTrials);
  // A group's kept samples reuse the previous group's arrays (summarised by then), zeroed: 64 workloads'
  // 10,000 trials are 5 MB a group, which new arrays for each of 157 groups left for the garbage collector.
  const spare = into?.spare ?? [];
  let reused = 0;
  const sample = () => {
    const s = spare[reused];
    if (s !== undefined && s.length === params.trials) {
      reused++;
      return s.fill(0);
    }
    return h();
  };
  return {
    horizon: into?.horizon ?? [h(), h(), h()],
    monthly: into?.monthly ?? [m(), m(), m()],
    samples: params.workloads.filter((w) => w.keepSamples).map(sample),
  };
}

/** A workload's params in the shape InterruptionMonths and interruptionMode read. */
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
  readonly interruptions: readonly [InterruptionMonths, InterruptionMonths];
  readonly hasDepin: boolean;
  /** Whether each option draws its interruptions in some month (else its N/m is 1 every month). */
  readonly interrupts: readonly [boolean, boolean];
}

/**
 * Simulates trials [trialStart, trialEnd) of the portfolio into `out` (which must start at zero for those
 * trials). A range that does not start on a block boundary draws (and discards) the block's earlier trials.
 *
 * Span by span (as many whole blocks as PORTFOLIO_SPAN_DOUBLES holds: every trial of a default run), workload by
 * workload: the span's common shocks first, then each workload's model is built, runs every trial of the span
 * and is dropped. Built for a whole group at once, the models lived as long as the group ran and were promoted
 * to V8's old generation: their arrays (about 1 MB a group, outside the heap) stayed until the next full
 * collection, and glibc kept the memory after that (issue 19: a 10,000-workload analysis grew its C heap by
 * 60 MB this way). A trial's sums still add the workloads in plan order, so the output is the same bits.
 */
export function portfolioKernel(
  params: PortfolioParams,
  trialStart: number,
  trialEnd: number,
  out: PortfolioOut,
): void {
  assert(
    Number.isInteger(trialStart) &&
      Number.isInteger(trialEnd) &&
      0 <= trialStart &&
      trialStart <= trialEnd &&
      trialEnd <= params.trials,
    'the trial range must satisfy 0 ≤ trialStart ≤ trialEnd ≤ trials',
    () => `${trialStart}..${trialEnd} of ${params.trials}`,
  );
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
  const cz = new Float64Array(Math.max(1, cKinds.length));
  const state = new Int32Array(4);
  const cs = new Float64Array(M);
  const ds = new Float64Array(M);
  const S = params.sampleTrials;
  const [h0, h1, h2] = out.horizon;
  const [m0, m1, m2] = out.monthly;

  const firstBlock = Math.floor(trialStart / B);
  const lastBlock = Math.floor((trialEnd - 1) / B);
  const spanBlocks = Math.max(1, Math.floor(PORTFOLIO_SPAN_DOUBLES / (B * stride)));
  let z = new Float64Array(1);
  for (let k0 = firstBlock; k0 <= lastBlock; k0 += spanBlocks) {
    const k1 = Math.min(lastBlock, k0 + spanBlocks - 1);
    const block = commonShockBuffer((k1 - k0 + 1) * B * stride);
    for (let k = k0; k <= k1; k++) {
      const first = k * B;
      const from = Math.max(trialStart, first);
      const to = Math.min(trialEnd, first + B);
      // Common shocks of trials first … to−1 (the earlier ones only to keep the stream).
      seedSfc32State(params.seed, k, state);
      for (let trial = first; trial < to; trial++) {
        fillDraws(state, cKinds, cz, cKinds.length);
        if (trial < from) continue;
        const row = (trial - k0 * B) * stride;
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
    }
    let kept = 0;
    for (const workload of params.workloads) {
      // Built for this span and dropped after it: see the header.
      const model = workloadModel(params, workload, own);
      const { plan, kinds } = model;
      if (z.length < kinds.length) z = new Float64Array(kinds.length);
      const Mw = plan.months;
      const [c, d] = plan.options;
      const [ci, di] = model.interruptions;
      const [a0, b0] = plan.shares[0];
      const [a1, b1] = plan.shares[1];
      const [a2, b2] = plan.shares[2];
      const keep = plan.keepSamples ? out.samples[kept++]! : null;
      // Loop invariants in locals, each product formed as the expressions of the formula form it (σ·√(1−ρ) is
      // (sd · wOwn), then · z), so every sum and product is the same double as written out in full.
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
      const cFloor = c.tokenFloor;
      const dFloor = d.tokenFloor;
      // A floor is read only on an option with a token path (its landed price then holds P; see the kernel's header).
      const cFloored = c.tokenIndex >= 0 && cFloor !== undefined;
      const dFloored = d.tokenIndex >= 0 && dFloor !== undefined;
      const cEmission = emissionOf(c);
      const dEmission = emissionOf(d);
      const cG = plan.priceGroup[0];
      const dG = plan.priceGroup[1];
      // An option without interruption draws spends compute + re-work at its mean, the same sum every trial:
      // formed once here (the same double as in the loop). Without a token path and a price shock its whole
      // month, (compute + re-work)·1·1 + data, is fixed too (x·1 = x exactly), and a month costs D · that.
      const cFixed = cDraws ? null : sumOf(cCompute, cRework, Mw);
      const dFixed = dDraws || !hasDepin ? null : sumOf(dCompute, dRework, Mw);
      const cWhole = cFixed !== null && c.tokenIndex < 0 && cG < 0 ? sumOf(cFixed, cData, Mw) : null;
      // A committed base with on-demand bursts: its month at the trial's own demand (monteCarloCommittedBase.ts).
      const cMix = committedBaseSpend(c.committedBase);
      const dWhole = dFixed !== null && d.tokenIndex < 0 && dG < 0 ? sumOf(dFixed, dData, Mw) : null;
      for (let k = k0; k <= k1; k++) {
        const first = k * B;
        const from = Math.max(trialStart, first);
        const to = Math.min(trialEnd, first + B);
        seedSfc32State(plan.seed, k, state);
        for (let trial = first; trial < to; trial++) {
          fillDraws(state, kinds, z, kinds.length);
          if (trial < from) continue;
          const row = (trial - k0 * B) * stride;
          const cP = cG >= 0 ? Math.exp(cSigma * block[row + M + cG]! - cHalf) : 1;
          const dP = dG >= 0 ? Math.exp(dSigma * block[row + M + dG]! - dHalf) : 1;
          const cTok = c.tokenIndex >= 0 ? row + M + G + c.tokenIndex * M : -1;
          const dTok = d.tokenIndex >= 0 ? row + M + G + d.tokenIndex * M : -1;
          // A floored option's price factor is inside its ratio; it spends with 1 (x · 1 = x).
          const cPaid = cFloored ? 1 : cP;
          const dPaid = dFloored ? 1 : dP;
          // Each month's spend is kept only for the trials of the monthly percentiles.
          const monthly = trial < S;
          let hc = 0;
          let hd = 0;
          let xs = 0;
          for (let t = 0; t < Mw; t++) {
            let x = block[row + t]!;
            if (own) x += sdOwn * z[t]!;
            // Persistent demand: the month's mix (σ·(√ρ·C_t + √(1−ρ)·E_wt)) as the innovation of an AR(1) that
            // starts from today's known demand (monteCarloKernel.ts).
            let D: number;
            if (persist) {
              xs = phi * xs + innovation * x;
              D = Math.exp(xs - halfVarAt[t]!);
            } else D = demand ? Math.exp(x - halfVar) : 1;
            let cSpend: number;
            if (cMix !== null) cSpend = cMix(t, D, cP);
            else if (cWhole !== null) cSpend = D * cWhole[t]!;
            else {
              // Under a token floor the landed price max(R·P, held) replaces R·P (the floor holds the host's
              // price; its emissions, ε per USD of price, are worth R).
              let cR = cTok >= 0 ? block[cTok + t]! : 1;
              if (cFloored) cR = Math.max(cR * cP, heldTokenRatio(cR, cFloor![t]!, cEmission[t]!, cP));
              const cUsd = cFixed === null ? cCompute[t]! + cRework[t]! * ci.factor(t, z) : cFixed[t]!;
              cSpend = D * (cUsd * cR * cPaid + cData[t]!);
            }
            hc += cSpend;
            if (monthly) cs[t] = cSpend;
            if (hasDepin) {
              let dSpend: number;
              if (dWhole !== null) dSpend = D * dWhole[t]!;
              else {
                let dR = dTok >= 0 ? block[dTok + t]! : 1;
                if (dFloored) dR = Math.max(dR * dP, heldTokenRatio(dR, dFloor![t]!, dEmission[t]!, dP));
                const dUsd = dFixed === null ? dCompute[t]! + dRework[t]! * di.factor(t, z) : dFixed[t]!;
                dSpend = D * (dUsd * dR * dPaid + dData[t]!);
              }
              hd += dSpend;
              if (monthly) ds[t] = dSpend;
            } else if (monthly) ds[t] = 0;
          }
          h0[trial] = h0[trial]! + a0 * hc + b0 * hd;
          h1[trial] = h1[trial]! + a1 * hc + b1 * hd;
          h2[trial] = h2[trial]! + a2 * hc + b2 * hd;
          if (keep) keep[trial] = a0 * hc + b0 * hd;
          if (monthly) {
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
}

/**
 * A workload's model for the kernel: its draw kinds (own demand, then each option's interruption draws) and
 * interruption tables.
 */
function workloadModel(params: PortfolioParams, plan: PortfolioWorkloadPlan, own: boolean): WorkloadModel {
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
    interruptions: [its[0]!, its[1]!],
    interrupts: [
      its[0]!.mode.some((m) => m !== INTERRUPTIONS_NONE),
      its[1]!.mode.some((m) => m !== INTERRUPTIONS_NONE),
    ],
    hasDepin: plan.shares[2][1] > 0 || plan.shares[0][1] > 0,
  };
}

/**
 * Doubles of common shocks one span holds (8 MB): a span is as many whole blocks as fit, 10,000 trials at 36
 * months with six price groups in one span (3.4 MB).
 */
export const PORTFOLIO_SPAN_DOUBLES = 1 << 20;

/**
 * The span's common-shock rows, cut from one buffer kept from call to call (the largest span so far), as
 * monteCarlo.ts keeps its output arrays: a new buffer per group of workloads was garbage the old generation
 * held until its next full collection. The kernel is synchronous, so nothing else sees the buffer meanwhile.
 */
function commonShockBuffer(length: number): Float64Array {
  if (commonShocks.length < length) commonShocks = new Float64Array(length);
  return commonShocks;
}
let commonShocks = new Float64Array(0);

/** x[t] + y[t] for t < n. */
function sumOf(x: ArrayLike<number>, y: ArrayLike<number>, n: number): Float64Array {
  const s = new Float64Array(n);
  for (let t = 0; t < n; t++) s[t] = x[t]! + y[t]!;
  return s;
}

/** The schema's PortfolioDistribution without what only the analysis knows (workload ids). */
export type PortfolioSummary = Omit<PortfolioDistribution, 'cloudOnlyWorkloads' | 'workloads'> & {
  /** P10/P50/P90 of each `keepSamples` workload's recommended-placement horizon spend, in plan order. */
  readonly workloads: readonly Percentiles[];
};

export function summarizePortfolio(params: PortfolioParams, out: PortfolioOut): PortfolioSummary {
  const buffer = new Float64Array(params.trials);
  return {
    ...summarizePortfolioPlans(params, out),
    workloads: out.samples.map((s) => percentiles(s.subarray(0, params.trials), buffer)),
  };
}

/** The summary of the three plans from their sums (everything but the kept workloads' percentiles). */
function summarizePortfolioPlans(
  params: PortfolioParams,
  out: PortfolioSums,
): Omit<PortfolioSummary, 'workloads'> {
  const { trials, months: M, sampleTrials: S } = params;
  // One buffer for every selection (it reorders what it is given): month columns and horizon copies.
  const buffer = new Float64Array(Math.max(S, trials));
  const column = buffer.subarray(0, S);
  // Trials in which the recommended plan spends less than all-cloud over the horizon (the same draws in both).
  const rec = out.horizon[0];
  const cloud = out.horizon[1];
  let cheaper = 0;
  for (let i = 0; i < trials; i++) if (rec[i]! < cloud[i]!) cheaper++;
  const plan = (p: 0 | 1 | 2): PortfolioPlanDistribution => {
    const h = out.horizon[p].subarray(0, trials);
    let sum = 0;
    for (let i = 0; i < trials; i++) sum += h[i]!;
    const monthly = out.monthly[p];
    const months = [];
    for (let t = 0; t < M; t++) {
      for (let i = 0, j = t; i < S; i++, j += M) column[i] = monthly[j]!;
      months.push({ month: addMonths(params.startMonth, t), ...percentilesInPlace(column) });
    }
    return { horizonMeanUsd: trials > 0 ? sum / trials : 0, horizon: percentiles(h, buffer), months };
  };
  return {
    trials,
    seed: params.seed,
    demandCorrelation: params.demandCorrelation,
    recommended: plan(0),
    allCloud: plan(1),
    allDecentralized: plan(2),
    pRecommendedCheaper: trials > 0 ? cheaper / trials : 0,
  };
}

/**
 * Kept workloads whose samples are alive at once in portfolioInGroups: 64 × 10,000 trials × 8 bytes ≈ 5 MB
 * (10,000 workloads at once were 0.8 GB). 256 a group kept ≈ 15 MB of samples alive through the joint simulation,
 * the phase of a 10,000-workload analysis in which its peak memory is measured (issue 19; benchmarks/README).
 * Each group draws the common shocks again (one workload's worth of draws per trial), under 2 % of the kernel's
 * time at this size.
 */
export const PORTFOLIO_GROUP_WORKLOADS = 64;

export const PORTFOLIO_GROUP_INVALID = 'a group must hold a positive whole number of workloads';

/**
 * Workloads [start, end) of a plan as a plan of their own for the kernel: the trials, months, price groups and
 * tokens (the common draws of a trial) stay the whole plan's, so each trial's common shocks are the same.
 */
export function portfolioGroup(params: PortfolioParams, start: number, end: number): PortfolioParams {
  return { ...params, workloads: params.workloads.slice(start, end) };
}

/**
 * Runs the kernel over one group's plan, adding into `into` (undefined for the first group: allocate the
 * sums) and returning the group's kept samples with the sums. `into.spare` holds the earlier groups' sample
 * arrays, which allocatePortfolioOut reuses: a caller that keeps a group's samples past the next run copies them.
 */
export type PortfolioGroupRunner = (
  group: PortfolioParams,
  into: PortfolioSums | undefined,
) => PortfolioOut | Promise<PortfolioOut>;

/** The kernel on this thread over every trial of a group. */
export const inlinePortfolioGroup: PortfolioGroupRunner = (group, into) => {
  const out = allocatePortfolioOut(group, undefined, into);
  portfolioKernel(group, 0, group.trials, out);
  return out;
};

/**
 * summarizePortfolio(params, the kernel over every workload at once), bit for bit, with at most one group's
 * samples alive: the groups run in plan order into the same plan sums, so each trial's sums add the workloads
 * in the same order as one kernel over the whole plan, and a group's kept samples are summarised into their
 * percentiles before the next group runs.
 */
export async function portfolioInGroups(
  params: PortfolioParams,
  run: PortfolioGroupRunner = inlinePortfolioGroup,
  groupWorkloads: number = PORTFOLIO_GROUP_WORKLOADS,
): Promise<PortfolioSummary> {
  assert(Number.isInteger(groupWorkloads) && groupWorkloads >= 1, PORTFOLIO_GROUP_INVALID, () =>
    String(groupWorkloads),
  );
  const n = params.workloads.length;
  const buffer = new Float64Array(params.trials);
  const workloads: Percentiles[] = [];
  let sums: PortfolioSums | undefined;
  let start = 0;
  do {
    const out = await run(portfolioGroup(params, start, Math.min(n, start + groupWorkloads)), sums);
    for (const s of out.samples) workloads.push(percentiles(s.subarray(0, params.trials), buffer));
    // The group reused the first of the spare arrays: those it left over stay spare for a later, larger group.
    const spare = sums?.spare ?? [];
    const left = spare.length > out.samples.length ? spare.slice(out.samples.length) : [];
    sums = { horizon: out.horizon, monthly: out.monthly, spare: [...out.samples, ...left] };
    start += groupWorkloads;
  } while (start < n);
  return { ...summarizePortfolioPlans(params, sums), workloads };
}

/** The joint Monte Carlo on this thread: plan → kernel over all trials → summary. */
export function portfolioMonteCarlo(
  workloads: readonly PortfolioWorkloadInput[],
  scenario: MonteCarloScenario,
  options: PortfolioPlanOptions = {},
): PortfolioSummary {
  const params = portfolioPlan(workloads, scenario, options);
  const out = allocatePortfolioOut(params);
  portfolioKernel(params, 0, params.trials, out);
  return summarizePortfolio(params, out);
}

const NO_EMISSION = new Float64Array(0);

/** ε(t) of an option's token floor (zeros when a hand-built plan gives a floor without it). */
function emissionOf(option: MonteCarloOptionPlan): Float64Array {
  if (option.tokenEmission !== undefined) return option.tokenEmission;
  return option.tokenFloor === undefined ? NO_EMISSION : new Float64Array(option.tokenFloor.length);
}
