import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  allocateMonteCarloOut,
  type CostBasis,
  MONTE_CARLO_BLOCK_TRIALS,
  monteCarlo,
  monteCarloKernel,
  monteCarloPlan,
} from '@gpufit/pricing';
import { scenarioSchema } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { CHUNK_TRIALS, runClaimedChunks } from '../src/parallel/claimChunks.js';
import { defaultMonteCarloWorkerUrl, monteCarloParallel } from '../src/parallel/monteCarloParallel.js';

const cloud: CostBasis = {
  offerId: 'aws:p5',
  provider: 'aws',
  market: 'hyperscaler',
  computeUsdPerMonth: 20_000,
  interruptionUsdPerMonth: 0,
  interruptionsPerMonth: 0,
  dataUsdPerMonth: 900,
  subsidyShare: 0,
  incentive: null,
  priceSigma: null,
};
const depin: CostBasis = {
  offerId: 'akash:h100',
  provider: 'akash',
  market: 'depin',
  computeUsdPerMonth: 14_000,
  interruptionUsdPerMonth: 1_400,
  interruptionsPerMonth: 9,
  dataUsdPerMonth: 150,
  subsidyShare: 0.3,
  priceSigma: null,
  incentive: { symbol: 'AKT', denomination: 'token' },
};
const scenario = scenarioSchema.parse({
  horizonMonths: 24,
  demandGrowthMonthly: 0.02,
  subsidies: { akash: { kind: 'exponential', halfLifeMonths: 9 } },
  tokenPrices: { AKT: { spotUsd: 2.1, annualDrift: -0.1, annualVolatility: 0.9 } },
  monteCarlo: { trials: 5 * MONTE_CARLO_BLOCK_TRIALS + 300, seed: 20_270_101 },
});

// The worker the CLI ships (dist/monteCarloWorker.mjs), built once for every test by vitest.globalSetup.ts:
// Node 20 worker threads cannot load TypeScript sources.
const worker = { url: pathToFileURL(join(import.meta.dirname, '..', 'dist', 'monteCarloWorker.mjs')) };

describe('monteCarloParallel (worker threads)', () => {
  it('seed reproducibility across thread counts: 1, 2 and 3 threads give what the single-threaded call gives', async () => {
    const single = monteCarlo({ cloud, depin }, scenario);
    for (const threads of [1, 2, 3]) {
      const d = await monteCarloParallel({ cloud, depin }, scenario, { threads, workerUrl: worker.url });
      expect(d).toEqual(single);
    }
  });

  it('more threads than blocks is fine: extra threads get no work', async () => {
    const small = { ...scenario, monteCarlo: { ...scenario.monteCarlo, trials: 1500 } };
    const d = await monteCarloParallel({ cloud, depin }, small, { threads: 8, workerUrl: worker.url });
    expect(d).toEqual(monteCarlo({ cloud, depin }, small));
  });

  it('reports a worker failure instead of returning partial numbers', async () => {
    const missing = new URL('./no-such-worker.mjs', worker.url);
    const big = { ...scenario, monteCarlo: { ...scenario.monteCarlo, trials: 2 * CHUNK_TRIALS } };
    await expect(
      monteCarloParallel({ cloud, depin }, big, { threads: 2, workerUrl: missing }),
    ).rejects.toThrow();
  });

  it('claims whole blocks from the shared counter: alone, one thread runs every trial once', () => {
    expect(CHUNK_TRIALS % MONTE_CARLO_BLOCK_TRIALS).toBe(0);
    const params = monteCarloPlan(
      { cloud, depin },
      { ...scenario, monteCarlo: { ...scenario.monteCarlo, trials: 2 * CHUNK_TRIALS + 77 } },
    );
    const whole = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, whole);
    const out = allocateMonteCarloOut(params);
    const next = new Int32Array(new SharedArrayBuffer(4));
    expect(runClaimedChunks(params, next, out)).toBe(params.trials);
    for (const key of ['horizonCloud', 'horizonDepin', 'monthlyCloud', 'monthlyDepin'] as const) {
      expect(Buffer.from(out[key].buffer).equals(Buffer.from(whole[key].buffer))).toBe(true);
    }
    // Nothing left to claim: a late thread runs nothing.
    expect(runClaimedChunks(params, next, allocateMonteCarloOut(params))).toBe(0);
  });

  it('a thread that finds chunks already claimed runs only the rest, with the same numbers', () => {
    const params = monteCarloPlan(
      { cloud, depin },
      { ...scenario, monteCarlo: { ...scenario.monteCarlo, trials: 3 * CHUNK_TRIALS } },
    );
    const whole = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, whole);
    const out = allocateMonteCarloOut(params);
    const next = new Int32Array(new SharedArrayBuffer(4));
    next[0] = CHUNK_TRIALS; // another thread took the first chunk
    expect(runClaimedChunks(params, next, out)).toBe(2 * CHUNK_TRIALS);
    expect(out.horizonDepin.subarray(0, CHUNK_TRIALS).every((v) => v === 0)).toBe(true);
    expect(out.horizonDepin.subarray(CHUNK_TRIALS)).toEqual(whole.horizonDepin.subarray(CHUNK_TRIALS));
    expect(out.horizonCloud.subarray(CHUNK_TRIALS)).toEqual(whole.horizonCloud.subarray(CHUNK_TRIALS));
  });

  it('2 and 3 threads over several chunks give what the single-threaded call gives', async () => {
    const big = { ...scenario, monteCarlo: { ...scenario.monteCarlo, trials: 4 * CHUNK_TRIALS + 500 } };
    const single = monteCarlo({ cloud, depin }, big);
    for (const threads of [2, 3]) {
      expect(await monteCarloParallel({ cloud, depin }, big, { threads, workerUrl: worker.url })).toEqual(
        single,
      );
    }
  });

  it('without a bundled worker (running from sources) finds none and runs on the calling thread', async () => {
    expect(defaultMonteCarloWorkerUrl()).toBeNull();
    const d = await monteCarloParallel({ cloud, depin }, scenario, { threads: 2 });
    expect(d).toEqual(monteCarlo({ cloud, depin }, scenario));
  });
});
