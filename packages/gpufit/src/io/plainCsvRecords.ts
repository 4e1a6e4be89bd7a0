/**
 * The records of CSV bytes written the plain way — LF line ends, fields either unquoted or wholly quoted with
 * `""` for a quote inside — split without csv-parse: ≈ 4.5× less CPU on a large catalog (a 380 MiB catalog:
 * 1.6 s against csv-parse's 7.3 s, which was 60 % of a cold `gpufit offers`). It stops at the first record
 * that is anything else, so the caller can hand that record and everything after it to csv-parse, whose
 * relaxed rules and error reports stay the only ones: a carriage return, a quote inside an unquoted field,
 * text after a closing quote, a quote never closed. Cells are the strings csv-parse gives for the same record
 * (a property test compares them on random input).
 */

/**
 * A cell shorter than this is sliced from the chunk's text; a longer one is decoded from the bytes. Slicing costs
 * about a fifth of a `Buffer#toString` call (which crosses into C++ for every cell), but V8 makes a slice of 13
 * or more characters a view of the whole text (a sliced string), which would keep the chunk alive as long as
 * the cell (a catalog keeps its offers' ids and notes for the whole run); below that it copies.
 */
const SLICED_FROM = 13;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export interface PlainSplit {
  /** Bytes taken: every whole record before this offset was given to `onRecord`. */
  readonly taken: number;
  /** The record at `taken` is not plain (see above); false = it is only incomplete (more bytes to come). */
  readonly unusual: boolean;
}

/** How a cell's bytes (its span) become its string: see `plainCell`. */
export const CELL_ASCII = 0;
const CELL_UTF8 = 1;
const CELL_QUOTED = 2;
/** Quoted, with `""` for a quote inside. */
const CELL_ESCAPED = 3;
/**
 * Added to `CELL_ASCII` for an unquoted ASCII cell holding a control character or DEL; an unquoted cell without
 * it and not `CELL_UTF8` is visible ASCII alone.
 */
const CELL_HIDDEN = 4;

/**
 * One record's cells as spans of the bytes, three numbers a cell: first byte, end (exclusive; for a quoted cell,
 * the bytes between its quotes) and how to decode it (`CELL_*`). `multiline`: a quoted cell holds a line feed.
 */
export interface PlainSpans {
  spans: Int32Array;
  cells: number;
  multiline: boolean;
}

/**
 * Splits `buf` into records from its first byte (which must start a record), calling `onRecord` with each
 * record's cells. With `final`, the bytes end the input: a last record without a line feed is a record.
 */
export function splitPlainRecords(
  buf: Buffer,
  final: boolean,
  onRecord: (cells: string[]) => void,
): PlainSplit {
  // Every byte as one character: a cell's offsets in the text are its offsets in the bytes.
  const text = buf.toString('latin1', 0, buf.length);
  return splitPlainSpans(buf, final, (r) => onRecord(plainCells(buf, r, text)));
}

/** The strings of a record's cells, as csv-parse gives them; `text` = the bytes as latin1, when made already. */
export function plainCells(buf: Buffer, record: PlainSpans, text?: string): string[] {
  return cellStrings(buf, record.spans, 0, record.cells, text);
}

/** The strings of `count` cells whose spans start at `spans[at]` (three numbers a cell), as `plainCell` gives each. */
export function cellStrings(
  buf: Buffer,
  spans: Int32Array,
  at: number,
  count: number,
  text?: string,
): string[] {
  const cells: string[] = new Array(count);
  for (let i = 0; i < count; i++) cells[i] = plainCell(buf, spans, at + 3 * i, text);
  return cells;
}

/**
 * The cell whose span starts at `spans[k]` as a string (see `SLICED_FROM` for why short cells come from `text`).
 */
export function plainCell(buf: Buffer, spans: Int32Array, k: number, text?: string): string {
  const from = spans[k]!;
  const to = spans[k + 1]!;
  switch (spans[k + 2]) {
    case CELL_ASCII:
    case CELL_ASCII | CELL_HIDDEN:
      return text !== undefined && to - from < SLICED_FROM
        ? text.slice(from, to)
        : buf.toString('latin1', from, to);
    case CELL_ESCAPED:
      return buf.toString('utf8', from, to).replaceAll('""', '"');
    default: // CELL_UTF8, CELL_QUOTED
      return buf.toString('utf8', from, to);
  }
}

