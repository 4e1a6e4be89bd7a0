import type { Analysis, RoundingModeName } from '@gpufit/schema';
import { renderCsv } from './csv/renderCsv.js';
import { ReportError } from './errors.js';
import { renderFocus } from './focus/renderFocus.js';
import { renderHtml } from './html/renderHtml.js';
import { renderJson } from './json/renderJson.js';
import { renderMarkdown } from './markdown/renderMarkdown.js';
import type { PresentedAnalysis } from './present/presentAnalysis.js';

/** What a text format may need besides the analysis. */
export interface ReportFormatContext {
  readonly roundingMode?: RoundingModeName;
  /** chart.js UMD source text: required by `html`. */
  readonly chartJsSource?: string;
  /** Relative directory of chart PNGs, so `md` can embed them. */
  readonly chartImageDir?: string;
  /** The analysis already presented with `roundingMode` (see `PresentOptions.presented`). */
  readonly presented?: PresentedAnalysis;
}

export interface TextReportFormat {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly description: string;
  readonly render: (analysis: Analysis, context: ReportFormatContext) => string;
}

function defineFormat<const F extends TextReportFormat>(format: F): F {
  return format;
}

const present = (c: ReportFormatContext) => ({
  ...(c.roundingMode === undefined ? {} : { roundingMode: c.roundingMode }),
  ...(c.presented === undefined ? {} : { presented: c.presented }),
});

/** The text report formats as data: id, file name, media type and renderer (PNG charts are added by Node). */
export const TEXT_REPORT_FORMATS = {
  md: defineFormat({
    id: 'md',
    fileName: 'report.md',
    mediaType: 'text/markdown; charset=utf-8',
    description: 'Markdown report to paste into a doc or deck',
    render: (a, c) =>
      renderMarkdown(a, {
        ...present(c),
        ...(c.chartImageDir === undefined ? {} : { chartImageDir: c.chartImageDir }),
      }),
  }),
  html: defineFormat({
    id: 'html',
    fileName: 'report.html',
    mediaType: 'text/html; charset=utf-8',
    description: 'self-contained HTML report with charts, works offline',
    render: (a, c) => {
      if (c.chartJsSource === undefined) throw new ReportError('empty-chart-source');
      return renderHtml(a, { ...present(c), chartJsSource: c.chartJsSource });
    },
  }),
  json: defineFormat({
    id: 'json',
    fileName: 'report.json',
    mediaType: 'application/json',
    description: 'the versioned analysis, stable key order',
    render: (a) => renderJson(a),
  }),
  csv: defineFormat({
    id: 'csv',
    fileName: 'report.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    description: 'one row per workload × option for spreadsheets',
    render: (a, c) => renderCsv(a, present(c)),
  }),
  focus: defineFormat({
    id: 'focus',
    fileName: 'forecast-focus.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    description: 'FOCUS 1.2 forecast rows for finance tools',
    render: (a, c) => renderFocus(a, present(c)),
  }),
} as const satisfies Record<string, TextReportFormat>;

export type TextReportFormatId = keyof typeof TEXT_REPORT_FORMATS;
export const TEXT_REPORT_FORMAT_IDS = Object.keys(TEXT_REPORT_FORMATS) as TextReportFormatId[];
