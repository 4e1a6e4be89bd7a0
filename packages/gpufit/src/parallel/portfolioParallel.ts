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
  type PortfolioSums,
  portfolioKernel,
} from '@gpufit/pricing';
import { CHUNK_TRIALS, runClaimedPortfolioChunks } from './claimChunks.js';
import { defaultMonteCarloWorkerUrl, runWorker, shared } from './monteCarloParallel.js';

/**
 * With `into` (the plan sums of the groups run so far, portfolioInGroups of @gpufit/pricing) the kernel adds
 * into them; sums that are not in shared memory are copied into shared memory first when workers run.
 */
export async function runPortfolioKernel(
  params: PortfolioParams,
  threads: number = availableParallelism(),
  workerUrl: URL | null = defaultMonteCarloWorkerUrl(),
  into?: PortfolioSums,
): Promise<PortfolioOut> {
  const chunks = Math.ceil(params.trials / CHUNK_TRIALS);
  const workerCount = Math.min(Math.floor(threads) - 1, chunks - 1);
  if (workerCount < 1 || workerUrl === null) {
    const out = allocatePortfolioOut(params, undefined, into);
    portfolioKernel(params, 0, params.trials, out);
    return out;
  }
  const out = allocatePortfolioOut(params, shared, into && sharedSums(into));
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

/**
 * The sums themselves when they are in shared memory, else copies in shared memory; with the spare sample
 * arrays that are shared (a group's output reuses them, as inline: new shared arrays for every group's kept
 * samples were 17 MB of garbage a group at 10,000 trials).
 */
function sharedSums(sums: PortfolioSums): PortfolioSums {
  const copy = (a: Float64Array): Float64Array => {
    if (a.buffer instanceof SharedArrayBuffer) return a;
    const s = shared(a.length);
    s.set(a);
    return s;
  };
  const [h0, h1, h2] = sums.horizon;
  const [m0, m1, m2] = sums.monthly;
  const spare = (sums.spare ?? []).filter((a) => a.buffer instanceof SharedArrayBuffer);
  return { horizon: [copy(h0), copy(h1), copy(h2)], monthly: [copy(m0), copy(m1), copy(m2)], spare };
}
