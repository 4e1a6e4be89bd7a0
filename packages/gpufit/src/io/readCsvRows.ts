import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { LoadError } from './loadError.js';
import type { LoadSource } from './loadTypes.js';
import { type Utf8Problem, Utf8Scanner } from './utf8Scanner.js';

/** Why a record cannot be trusted before its cells are even looked at. */
export interface RowProblem {
  readonly code: 'invalid-utf8' | 'csv-syntax';
  readonly reason: string;
}

/**
 * One non-blank CSV record. `row` is the spreadsheet row (every record counts, blank ones included, so the
 * header of a file without leading blank lines is row 1); `line` is the LF-counted text line it starts on.
 */
export interface CsvRow {
  readonly cells: string[];
  readonly row: number;
  readonly line: number;
  readonly problem: RowProblem | null;
}

export interface CsvReadStats {
  blankRows: number;
}

/** A record this long is a wrong delimiter or an unclosed quote, not data; it is reported, not buffered. */
const MAX_RECORD_CHARS = 1 << 20;
const CHUNK_BYTES = 1 << 18;

/** The name a source goes by in messages. */
export function sourceName(source: LoadSource, fileName: string | undefined): string {
  return fileName ?? (typeof source === 'string' ? source : '<stream>');
}

function open(source: LoadSource): Readable {
  return typeof source === 'string' ? createReadStream(source, { highWaterMark: CHUNK_BYTES }) : source;
}

/**
 * Streams the records of a CSV file in batches (one batch per input chunk) with csv-parse: array records,
 * no casting. Handles a BOM, CRLF or LF, quoted fields with delimiters or newlines and blank lines (counted in
 * `stats.blankRows`, never yielded). Ragged rows come out as they are (`relax_column_count`): the caller checks
 * lengths. A stray quote inside an unquoted field is kept as a character (`relax_quotes`), so one bad cell
 * cannot swallow the rows after it; a quote left open at the end of the file becomes one row with a
 * `csv-syntax` problem. Bytes that are not UTF-8 give their record an `invalid-utf8` problem naming the byte
 * offset instead of silently becoming U+FFFD.
 */
export async function* readCsvRows(
  source: LoadSource,
  file: string,
  stats: CsvReadStats,
): AsyncGenerator<CsvRow[], void, undefined> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const scanner = new Utf8Scanner();
  let badBytes: Utf8Problem[] = [];
  let consumed = 0;
  let fatal: Error | undefined;
  /** Parser errors that dropped a record, keyed by how many records came before them. */
  let skips: { at: number; error: CsvError }[] = [];
  parser.on('skip', (error: CsvError | undefined) => {
    if (error) skips.push({ at: consumed + parser.readableLength, error });
  });
  parser.on('error', (error: Error) => {
    fatal = error;
  });

  let row = 0;
  let nextLine = 1;
  let quoteSeen = false;

  const drain = (): CsvRow[] => {
    const out: CsvRow[] = [];
    for (;;) {
      while (skips.length > 0 && skips[0]!.at <= consumed) {
        const { error } = skips.shift()!;
        row++;
        out.push({ cells: [], row, line: nextLine, problem: syntaxProblem(error, nextLine) });
        // The dropped record's extent is unknown; csv-parse's own line count is the best resync point.
        const at = typeof error['lines'] === 'number' ? error['lines'] : nextLine;
        nextLine = Math.max(nextLine, at + 1);
      }
      const cells = parser.read() as string[] | null;
      if (cells === null) break;
      consumed++;
      row++;
      const line = nextLine;
      let end = line;
      let blank = true;
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i]!;
        if (c.length === 0) continue;
        if (blank) {
          const ch = c.charCodeAt(0);
          if ((ch > 32 && ch < 127) || c.trim() !== '') blank = false;
        }
        // Only a quoted field holds a line break; before the first quote byte there is none to count.
        if (quoteSeen && c.indexOf('\n') !== -1) end += countNewlines(c);
      }
      nextLine = end + 1;
      let problem: RowProblem | null = null;
      if (badBytes.length > 0) {
        while (badBytes.length > 0 && badBytes[0]!.line < line) badBytes.shift();
        const bad = badBytes[0];
        if (bad !== undefined && bad.line <= end) {
          problem = utf8Problem(bad);
          while (badBytes.length > 0 && badBytes[0]!.line <= end) badBytes.shift();
        }
      }
      if (blank && problem === null) {
        stats.blankRows++;
        continue;
      }
      out.push({ cells, row, line, problem });
    }
    if (fatal)
      throw new LoadError({ code: 'csv-syntax', file, row: row + 1, column: null, reason: fatal.message });
    return out;
  };

  const input = open(source);
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string | Uint8Array>) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk, 'utf8')
          : Buffer.isBuffer(chunk)
            ? chunk
            : Buffer.from(chunk);
      if (!quoteSeen && bytes.indexOf(0x22) !== -1) quoteSeen = true;
      const problems = scanner.scan(bytes);
      if (problems.length > 0) badBytes = badBytes.concat(problems);
      parser.write(bytes);
      const batch = drain();
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    if (error instanceof LoadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new LoadError({
      code: 'unreadable',
      file,
      row: 0,
      column: null,
      reason: `cannot read the file: ${reason}`,
    });
  } finally {
    if (typeof source === 'string') input.destroy();
  }
  const tail = scanner.finish();
  if (tail.length > 0) badBytes = badBytes.concat(tail);
  await new Promise<void>((resolve) => parser.end(resolve));
  const last = drain();
  skips = [];
  if (last.length > 0) yield last;
}

function countNewlines(s: string): number {
  let n = 0;
  let i = s.indexOf('\n');
  while (i !== -1) {
    n++;
    i = s.indexOf('\n', i + 1);
  }
  return n;
}

function utf8Problem(p: Utf8Problem): RowProblem {
  return {
    code: 'invalid-utf8',
    reason: `not UTF-8: byte${p.bytes.length > 2 ? 's' : ''} 0x${p.bytes} at byte offset ${p.byteOffset} (line ${p.line}); save the file as UTF-8`,
  };
}

function syntaxProblem(error: CsvError, line: number): RowProblem {
  const reason =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `a quoted field opened on or after line ${line} is never closed, so the rest of the file is one cell; close the quote (write "" for a quote inside a quoted field)`
      : error.code === 'CSV_MAX_RECORD_SIZE'
        ? `a record longer than ${MAX_RECORD_CHARS} characters: check the delimiter (gpufit reads comma-separated files) and for an unclosed quote`
        : `CSV syntax: ${error.message}`;
  return { code: 'csv-syntax', reason };
}
