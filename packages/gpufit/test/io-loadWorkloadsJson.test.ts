import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadWorkloadsJson } from '../src/io/loadWorkloadsJson.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'io', 'workloads.json');
const json = (text: string | Buffer) => Readable.from([text]);

describe('loadWorkloadsJson', () => {
  it('reads { workloads: [...] } with the same books as CSV: row = index + 1, column = the issue path', async () => {
    const r = await loadWorkloadsJson(fixture);
    expect(r.accounting).toEqual({ read: 6, accepted: 2, rejected: 4 });
    expect(r.rows.map((w) => [w.id, w.gpuType])).toEqual([
      ['chat', 'H100'],
      ['batch', null],
    ]);
    expect(r.rejected.map((x) => [x.row, x.line, x.code, x.column])).toEqual([
      [3, null, 'invalid', 'kind'],
      [4, null, 'duplicate-id', 'id'],
      [5, null, 'invalid', null],
      [6, null, 'unknown-gpu', 'gpuType'],
    ]);
  });

  it('reads a bare array', async () => {
    const r = await loadWorkloadsJson(json('[{"id":"a","kind":"batch-inference","gpuHoursPerMonth":3}]'));
    expect(r.rows.map((w) => w.id)).toEqual(['a']);
  });

  it('reports the issue path of nested problems', async () => {
    const r = await loadWorkloadsJson(
      json('[{"id":"a","kind":"batch-inference","gpuHoursPerMonth":3,"residency":["EU","Mars"]}]'),
    );
    expect(r.rejected[0]!.column).toBe('residency.1');
  });

  const fileErrors: [string, string | Buffer, string][] = [
    ['malformed JSON', '[{"id":', 'invalid-json'],
    ['another shape', '{"profiles": []}', 'invalid-shape'],
    ['an unknown top-level key', '{"workloads": [], "workload": []}', 'unknown-key'],
    ['bytes that are not UTF-8', Buffer.from([0x5b, 0x22, 0xe9, 0x22, 0x5d]), 'invalid-utf8'],
  ];
  it.each(fileErrors)('%s is a file-level LoadError', async (_name, text, code) => {
    await expect(loadWorkloadsJson(json(text))).rejects.toMatchObject({ name: 'LoadError', code });
  });

  it('an empty file and an empty list are 0 read with a warning', async () => {
    expect((await loadWorkloadsJson(json(''))).warnings.map((w) => w.code)).toEqual(['empty-file']);
    const empty = await loadWorkloadsJson(json('{"workloads": []}'));
    expect(empty.accounting).toEqual({ read: 0, accepted: 0, rejected: 0 });
    expect(empty.warnings.map((w) => w.code)).toEqual(['no-data-rows']);
  });

  it('strict mode throws at the first bad element', async () => {
    await expect(loadWorkloadsJson(fixture, { strict: true })).rejects.toMatchObject({
      row: 3,
      column: 'kind',
    });
  });
});
