export { chartJsUmdPath, readChartJsSource } from './chartJsSource.js';
export type { RenderChartPngOptions } from './renderChartPng.js';
export { renderChartPng } from './renderChartPng.js';
export type { ReportFormat, WriteReportSetOptions, WrittenReportSet } from './writeReport.js';
export { CHARTS_DIR, DEFAULT_REPORT_FORMATS, REPORT_FORMATS, writeReportSet } from './writeReport.js';
