/**
 * Worker-thread entry that draws chart PNGs (chartRenderer.ts): it imports the canvas and chart.js as soon as it
 * starts, then draws each chart spec it is sent with `renderChartPng`, the same code the main thread runs, so
 * the bytes are the same. One chart is drawn at a time; its PNG is encoded on libuv's thread pool while the
 * next is drawn.
 *
 * BUILD: like monteCarloWorker.ts, this file is bundled by `packages/gpufit/scripts/build.mjs` in a build of its
 * own, without code splitting, to `dist/chartWorker.mjs` (chart.js inside, the native canvas external);
 * `chartRenderer.ts` finds it next to the module it was bundled into or one folder up.
 */
import { parentPort } from 'node:worker_threads';
import type { ChartWorkerReply, ChartWorkerRequest } from './chartWorkerProtocol.js';
import { loadChartModules, renderChartPng } from './renderChartPng.js';

const port = parentPort;
if (port === null) throw new Error('chartWorker.mjs runs as a worker thread');
// Start loading now: the main thread is still loading the catalog and analysing.
loadChartModules().catch(() => {
  // Reported with the first chart asked for (renderChartPng loads them again and fails with the cause).
});
port.on('message', (request: ChartWorkerRequest) => {
  renderChartPng(request.spec, request.options).then(
    (png) => port.postMessage({ id: request.id, ok: true, png } satisfies ChartWorkerReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies ChartWorkerReply),
  );
});
