/**
 * The text formats that grow with the portfolio are written in pieces (TEXT_REPORT_FORMATS[id].pieces): as one
 * string, forecast-focus.csv outgrew V8's longest string near 13,000 workloads (14,000 generated ones stopped with
 * "Invalid string length"), and report.md and report.html (35.4 and 36.5 MB for 2,000) would near 29,000.
 */
import { TEXT_REPORT_FORMAT_IDS } from '@gpufit/schema';
import { describe, expect, test } from 'vitest';
import { TEXT_REPORT_FORMATS } from '../src/formats.js';
import { buildAnalysis } from './fixtures/analysis.js';

const FAKE_CHART_JS = 'window.Chart = function Chart() {};';
const context = { chartJsSource: FAKE_CHART_JS, chartImageDir: 'charts' };

describe('report pieces', () => {
  const a = buildAnalysis();
  const streamed = TEXT_REPORT_FORMAT_IDS.filter((id) => TEXT_REPORT_FORMATS[id].pieces !== undefined);

  test('forecast-focus.csv, report.md and report.html have pieces; report.csv and report.json are written otherwise', () => {
    expect([...streamed].sort()).toEqual(['focus', 'html', 'md']);
  });

  test.each(['focus', 'md', 'html'] as const)(
    '%s: the pieces join to the rendered text, byte for byte',
    (id) => {
      const f = TEXT_REPORT_FORMATS[id];
      expect([...f.pieces!(a, context)].join('')).toBe(f.render(a, context));
    },
  );

  test.each(['focus', 'md', 'html'] as const)(
    '%s: no piece holds the workloads together (the longest is under a third of the file)',
    (id) => {
      const pieces = [...TEXT_REPORT_FORMATS[id].pieces!(a, context)];
      const total = pieces.reduce((n, p) => n + p.length, 0);
      // The fixture's workloads are most of each file; a writer given one piece for them all holds them at once.
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(total / 3);
    },
  );
});
