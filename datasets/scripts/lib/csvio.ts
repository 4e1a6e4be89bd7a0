import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type Row = Record<string, string>;

/** Reads a UTF-8 CSV with a header row; every cell stays a string (empty = unknown). */
export function readCsv(file: string): Row[] {
  const text = readFileSync(file, 'utf8');
  return parse(text, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
  }) as Row[];
}

/**
 * The CSV text of rows with exactly `columns`, in that order, LF line endings and quoting only where needed,
 * so the same rows always give the same bytes.
 */
export function csvText(columns: readonly string[], rows: readonly Row[], what = 'csvText'): string {
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!columns.includes(key)) throw new Error(`${what}: unexpected column ${key}`);
    }
  }
  return stringify(
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { header: true, columns: [...columns], record_delimiter: '\n', eof: true },
  );
}

/** Writes `csvText(columns, rows)` to `file`. */
export function writeCsv(file: string, columns: readonly string[], rows: readonly Row[]): void {
  writeFileSync(file, csvText(columns, rows, `writeCsv(${file})`), 'utf8');
}

/** Deterministic number → cell: at most `decimals` decimals, no trailing zeros, never exponent for our ranges. */
export function num(x: number | undefined, decimals = 6): string {
  if (x === undefined) return '';
  if (!Number.isFinite(x)) throw new Error(`num(): non-finite value ${x}`);
  const rounded = Number(x.toFixed(decimals));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Significant-digit formatting for small rates such as hazards per hour. */
export function sig(x: number | undefined, digits = 6): string {
  if (x === undefined) return '';
  if (!Number.isFinite(x)) throw new Error(`sig(): non-finite value ${x}`);
  return String(Number(x.toPrecision(digits)));
}

export function byKey<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}
