import { type CostBasis, MONTE_CARLO_BLOCK_TRIALS, monteCarlo } from '@gpufit/pricing';
import { scenarioSchema } from '@gpufit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultMonteCarloWorkerUrl,
  monteCarloParallel,
  splitTrialBlocks,
} from '../src/parallel/monteCarloParallel.js';
import { buildWorkerBundle } from './support/buildWorkerBundle.js';

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
  incentive: { symbol: 'AKT', denomination: 'token' },
};
const scenario = scenarioSchema.parse({
  horizonMonths: 24,
  demandGrowthMonthly: 0.02,
  subsidies: { akash: { kind: 'exponential', halfLifeMonths: 9 } },
  tokenPrices: { AKT: { spotUsd: 2.1, annualDrift: -0.1, annualVolatility: 0.9 } },
  monteCarlo: { trials: 5 * MONTE_CARLO_BLOCK_TRIALS + 300, seed: 20_270_101 },
});

let worker: Awaited<ReturnType<typeof buildWorkerBundle>>;
beforeAll(async () => {
  worker = await buildWorkerBundle();
});
afterAll(() => worker.dispose());

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
    await expect(
      monteCarloParallel({ cloud, depin }, scenario, { threads: 2, workerUrl: missing }),
    ).rejects.toThrow();
  });

  it('splits trials into contiguous block-aligned ranges that cover them once', () => {
    const B = MONTE_CARLO_BLOCK_TRIALS;
    expect(splitTrialBlocks(5 * B + 1, 2)).toEqual([
      [0, 3 * B],
      [3 * B, 5 * B + 1],
    ]);
    expect(splitTrialBlocks(10, 4)).toEqual([[0, 10]]);
    for (const [trials, parts] of [
      [1, 1],
      [B, 3],
      [7 * B + 5, 3],
      [100 * B, 7],
    ] as const) {
      const ranges = splitTrialBlocks(trials, parts);
      expect(ranges[0]![0]).toBe(0);
      expect(ranges.at(-1)![1]).toBe(trials);
      ranges.forEach(([s, e], i) => {
        expect(s % B).toBe(0);
        expect(e).toBeGreaterThan(s);
        if (i > 0) expect(s).toBe(ranges[i - 1]![1]);
      });
    }
  });

  it('without a bundled worker (running from sources) finds none and runs on the calling thread', async () => {
    expect(defaultMonteCarloWorkerUrl()).toBeNull();
    const d = await monteCarloParallel({ cloud, depin }, scenario, { threads: 2 });
    expect(d).toEqual(monteCarlo({ cloud, depin }, scenario));
  });
});
