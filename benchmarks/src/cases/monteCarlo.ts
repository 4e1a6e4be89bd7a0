import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  allocateMonteCarloOut,
  bareDrawLoop,
  type CostBasis,
  costBasis,
  gpuTierTable,
  type MonteCarloParams,
  monteCarloDrawSchedule,
  monteCarloKernel,
  monteCarloPlan,
} from '@gpufit/pricing';
import { scenarioSchema } from '@gpufit/schema';
import { canonicalProfile } from '@gpufit/scoring';
import {
  bundledDatasetsDir,
  cheapestFeasible,
  loadGpuTiers,
  loadOffersCsv,
  marketsOfSide,
  sidesOfMarkets,
} from '../gpufitSource.js';
import { loadAverage, progress, timeOnce } from '../harness/measure.js';
import { notAvailable, result } from '../harness/result.js';
import { median } from '../harness/stats.js';
import { MONTE_CARLO_WORKER } from '../paths.js';
import type { BenchCase } from './types.js';

const TRIALS = 1_000_000;
const MONTHS = 36;
const ONE_THREAD = { ratioAtMost: 1.5 };
/** 2 threads at least 1.6× faster than 1: their time at most 1/1.6 = 0.625 of it. */
const TWO_THREADS = { ratioAtMost: 0.625 };
const WORKER = MONTE_CARLO_WORKER;

/**
 * A plan for the canonical batch-inference workload: its cheapest cloud and DePIN offers of the bundled catalog
 * (AWS p6-b200 spot and a Vast interruptible host), 36 months, an incentive subsidy that decays, a DePIN price
 * spread, demand volatility and Poisson interruption draws for both options: 109 draws a trial. The scenario
 * models the AKT and RENDER token prices, but neither offer is priced in a token, so no token path is drawn —
 * as in every run on the bundled catalog, where only Render's rows are token-denominated and they carry no
 * USD price.
 */
async function plan(trials: number): Promise<MonteCarloParams> {
  const offers = (await loadOffersCsv(join(bundledDatasetsDir(), 'offers.csv'))).rows;
  const tiers = gpuTierTable(await loadGpuTiers());
  const scenario = scenarioSchema.parse({
    horizonMonths: MONTHS,
    startMonth: '2027-01',
    subsidies: { akash: { kind: 'exponential', share: 0.25, halfLifeMonths: 9 } },
    tokenPrices: {
      AKT: { spotUsd: 1.2, annualDrift: -0.1, annualVolatility: 0.9 },
      RENDER: { spotUsd: 4, annualDrift: 0, annualVolatility: 0.8 },
    },
    monteCarlo: { trials, seed: 7, depinPriceSpread: 0.15, demandVolatility: 0.1 },
  });
  const profile = canonicalProfile('batch-inference');
  const basis = (side: 'cloud' | 'depin'): CostBasis => {
    const markets = marketsOfSide(sidesOfMarkets(scenario.decision.decentralizedMarkets), side);
    const [best] = cheapestFeasible([profile], offers, { tiers, scenario, markets });
    if (!best) throw new Error(`monte-carlo: no feasible ${side} offer for the canonical batch workload`);
    const b = costBasis(best.estimate, best.offer);
    if (!b.ok) throw new Error(`monte-carlo: ${b.reason}`);
    return b.value;
  };
  return monteCarloPlan({ cloud: basis('cloud'), depin: basis('depin') }, scenario, { trials });
}

export const monteCarlo: BenchCase = {
  name: 'monte-carlo',
  results: ['monte-carlo', 'monte-carlo-2t'],
  summary:
    'monteCarloKernel, 1,000,000 trials × 36 months, against bareDrawLoop (the same draws, no model); and the worker-thread runner on 2 threads against the kernel on 1',
  async run(ctx) {
    const trials = ctx.quick ? TRIALS / 20 : TRIALS;
    const params = await plan(trials);
    const draws = monteCarloDrawSchedule(params).length;
    progress(`monte-carlo: ${trials} trials × ${params.months} months, ${draws} draws per trial`);
    const runs = ctx.quick ? 1 : 5;
    let sink = 0;
    const kernel = () => {
      const out = allocateMonteCarloOut(params);
      monteCarloKernel(params, 0, params.trials, out);
      sink += out.horizonDepin[params.trials - 1]!;
    };
    const floor = () => {
      sink += bareDrawLoop(params, 0, params.trials);
    };

    // The runner in packages/gpufit/src/parallel/ needs its bundled worker (built by `pnpm --filter gpufit build`).
    const parallel = existsSync(WORKER)
      ? await import('../../../packages/gpufit/src/parallel/monteCarloParallel.js').catch(() => null)
      : null;
    const workerUrl = pathToFileURL(WORKER);
    const twoThreads = parallel
      ? async () => {
          const out = await parallel.runMonteCarloKernel(params, 2, workerUrl);
          sink += out.horizonDepin[params.trials - 1]!;
        }
      : null;

    // Warm-up, then alternate floor, 1 thread and 2 threads on every run.
    for (let i = 0; i < (ctx.quick ? 0 : 1); i++) {
      floor();
      kernel();
      await twoThreads?.();
    }
    const f: number[] = [];
    const k: number[] = [];
    const t2: number[] = [];
    for (let r = 0; r < runs; r++) {
      f.push(await timeOnce(floor));
      k.push(await timeOnce(kernel));
      if (twoThreads) t2.push(await timeOnce(twoThreads));
      progress(
        `monte-carlo: run ${r + 1}/${runs} floor ${f[r]!.toFixed(0)} ms, 1 thread ${k[r]!.toFixed(0)} ms${twoThreads ? `, 2 threads ${t2[r]!.toFixed(0)} ms` : ''}`,
      );
    }
    if (!Number.isFinite(sink)) throw new Error('monte-carlo: non-finite results');
    const size = `${trials} trials × ${params.months} months (${draws} draws a trial)`;
    const oneThread = median(k);
    return [
      result({
        name: 'monte-carlo',
        unit: 'ms',
        value: oneThread,
        floor: median(f),
        target: ONE_THREAD,
        note: `${size}; 1 thread; floor: bareDrawLoop over the same trials; median of ${runs} alternating runs`,
      }),
      twoThreads
        ? result({
            name: 'monte-carlo-2t',
            unit: 'ms',
            value: median(t2),
            floor: oneThread,
            target: TWO_THREADS,
            note: `${size}; runMonteCarloKernel on 2 worker threads (new workers every run: module load and JIT warm-up included) against the kernel on 1 thread in this process; fastest 2-thread run ${Math.min(...t2).toFixed(0)} ms; needs a second idle core (load average ${loadAverage()} at the end); ratio <= 0.625 = at least 1.6× faster`,
          })
        : notAvailable(
            'monte-carlo-2t',
            'ms',
            TWO_THREADS,
            `${WORKER} is missing (build it with \`pnpm --filter gpufit run build\`) or the runner does not load`,
          ),
    ];
  },
};
