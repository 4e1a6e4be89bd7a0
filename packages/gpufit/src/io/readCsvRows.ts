import { type CsvError, type Parser, parse } from 'csv-parse';
import { boundedChunks } from './boundedChunks.js';
import type { InputLimit } from './inputLimits.js';
import { LoadError } from './loadError.js';
import type { LoadSource } from './loadTypes.js';
import {
  cellStrings,
  type PlainSpans,
  plainCells,
  splitPlainRecords,
  splitPlainSpans,
} from './plainCsvRecords.js';
import { countLineFeeds, type Utf8Problem, Utf8Scanner } from './utf8Scanner.js';

/** Why a record cannot be trusted before its cells are even looked at. */
export interface RowProblem {
  readonly code: 'invalid-utf8' | 'csv-syntax' | 'line-too-long';
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
  /** Set on the rows read with `raw` that are plain, on one line and not blank. */
  readonly raw?: RawCells;
}

/**
 * A plain record's cells as spans of the bytes they were read from (`splitPlainSpans`): cell `i` is
 * `spans[at + 3i … at + 3i + 2]`. A reader that can judge a row from its bytes makes no string for it.
 */
export interface RawCells {
  readonly bytes: Buffer;
  readonly spans: Int32Array;
  readonly at: number;
  readonly count: number;
}

/** A plain, single-line, non-blank record read with `raw`: its cells become strings when first asked for. */
class RawCsvRow implements CsvRow, RawCells {
  readonly problem = null;
  private made: string[] | null = null;

  constructor(
    readonly bytes: Buffer,
    readonly spans: Int32Array,
    readonly at: number,
    readonly count: number,
    readonly row: number,
    readonly line: number,
  ) {}

  /** The row is its own raw cells (one object a row). */
  get raw(): RawCells {
    return this;
  }

  get cells(): string[] {
    if (this.made === null) this.made = cellStrings(this.bytes, this.spans, this.at, this.count);
    return this.made;
  }
}

export interface CsvReadStats {
  blankRows: number;
}

/**
 * A physical line longer than this many bytes is a wrong delimiter, a wrong line end or not a CSV file at all;
 * it is reported as one row and skipped to its end, never buffered.
 */
export const MAX_LINE_BYTES = 1 << 20;
/**
 * A record (which can span lines inside a quoted field) longer than this is a quote that is never closed:
 * reading stops there, as at an unclosed quote at the end of the file. Above `MAX_LINE_BYTES`, so a single
 * line always meets the line limit first.
 */
export const MAX_RECORD_BYTES = 4 << 20;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** The name a source goes by in messages. */
export function sourceName(source: LoadSource, fileName: string | undefined): string {
  return fileName ?? (typeof source === 'string' ? source : '<stream>');
}

/**
 * Streams the records of a CSV file in batches (one batch per input chunk) with csv-parse: array records,
 * no casting. Handles a BOM, CRLF or LF, quoted fields with delimiters or newlines and blank lines (counted in
 * `stats.blankRows`, never yielded). Ragged rows come out as they are (`relax_column_count`): the caller checks
 * lengths. A stray quote inside an unquoted field is kept as a character (`relax_quotes`), so one bad cell
 * cannot swallow the rows after it; a quote left open at the end of the file becomes one row with a
 * `csv-syntax` problem. Bytes that are not UTF-8 give their record an `invalid-utf8` problem naming the byte
 * offset instead of silently becoming U+FFFD.
 *
 * Size limits, so that one bad line cannot take the rows after it or the memory with it: a physical line over
 * `MAX_LINE_BYTES` becomes one row with a `line-too-long` problem, its bytes are dropped up to its line feed
 * and reading goes on with the next line (csv-parse's own record-size error leaves its parser unable to read
 * any further row, so the line never reaches it). A record over `MAX_RECORD_BYTES` can only be a quoted field
 * that is never closed: it becomes one `csv-syntax` row and reading stops there, the message says so. The
 * whole file may hold at most `maxBytes` (default `limit.bytes`): past it the read stops with a `too-large`
 * `LoadError`, so an endless source (`/dev/zero` after a header) cannot run forever.
 *
 * Records written the plain way (LF line ends, fields unquoted or wholly quoted, valid UTF-8, lines far below
 * the limit) are split by `splitPlainRecords`, ≈ 4.5× cheaper than csv-parse; from the first record that is
 * anything else (or a chunk with bytes that are not UTF-8, or a line that may be too long) to the end of the
 * file, csv-parse reads as above, so every awkward case and every message is csv-parse's and the rows are the
 * same either way. `plain: false` reads everything with csv-parse (the tests compare the two). With `raw`, a plain
 * record on one line whose first cell starts with a visible ASCII character (so not blank) comes as a row with
 * `raw` set, its cells made only when read.
 */
