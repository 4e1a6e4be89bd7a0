import type { Analysis } from '@gpufit/schema';
import type { PresentOptions } from '../present/presentAnalysis.js';
import { presentAnalysis } from '../present/presentAnalysis.js';
import { createRounder } from '../present/rounder.js';
import type { CsvRow } from './csvColumns.js';
import { CSV_COLUMNS, CSV_OPTIONS } from './csvColumns.js';
import { writeCsv } from './writeCsv.js';

/**
 * `report.csv`: one row per workload × option (cloud, depin, hybrid, recommended) with the columns of
 * {@link CSV_COLUMNS}. UTF-8 with a byte-order mark (so Excel reads non-ASCII names correctly), RFC 4180
 * quoting, CRLF line ends; text cells starting with = + - @ tab or CR are prefixed with `'`.
 */
export function renderCsv(analysis: Analysis, options: PresentOptions = {}): string {
  const p = presentAnalysis(analysis, options);
  const r = createRounder(p.roundingMode);
  const rows = p.workloads.flatMap((w) =>
    CSV_OPTIONS.map((option): CsvRow => {
      const chosen = option === 'recommended' ? w.workload.decision.recommendation : option;
      return {
        p,
        r,
        w,
        option,
        chosen,
        priced: chosen === 'cloud' ? w.cloud : chosen === 'depin' ? w.depin : null,
        hybrid: chosen === 'hybrid' ? w.hybrid : null,
        paths: w.paths,
      };
    }),
  );
  return writeCsv(
    CSV_COLUMNS.map((c) => c.name),
    rows.map((row) => CSV_COLUMNS.map((c) => c.value(row))),
    { bom: true },
  );
}
