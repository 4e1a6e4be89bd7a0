import type { ValidationIssue } from '@gpufit/schema';
import { checkHeader, type HeaderSpec } from './checkHeader.js';
import type { InputLimit } from './inputLimits.js';
import { LoadError } from './loadError.js';
import type { LoadItem, LoadOptions, LoadResult, LoadSource } from './loadTypes.js';
import { type RawRowCheck, SKIP } from './rawOfferCheck.js';
import { type CsvRow, readCsvRows, sourceName } from './readCsvRows.js';
import { RowLedger, rejectionFromIssues } from './rowLedger.js';

export type Decoded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: string; readonly issues: readonly ValidationIssue[] };

/** How one kind of table (workloads, offers) is checked and decoded. */
export interface CsvTableSpec<T> {
  readonly header: HeaderSpec;
  /** The most bytes a file of this table may hold. */
  readonly limit: InputLimit;
  /** Called once with the named header columns; returns the row decoder. */
  decoder(header: readonly string[]): (cells: readonly string[]) => Decoded<T>;
  idOf(value: T): string;
  /**
   * Optional: called once with the header (when every column is named) for a check that proves a row valid from
   * its bytes (`RawRowCheck`): a row not kept is counted as accepted and yields no item; a kept row yields the
   * value the check built, which is the one `decoder` gives.
   */
  rawCheck?(header: readonly string[]): RawRowCheck<T> | undefined;
}

/**
 * Loads a CSV table in batches of items (one batch per input chunk), keeping the books in `ledger`.
 * Before decoding, a row is rejected for unreadable bytes or CSV syntax, for a cell count that differs from
 * the header's (ragged), or for a value under a column with no header name.
 */
export async function* csvTableBatches<T>(
  source: LoadSource,
  specOrPromise: CsvTableSpec<T> | Promise<CsvTableSpec<T>>,
  ledger: RowLedger,
  maxBytes?: number,
): AsyncGenerator<LoadItem<T>[], void, undefined> {
  const spec = await specOrPromise;
  const file = ledger.file;
  let header: string[] | undefined;
  let named: number[] | undefined;
  let decode: ((cells: readonly string[]) => Decoded<T>) | undefined;
  let rawCheck: RawRowCheck<T> | undefined;

  const raw = spec.rawCheck !== undefined;
  for await (const batch of readCsvRows(source, file, ledger, spec.limit, maxBytes, { raw })) {
    const items: LoadItem<T>[] = [];
    try {
      decodeBatch(batch, items);
    } catch (error) {
      // Strict mode: hand over the rows before the bad one, then stop.
      if (items.length > 0) yield items;
      throw error;
    }
    if (items.length > 0) yield items;
  }

  function decodeBatch(batch: readonly CsvRow[], items: LoadItem<T>[]): void {
    for (const r of batch) {
      if (header === undefined || decode === undefined) {
        if (r.problem) {
          throw new LoadError({
            code: r.problem.code,
            file,
            row: r.row,
            column: null,
            reason: `header: ${r.problem.reason}`,
          });
        }
        header = checkHeader(r.cells, spec.header, file, r.row);
        const namedIdx = header.flatMap((h, i) => (h === '' ? [] : [i]));
        named = namedIdx.length === header.length ? undefined : namedIdx;
        decode = spec.decoder(named ? named.map((i) => header![i]!) : header);
        rawCheck = named ? undefined : spec.rawCheck?.(header);
        continue;
      }
      if (r.raw !== undefined && rawCheck !== undefined && r.problem === null) {
        const judged = rawCheck.judge(r.raw);
        if (judged === SKIP) {
          const { bytes, spans, at } = r.raw;
          const k = at + 3 * rawCheck.idColumn;
          if (ledger.acceptUnkept(r.row, bytes, spans[k]!, spans[k + 1]!)) {
            rawCheck.counted();
            continue;
          }
        } else if (judged !== undefined) {
          items.push(ledger.accept(r.row, r.line, spec.idOf(judged), judged));
          continue;
        }
      }
      if (r.problem) {
        const column = r.problem.code === 'invalid-utf8' ? columnOfReplacement(r.cells, header) : null;
        items.push(rejectRow(ledger, r, r.problem.code, r.problem.reason, column));
        continue;
      }
      const cells = r.cells;
      if (cells.length !== header.length) {
        // Fewer cells: the first column left without one; more: no column owns the extra cells.
        const column = cells.length < header.length ? header[cells.length] || null : null;
        items.push(rejectRow(ledger, r, 'ragged', raggedReason(cells.length, header.length), column));
        continue;
      }
      let namedCells: readonly string[] = cells;
      if (named) {
        const stray = header.findIndex((h, i) => h === '' && cells[i]!.trim() !== '');
        if (stray !== -1) {
          items.push(
            rejectRow(
              ledger,
              r,
              'unnamed-column',
              `cell ${stray + 1} holds ${JSON.stringify(cells[stray])} but its column has no header name; name the column or clear the cell`,
              unnamedColumnLabel(stray),
            ),
          );
          continue;
        }
        namedCells = named.map((i) => cells[i]!);
      }
      const decoded = decode(namedCells);
      if (decoded.ok) items.push(ledger.accept(r.row, r.line, spec.idOf(decoded.value), decoded.value));
      else items.push(ledger.reject(rejectionFromIssues(file, r.row, r.line, decoded.code, decoded.issues)));
    }
  }

  if (header === undefined) {
    ledger.warnings.push({
      code: 'empty-file',
      file,
      message: `${file} is empty (no header row): nothing was loaded`,
    });
  } else if (ledger.read === 0) {
    ledger.warnings.push({
      code: 'no-data-rows',
      file,
      message: `${file} has a header but no data rows: nothing was loaded`,
    });
  }
  ledger.accounting();
}