/**
 * `splitPlainRecords` without the strings: each record's cells as spans of `buf` (the `PlainSpans` handed to
 * `onRecord` is reused for the next record). A caller that only checks some cells makes no string for the rest.
 */
export function splitPlainSpans(
  buf: Buffer,
  final: boolean,
  onRecord: (record: PlainSpans) => void,
): PlainSplit {
  const end = buf.length;
  const record: PlainSpans = { spans: spanBuffer, cells: 0, multiline: false };
  // The next carriage return and line feed at or after a quoted cell's start (end = none): each found once.
  let cr = -2;
  let lf = -2;
  let pos = 0;
  for (;;) {
    const start = pos;
    if (start >= end) return { taken: start, unusual: false };
    let n = 0;
    record.multiline = false;
    // One field a turn; `pos` is its first byte.
    for (;;) {
      if (3 * n + 3 > record.spans.length) {
        const grown = new Int32Array(record.spans.length * 2);
        grown.set(record.spans);
        record.spans = spanBuffer = grown;
      }
      const spans = record.spans;
      if (pos >= end) {
        // The input ended after a comma: csv-parse gives the record a last, empty cell.
        if (!final) return { taken: start, unusual: false };
        spans[3 * n] = end;
        spans[3 * n + 1] = end;
        spans[3 * n + 2] = CELL_ASCII;
        record.cells = n + 1;
        onRecord(record);
        return { taken: end, unusual: false };
      }
      if (buf[pos] === QUOTE) {
        const from = pos + 1;
        let at = from;
        let kind = CELL_QUOTED;
        let closed = -1;
        for (;;) {
          const q = buf.indexOf(QUOTE, at);
          if (q === -1) return { taken: start, unusual: final };
          if (q + 1 >= end) {
            if (!final) return { taken: start, unusual: false };
            closed = q;
            break;
          }
          const next = buf[q + 1];
          if (next === QUOTE) {
            kind = CELL_ESCAPED;
            at = q + 2;
            continue;
          }
          if (next !== COMMA && next !== LF) return { taken: start, unusual: true };
          closed = q;
          break;
        }
        if (cr < from && cr !== end) cr = nextByte(buf, CR, from);
        if (cr < closed) return { taken: start, unusual: true };
        if (lf < from && lf !== end) lf = nextByte(buf, LF, from);
        if (lf < closed) record.multiline = true;
        spans[3 * n] = from;
        spans[3 * n + 1] = closed;
        spans[3 * n + 2] = kind;
        pos = closed + 1;
      } else {
        let p = pos;
        let kind = CELL_ASCII;
        while (p < end) {
          const c = buf[p]!;
          // Most bytes are visible ASCII past the comma: one test for them.
          if (c > COMMA && c < 0x7f) {
            p++;
            continue;
          }
          if (c === COMMA || c === LF) break;
          if (c === QUOTE || c === CR) return { taken: start, unusual: true };
          if (c >= 0x80) kind |= CELL_UTF8;
          else if (c < 0x20 || c === 0x7f) kind |= CELL_HIDDEN;
          p++;
        }
        if (p >= end && !final) return { taken: start, unusual: false };
        spans[3 * n] = pos;
        spans[3 * n + 1] = p;
        spans[3 * n + 2] = kind;
        pos = p;
      }
      n++;
      // `pos` is on the comma or line feed after the field, or at the end of the input.
      if (pos >= end) {
        record.cells = n;
        onRecord(record);
        return { taken: end, unusual: false };
      }
      if (buf[pos] === LF) {
        pos++;
        record.cells = n;
        onRecord(record);
        break;
      }
      pos++;
    }
  }
}

/** Spans of the record being split, reused (grown when a record has more cells). */
let spanBuffer = new Int32Array(3 * 64);

function nextByte(buf: Buffer, byte: number, from: number): number {
  const at = buf.indexOf(byte, from);
  return at === -1 ? buf.length : at;
}
