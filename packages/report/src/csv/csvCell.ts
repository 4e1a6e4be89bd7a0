/**
 * A CSV cell knows whether it is text or a number, because only text is neutralized against formula
 * injection: a negative amount (`-12.50`) must stay a number a spreadsheet can sum.
 */
export type CsvCell =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'number'; readonly value: string }
  | { readonly kind: 'empty' };

export const textCell = (value: string): CsvCell => ({ kind: 'text', value });
/** `value` is already formatted (plain decimal, no grouping) by the presentation step. */
export const numberCell = (value: string): CsvCell => ({ kind: 'number', value });
export const emptyCell: CsvCell = { kind: 'empty' };
export const booleanCell = (value: boolean): CsvCell => ({ kind: 'text', value: value ? 'true' : 'false' });
export const maybeText = (value: string | null | undefined): CsvCell =>
  value === null || value === undefined ? emptyCell : textCell(value);
