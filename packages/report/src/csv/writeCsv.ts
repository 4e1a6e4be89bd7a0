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

/** A text cell as written: hidden characters shown, neutralized against formulas, quoted when needed. */
export function csvText(value: string): string {
  return quoteField(neutralizeFormula(showHiddenCharacters(value)));
}

/** A cell as written: text as `csvText` writes it; a number (plain decimal digits) as it is. */
function cellText(cell: CsvCell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'number':
      return cell.value;
    case 'text':
      return csvText(cell.value);
  }
}

/**
 * Write a header and rows as RFC 4180 CSV: comma-separated, CRLF after every record (the last too), fields
 * quoted only when needed, text cells neutralized against formula injection. A null header writes the rows alone
 * (to append to a file begun with one).
 */
export function writeCsv(
  header: readonly string[] | null,
  rows: readonly (readonly CsvCell[])[],
  options: WriteCsvOptions,
): string {
  const lines = rows.map((row) => row.map(cellText).join(','));
  if (header !== null) lines.unshift(header.map(csvText).join(','));
  if (lines.length === 0) return options.bom ? '\uFEFF' : '';
  return `${options.bom ? '\uFEFF' : ''}${lines.join(CSV_EOL)}${CSV_EOL}`;
}
