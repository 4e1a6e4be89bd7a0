import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Scanner } from '../src/io/utf8Scanner.js';

function scanAll(chunks: Buffer[]) {
  const s = new Utf8Scanner();
  const problems = chunks.flatMap((c) => s.scan(c));
  return [...problems, ...s.finish()];
}

/**
 * Where the first ill-formed sequence starts, by the WHATWG decoder: decode with replacement and walk the
 * characters; the first U+FFFD whose bytes are not EF BF BD is where the decoder replaced bad bytes.
 */
function firstInvalidOffset(bytes: Buffer): number | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let offset = 0;
  for (const ch of text) {
    if (
      ch === '\uFFFD' &&
      !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)
    ) {
      return offset;
    }
    offset += Buffer.byteLength(ch);
  }
  return null;
}

function splitAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out;
}

describe('Utf8Scanner', () => {
  const cases: [string, number[], number | null][] = [
    ['ASCII', [0x61, 0x62], null],
    ['é as UTF-8', [0xc3, 0xa9], null],
    ['é as Latin-1', [0x61, 0xe9, 0x62], 1],
    ['overlong slash', [0xc0, 0xaf], 0],
    ['UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['truncated at the end', [0x61, 0xe2, 0x82], 1],
    ['lone continuation byte', [0x61, 0x80], 1],
    ['4-byte emoji', [0xf0, 0x9f, 0x98, 0x80], null],
  ];
  it.each(cases)('%s', (_name, bytes, offset) => {
    const problems = scanAll([Buffer.from(bytes)]);
    expect(problems[0]?.byteOffset ?? null).toBe(offset);
  });

  it('agrees with a fatal TextDecoder on where the first bad byte is, however the bytes are chunked', () => {
    const byte = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.constant(0x0a),
      fc.integer({ min: 0x80, max: 0xff }),
    );
    const valid = fc.string({ unit: 'binary', maxLength: 6 }).map((s) => [...Buffer.from(s, 'utf8')]);
    const bytes = fc
      .array(
        fc.oneof(
          valid,
          byte.map((b) => [b]),
        ),
        { maxLength: 30 },
      )
      .map((parts) => Buffer.from(parts.flat()));
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 4 }), (buf, cuts) => {
        const problems = scanAll(splitAt(buf, cuts));
        expect(problems[0]?.byteOffset ?? null).toBe(firstInvalidOffset(buf));
      }),
      { numRuns: 500 },
    );
  });

  it('names the line of each problem (one per line)', () => {
    const problems = scanAll([Buffer.from([0x61, 0x0a, 0xff, 0xfe, 0x0a, 0x62, 0x0a, 0xc3])]);
    expect(problems.map((p) => [p.line, p.byteOffset])).toEqual([
      [2, 2],
      [4, 7],
    ]);
  });
});
