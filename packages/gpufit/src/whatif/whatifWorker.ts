// The what-if page's Web Worker (docs/whatif.md): bundled by scripts/build.mjs into dist/whatif-engine.js, inlined
// into whatif.html and started (twice) from a Blob URL. The first message carries the page's data; each later one
// asks for the figures of a set of settings (`run`), the plan's spend fan (`fan`: the joint Monte Carlo, on the
// page's second worker so it never holds up the table) or reads a scenario file back into settings (`import`).
import {
  exportScenario,
  importScenario,
  runWhatif,
  runWhatifFan,
  type WhatifData,
  type WhatifSettings,
} from './whatifEngine.js';

// The few worker globals used (the repo compiles without the DOM and WebWorker libs).
declare const self: {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: unknown): void;
};
declare const performance: { now(): number };

type WorkerRequest =
  | { readonly kind: 'init'; readonly data: WhatifData }
  | { readonly kind: 'run'; readonly id: number; readonly settings: WhatifSettings }
  /** `trials`: fewer than the scenario's, for the page's preview fan; absent, the scenario's. */
  | { readonly kind: 'fan'; readonly id: number; readonly settings: WhatifSettings; readonly trials?: number }
  | { readonly kind: 'import'; readonly id: number; readonly file: string; readonly text: string };

let data: WhatifData | null = null;

const failed = (kind: string, id: number) => (error: unknown) =>
  self.postMessage({
    kind: 'error',
    of: kind,
    id,
    message: error instanceof Error ? error.message : String(error),
  });

self.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'init') {
    data = request.data;
    return;
  }
  const d = data;
  if (d === null) return;
  const started = performance.now();
  if (request.kind === 'import') {
    self.postMessage({ kind: 'imported', id: request.id, ...importScenario(d, request.file, request.text) });
    return;
  }
  if (request.kind === 'fan') {
    runWhatifFan(d, request.settings, request.trials ?? d.scenario.monteCarlo.trials).then(
      (fan) => self.postMessage({ kind: 'fan', id: request.id, fan, ms: performance.now() - started }),
      failed('fan', request.id),
    );
    return;
  }
  runWhatif(d, request.settings).then(
    (result) =>
      self.postMessage({
        kind: 'result',
        id: request.id,
        result,
        ms: performance.now() - started,
        exported: exportScenario(d, request.settings),
      }),
    failed('run', request.id),
  );
};
