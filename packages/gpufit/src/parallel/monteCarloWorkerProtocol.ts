/**
 * What the Monte Carlo runner posts to a worker thread and what it answers. Shared memory carries the output:
 * each worker writes its trials at their own indexes, so nothing is copied back or merged in any order.
 */
import type { MonteCarloParams, PortfolioParams } from '@gpufit/pricing';

export interface MonteCarloWorkerData {
  readonly params: MonteCarloParams;
  /** One Int32: the first trial not yet claimed (claimChunks.ts). */
  readonly next: SharedArrayBuffer;
  readonly horizonCloud: SharedArrayBuffer;
  readonly horizonDepin: SharedArrayBuffer;
  readonly monthlyCloud: SharedArrayBuffer;
  readonly monthlyDepin: SharedArrayBuffer;
}

/** The portfolio's joint Monte Carlo (portfolioParallel.ts): the same counter, its own output buffers. */
export interface PortfolioWorkerData {
  readonly kind: 'portfolio';
  readonly params: PortfolioParams;
  readonly next: SharedArrayBuffer;
  /** Per plan (recommended, all-cloud, all-decentralized). */
  readonly horizon: readonly SharedArrayBuffer[];
  readonly monthly: readonly SharedArrayBuffer[];
  readonly samples: readonly SharedArrayBuffer[];
}

export type MonteCarloWorkerReply = { readonly ok: true } | { readonly ok: false; readonly message: string };
