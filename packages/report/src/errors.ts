/** Every error a renderer throws, as a named constant; the error carries a code and the path it is about. */
export const REPORT_MESSAGES = {
  'non-finite-number':
    'the analysis holds NaN or Infinity; a value that cannot be computed must be null with a reason',
  'inconsistent-total': 'the line items of a total do not add up to it (more than rounding apart)',
  'unsafe-chart-source': 'the chart.js source contains "</script" or "<!--" and cannot be inlined safely',
  'empty-chart-source': 'renderHtml needs the chart.js UMD source text (chart.js/dist/chart.umd.min.js)',
  'bad-month': 'a month must be written YYYY-MM',
} as const;

export type ReportErrorCode = keyof typeof REPORT_MESSAGES;

export class ReportError extends Error {
  override readonly name = 'ReportError';
  constructor(
    readonly code: ReportErrorCode,
    readonly path: readonly (string | number)[] = [],
    detail?: string,
  ) {
    const where = path.length > 0 ? ` at ${path.join('.')}` : '';
    super(`${REPORT_MESSAGES[code]}${where}${detail === undefined ? '' : ` (${detail})`}`);
  }
}
