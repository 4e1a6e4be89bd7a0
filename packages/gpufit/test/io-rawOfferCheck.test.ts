import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { providerOffers } from '@gpufit/analysis';
import { hiddenCharacterProblem } from '@gpufit/schema';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceIndexes } from '../src/data/referenceIndexes.js';
import { NUMBER_CELL } from '../src/io/columnMemo.js';
import { decimalBytes } from '../src/io/decimalBytes.js';
import { IdSet } from '../src/io/idSet.js';
import { loadOffersCsv, loadOffersOfGpu } from '../src/io/loadOffers.js';
import { splitPlainSpans } from '../src/io/plainCsvRecords.js';
import { rawOfferCheck, SKIP } from '../src/io/rawOfferCheck.js';
import { visibleBytes } from '../src/io/visibleBytes.js';
import { chunksAt } from './support/chunksAt.js';
import { HEADER, mutatedRows, REAL, realRow } from './support/offerCells.js';

/** `s` as UTF-8 at byte offset `pad` of a larger buffer (the word loop's alignment varies with it). */
function placed(s: string, pad: number): { bytes: Buffer; from: number; to: number } {
  const body = Buffer.from(s, 'utf8');
  const bytes = Buffer.concat([Buffer.from('x'.repeat(pad)), body, Buffer.from('yyyy')]);
  return { bytes, from: pad, to: pad + body.length };
}

const HIDDEN_CHARS = ['\u0000', '\u0007', '\t', '\n', '\r', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f'];
const BIDI = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069'];
const NEAR = [
  '\u00a0',
  '\u00a9',
  '\u061b',
  '\u200d',
  '\u2029',
  '\u202f',
  '\u2065',
  '\u206a',
  'λ',
  '§',
  '–',
  '😀',
];
const textCells = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 9 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    { weight: 2, arbitrary: fc.constantFrom(...HIDDEN_CHARS, ...BIDI, ...NEAR) },
  ),
  { maxLength: 12 },
);

