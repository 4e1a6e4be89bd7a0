import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGpuNameIndex } from '../src/io/gpuNameIndex.js';
import { LoadError } from '../src/io/loadError.js';
import { loadWorkloadsCsv, streamWorkloads } from '../src/io/loadWorkloads.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'io');
const fixture = (name: string) => path.join(fixtures, name);
const csv = (text: string) => Readable.from([text]);

async function loadError(p: Promise<unknown>): Promise<LoadError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error('expected a LoadError');
}

describe('loadWorkloadsCsv on a messy real-world-shaped file (BOM, CRLF, quotes, blank lines)', () => {
  it('loads the good rows, rejects the bad ones with file, row, column and reason, and balances the books', async () => {
    const r = await loadWorkloadsCsv(fixture('workloads-messy.csv'));
    expect(r.accounting).toEqual({ read: 7, accepted: 3, rejected: 4 });
    expect(r.blankRows).toBe(2);
    expect(r.rows.map((w) => [w.id, w.name, w.gpuType])).toEqual([
      ['chat', 'Chat, production', 'H100'],
      ['nightly', 'Nightly batch\r\nscoring run', 'A100-80GB'],
      ['ft', 'Fine-tune', 'RTX4090'],
    ]);
    expect(r.rows[0]!.residency).toEqual(['US', 'CA']);
    expect(r.rejected.map((x) => [x.row, x.line, x.code, x.column])).toEqual([
      [5, 6, 'unknown-gpu', 'gpuType'],
      [6, 7, 'ragged', 'gpuType'],
      [7, 8, 'duplicate-id', 'id'],
      [8, 9, 'invalid', 'availabilityTarget'],
    ]);
    for (const x of r.rejected) expect(x.file).toBe(fixture('workloads-messy.csv'));
    expect(r.rejected[0]!.reason).toMatch(/gpuType "H1OO" is not a known GPU \(closest known: H100/);
    expect(r.rejected[1]!.reason).toMatch(/3 cells but the header has 7 columns/);
    expect(r.rejected[2]!.reason).toMatch(/duplicate id "chat": row 2 already has it/);
    expect(r.rejected[3]!.reason).toMatch(/If you meant 99.9%, write 0.999/);
  });

  it('reads the same from a stream as from a path', async () => {
    const fromPath = await loadWorkloadsCsv(fixture('workloads-messy.csv'));
    const fromStream = await loadWorkloadsCsv(createReadStream(fixture('workloads-messy.csv')), {
      fileName: 'w.csv',
    });
    expect(fromStream.rows).toEqual(fromPath.rows);
    expect(fromStream.rejected.map((x) => [x.file, x.row])).toEqual(
      fromPath.rejected.map((x) => ['w.csv', x.row]),
    );
  });

  it('--strict: fails on the first bad row with a typed LoadError', async () => {
    const e = await loadError(loadWorkloadsCsv(fixture('workloads-messy.csv'), { strict: true }));
    expect(e).toMatchObject({
      code: 'unknown-gpu',
      row: 5,
      column: 'gpuType',
      file: fixture('workloads-messy.csv'),
    });
    expect(e.message).toMatch(/workloads-messy.csv, row 5, column gpuType: gpuType "H1OO"/);
  });
});

describe('loadWorkloadsCsv: file-level policies', () => {
  it('a path that cannot be read is a LoadError, not a crash', async () => {
    const e = await loadError(loadWorkloadsCsv(fixture('no-such-file.csv')));
    expect(e).toMatchObject({ code: 'unreadable', row: 0, column: null });
    expect(e.reason).toMatch(/cannot read the file: ENOENT/);
  });

  it('an empty file is 0 read with an empty-file warning, not a crash', async () => {
    const r = await loadWorkloadsCsv(fixture('workloads-empty.csv'));
    expect(r.accounting).toEqual({ read: 0, accepted: 0, rejected: 0 });
    expect(r.warnings.map((w) => w.code)).toEqual(['empty-file']);
    expect(r.warnings[0]!.message).toMatch(/is empty/);
  });

  it('a header without rows is 0 read with a no-data-rows warning', async () => {
    const r = await loadWorkloadsCsv(fixture('workloads-header-only.csv'));
    expect(r.accounting).toEqual({ read: 0, accepted: 0, rejected: 0 });
    expect(r.warnings.map((w) => w.code)).toEqual(['no-data-rows']);
  });

  it('unknown columns are a file-level error naming each and the closest known column', async () => {
    const e = await loadError(loadWorkloadsCsv(fixture('workloads-unknown-column.csv')));
    expect(e).toMatchObject({ code: 'unknown-column', row: 1, column: 'gpuHoursPerMont' });
    expect(e.reason).toMatch(
      /"gpuHoursPerMont" \(did you mean "gpuHoursPerMonth"\?\), "availabilty" \(did you mean "availabilityTarget"\?\)/,
    );
  });

  const headerCases: [string, string, string, RegExp][] = [
    [
      'missing id',
      'kind,gpuHoursPerMonth\nbatch-inference,1\n',
      'missing-column',
      /lacks the required column id/,
    ],
    ['missing id and kind', 'name,gpuHoursPerMonth\nx,1\n', 'missing-column', /columns id, kind/],
    ['no demand column', 'id,kind\na,batch-inference\n', 'missing-column', /no demand column/],
    [
      'jobs without hours',
      'id,kind,jobsPerMonth\na,batch-inference,3\n',
      'missing-column',
      /no demand column/,
    ],
    [
      'a column twice',
      'id,kind,gpuHoursPerMonth,id\na,batch-inference,1,a\n',
      'duplicate-column',
      /"id" appears twice/,
    ],
    [
      'a case slip',
      'ID,kind,gpuHoursPerMonth\na,batch-inference,1\n',
      'unknown-column',
      /"ID" \(did you mean "id"\?\)/,
    ],
  ];
  it.each(headerCases)('%s', async (_name, text, code, reason) => {
    const e = await loadError(loadWorkloadsCsv(csv(text)));
    expect(e.code).toBe(code);
    expect(e.row).toBe(1);
    expect(e.reason).toMatch(reason);
  });

  it('tolerates spaces around header names and an unnamed trailing column left empty', async () => {
    const r = await loadWorkloadsCsv(
      csv(' id , kind ,gpuHoursPerMonth,\na,batch-inference,1,\nb,batch-inference,2,oops\n'),
    );
    expect(r.rows.map((w) => w.id)).toEqual(['a']);
    expect(r.rejected[0]).toMatchObject({ row: 3, code: 'unnamed-column', column: '#4 (D, no header)' });
  });
});

describe('loadWorkloadsCsv: rows', () => {
  it('non-UTF-8 bytes reject their row with the byte offset (no U+FFFD in accepted data)', async () => {
    const r = await loadWorkloadsCsv(fixture('workloads-latin1.csv'));
    expect(r.rows.map((w) => w.id)).toEqual(['ok1', 'ok2']);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ row: 3, line: 3, code: 'invalid-utf8' });
    expect(r.rejected[0]!.reason).toMatch(/byte 0xe9 at byte offset 67/);
  });

  it('normalizes GPU names case-, space-, dash- and underscore-insensitively', async () => {
    const gpus = buildGpuNameIndex(['H100', 'RTX4090'], [{ alias: 'H100 SXM', gpu: 'H100' }]);
    const r = await loadWorkloadsCsv(
      csv(
        'id,kind,gpuHoursPerMonth,gpuType\na,batch-inference,1,h100_sxm\nb,batch-inference,1,rtx 4090\nc,batch-inference,1, H-100 \n',
      ),
      { gpuNames: gpus },
    );
    expect(r.rows.map((w) => w.gpuType)).toEqual(['H100', 'RTX4090', 'H100']);
  });

  it('rejects rather than guesses: a row with several problems names them all', async () => {
    const r = await loadWorkloadsCsv(
      csv('id,kind,gpuHoursPerMonth,availabilityTarget\nbad id,training,-5,2\n'),
    );
    const columns = new Set(r.rejected[0]!.issues.map((i) => i.path[0]));
    expect([...columns]).toEqual(['id', 'kind', 'gpuHoursPerMonth', 'availabilityTarget']);
    expect(r.rejected[0]!.column).toBe('id');
    for (const c of columns) expect(r.rejected[0]!.reason).toContain(String(c));
  });

  it('a quote left open swallows the rest of the file into one rejected row, and says so', async () => {
    const r = await loadWorkloadsCsv(
      csv('id,kind,gpuHoursPerMonth\na,batch-inference,1\n"b,batch-inference,2\nc,batch-inference,3\n'),
    );
    expect(r.accounting).toEqual({ read: 2, accepted: 1, rejected: 1 });
    expect(r.rejected[0]).toMatchObject({ row: 3, code: 'csv-syntax' });
  });
});

