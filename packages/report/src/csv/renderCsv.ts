import type { Analysis } from '@gpufit/schema';
import type { PresentOptions } from '../present/presentAnalysis.js';
import { presentAnalysis } from '../present/presentAnalysis.js';
import { createRounder } from '../present/rounder.js';
import { emptyCell } from './csvCell.js';
import type { CsvRow } from './csvColumns.js';
import { CSV_COLUMNS, CSV_OPTIONS, planDistributionRows } from './csvColumns.js';
import { writeCsv } from './writeCsv.js';

/** `renderCsv` options: the presentation's (rounding mode) and whether to begin the file. */
export interface RenderCsvOptions extends PresentOptions {
  /**
   * Start with the byte-order mark and the header line (default true). False gives the rows alone, to append to a
   * report.csv begun by an earlier call (a streamed analysis renders its workloads one by one).
   */
  readonly header?: boolean;
}

/**
 * `report.csv`: one row per workload × option (cloud, depin, hybrid, recommended; and for a cloud option that is a
 * committed base with on-demand bursts, a row per part, rowType option-part) with the columns of
 * {@link CSV_COLUMNS}, then the whole plans' spend range from the joint Monte Carlo (`plan-distribution` and
 * `plan-distribution-month` rows, when the analysis has `totals.distribution`). UTF-8 with a byte-order mark (so Excel reads non-ASCII names correctly), RFC 4180
 * quoting, CRLF line ends; text cells starting with = + - @ tab or CR are prefixed with `'`.
 */
export function renderCsv(analysis: Analysis, options: RenderCsvOptions = {}): string {
  const p = presentAnalysis(analysis, options);
  const r = createRounder(p.roundingMode);
  const rows = p.workloads.flatMap((w) => [
    ...CSV_OPTIONS.map((option): CsvRow => {
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
    // A cloud option that is a committed base with on-demand bursts: one row per part, on its own offer.
    ...(w.cloud?.parts ?? []).map(
      (part): CsvRow => ({
        p,
        r,
        w,
        option: part.part === 'base' ? 'cloud-base' : 'cloud-burst',
        chosen: 'cloud',
        priced: part,
        hybrid: null,
        paths: w.paths,
      }),
    ),
  ]);
  const plans = planDistributionRows(p, r);
  return writeCsv(
    options.header === false ? null : CSV_COLUMNS.map((c) => c.name),
    [
      ...rows.map((row) => CSV_COLUMNS.map((c) => c.value(row))),
      ...plans.map((row) => CSV_COLUMNS.map((c) => row.get(c.name) ?? emptyCell)),
    ],
    { bom: options.header !== false },
  );
}
