/**
 * Chart PNGs drawn on worker threads (chartWorker.ts), so that loading chart.js and the canvas and drawing the
 * charts run beside the main thread's catalog load, analysis and text reports instead of after them. A worker
 * runs `renderChartPng`, the code the main thread would run: the PNGs are byte for byte the same.
 *
 * The first worker starts with the command, so its imports overlap the catalog load and the analysis; it is
 * idle until the analysis is done. Others, when asked for (`threads`), start when the first chart is asked for,
 * and load while the first draws. Each worker is given at most `IN_FLIGHT` charts at a time (one drawn while the
 * previous one's PNG is encoded), the rest wait in a queue, so the charts spread over the workers as they come
 * free.
 *
 * One worker by default, on any number of cores (issue 19, 2026-12-05): a second worker pays Node's worker
 * bootstrap, the canvas's and chart.js's loading and chart.js's first, unoptimized runs all over again, about
 * 0.15 s of CPU for the README's main job (its 11 charts). On two cores shared with other work that CPU is wall
 * time; one worker draws the 11 charts while the main thread writes the text reports, and the PNGs are deflated
 * on libuv's pool beside the drawing either way. benchmarks/README.md has the figures.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChartSpec } from '@gpufit/report';
import type { ChartWorkerReply, ChartWorkerRequest } from './chartWorkerProtocol.js';
import type { RenderChartPngOptions } from './renderChartPng.js';

/** Draws one chart to PNG bytes (`renderChartPng`'s signature). */
export type RenderChart = (spec: ChartSpec, options?: RenderChartPngOptions) => Promise<Buffer>;

export interface ChartWorkers {
  /** Draws a chart on a worker; a failure there rejects with an Error naming the chart. */
  readonly render: RenderChart;
  /** Stops the workers; charts not yet drawn reject. Safe to call twice. */
  close(): Promise<void>;
}

export interface ChartWorkerOptions {
  /** The bundled worker (`chartWorker.mjs`); default: found next to this module (see `defaultChartWorkerUrl`). */
  readonly url?: URL | null;
  /** Workers, at least 1; default 1 (see above for why not one a core). */
  readonly threads?: number;
}

const WORKER_FILE = 'chartWorker.mjs';
/** Charts a worker holds at once: one being drawn while the one before is encoded on libuv's thread pool. */
const IN_FLIGHT = 2;

/** The bundled worker next to this module or one folder up (code-split chunk); null when there is none. */
export function defaultChartWorkerUrl(): URL | null {
  for (const relative of [`./${WORKER_FILE}`, `../${WORKER_FILE}`]) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

interface Job {
  readonly spec: ChartSpec;
  readonly options: RenderChartPngOptions;
  readonly resolve: (png: Buffer) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly held: Map<number, Job>;
}

/**
 * Starts the first chart worker, which begins importing chart.js and the canvas at once. Null when there is no
 * built worker (the sources run under tsx or vitest): draw on this thread with `renderChartPng` then.
 *
 * The workers keep the process alive only while they hold a chart, so a command that fails before it asks for
 * charts exits as it would without them; `close` stops them. A worker that fails or exits fails every chart not
 * yet drawn (an Error naming the chart and the cause), and every chart asked for after.
 */
export function startChartWorkers(options: ChartWorkerOptions = {}): ChartWorkers | null {
  const url = options.url === undefined ? defaultChartWorkerUrl() : options.url;
  if (url === null) return null;
  const threads = Math.max(1, options.threads ?? 1);
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let next = 0;
  let failure: Error | null = null;

  const fail = (error: Error) => {
    failure ??= error;
    const jobs = [...queue.splice(0), ...slots.flatMap((s) => [...s.held.values()])];
    for (const s of slots) {
      s.held.clear();
      s.worker.unref();
    }
    for (const job of jobs) job.reject(new Error(`chart ${job.spec.id}: ${error.message}`));
  };
  const dispatch = () => {
    for (const slot of slots) {
      while (slot.held.size < IN_FLIGHT && queue.length > 0) {
        const job = queue.shift()!;
        const id = next++;
        slot.held.set(id, job);
        slot.worker.ref();
        slot.worker.postMessage({ id, spec: job.spec, options: job.options } satisfies ChartWorkerRequest);
      }
    }
  };
  const spawn = () => {
    const worker = new Worker(url);
    worker.unref();
    const slot: Slot = { worker, held: new Map() };
    worker.on('message', (reply: ChartWorkerReply) => {
      const job = slot.held.get(reply.id);
      if (job === undefined) return;
      slot.held.delete(reply.id);
      if (slot.held.size === 0) worker.unref();
      if (reply.ok) job.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      else job.reject(new Error(`chart ${job.spec.id} could not be drawn: ${reply.message}`));
      dispatch();
    });
    worker.on('error', (error) => fail(new Error(`a chart worker failed: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`a chart worker exited with code ${code}`)));
    slots.push(slot);
  };
  spawn();

  return {
    render(spec, renderOptions = {}) {
      if (failure !== null) return Promise.reject(new Error(`chart ${spec.id}: ${failure.message}`));
      while (slots.length < threads) spawn();
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ spec, options: renderOptions, resolve, reject });
        dispatch();
      });
    },
    async close() {
      if (failure === null) fail(new Error('the chart workers were stopped'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
