/**
 * The portfolio's joint Monte Carlo (portfolioMonteCarlo.ts of @gpufit/pricing) on worker threads: the same
 * bundled worker and claiming of whole trial blocks as monteCarloParallel.ts. A trial's numbers depend only on
 * the seeds and its index, and each thread writes only the trials it claimed, so the output is bit-identical to
 * the inline kernel for any number of threads.
 */
import { availableParallelism } from 'node:os';
import {
  allocatePortfolioOut,
  type PortfolioOut,
  type PortfolioParams,
  portfolioKernel,
} from '@gpufit/pricing';
import { CHUNK_TRIALS, runClaimedPortfolioChunks } from './claimChunks.js';
import { defaultMonteCarloWorkerUrl, runWorker, shared } from './monteCarloParallel.js';

export async function runPortfolioKernel(
  params: PortfolioParams,
  threads: number = availableParallelism(),
  workerUrl: URL | null = defaultMonteCarloWorkerUrl(),
): Promise<PortfolioOut> {
  const chunks = Math.ceil(params.trials / CHUNK_TRIALS);
  const workerCount = Math.min(Math.floor(threads) - 1, chunks - 1);
  if (workerCount < 1 || workerUrl === null) {
    const out = allocatePortfolioOut(params);
    portfolioKernel(params, 0, params.trials, out);
    return out;
  }
  const out = allocatePortfolioOut(params, shared);
  const next = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const buffer = (a: Float64Array) => a.buffer as SharedArrayBuffer;
  const workers = Array.from({ length: workerCount }, () =>
    runWorker(workerUrl, {
      kind: 'portfolio',
      params,
      next,
      horizon: out.horizon.map(buffer),
      monthly: out.monthly.map(buffer),
      samples: out.samples.map(buffer),
    }),
  );
  try {
    runClaimedPortfolioChunks(params, new Int32Array(next), out);
  } catch (error) {
    await Promise.allSettled(workers);
    throw error;
  }
  await Promise.all(workers);
  return out;
}
