import type { Analysis } from '@gpufit/schema';
import { writeCsv } from '../csv/writeCsv.js';
import type { PresentOptions } from '../present/presentAnalysis.js';
import { presentAnalysis } from '../present/presentAnalysis.js';
import { createRounder } from '../present/rounder.js';
import { focusCharges } from './focusCharges.js';
import type { FocusRow } from './focusColumns.js';
import { FOCUS_COLUMNS } from './focusColumns.js';

/**
 * `forecast-focus.csv`: projected spend as FOCUS 1.2 rows, one per workload × option × month × charge (a hybrid
 * option gives rows per side, because a FOCUS row has one provider; a charge is the GPU-hours or a data line with
 * a cost, focusCharges.ts, so each row has one pricing unit and one list price; a cloud option that is a committed
 * base with on-demand bursts gives rows per part, each on its own offer). Months come from the projection;
 * without one, the monthly cost repeats over the scenario's horizon. An option with no price has no rows:
 * FOCUS cost columns cannot be empty, and a missing price is never written as 0.
 * UTF-8 without a byte-order mark (loaders and the FOCUS validator read it as is), RFC 4180, CRLF.
 */
export function renderFocus(analysis: Analysis, options: PresentOptions = {}): string {
  return [...renderFocusChunks(analysis, options)].join('');
}

/**
 * `renderFocus` in pieces: the header line, then each workload's rows as one piece (or none when it has no priced
 * option), so a writer can stream the file. Joined, the pieces are `renderFocus`'s text to the byte. A portfolio's
 * file as one string outgrew V8's longest string (about 2^29 characters, 512 MiB) near 13,000 workloads: 14,000
 * generated workloads stopped with "Invalid string length"; and building every row first held about 9 bytes of heap
 * a byte of the file (82 MB of forecast for 2,000 workloads peaked at 989 MB RSS).
 */
export function* renderFocusChunks(analysis: Analysis, options: PresentOptions = {}): Generator<string> {
  const p = presentAnalysis(analysis, options);
  const r = createRounder(p.roundingMode);
  yield writeCsv(
    FOCUS_COLUMNS.map((c) => c.name),
    [],
    { bom: false },
  );
  for (const w of p.workloads) {
    const rows: FocusRow[] = w.paths
      .flatMap((whole) => whole.parts ?? [whole])
      .flatMap((path) =>
        path.months.flatMap((month) =>
          focusCharges(r, path, month).map((charge) => ({ p, r, w, path, month, charge })),
        ),
      );
    if (rows.length > 0)
      yield writeCsv(
        null,
        rows.map((row) => FOCUS_COLUMNS.map((c) => c.value(row))),
        { bom: false },
      );
  }
}
