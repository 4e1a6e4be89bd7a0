/**
 * The seeded Monte Carlo on worker threads (DESIGN §5.9): the same plan, kernel and summary as
 * `monteCarlo` of @gpufit/pricing, with chunks of whole trial blocks claimed by the calling thread and the
 * workers from a shared counter (claimChunks.ts). Each block of trials draws from its own stream (seed, block
 * index) and each thread writes its trials at their own indexes of shared buffers, so the result is bit-identical to the single-threaded call for any number of
 * threads. The plan is made here, on the calling thread (a `formula` subsidy schedule is evaluated once, with
 * the caller's compiler); workers receive only numbers.
 * See monteCarloWorker.ts for what the build must emit.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  allocateMonteCarloOut,
  type CostBasis,
  type MonteCarloOut,
  type MonteCarloParams,
  type MonteCarloPlanOptions,
  type MonteCarloScenario,
  monteCarloKernel,
  monteCarloPlan,
  summarizeMonteCarlo,
} from '@gpufit/pricing';
import type { Distribution } from '@gpufit/schema';
import { CHUNK_TRIALS, runClaimedChunks } from './claimChunks.js';
import type {
  MonteCarloWorkerData,
  MonteCarloWorkerReply,
  PortfolioWorkerData,
} from './monteCarloWorkerProtocol.js';

export interface MonteCarloParallelOptions extends MonteCarloPlanOptions {
  /** Threads (the calling one and `threads − 1` workers); default `os.availableParallelism()`. 1 runs on the calling thread. */
  readonly threads?: number;
  /** The bundled worker (`monteCarloWorker.mjs`); default: found next to this module (see the header). */
  readonly workerUrl?: URL;
}

const WORKER_FILE = 'monteCarloWorker.mjs';

/** The bundled worker next to this module or one folder up (code-split chunk); null when there is none. */
export function defaultMonteCarloWorkerUrl(): URL | null {
  for (const relative of [`./${WORKER_FILE}`, `../${WORKER_FILE}`]) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

export function shared(length: number): Float64Array {
  return new Float64Array(
    new SharedArrayBuffer(Math.max(1, length) * Float64Array.BYTES_PER_ELEMENT),
    0,
    length,
  );
}

export function runWorker(url: URL, data: MonteCarloWorkerData | PortfolioWorkerData): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: data });
    let settled = false;
    worker.once('message', (reply: MonteCarloWorkerReply) => {
      settled = true;
      if (reply.ok) resolve();
      else reject(new Error(`Monte Carlo worker failed: ${reply.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`Monte Carlo worker exited with code ${code} before answering`));
    });
  });
}

/**
 * Runs a plan's kernel over all its trials on `threads` threads into shared buffers: `threads − 1` workers
 * start, and the calling thread and the workers claim chunks of trials from one shared counter until none is
 * left (claimChunks.ts), so the workers' start-up overlaps work and nobody waits on a slower thread.
 */
export async function runMonteCarloKernel(
  params: MonteCarloParams,
  threads: number,
  workerUrl: URL | null,
): Promise<MonteCarloOut> {
  const chunks = Math.ceil(params.trials / CHUNK_TRIALS);
  const workerCount = Math.min(Math.floor(threads) - 1, chunks - 1);
  if (workerCount < 1 || workerUrl === null) {
    const out = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, out);
    return out;
  }
  const out = allocateMonteCarloOut(params, shared);
  const next = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const buffer = (a: Float64Array) => a.buffer as SharedArrayBuffer;
  const workers = Array.from({ length: workerCount }, () =>
    runWorker(workerUrl, {
      params,
      next,
      horizonCloud: buffer(out.horizonCloud),
      horizonDepin: buffer(out.horizonDepin),
      monthlyCloud: buffer(out.monthlyCloud),
      monthlyDepin: buffer(out.monthlyDepin),
    }),
  );
  try {
    runClaimedChunks(params, new Int32Array(next), out);
  } catch (error) {
    await Promise.allSettled(workers);
    throw error;
  }
  await Promise.all(workers);
  return out;
}

/**
 * `monteCarlo` of @gpufit/pricing on worker threads: the same `Distribution`, bit for bit, for any `threads`.
 * Without a bundled worker (running from TypeScript sources) it runs on the calling thread.
 */
export async function monteCarloParallel(
  bases: { readonly cloud: CostBasis; readonly depin: CostBasis },
  scenario: MonteCarloScenario,
  options: MonteCarloParallelOptions = {},
): Promise<Distribution> {
  const { threads = availableParallelism(), workerUrl, ...planOptions } = options;
  const params = monteCarloPlan(bases, scenario, planOptions);
  const out = await runMonteCarloKernel(params, threads, workerUrl ?? defaultMonteCarloWorkerUrl());
  return summarizeMonteCarlo(params, out);
}
