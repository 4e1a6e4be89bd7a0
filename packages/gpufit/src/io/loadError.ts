import { showHiddenCharacters } from '@gpufit/schema';

/**
 * What a loader throws: a file-level problem (unreadable header, unknown or missing columns) or, in `strict`
 * mode, the first bad row. It carries the same location fields as a rejected row so the CLI prints both alike.
 */
export class LoadError extends Error {
  override readonly name = 'LoadError';
  readonly code: string;
  readonly file: string;
  /** Spreadsheet row (header = 1); 0 when the problem is the file as a whole. */
  readonly row: number;
  readonly column: string | null;
  readonly reason: string;

  constructor(where: { code: string; file: string; row: number; column: string | null; reason: string }) {
    // A header cell, a path or a quoted value may hold a control or bidirectional character: shown, not passed on.
    const column = where.column === null ? null : showHiddenCharacters(where.column);
    const reason = showHiddenCharacters(where.reason);
    const place = [
      showHiddenCharacters(where.file),
      where.row > 0 ? `row ${where.row}` : undefined,
      column ? `column ${column}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    super(`${place}: ${reason}`);
    this.code = where.code;
    this.file = where.file;
    this.row = where.row;
    this.column = column;
    this.reason = reason;
  }
}
