import { isUtf8 } from 'node:buffer';

/** One place where the bytes are not UTF-8. `line` is 1-based and counts LF bytes before the offset. */
export interface Utf8Problem {
  readonly byteOffset: number;
  readonly line: number;
  /** The offending bytes as hex, e.g. `e9`. */
  readonly bytes: string;
}

/**
 * Checks a byte stream chunk by chunk for well-formed UTF-8 (Unicode 15, table 3-7: no overlongs, no
 * surrogates, nothing above U+10FFFF) without decoding it, and says where each bad sequence is. A multi-byte
 * character split across two chunks is carried over, not flagged. Whole chunks are checked with the native
 * `isUtf8`; the byte-by-byte walk runs only on a chunk that failed. At most one problem is kept per line.
 */
export class Utf8Scanner {
  private offset = 0;
  private line = 1;
  private carry: Buffer | undefined;

  /** The LF-counted line the next scanned byte is on (1-based). */
  get lineCount(): number {
    return this.line;
  }

  scan(chunk: Buffer): Utf8Problem[] {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const start = this.offset - (this.carry?.length ?? 0);
    const tail = incompleteTail(data);
    const body = tail === 0 ? data : data.subarray(0, data.length - tail);
    const problems = isUtf8(body) ? [] : findProblems(body, start, this.line);
    this.line += countLineFeeds(body);
    this.carry = tail === 0 ? undefined : Buffer.from(data.subarray(data.length - tail));
    this.offset += chunk.length;
    return problems;
  }

  /** Call at the end of the stream: a sequence still open there is truncated. */
  finish(): Utf8Problem[] {
    const carry = this.carry;
    this.carry = undefined;
    if (!carry) return [];
    return [{ byteOffset: this.offset - carry.length, line: this.line, bytes: carry.toString('hex') }];
  }
}

/** Length of a multi-byte sequence begun by `lead`, or 0 when `lead` cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Bytes at the end of `data` that start a sequence the next chunk may complete. */
function incompleteTail(data: Buffer): number {
  const n = data.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = data[n - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const need = sequenceLength(b);
      return need > back ? back : 0;
    }
  }
  return 0;
}

function isContinuation(b: number | undefined): boolean {
  return b !== undefined && b >= 0x80 && b <= 0xbf;
}

/** Valid range of the second byte after a lead byte (table 3-7). */
function secondByteOk(lead: number, b: number | undefined): boolean {
  if (b === undefined) return false;
  if (lead === 0xe0) return b >= 0xa0 && b <= 0xbf;
  if (lead === 0xed) return b >= 0x80 && b <= 0x9f;
  if (lead === 0xf0) return b >= 0x90 && b <= 0xbf;
  if (lead === 0xf4) return b >= 0x80 && b <= 0x8f;
  return isContinuation(b);
}

function findProblems(buf: Buffer, base: number, firstLine: number): Utf8Problem[] {
  const problems: Utf8Problem[] = [];
  let line = firstLine;
  let lastLine = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      if (b === 0x0a) line++;
      i++;
      continue;
    }
    const need = sequenceLength(b);
    let ok = need > 0 && secondByteOk(b, buf[i + 1]);
    for (let k = 2; ok && k < need; k++) ok = isContinuation(buf[i + k]);
    if (ok) {
      i += need;
      continue;
    }
    // Like a decoder's replacement step: the maximal ill-formed prefix is one problem.
    let len = 1;
    if (need > 0 && secondByteOk(b, buf[i + 1])) {
      len = 2;
      while (len < need && isContinuation(buf[i + len])) len++;
    }
    if (line !== lastLine) {
      problems.push({ byteOffset: base + i, line, bytes: buf.subarray(i, i + len).toString('hex') });
      lastLine = line;
    }
    i += len;
  }
  return problems;
}

export function countLineFeeds(buf: Buffer): number {
  let n = 0;
  let i = buf.indexOf(0x0a);
  while (i !== -1) {
    n++;
    i = buf.indexOf(0x0a, i + 1);
  }
  return n;
}