describe('visibleBytes judges the bytes as hiddenCharacterProblem judges the string', () => {
  it('never passes a hidden character, and passes visible text (ASCII or not) as such, at any alignment', () => {
    fc.assert(
      fc.property(textCells, fc.integer({ min: 0, max: 7 }), (parts, pad) => {
        const s = parts.join('');
        const { bytes, from, to } = placed(s, pad);
        const seen = visibleBytes(bytes, from, to);
        const hidden = hiddenCharacterProblem(s) !== null;
        const breaks = /[\t\n\r]/.test(s);
        if (hidden || breaks) expect(seen).toBe(-1);
        else expect(seen).toBe(/^[\x20-\x7e]*$/.test(s) ? 0 : 1);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('decimalBytes reads a number cell as Number reads it', () => {
  const numberish = fc
    .array(fc.constantFrom(...'0123456789012345678901234567890123456789.-+eE x'.split('')), { maxLength: 24 })
    .map((cs) => cs.join(''));
  const printed = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.integer().map(String),
    fc.double({ min: 0, max: 10 }).map((x) => x.toFixed(6)),
  );
  it('is the same number for every cell NUMBER_CELL admits, and NaN for every other', () => {
    fc.assert(
      fc.property(fc.oneof(numberish, printed), fc.integer({ min: 0, max: 3 }), (s, pad) => {
        const { bytes, from, to } = placed(s, pad);
        const x = decimalBytes(bytes, from, to);
        if (s.length > 0 && NUMBER_CELL.test(s)) expect(Object.is(x, Number(s))).toBe(true);
        else expect(x).toBeNaN();
      }),
      { numRuns: 10000 },
    );
  });
});

describe('IdSet: an id added as ASCII bytes is the same id as its string', () => {
  it('finds either spelling of an id first added the other way, with its row', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 60 }), (ids) => {
        const both = new IdSet();
        const strings = new Map<string, number>();
        ids.forEach((id, i) => {
          const row = i + 2;
          const first = strings.get(id) ?? 0;
          if (first === 0) strings.set(id, row);
          const got =
            i % 2 === 0
              ? both.addOrGet(id, row)
              : both.addOrGetAscii(Buffer.from(id, 'latin1'), 0, id.length, row);
          expect(got).toBe(first);
        });
      }),
      { numRuns: 500 },
    );
  });
});

/** Rows of hostile shapes the cell mutations do not make: whole-row and file-level cases. */
const oddRows = fc.constantFrom(
  'duplicate',
  'blank',
  'spaces',
  'multiline',
  'quotes',
  'ragged',
  'crlf',
  'tab',
  'unicode-id',
  'long-number',
  'letter-case',
);

/** A catalog: real and mutated rows, some odd rows, written by csv-stringify (quoted only when needed). */
const catalogs = fc
  .tuple(
    fc.array(
      fc.oneof({ weight: 3, arbitrary: realRow.map((r) => [r]) }, { weight: 2, arbitrary: mutatedRows }),
      {
        minLength: 1,
        maxLength: 12,
      },
    ),
    fc.array(fc.tuple(oddRows, fc.nat()), { maxLength: 4 }),
  )
  .map(([groups, odd]) => {
    const rows = groups.flat().map((r) => [...r]);
    const lines: string[] = rows.map((r) => stringify([r]));
    const id = HEADER!.indexOf('id');
    const notes = HEADER!.indexOf('notes');
    for (const [kind, at] of odd) {
      const base = [...rows[at % rows.length]!];
      const copy = (edit: (r: string[]) => void) => {
        const r = [...base];
        edit(r);
        return stringify([r]);
      };
      const line =
        kind === 'duplicate'
          ? stringify([base])
          : kind === 'blank'
            ? '\n'
            : kind === 'spaces'
              ? ' , \n'
              : kind === 'multiline'
                ? copy((r) => {
                    r[id] = `${r[id]}:ml`;
                    r[notes] = 'two\nlines';
                  })
                : kind === 'quotes'
                  ? copy((r) => {
                      r[id] = `${r[id]}:q`;
                      r[notes] = 'say "hi", twice ""';
                    })
                  : kind === 'ragged'
                    ? `${stringify([base]).trimEnd()},extra\n`
                    : kind === 'crlf'
                      ? stringify([base]).replace(/\n$/, '\r\n')
                      : kind === 'tab'
                        ? copy((r) => {
                            r[id] = `${r[id]}\t`;
                          })
                        : kind === 'unicode-id'
                          ? copy((r) => {
                              r[id] = `${r[id]}·é`;
                            })
                          : kind === 'letter-case'
                            ? copy((r) => {
                                // The letter case the loader changes, and a country it fills from regions.csv.
                                r[id] = `${r[id]}:c`;
                                r[HEADER!.indexOf('provider')] =
                                  r[HEADER!.indexOf('provider')]!.toUpperCase();
                                r[HEADER!.indexOf('country')] = '';
                              })
                            : copy((r) => {
                                r[id] = `${r[id]}:n`;
                                r[HEADER!.indexOf('availability')] = '0.12345678901234567890';
                              });
      lines.splice(at % (lines.length + 1), 0, line);
    }
    return `${stringify([HEADER!])}${lines.join('')}`;
  });

/** The text in chunks cut at the given byte offsets. */
function chunked(text: string, cuts: readonly number[]): Readable {
  return Readable.from(chunksAt(Buffer.from(text, 'utf8'), cuts));
}

describe('loadOffersOfGpu: the rows it counts from their bytes change nothing (against the whole load)', () => {
  it('keeps the same offers and rejects the same rows with the same messages, books equal, on random catalogs', async () => {
    const ceiling = { day: '2026-10-01', what: 'today' };
    await fc.assert(
      fc.asyncProperty(
        catalogs,
        fc.constantFrom('H100', 'A100-80GB', 'RTX4090', 'none-such'),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        async (text, gpu, cuts, withCeiling) => {
          const options = { fileName: 'c.csv', ...(withCeiling ? { asOfCeiling: ceiling } : {}) };
          const whole = await loadOffersCsv(chunked(text, []), options);
          const kept = await loadOffersOfGpu(chunked(text, cuts), options, gpu);
          expect(kept.rows).toEqual(whole.rows.filter((o) => o.gpu === gpu));
          // Key for key, in the same order (the kept offers built from their bytes are written as JSON).
          expect(JSON.stringify(kept.rows)).toBe(JSON.stringify(whole.rows.filter((o) => o.gpu === gpu)));
          expect(kept.rejected).toEqual(whole.rejected);
          expect(kept.accounting).toEqual(whole.accounting);
          expect(kept.warnings).toEqual(whole.warnings);
          expect(kept.blankRows).toBe(whole.blankRows);
          // What a listing says of the networks the catalog cannot price is the whole catalog's.
          expect(kept.providers).toEqual(providerOffers(whole.rows));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('builds the kept offers from their bytes as the whole load builds them: letter case, blank country, lists, tiers', async () => {
    const provider = HEADER!.indexOf('provider');
    const country = HEADER!.indexOf('country');
    const rows = REAL.map((r, i) => {
      const c = [...r];
      if (i % 2 === 0) c[provider] = c[provider]!.toUpperCase();
      if (i % 3 === 0) c[country] = '';
      return c;
    });
    const text = stringify([HEADER!, ...rows]);
    for (const gpu of ['H100', 'A100-80GB', 'RTX4090', 'B200']) {
      const whole = await loadOffersCsv(chunked(text, []), { fileName: 'c.csv' });
      const kept = await loadOffersOfGpu(chunked(text, [4096, 70_000]), { fileName: 'c.csv' }, gpu);
      const expected = whole.rows.filter((o) => o.gpu === gpu);
      expect(expected.length).toBeGreaterThan(0);
      expect(JSON.stringify(kept.rows)).toBe(JSON.stringify(expected));
      expect(kept.accounting).toEqual(whole.accounting);
      expect(kept.providers).toEqual(providerOffers(whole.rows));
    }
  });

  it('reads a file into two reused buffers and gives what the whole load gives, an odd row late in the file included', async () => {
    // The bundled catalog (3.8 MB: 15 chunks of 256 KiB) with a bad row, a quoted note and a duplicate spread
    // through it, and, with `crlf`, a row after 2 MB that hands the rest of the file to csv-parse.
    const id = HEADER!.indexOf('id');
    const notes = HEADER!.indexOf('notes');
    const price = HEADER!.indexOf('usdPerGpuHour');
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-reuse-'));
    for (const crlf of [false, true]) {
      const lines = REAL.map((r) => stringify([r]));
      const at = (share: number) => Math.floor(lines.length * share);
      lines.splice(at(0.2), 0, stringify([REAL[3]!.map((c, i) => (i === price ? '-1' : c))]));
      lines.splice(
        at(0.4),
        0,
        stringify([REAL[5]!.map((c, i) => (i === notes ? 'say "hi"' : i === id ? `${c}:q` : c))]),
      );
      lines.splice(at(0.5), 0, stringify([REAL[7]!]));
      if (crlf)
        lines.splice(
          at(0.6),
          0,
          stringify([REAL[9]!.map((c, i) => (i === id ? `${c}:r` : c))]).replace(/\n$/, '\r\n'),
        );
      const path = join(dir, `c${crlf ? '-crlf' : ''}.csv`);
      writeFileSync(path, `${stringify([HEADER!])}${lines.join('')}`);
      for (const gpu of ['H100', 'A100-80GB']) {
        const whole = await loadOffersCsv(path);
        const kept = await loadOffersOfGpu(path, {}, gpu);
        expect(JSON.stringify(kept.rows)).toBe(JSON.stringify(whole.rows.filter((o) => o.gpu === gpu)));
        expect(kept.rejected).toEqual(whole.rejected);
        expect(kept.rejected.length).toBeGreaterThanOrEqual(2);
        expect(kept.accounting).toEqual(whole.accounting);
        expect(kept.warnings).toEqual(whole.warnings);
        expect(kept.providers).toEqual(providerOffers(whole.rows));
      }
    }
  });

  it('the check itself passes most valid rows of other GPUs, so the loads above took the byte path', async () => {
    const { gpuNames } = await referenceIndexes({});
    const check = rawOfferCheck(HEADER!, gpuNames, null, 'H100')!;
    const bytes = Buffer.from(stringify(REAL), 'utf8');
    let rows = 0;
    let skipped = 0;
    let built = 0;
    let h100 = 0;
    splitPlainSpans(bytes, true, (record) => {
      rows++;
      const raw = { bytes, spans: record.spans, at: 0, count: record.cells };
      if (check.skips(raw)) skipped++;
      const judged = check.judge(raw);
      if (judged !== SKIP && judged !== undefined) {
        built++;
        expect(judged.gpu).toBe('H100');
      }
    });
    const gpuAt = HEADER!.indexOf('gpu');
    for (const row of REAL) {
      const match = gpuNames.resolve(row[gpuAt]!);
      if (match.ok && match.gpu === 'H100') h100++;
    }
    expect(rows).toBe(REAL.length);
    expect(skipped).toBeGreaterThan(REAL.length * 0.8);
    // The kept offers are built from their bytes too (the whole-load comparison above checks what they hold).
    expect(h100).toBeGreaterThan(0);
    expect(built).toBeGreaterThan(h100 * 0.8);
  });

  it('leaves headers the fast decoder does not take to the usual path', async () => {
    const { gpuNames } = await referenceIndexes({});
    expect(rawOfferCheck([...HEADER!, 'colour'], gpuNames, null, 'H100')).toBeUndefined();
    expect(rawOfferCheck(HEADER!.slice(1), gpuNames, null, 'H100')).toBeUndefined();
  });
});