export async function* readCsvRows(
  source: LoadSource,
  file: string,
  stats: CsvReadStats,
  limit: InputLimit,
  maxBytes?: number,
  options: { readonly plain?: boolean; readonly raw?: boolean } = {},
): AsyncGenerator<CsvRow[], void, undefined> {
  const scanner = new Utf8Scanner();
  let badBytes: Utf8Problem[] = [];
  let consumed = 0;
  let fatal: Error | undefined;
  /** Parser errors that dropped a record, keyed by how many records came before them. */
  let skips: { at: number; error: CsvError }[] = [];
  let parser = newParser();
  /** Reading stopped at a record that cannot end (see MAX_RECORD_BYTES). */
  let stopped = false;

  /**
   * A parser for the start of the file, or (`midFile`) one that takes over after records split without it:
   * those ended with a line feed and no carriage return, which is the record delimiter csv-parse would have
   * settled on from the first one (and a BOM is no longer at the start of the file).
   */
  function newParser(midFile = false): Parser {
    const p = parse({
      bom: !midFile,
      ...(midFile ? { record_delimiter: '\n' } : {}),
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_BYTES,
    });
    p.on('skip', (error: CsvError | undefined) => {
      if (error) skips.push({ at: consumed + p.readableLength, error });
    });
    p.on('error', (error: Error) => {
      fatal = error;
    });
    return p;
  }

  let row = 0;
  let nextLine = 1;
  let quoteSeen = false;

  const drain = (): CsvRow[] => {
    const out: CsvRow[] = [];
    for (;;) {
      while (!stopped && skips.length > 0 && skips[0]!.at <= consumed) {
        const { error } = skips.shift()!;
        row++;
        out.push({ cells: [], row, line: nextLine, problem: syntaxProblem(error, nextLine) });
        if (error.code === 'CSV_MAX_RECORD_SIZE') {
          stopped = true;
          break;
        }
        // The dropped record's extent is unknown; csv-parse's own line count is the best resync point.
        const at = typeof error['lines'] === 'number' ? error['lines'] : nextLine;
        nextLine = Math.max(nextLine, at + 1);
      }
      if (stopped) break;
      const cells = parser.read() as string[] | null;
      if (cells === null) break;
      consumed++;
      take(cells, out);
    }
    if (fatal)
      throw new LoadError({ code: 'csv-syntax', file, row: row + 1, column: null, reason: fatal.message });
    return out;
  };

  /** One record read (by csv-parse or split plainly): its row and line, its UTF-8 problem, or a blank row. */
  const take = (cells: string[], out: CsvRow[]): void => {
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
      return;
    }
    out.push({ cells, row, line, problem });
  };

  /** Spans of the raw rows, several records to one array. */
  let pool = new Int32Array(0);
  let pooled = 0;
  /** A plain record: a raw row when it can be one (see `raw`), else its cells taken as strings. */
  const takeSpans = (bytes: Buffer, record: PlainSpans, out: CsvRow[]): void => {
    const n = 3 * record.cells;
    const first = bytes[record.spans[0]!]!;
    if (
      record.multiline ||
      badBytes.length > 0 ||
      record.spans[1] === record.spans[0] ||
      first <= 0x20 ||
      first >= 0x7f
    ) {
      take(plainCells(bytes, record), out);
      return;
    }
    if (pooled + n > pool.length) {
      pool = new Int32Array(Math.max(n, 1 << 14));
      pooled = 0;
    }
    pool.set(record.spans.subarray(0, n), pooled);
    row++;
    out.push(new RawCsvRow(bytes, pool, pooled, record.cells, row, nextLine));
    nextLine++;
    pooled += n;
  };

  /** Bytes of the current physical line seen so far, and whether the rest of it is being dropped. */
  let lineBytes = 0;
  let skipping = false;
  /** LF-counted line of the first byte of the current chunk. */
  let chunkLine = 1;

  /**
   * Feeds one chunk to the parser, cutting out the bytes of any line over `MAX_LINE_BYTES`. Returns the rows
   * completed by this chunk. The fast path (the chunk cannot complete a line that long) is one lastIndexOf.
   */
  const feed = (bytes: Buffer): CsvRow[] => {
    const out: CsvRow[] = [];
    let start = 0;
    while (start < bytes.length && !stopped) {
      if (skipping) {
        const lf = bytes.indexOf(0x0a, start);
        if (lf === -1) return out;
        // The overlong line ends here: a fresh parser starts on the next line.
        skipping = false;
        lineBytes = 0;
        nextLine = chunkLine + countLineFeeds(bytes.subarray(0, lf)) + 1;
        start = lf + 1;
        parser.removeAllListeners();
        parser.destroy();
        consumed = 0;
        skips = [];
        parser = newParser();
        continue;
      }
      if (lineBytes + (bytes.length - start) <= MAX_LINE_BYTES) {
        parser.write(start === 0 ? bytes : bytes.subarray(start));
        const lf = bytes.lastIndexOf(0x0a);
        lineBytes = lf < start ? lineBytes + bytes.length - start : bytes.length - lf - 1;
        out.push(...drain());
        return out;
      }
      // Walk the line feeds to find the line that grows too long.
      let pos = start;
      let overflow = -1;
      for (;;) {
        const lf = bytes.indexOf(0x0a, pos);
        const end = lf === -1 ? bytes.length : lf;
        if (lineBytes + (end - pos) > MAX_LINE_BYTES) {
          overflow = pos;
          break;
        }
        if (lf === -1) break;
        lineBytes = 0;
        pos = lf + 1;
      }
      if (overflow === -1) {
        parser.write(bytes.subarray(start));
        lineBytes += bytes.length - pos;
        out.push(...drain());
        return out;
      }
      // Whole lines before the long one go to the parser as usual; the record holding the long line is one row.
      if (overflow > start) parser.write(bytes.subarray(start, overflow));
      out.push(...drain());
      if (stopped) return out;
      const longLine = chunkLine + countLineFeeds(bytes.subarray(0, overflow));
      row++;
      out.push({ cells: [], row, line: nextLine, problem: longLineProblem(longLine) });
      skipping = true;
      start = overflow;
    }
    return out;
  };

  /**
   * With `raw` (whose rows are consumed before the next chunk is read), a file is read into two buffers in turn
   * (`boundedChunks`' `reuse`): what is kept of a chunk past the next one is copied — the unfinished record
   * (`carry`) is copied when the next chunk completes it, and what csv-parse is given is copied first.
   */
  const reuse = options.raw === true;
  /** Records are split plainly (`splitPlainRecords`) until `plain` turns false; `carry` = an unfinished record. */
  let plain = options.plain ?? true;
  let carry: Buffer | null = null;
  let tookPlain = false;
  let atStart = true;
  let bomDropped = false;
  /** From here on csv-parse reads: `rest` (the bytes from a record's start on) and every later chunk. */
  const leavePlain = (rest: Buffer, out: CsvRow[]): void => {
    plain = false;
    carry = null;
    if (tookPlain) {
      parser.removeAllListeners();
      parser.destroy();
      consumed = 0;
      skips = [];
      parser = newParser(true);
    }
    chunkLine = nextLine;
    // Nothing taken yet: the first parser reads from the start of the file, its BOM included. A reused chunk is
    // copied: csv-parse may keep part of what it is given.
    const bytes = !tookPlain && bomDropped ? Buffer.concat([BOM, rest]) : reuse ? Buffer.from(rest) : rest;
    if (bytes.length > 0) out.push(...feed(bytes));
  };
  /** Splits what is read so far (`final`: and that is all) plainly, or leaves that to csv-parse. */
  const splitPlain = (buf: Buffer, final: boolean, out: CsvRow[]) =>
    options.raw
      ? splitPlainSpans(buf, final, (record) => takeSpans(buf, record, out))
      : splitPlainRecords(buf, final, (cells) => take(cells, out));
  const readPlain = (bytes: Buffer, problems: readonly Utf8Problem[], final: boolean): CsvRow[] => {
    const out: CsvRow[] = [];
    let buf = bytes;
    if (carry !== null) {
      // The unfinished record and the new bytes up to their first line feed, which most often end it: the rest
      // of the new bytes is then split where it lies instead of being copied after the record (a chunk each).
      const lf =
        problems.length > 0 || carry.length + bytes.length > MAX_LINE_BYTES ? -1 : bytes.indexOf(0x0a);
      const head = lf === -1 ? null : Buffer.concat([carry, bytes.subarray(0, lf + 1)]);
      // It ends a record or takes none (the carry holds no whole one): then all is split as one, as before.
      if (head !== null && splitPlain(head, false, out).taken === head.length) {
        tookPlain = true;
        carry = null;
        buf = bytes.subarray(lf + 1);
      } else buf = Buffer.concat([carry, bytes]);
    }
    if (atStart) {
      // A BOM is dropped as csv-parse drops it; a start too short to tell goes to csv-parse.
      if (buf.length < 3 && !final) {
        leavePlain(buf, out);
        return out;
      }
      atStart = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        buf = buf.subarray(3);
        bomDropped = true;
      }
    }
    // A chunk with bytes that are not UTF-8, or enough bytes for a line over the limit: csv-parse's to report.
    if (problems.length > 0 || buf.length > MAX_LINE_BYTES) {
      leavePlain(buf, out);
      return out;
    }
    const split = splitPlain(buf, final, out);
    if (split.taken > 0) tookPlain = true;
    if (split.unusual) leavePlain(buf.subarray(split.taken), out);
    else carry = split.taken === buf.length ? null : buf.subarray(split.taken);
    return out;
  };

  try {
    for await (const bytes of boundedChunks(source, file, limit, maxBytes, reuse)) {
      if (!quoteSeen && bytes.indexOf(0x22) !== -1) quoteSeen = true;
      chunkLine = scanner.lineCount;
      const problems = scanner.scan(bytes);
      if (problems.length > 0) badBytes = badBytes.concat(problems);
      const batch = plain ? readPlain(bytes, problems, false) : feed(reuse ? Buffer.from(bytes) : bytes);
      if (batch.length > 0) yield batch;
      if (stopped) break;
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
  }
  if (stopped) {
    parser.removeAllListeners();
    parser.destroy();
    return;
  }
  const tail = scanner.finish();
  if (tail.length > 0) badBytes = badBytes.concat(tail);
  if (plain) {
    const batch = readPlain(Buffer.alloc(0), tail, true);
    if (batch.length > 0) yield batch;
    if (plain) {
      parser.removeAllListeners();
      parser.destroy();
      return;
    }
    if (stopped) {
      parser.removeAllListeners();
      parser.destroy();
      return;
    }
  }
  if (skipping) {
    // The file ended inside the overlong line: nothing of it goes to the parser.
    parser.removeAllListeners();
    parser.destroy();
    return;
  }
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
        ? `a quoted field opened on or after line ${line} runs on for more than ${MAX_RECORD_BYTES} bytes, so its closing quote is most likely missing; gpufit stopped reading the file here and read nothing after line ${line}; close the quote (write "" for a quote inside a quoted field)`
        : `CSV syntax: ${error.message}`;
  return { code: 'csv-syntax', reason };
}

function longLineProblem(line: number): RowProblem {
  return {
    code: 'line-too-long',
    reason: `line ${line} is longer than ${MAX_LINE_BYTES} bytes, which no CSV row of gpufit's needs: check the delimiter (gpufit reads comma-separated files) and the line ends, and that this is a text CSV file; the line was skipped`,
  };
}
