import { showHiddenCharacters } from '@gpufit/schema';
import type { CsvCell } from './csvCell.js';
import { neutralizeFormula } from './neutralizeFormula.js';

export interface WriteCsvOptions {
  /** Start with U+FEFF so Excel reads the file as UTF-8 (Excel assumes the ANSI code page otherwise). */
  readonly bom: boolean;
}

/** RFC 4180 line break. */
export const CSV_EOL = '\r\n';

/** RFC 4180 §2.6–2.7: quote a field holding a comma, a quote or a line break; double inner quotes. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cellText(cell: CsvCell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'number':
      return cell.value;
    case 'text':
      return neutralizeFormula(showHiddenCharacters(cell.value));
  }
}

/**
 * Write a header and rows as RFC 4180 CSV: comma-separated, CRLF after every record (the last too), fields
 * quoted only when needed, text cells neutralized against formula injection.
 */
export function writeCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: WriteCsvOptions,
): string {
  const lines = [
    header.map((h) => quoteField(neutralizeFormula(showHiddenCharacters(h)))).join(','),
    ...rows.map((row) => row.map((c) => quoteField(cellText(c))).join(',')),
  ];
  return `${options.bom ? '\uFEFF' : ''}${lines.join(CSV_EOL)}${CSV_EOL}`;
}