function rejectRow(
  ledger: RowLedger,
  r: CsvRow,
  code: string,
  reason: string,
  column: string | null = null,
): LoadItem<never> {
  return ledger.reject({
    file: ledger.file,
    row: r.row,
    line: r.line,
    code,
    column,
    reason,
    issues: [],
  });
}

/**
 * How a rejection names a column whose header cell is empty: its position, and its letter as a spreadsheet
 * shows it (the 5th column is "#5 (E, no header)").
 */
export function unnamedColumnLabel(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `#${index + 1} (${letters}, no header)`;
}

/** The column of the first cell holding U+FFFD, which is where the decoder put the bytes that were not UTF-8. */
function columnOfReplacement(cells: readonly string[], header: readonly string[]): string | null {
  const i = cells.findIndex((c) => c.includes('\uFFFD'));
  return i === -1 ? null : header[i] || null;
}

function raggedReason(cells: number, columns: number): string {
  const span = (from: number, to: number, noun: string) =>
    from === to ? `${noun} ${from} has` : `${noun}s ${from}–${to} have`;
  const what =
    cells < columns
      ? `fewer: ${span(cells + 1, columns, 'column')} no cell`
      : `more: ${span(columns + 1, cells, 'cell')} no column`;
  return `the row has ${cells} cells but the header has ${columns} columns (${what}); check for a missing or extra comma, or a value with a comma that needs "quotes"`;
}

/**
 * Collects a whole table into a `LoadResult`. With `keep`, an accepted row it refuses is validated and counted
 * (the books, duplicate ids and rejections are the same) but not kept: `rows` may then be fewer than `accepted`.
 */
export async function loadCsvTable<T>(
  source: LoadSource,
  spec: CsvTableSpec<T>,
  options: LoadOptions = {},
  keep: ((value: T) => boolean) | null = null,
): Promise<LoadResult<T>> {
  const ledger = new RowLedger(sourceName(source, options.fileName), options.strict ?? false);
  const rows: T[] = [];
  const rejected: LoadResult<T>['rejected'] = [];
  for await (const items of csvTableBatches(source, spec, ledger, options.maxBytes)) {
    for (const item of items) {
      if (item.ok) {
        if (keep === null || keep(item.value)) rows.push(item.value);
      } else rejected.push(item.rejection);
    }
  }
  return {
    file: ledger.file,
    rows,
    rejected,
    accounting: ledger.accounting(),
    blankRows: ledger.blankRows,
    warnings: ledger.warnings,
  };
}
