// The what-if page's Web Worker (docs/whatif.md): bundled by scripts/build.mjs into dist/whatif-engine.js, inlined
// into whatif.html and started from a Blob URL. The first message carries the page's data; each later one a set
// of settings, answered with the figures and the time the analysis took.
import { exportScenario, runWhatif, type WhatifData, type WhatifSettings } from './whatifEngine.js';

// The few worker globals used (the repo compiles without the DOM and WebWorker libs).
declare const self: {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: unknown): void;
};
declare const performance: { now(): number };

type WorkerRequest =
  | { readonly kind: 'init'; readonly data: WhatifData }
  | { readonly kind: 'run'; readonly id: number; readonly settings: WhatifSettings };

let data: WhatifData | null = null;

self.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'init') {
    data = request.data;
    return;
  }
  if (data === null) return;
  const started = performance.now();
  runWhatif(data, request.settings).then(
    (result) =>
      self.postMessage({
        kind: 'result',
        id: request.id,
        result,
        ms: performance.now() - started,
        exported: exportScenario(data!, request.settings),
      }),
    (error: unknown) =>
      self.postMessage({
        kind: 'error',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
