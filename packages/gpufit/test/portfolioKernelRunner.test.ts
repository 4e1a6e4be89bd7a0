/**
 * The portfolio's joint simulation runs on the calling thread unless --threads asks for workers: it starts its
 * workers again for each group of workloads, and by default (all cores) 2,000 generated workloads took 28.0 s wall
 * against 18.5 s on one thread on a 2-core host (monteCarloRunner.ts).
 */
import { describe, expect, it, vi } from 'vitest';

const calls: (number | undefined)[] = [];
vi.mock('../src/parallel/portfolioParallel.js', () => ({
  runPortfolioKernel: (_params: unknown, threads: number | undefined) => {
    calls.push(threads);
    return Promise.resolve({});
  },
}));

const { portfolioKernelRunner } = await import('../src/commands/monteCarloRunner.js');

describe('portfolioKernelRunner', () => {
  const params = { trials: 10_000, months: 24, workloads: Array.from({ length: 256 }) } as never;

  it('runs a large joint simulation on this thread when --threads is not given', async () => {
    calls.length = 0;
    await portfolioKernelRunner()(params, undefined);
    expect(calls).toEqual([1]);
  });

  it('uses the threads --threads gives', async () => {
    calls.length = 0;
    await portfolioKernelRunner(3)(params, undefined);
    await portfolioKernelRunner(1)(params, undefined);
    expect(calls).toEqual([3, 1]);
  });
});
