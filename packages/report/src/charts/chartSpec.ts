import type { ChartConfiguration, ChartConfigurationCustomTypesPerDataset } from 'chart.js';

/** A chart.js configuration that is plain data: no functions, so it survives JSON and inlines into HTML. */
export type ChartJsConfig = ChartConfiguration | ChartConfigurationCustomTypesPerDataset;

export interface ChartSpec {
  /** File-safe id (`[a-z0-9-]+`, never from input): names `charts/<id>.png` and the HTML canvas. */
  readonly id: string;
  readonly title: string;
  /** One sentence for alt text and captions: what the chart shows and how to read it. */
  readonly description: string;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly config: ChartJsConfig;
}

/** 16:9, the shape of a slide. */
export const SLIDE_SIZE = { widthPx: 960, heightPx: 540 } as const;

/** `w03` for the third workload: chart ids never carry input text. */
export function workloadSlug(index: number): string {
  return `w${String(index).padStart(2, '0')}`;
}
