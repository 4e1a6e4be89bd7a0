import {
  type Analysis,
  REPORT_FORMAT_REGISTRY,
  type ReportFormatSpec,
  type RoundingModeName,
  TEXT_REPORT_FORMAT_IDS,
  type TextReportFormatId,
} from '@gpufit/schema';
import { renderCsv } from './csv/renderCsv.js';
import { ReportError } from './errors.js';
import { renderFocus, renderFocusChunks } from './focus/renderFocus.js';
import { renderHtml, renderHtmlChunks } from './html/renderHtml.js';
import type { Sha256 } from './html/sha256.js';
import { renderJson } from './json/renderJson.js';
import { renderMarkdown, renderMarkdownChunks } from './markdown/renderMarkdown.js';
import type { PresentedAnalysis } from './present/presentAnalysis.js';

/** What a text format may need besides the analysis. */
export interface ReportFormatContext {
  readonly roundingMode?: RoundingModeName;
  /** chart.js UMD source text: required by `html`. */
  readonly chartJsSource?: string;
  /** A native SHA-256 for `html`'s Content-Security-Policy (see `RenderHtmlOptions.sha256`). */
  readonly sha256?: Sha256;
  /** Relative directory of chart PNGs, so `md` can embed them. */
  readonly chartImageDir?: string;
  /** The analysis already presented with `roundingMode` (see `PresentOptions.presented`). */
  readonly presented?: PresentedAnalysis;
}

/** A text format of `REPORT_FORMAT_REGISTRY` (id, file name, media type, description) with its renderer. */
export interface TextReportFormat extends Omit<ReportFormatSpec, 'encoding'> {
  readonly id: TextReportFormatId;
  readonly render: (analysis: Analysis, context: ReportFormatContext) => string;
  /**
   * For a format that grows with the portfolio, `render`'s text in pieces that join to it byte for byte, so a writer
   * can stream the file: as one string, forecast-focus.csv outgrew V8's longest string (2^29 characters) near 13,000
   * workloads, and report.md and report.html would near 29,000.
   */
  readonly pieces?: (analysis: Analysis, context: ReportFormatContext) => Iterable<string>;
}

/** The registry entry of `id` with its renderer. */
function defineFormat<const I extends TextReportFormatId>(
  id: I,
  render: TextReportFormat['render'],
  pieces?: TextReportFormat['pieces'],
): TextReportFormat & { readonly id: I } {
  const { fileName, mediaType, description } = REPORT_FORMAT_REGISTRY[id];
  return { id, fileName, mediaType, description, render, ...(pieces === undefined ? {} : { pieces }) };
}

const present = (c: ReportFormatContext) => ({
  ...(c.roundingMode === undefined ? {} : { roundingMode: c.roundingMode }),
  ...(c.presented === undefined ? {} : { presented: c.presented }),
});

const markdownOptions = (c: ReportFormatContext) => ({
  ...present(c),
  ...(c.chartImageDir === undefined ? {} : { chartImageDir: c.chartImageDir }),
});

const htmlOptions = (c: ReportFormatContext) => {
  if (c.chartJsSource === undefined) throw new ReportError('empty-chart-source');
  return {
    ...present(c),
    chartJsSource: c.chartJsSource,
    ...(c.sha256 === undefined ? {} : { sha256: c.sha256 }),
  };
};

/**
 * The text report formats: each a text entry of `REPORT_FORMAT_REGISTRY` (@gpufit/schema) with its renderer
 * (PNG charts, the binary entry, are written by Node).
 */
export const TEXT_REPORT_FORMATS = {
  md: defineFormat(
    'md',
    (a, c) => renderMarkdown(a, markdownOptions(c)),
    (a, c) => renderMarkdownChunks(a, markdownOptions(c)),
  ),
  html: defineFormat(
    'html',
    (a, c) => renderHtml(a, htmlOptions(c)),
    (a, c) => renderHtmlChunks(a, htmlOptions(c)),
  ),
  json: defineFormat('json', (a) => renderJson(a)),
  csv: defineFormat('csv', (a, c) => renderCsv(a, present(c))),
  focus: defineFormat(
    'focus',
    (a, c) => renderFocus(a, present(c)),
    (a, c) => renderFocusChunks(a, present(c)),
  ),
} as const satisfies { readonly [K in TextReportFormatId]: TextReportFormat & { readonly id: K } };

export type { TextReportFormatId };
export { TEXT_REPORT_FORMAT_IDS };
