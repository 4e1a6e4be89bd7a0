/**
 * The kernel against a plainly written model of one trial (DESIGN §5.9, monteCarloKernel.ts header): the
 * same draws in the order of monteCarloDraws.ts, taken one by one from `Prng`, and the same arithmetic in the
 * same order, so every trial must agree bit for bit — on the kernel's fast path and on its general path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateMonteCarloOut,
  MONTE_CARLO_BLOCK_TRIALS,
  type MonteCarloParams,
  monteCarloKernel,
  monteCarloPlan,
  Prng,
  poissonFromUniform,
  poissonTable,
} from '../src/index.js';
import { basis, depinBasis, scenario } from './support/bases.js';

const MIN_DRAWN = 1e-9;
/** A token floor's provenance (its price is set per plan). */
const FLOOR = { offerId: 'vast:test', providerName: 'Vast.ai', gpu: 'H100' } as const;
const POISSON_MAX_MEAN = 200;

/** min(φ − R·ε, 1 + (1 − R)·ε): keeps the hosts' income R·(u + e) at min(f, u + e), in ratio terms. */
const held = (R: number, phi: number, eps: number, P: number) => Math.min(phi - R * eps, P + (1 - R) * eps);

/** Horizon and monthly spend of every trial, computed the slow, obvious way. */
function referenceModel(params: MonteCarloParams) {
  const M = params.months;
  const horizon = [new Float64Array(params.trials), new Float64Array(params.trials)];
  const monthly = [new Float64Array(params.trials * M), new Float64Array(params.trials * M)];
  const mode = (o: 0 | 1, t: number) => {
    const m = params.interruptionDraws ? params.options[o].interruptionsPerMonth[t]! : 0;
    if (!(m >= MIN_DRAWN)) return 'none';
    return m <= POISSON_MAX_MEAN ? 'poisson' : 'normal';
  };
  let rng = new Prng(params.seed, 0);
  for (let trial = 0; trial < params.trials; trial++) {
    if (trial % MONTE_CARLO_BLOCK_TRIALS === 0) rng = new Prng(params.seed, trial / MONTE_CARLO_BLOCK_TRIALS);
    const price = params.options.map((o) => (o.priceSigma > 0 ? rng.nextNormal() : null));
    const demandZ = params.demandSigma > 0 ? Array.from({ length: M }, () => rng.nextNormal()) : null;
    // Persistent demand: the month's normal as the innovation of an AR(1) from today's known demand (x_{−1} = 0),
    // each month's lognormal correction at its own variance 1 − φ^{2(t+1)}.
    const phi = params.demandPersistence;
    // φ^{2(t+1)} by repeated products, as the kernel forms it (the same doubles).
    const halfVar: number[] = [];
    for (let t = 0, decay = phi * phi; t < M; t++, decay *= phi * phi) {
      const s = params.demandSigma;
      halfVar.push(phi > 0 ? (s * s * (1 - decay)) / 2 : (s * s) / 2);
    }
    if (demandZ && phi > 0) {
      const w = Math.sqrt(1 - phi * phi);
      let x = 0;
      for (let t = 0; t < M; t++) {
        x = phi * x + w * demandZ[t]!;
        demandZ[t] = x;
      }
    }
    const ratios = params.tokens.map(({ logDrift, logVolatility }) => {
      const z = logVolatility > 0 ? Array.from({ length: M - 1 }, () => rng.nextNormal()) : null;
      const row = [1];
      let logS = 0;
      for (let t = 1; t < M; t++) {
        logS += z ? logDrift + logVolatility * z[t - 1]! : logDrift;
        row.push(Math.exp(logS));
      }
      return row;
    });
    const nOverM = ([0, 1] as const).map((o) =>
      Array.from({ length: M }, (_, t) => {
        const m = params.options[o].interruptionsPerMonth[t]!;
        const how = mode(o, t);
        if (how === 'none') return 1;
        if (how === 'poisson') return poissonFromUniform(poissonTable(m), rng.nextFloat()) * (1 / m);
        const n = m + Math.sqrt(m) * rng.nextNormal();
        return n > 0 ? n * (1 / m) : 0;
      }),
    );
    for (const o of [0, 1] as const) {
      const option = params.options[o];
      const sigma = option.priceSigma;
      const P = price[o] === null ? 1 : Math.exp(sigma * price[o]! - (sigma * sigma) / 2);
      let h = 0;
      for (let t = 0; t < M; t++) {
        const s = params.demandSigma;
        const D = demandZ ? Math.exp(s * demandZ[t]! - halfVar[t]!) : 1;
        // Under a token floor the landed price R_t·P is max(R_t·P, min(φ_t − R_t·ε_t, P + (1 − R_t)·ε_t)): what the host accepts.
        const R = option.tokenIndex < 0 ? 1 : ratios[option.tokenIndex]![t]!;
        const floor = option.tokenIndex < 0 ? undefined : option.tokenFloor?.[t];
        const usd = option.computeUsd[t]! + option.interruptionUsd[t]! * nOverM[o]![t]!;
        const spend =
          D *
          ((floor === undefined
            ? usd * R * P
            : usd * Math.max(R * P, held(R, floor, option.tokenEmission?.[t] ?? 0, P))) +
            option.dataUsd[t]!);
        h += spend;
        monthly[o]![trial * M + t] = spend;
      }
      horizon[o]![trial] = h;
    }
  }
  return { horizon, monthly };
}

