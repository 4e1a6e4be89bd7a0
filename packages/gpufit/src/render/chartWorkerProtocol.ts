import type { ChartSpec } from '@gpufit/report';
import type { RenderChartPngOptions } from './renderChartPng.js';

/** Main thread → chart worker: draw this chart (`spec` is plain data: chart specs hold no functions). */
export interface ChartWorkerRequest {
  readonly id: number;
  readonly spec: ChartSpec;
  readonly options: RenderChartPngOptions;
}

/** Chart worker → main thread: the PNG's bytes, or why the chart could not be drawn. */
export type ChartWorkerReply =
  | { readonly id: number; readonly ok: true; readonly png: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly message: string };
