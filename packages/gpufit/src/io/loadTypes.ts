import type { Readable } from 'node:stream';
import type { Accounting, RejectedRow, ValidationIssue } from '@gpufit/schema';

/** Where rows come from: a file path, or a stream of bytes (Buffer or string chunks) with a name for messages. */
export type LoadSource = string | Readable;

/**
 * A row that was read but not accepted. `row` is the spreadsheet row (header = row 1, first data row = row 2,
 * a blank line is a row, a quoted field spanning lines stays one row); `line` is the physical text line the
 * record starts on (LF-counted), which differs from `row` only after quoted newlines. JSON inputs have
 * `row` = array index + 1 and `line` null.
 */
export interface LoadRejection extends RejectedRow {
  readonly code: string;
  readonly line: number | null;
  /** Every problem found in the row; `column` and `reason` summarize them. */
  readonly issues: readonly ValidationIssue[];
}

/** A note about the file as a whole that is not a failure (an empty file, a header without rows). */
export interface LoadWarning {
  /** `doubted-price`: an imported price the importer did not write, with the reason (e.g. GCP flex SKUs). */
  readonly code: 'empty-file' | 'no-data-rows' | 'blank-rows' | 'doubted-price';
  readonly file: string;
  readonly message: string;
}

export interface LoadResult<T> {
  readonly file: string;
  readonly rows: T[];
  readonly rejected: LoadRejection[];
  /** `read = accepted + rejected`, always. Blank rows are not data rows and are counted in `blankRows`. */
  readonly accounting: Accounting;
  readonly blankRows: number;
  readonly warnings: LoadWarning[];
}

/** One item of a streaming load: an accepted value with its row, or a rejection. */
export type LoadItem<T> =
  | { readonly ok: true; readonly row: number; readonly value: T }
  | { readonly ok: false; readonly rejection: LoadRejection };

export interface LoadOptions {
  /** Fail on the first bad row with a `LoadError` instead of skipping it. */
  readonly strict?: boolean;
  /** Name used in messages when the source is a stream (default `<stream>`); a path names itself. */
  readonly fileName?: string;
  /** Most bytes to read (default: the reader's limit in `INPUT_LIMITS`); more is a `too-large` `LoadError`. */
  readonly maxBytes?: number;
}
