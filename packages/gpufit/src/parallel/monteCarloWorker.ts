/**
 * Worker-thread entry of the parallel Monte Carlo: claims chunks of trials from the shared counter and runs
 * the pure kernel of @gpufit/pricing over each (claimChunks.ts), writing into the shared output buffers, then
 * answers `{ ok: true }`.
 *
 * BUILD: this file must be bundled next to the CLI, named `monteCarloWorker.mjs`: `packages/gpufit/scripts/
 * build.mjs` bundles `src/parallel/monteCarloWorker.ts` in a build of its own, without code splitting, so it
 * lands at `dist/monteCarloWorker.mjs` as one self-contained file (≈ 24 KB) that shares no chunk with the CLI.
 * `monteCarloParallel.ts` finds it next to the module it was bundled into (`dist/`) or one folder up (when
 * that module sits in `dist/chunks/` under code splitting). Tests pass the URL of that built file (vitest's global
 * setup builds dist/ first), because Node 20 workers cannot load .ts sources.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runClaimedChunks, runClaimedPortfolioChunks } from './claimChunks.js';
import type {
  MonteCarloWorkerData,
  MonteCarloWorkerReply,
  PortfolioWorkerData,
} from './monteCarloWorkerProtocol.js';

const data = workerData as MonteCarloWorkerData | PortfolioWorkerData;
let reply: MonteCarloWorkerReply;
try {
  if ('kind' in data) {
    const f = (b: SharedArrayBuffer) => new Float64Array(b);
    const [h0, h1, h2] = data.horizon.map(f);
    const [m0, m1, m2] = data.monthly.map(f);
    runClaimedPortfolioChunks(data.params, new Int32Array(data.next), {
      horizon: [h0!, h1!, h2!],
      monthly: [m0!, m1!, m2!],
      samples: data.samples.map(f),
    });
  } else {
    runClaimedChunks(data.params, new Int32Array(data.next), {
      horizonCloud: new Float64Array(data.horizonCloud),
      horizonDepin: new Float64Array(data.horizonDepin),
      monthlyCloud: new Float64Array(data.monthlyCloud),
      monthlyDepin: new Float64Array(data.monthlyDepin),
    });
  }
  reply = { ok: true };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
