/**
 * Renderers of an analysis: Markdown, HTML, CSV, JSON, FOCUS forecast rows and chart.js configurations, with
 * the money rounding they share (docs/reports.md). Pure: runs in Node and in a browser.
 *
 * @module @gpufit/report
 */

// Money: the schema's one money module, re-exported (report used to have its own)
export type { RoundingMode, RoundingModeName } from '@gpufit/schema';
export {
  allocate,
  allocateToItems,
  DEFAULT_ROUNDING_MODE,
  formatMinorUnits,
  MONEY_MESSAGES,
  MoneyError,
  roundingModes,
  roundLineItems,
  toMinorUnits,
} from '@gpufit/schema';
export { chartConfigs } from './charts/chartConfigs.js';
export type { ChartJsConfig, ChartSpec } from './charts/chartSpec.js';
export { CHART_LOCALE } from './charts/chartText.js';
export { CSV_COLUMNS } from './csv/csvColumns.js';
export { neutralizeFormula } from './csv/neutralizeFormula.js';
export type { RenderCsvOptions } from './csv/renderCsv.js';
export { renderCsv } from './csv/renderCsv.js';
export { CSV_EOL, csvText } from './csv/writeCsv.js';
export { notComparedSaid } from './document/decentralizedSide.js';
export { lastDemandText, lastPlanMonth, workloadHorizons } from './document/executiveSummary.js';
export { type ShorterHorizons, shorterHorizons } from './document/shorterHorizonsText.js';
export type { ReportErrorCode } from './errors.js';
export { REPORT_MESSAGES, ReportError } from './errors.js';
export { FOCUS_COLUMNS } from './focus/focusColumns.js';
export { renderFocus, renderFocusChunks } from './focus/renderFocus.js';
export type { ReportFormatContext, TextReportFormat, TextReportFormatId } from './formats.js';
export { TEXT_REPORT_FORMAT_IDS, TEXT_REPORT_FORMATS } from './formats.js';
export { escapeHtml } from './html/escapeHtml.js';
export { strictPageHead } from './html/pageHead.js';
export type { RenderHtmlOptions } from './html/renderHtml.js';
export { renderHtml, renderHtmlChunks } from './html/renderHtml.js';
export type { Sha256 } from './html/sha256.js';
export { strictCsp } from './html/sha256.js';
export { renderJson, renderJsonChunks } from './json/renderJson.js';
export type { RenderMarkdownOptions } from './markdown/renderMarkdown.js';
export { renderMarkdown, renderMarkdownChunks } from './markdown/renderMarkdown.js';
export type { CloudComparison } from './present/cloudComparison.js';
export { cloudComparison } from './present/cloudComparison.js';
export type { PresentedAnalysis, PresentOptions } from './present/presentAnalysis.js';
export { presentAnalysis, presentTotals } from './present/presentAnalysis.js';
export { REPORT_FORMAT_VERSION } from './version.js';
