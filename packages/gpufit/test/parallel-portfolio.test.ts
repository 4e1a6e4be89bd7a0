import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CostBasis,
  type PortfolioWorkloadInput,
  portfolioInGroups,
  portfolioMonteCarlo,
  portfolioPlan,
  summarizePortfolio,
} from '@gpufit/pricing';
import { scenarioSchema } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { CHUNK_TRIALS } from '../src/parallel/claimChunks.js';
import { runPortfolioKernel } from '../src/parallel/portfolioParallel.js';

const basis = (o: Partial<CostBasis>): CostBasis => ({
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
  ...o,
});
const akash = basis({
  offerId: 'akash:h100',
  provider: 'akash',
  market: 'depin',
  computeUsdPerMonth: 14_000,
  interruptionUsdPerMonth: 1_400,
  interruptionsPerMonth: 9,
  subsidyShare: 0.3,
  incentive: { symbol: 'AKT', denomination: 'token' },
});
const workloads: PortfolioWorkloadInput[] = [
  { seed: 1, horizonMonths: 12, cloud: basis({}), depin: null, recommended: [1, 0], keepSamples: true },
  {
    seed: 2,
    horizonMonths: 12,
    cloud: basis({
      provider: 'gcp',
      priceSigma: 0.25,
      interruptionUsdPerMonth: 500,
      interruptionsPerMonth: 30,
    }),
    depin: akash,
    recommended: [0.5, 0.5],
    keepSamples: true,
  },
  { seed: 3, horizonMonths: 8, cloud: basis({}), depin: akash, recommended: [0, 1] },
];
const scenario = scenarioSchema.parse({
  horizonMonths: 12,
  subsidies: { akash: { kind: 'exponential', halfLifeMonths: 9 } },
  tokenPrices: { AKT: { spotUsd: 2.1, annualDrift: -0.1, annualVolatility: 0.9 } },
  monteCarlo: { trials: 2 * CHUNK_TRIALS + 300, seed: 20_270_101 },
});
const worker = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'monteCarloWorker.mjs'));

describe('runPortfolioKernel (worker threads)', () => {
  it('inline, 1, 2 and 3 threads give identical numbers, bit for bit', async () => {
    const inline = portfolioMonteCarlo(workloads, scenario);
    const params = portfolioPlan(workloads, scenario);
    for (const threads of [1, 2, 3]) {
      const out = await runPortfolioKernel(params, threads, worker);
      expect(summarizePortfolio(params, out)).toEqual(inline);
    }
    expect(inline.workloads).toHaveLength(2);
  });

  it('in groups of workloads (adding into the sums of earlier groups), any threads per group: identical', async () => {
    const inline = portfolioMonteCarlo(workloads, scenario);
    const params = portfolioPlan(workloads, scenario);
    for (const threads of [[2], [1, 3, 2], [3, 1, 1]]) {
      let call = 0;
      const grouped = await portfolioInGroups(
        params,
        (group, into) => runPortfolioKernel(group, threads[call++ % threads.length]!, worker, into),
        1,
      );
      expect(call).toBe(3);
      expect(grouped).toEqual(inline);
    }
  });

  it('on workers, a group reuses the shared kept-sample arrays of earlier groups (not new ones each group)', async () => {
    const params = portfolioPlan(workloads, scenario);
    const seen: (readonly Float64Array[])[] = [];
    const grouped = await portfolioInGroups(
      params,
      async (group, into) => {
        const out = await runPortfolioKernel(group, 2, worker, into);
        seen.push([...out.samples]);
        return out;
      },
      1,
    );
    // Workloads 1 and 2 keep samples, workload 3 does not: group 2 reuses group 1's array.
    expect(seen.map((g) => g.length)).toEqual([1, 1, 0]);
    expect(seen[0]![0]!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(seen[1]![0]).toBe(seen[0]![0]);
    expect(grouped).toEqual(portfolioMonteCarlo(workloads, scenario));
  });
});