const run = (params: MonteCarloParams) => {
  const out = allocateMonteCarloOut(params);
  monteCarloKernel(params, 0, params.trials, out);
  return out;
};

/** Plans that take the fast path (every option all-Poisson or without draws) and plans that cannot. */
const plans = {
  'spot cloud vs DePIN, no token (fast path)': {
    cloud: basis({ interruptionsPerMonth: 0.0056, interruptionUsdPerMonth: 40 }),
    depin: depinBasis(),
  },
  'on-demand cloud without interruptions vs token-priced DePIN (fast path)': {
    cloud: basis(),
    depin: depinBasis({ incentive: { symbol: 'AKT', denomination: 'token' } }),
  },
  'token-priced DePIN held by its token floor (fast path)': {
    cloud: basis(),
    depin: depinBasis({
      incentive: { symbol: 'AKT', denomination: 'token' },
      tokenFloor: { ...FLOOR, usdPerGpuHour: 0.8, grossUsdPerGpuHour: 1 },
    }),
  },
  'both with many interruptions: the normal approximation (general path)': {
    cloud: basis({ interruptionsPerMonth: 250, interruptionUsdPerMonth: 400 }),
    depin: depinBasis({ interruptionsPerMonth: 900 }),
  },
};

describe('monteCarloKernel against the plain per-trial model', () => {
  // With demand growth every month has its own interruption mean (and Poisson table); without, all share one.
  for (const [name, bases] of Object.entries(plans)) {
    for (const growth of [0.02, 0]) {
      it(`${name}, growth ${growth}: every trial's horizon and monthly spend agree bit for bit`, () => {
        const s = scenario({
          horizonMonths: 14,
          demandGrowthMonthly: growth,
          subsidies: { akash: { kind: 'exponential', halfLifeMonths: 6 } },
          tokenPrices: { AKT: { spotUsd: 3, annualDrift: -0.1, annualVolatility: 0.9 } },
          monteCarlo: {
            trials: MONTE_CARLO_BLOCK_TRIALS + 300,
            seed: 21,
            depinPriceSpread: 0.2,
            demandVolatility: 0.15,
          },
        });
        // Every trial sampled: the general path; none sampled: the fast path wherever the plan allows it.
        const general = run(monteCarloPlan(bases, s, { monthlySampleTrials: Number.MAX_SAFE_INTEGER }));
        const fast = run(monteCarloPlan(bases, s, { monthlySampleTrials: 0 }));
        const ref = referenceModel(monteCarloPlan(bases, s));
        expect(general.horizonCloud).toEqual(ref.horizon[0]);
        expect(general.horizonDepin).toEqual(ref.horizon[1]);
        expect(general.monthlyCloud).toEqual(ref.monthly[0]);
        expect(general.monthlyDepin).toEqual(ref.monthly[1]);
        expect(fast.horizonCloud).toEqual(ref.horizon[0]);
        expect(fast.horizonDepin).toEqual(ref.horizon[1]);
      });
    }
  }

  it('agrees with the plain model for generated plans (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.nat({ max: 2 ** 32 - 1 }),
          months: fc.integer({ min: 1, max: 24 }),
          cloudInterruptions: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 400, noNaN: true })),
          depinInterruptions: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 400, noNaN: true })),
          growth: fc.oneof(fc.constant(0), fc.double({ min: -0.2, max: 0.3, noNaN: true })),
          spread: fc.double({ min: 0, max: 1, noNaN: true }),
          demandVol: fc.double({ min: 0, max: 1, noNaN: true }),
          tokenVol: fc.double({ min: 0, max: 2, noNaN: true }),
          token: fc.boolean(),
          floor: fc.option(fc.double({ min: 0.01, max: 2, noNaN: true }), { nil: null }),
          sample: fc.integer({ min: 0, max: 40 }),
        }),
        (x) => {
          const s = scenario({
            horizonMonths: x.months,
            demandGrowthMonthly: x.growth,
            tokenPrices: { AKT: { spotUsd: 2, annualDrift: 0.1, annualVolatility: x.tokenVol } },
            monteCarlo: {
              trials: 60,
              seed: x.seed,
              depinPriceSpread: x.spread,
              demandVolatility: x.demandVol,
            },
          });
          const bases = {
            cloud: basis({ interruptionsPerMonth: x.cloudInterruptions, interruptionUsdPerMonth: 300 }),
            depin: depinBasis({
              interruptionsPerMonth: x.depinInterruptions,
              incentive: { symbol: 'AKT', denomination: x.token ? 'token' : 'usd-pegged' },
              ...(x.floor !== null && {
                tokenFloor: { ...FLOOR, usdPerGpuHour: x.floor, grossUsdPerGpuHour: 1 },
              }),
            }),
          };
          const out = run(monteCarloPlan(bases, s, { monthlySampleTrials: x.sample }));
          const ref = referenceModel(monteCarloPlan(bases, s));
          expect(out.horizonCloud).toEqual(ref.horizon[0]);
          expect(out.horizonDepin).toEqual(ref.horizon[1]);
          expect(out.monthlyDepin).toEqual(ref.monthly[1]!.subarray(0, x.sample * x.months));
        },
      ),
      { numRuns: 40 },
    );
  });
});