describe('streamWorkloads', () => {
  it('yields the same rows and rejections as the array loader, and keeps the books', async () => {
    const whole = await loadWorkloadsCsv(fixture('workloads-messy.csv'));
    const stream = streamWorkloads(fixture('workloads-messy.csv'));
    const ok: unknown[] = [];
    const bad: number[] = [];
    for await (const item of stream) {
      if (item.ok) ok.push(item.value);
      else bad.push(item.rejection.row);
    }
    expect(ok).toEqual(whole.rows);
    expect(bad).toEqual(whole.rejected.map((x) => x.row));
    expect(stream.accounting).toEqual(whole.accounting);
    expect(stream.blankRows).toBe(2);
  });

  it('can be consumed in batches, and only once', async () => {
    const stream = streamWorkloads(fixture('workloads-messy.csv'));
    let n = 0;
    for await (const batch of stream.inBatches()) n += batch.length;
    expect(n).toBe(7);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('strict mode throws from the iteration', async () => {
    const stream = streamWorkloads(fixture('workloads-messy.csv'), { strict: true });
    const rows: number[] = [];
    const e = await loadError(
      (async () => {
        for await (const item of stream) if (item.ok) rows.push(item.row);
      })(),
    );
    expect(rows).toEqual([2, 3]);
    expect(e.row).toBe(5);
  });
});

describe('unnamedColumnLabel', () => {
  it('names a column by position and spreadsheet letter', async () => {
    const { unnamedColumnLabel } = await import('../src/io/csvTable.js');
    expect(unnamedColumnLabel(0)).toBe('#1 (A, no header)');
    expect(unnamedColumnLabel(25)).toBe('#26 (Z, no header)');
    expect(unnamedColumnLabel(26)).toBe('#27 (AA, no header)');
    expect(unnamedColumnLabel(701)).toBe('#702 (ZZ, no header)');
    expect(unnamedColumnLabel(702)).toBe('#703 (AAA, no header)');
  });
});
