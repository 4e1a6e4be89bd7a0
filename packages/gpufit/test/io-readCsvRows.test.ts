import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../src/io/inputLimits.js';
import { type CsvRow, readCsvRows } from '../src/io/readCsvRows.js';
import { chunksAt } from './support/chunksAt.js';

async function rowsOf(input: string | Buffer | (string | Buffer)[]) {
  const chunks = Array.isArray(input) ? input : [input];
  const stats = { blankRows: 0 };
  const rows: CsvRow[] = [];
  for await (const batch of readCsvRows(Readable.from(chunks), 'test.csv', stats, INPUT_LIMITS.workloadsCsv))
    rows.push(...batch);
  return { rows, blankRows: stats.blankRows };
}

const brief = (rows: CsvRow[]) => rows.map((r) => ({ cells: r.cells, row: r.row, line: r.line }));

describe('readCsvRows: awkward but legal CSV', () => {
  it('strips a BOM and reads CRLF line ends', async () => {
    const { rows } = await rowsOf('\uFEFFa,b\r\n1,2\r\n');
    expect(brief(rows)).toEqual([
      { cells: ['a', 'b'], row: 1, line: 1 },
      { cells: ['1', '2'], row: 2, line: 2 },
    ]);
  });

  it('keeps commas and line breaks inside quoted fields; one record stays one row', async () => {
    const { rows } = await rowsOf('a,b\n"x, y","two\nlines"\n3,4\n');
    expect(brief(rows)).toEqual([
      { cells: ['a', 'b'], row: 1, line: 1 },
      { cells: ['x, y', 'two\nlines'], row: 2, line: 2 },
      { cells: ['3', '4'], row: 3, line: 4 },
    ]);
  });

  it('counts blank lines as spreadsheet rows but does not yield them', async () => {
    const { rows, blankRows } = await rowsOf('a,b\n\n1,2\n,\n3,4\n\n');
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [3, 3],
      [5, 5],
    ]);
    expect(blankRows).toBe(3);
  });

  it('reads a file without a final line break', async () => {
    const { rows } = await rowsOf('a,b\n1,2');
    expect(rows.at(-1)?.cells).toEqual(['1', '2']);
  });

  it('passes ragged rows through for the caller to judge', async () => {
    const { rows } = await rowsOf('a,b\n1\n1,2,3\n');
    expect(rows.map((r) => r.cells.length)).toEqual([2, 1, 3]);
  });

  it('keeps a stray quote inside an unquoted field as a character, so later rows survive', async () => {
    const { rows } = await rowsOf('a,b\n1,x"y\n3,4\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', 'x"y'],
      ['3', '4'],
    ]);
  });

  it('turns a quote left open at the end into one row with a syntax problem', async () => {
    const { rows } = await rowsOf('a,b\n1,2\n"3,4\n5,6\n');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ row: 3, line: 3, problem: { code: 'csv-syntax' } });
    expect(rows[2]!.problem!.reason).toMatch(/never closed/);
  });

  it('gives the record holding bytes that are not UTF-8 a problem with the byte offset', async () => {
    const bytes = Buffer.concat([
      Buffer.from('a,b\n1,ok\n2,Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n3,ok\n'),
    ]);
    const { rows } = await rowsOf(bytes);
    expect(rows.map((r) => r.problem?.code ?? null)).toEqual([null, null, 'invalid-utf8', null]);
    expect(rows[2]!.problem!.reason).toContain('byte offset 14');
    expect(rows[2]!.problem!.reason).toContain('0xe9');
  });

  it('does not flag a multi-byte character split across two chunks', async () => {
    const euro = Buffer.from('a,b\n1,€\n');
    const split = euro.indexOf(0xe2) + 1;
    const { rows } = await rowsOf([euro.subarray(0, split), euro.subarray(split)]);
    expect(rows.map((r) => r.problem)).toEqual([null, null]);
    expect(rows[1]!.cells).toEqual(['1', '€']);
  });

  it('maps a bad byte in a quoted multi-line record to that record', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,"x\ny'), Buffer.from([0xff]), Buffer.from('"\n2,z\n')]);
    const { rows } = await rowsOf(bytes);
    expect(rows.map((r) => [r.row, r.line, r.problem?.code ?? null])).toEqual([
      [1, 1, null],
      [2, 2, 'invalid-utf8'],
      [3, 4, null],
    ]);
  });

  it('accepts string chunks from a Readable', async () => {
    const { rows } = await rowsOf(['a,', 'b\n1,', '2\n']);
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('readCsvRows: plain records split without csv-parse give what csv-parse gives', () => {
  /** Every row, the blank-row count and any error, read with the plain splitter on (default) or off. */
  async function readAll(chunks: Buffer[], plain: boolean) {
    const stats = { blankRows: 0 };
    const rows: CsvRow[] = [];
    try {
      for await (const batch of readCsvRows(
        Readable.from(chunks),
        'test.csv',
        stats,
        INPUT_LIMITS.workloadsCsv,
        undefined,
        { plain },
      ))
        rows.push(...batch);
    } catch (error) {
      return { rows, blankRows: stats.blankRows, error: String(error) };
    }
    return { rows, blankRows: stats.blankRows, error: null };
  }

  // Unquoted cells of up to 20 characters: both sides of the splitter's SLICED_FROM (13) are drawn.
  const plainCell = fc.oneof(
    fc.stringMatching(/^[a-z0-9 .é€λ-]{0,6}$/),
    fc.stringMatching(/^[a-z0-9 .é-]{10,20}$/),
    fc.stringMatching(/^[a-z ,\n"é]{0,6}$/).map((s) => `"${s.replaceAll('"', '""')}"`),
  );
  /** Mostly plain records, some with what only csv-parse reads (CR, stray or unclosed quotes, bad bytes, BOMs). */
  const piece = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.array(plainCell, { minLength: 1, maxLength: 4 }).map((c) => `${c.join(',')}\n`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('\n', '\r\n', '\r', '"', 'x"y', '"a"b', '\uFEFF', ' ,\n', '""', ','),
    },
    { weight: 1, arbitrary: fc.constant('\u0000BAD') },
  );
  const input = fc
    .tuple(fc.boolean(), fc.array(piece, { maxLength: 12 }), fc.array(fc.nat(200), { maxLength: 6 }))
    .map(([bom, pieces, cuts]) => {
      const text = Buffer.from(`${bom ? '\uFEFF' : ''}${pieces.join('')}`, 'utf8');
      // A placeholder becomes a byte that is not UTF-8.
      const bytes = Buffer.from(text.toString('latin1').replaceAll('\u0000BAD', '\u00ff'), 'latin1');
      return chunksAt(bytes, cuts);
    });

  it('rows, lines, problems, blank rows and errors are the same on random input in random chunks', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (chunks) => {
        const fast = await readAll(chunks, true);
        const slow = await readAll(chunks, false);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 600 },
    );
  });

  it('plain files are split without csv-parse from the first byte to the last', async () => {
    // What the plain path must get right on its own (csv-parse never sees these bytes).
    const text = '\uFEFFid,note\na,"x, ""y"""\nb,"two\nlines"\n\n c ,λ€\nd,\n"e",""\nf,"g"';
    const chunks = [...Buffer.from(text)].map((_, i, all) => Buffer.from(all.slice(i, i + 1)));
    const fast = await readAll(chunks, true);
    expect(fast).toEqual(await readAll([Buffer.from(text)], false));
    expect(brief(fast.rows)).toEqual([
      { cells: ['id', 'note'], row: 1, line: 1 },
      { cells: ['a', 'x, "y"'], row: 2, line: 2 },
      { cells: ['b', 'two\nlines'], row: 3, line: 3 },
      { cells: [' c ', 'λ€'], row: 5, line: 6 },
      { cells: ['d', ''], row: 6, line: 7 },
      { cells: ['e', ''], row: 7, line: 8 },
      { cells: ['f', 'g'], row: 8, line: 9 },
    ]);
    expect(fast.blankRows).toBe(1);
  });
});
