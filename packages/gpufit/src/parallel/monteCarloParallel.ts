/**
 * The seeded Monte Carlo on worker threads (DESIGN §5.9): the same plan, kernel and summary as
 * `monteCarlo` of @gpufit/pricing, with the trial blocks split into contiguous ranges, one per worker. Each
 * block of trials draws from its own stream (seed, block index) and each worker writes its trials at their
 * own indexes of shared buffers, so the result is bit-identical to the single-threaded call for any number of
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
  MONTE_CARLO_BLOCK_TRIALS,
  type MonteCarloOut,
  type MonteCarloParams,
  type MonteCarloPlanOptions,
  type MonteCarloScenario,
  monteCarloKernel,
  monteCarloPlan,
  summarizeMonteCarlo,
} from '@gpufit/pricing';
import type { Distribution } from '@gpufit/schema';
import type { MonteCarloWorkerData, MonteCarloWorkerReply } from './monteCarloWorkerProtocol.js';

export interface MonteCarloParallelOptions extends MonteCarloPlanOptions {
  /** Worker threads; default `os.availableParallelism()`. 1 runs on the calling thread. */
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

/**
 * Splits trials 0..trials into at most `parts` contiguous ranges cut at block boundaries, as even as whole
 * blocks allow (earlier ranges get the extra block).
 */
export function splitTrialBlocks(trials: number, parts: number): [number, number][] {
  const blocks = Math.ceil(trials / MONTE_CARLO_BLOCK_TRIALS);
  const n = Math.max(1, Math.min(parts, blocks));
  const ranges: [number, number][] = [];
  let block = 0;
  for (let i = 0; i < n; i++) {
    const count = Math.floor(blocks / n) + (i < blocks % n ? 1 : 0);
    const start = block * MONTE_CARLO_BLOCK_TRIALS;
    block += count;
    ranges.push([start, Math.min(trials, block * MONTE_CARLO_BLOCK_TRIALS)]);
  }
  return ranges;
}

function shared(length: number): Float64Array {
  return new Float64Array(
    new SharedArrayBuffer(Math.max(1, length) * Float64Array.BYTES_PER_ELEMENT),
    0,
    length,
  );
}

function runWorker(url: URL, data: MonteCarloWorkerData): Promise<void> {
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

/** Runs a plan's kernel over all its trials on `threads` workers into shared buffers. */
export async function runMonteCarloKernel(
  params: MonteCarloParams,
  threads: number,
  workerUrl: URL | null,
): Promise<MonteCarloOut> {
  const ranges = splitTrialBlocks(params.trials, threads);
  if (ranges.length <= 1 || workerUrl === null) {
    const out = allocateMonteCarloOut(params);
    monteCarloKernel(params, 0, params.trials, out);
    return out;
  }
  const out = allocateMonteCarloOut(params, shared);
  const buffer = (a: Float64Array) => a.buffer as SharedArrayBuffer;
  await Promise.all(
    ranges.map(([trialStart, trialEnd]) =>
      runWorker(workerUrl, {
        params,
        trialStart,
        trialEnd,
        horizonCloud: buffer(out.horizonCloud),
        horizonDepin: buffer(out.horizonDepin),
        monthlyCloud: buffer(out.monthlyCloud),
        monthlyDepin: buffer(out.monthlyDepin),
      }),
    ),
  );
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
