/**
 * The optional `startupMinutes` column (minutes each run of a stated job spends starting on each shard's GPUs):
 * read from CSV by the fast decoder and by the zod path alike, and from JSON; unset stays null (pricing then takes
 * the restart time, a gpufit assumption); a negative, text or over-the-bound cell is refused with its row and column.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fastWorkloadDecoder } from '../src/io/fastWorkloadProfile.js';
import { loadWorkloadsCsv } from '../src/io/loadWorkloads.js';
import { loadWorkloadsJson } from '../src/io/loadWorkloadsJson.js';

const text = (s: string) => Readable.from([s]);
const HEADER = 'id,kind,jobsPerMonth,hoursPerJob,gpusPerReplica,restartMinutes,startupMinutes';
const ROWS = [
  'tunes,fine-tuning,400,0.5,1,10,2',
  'cold,batch-inference,30,2,1,5,0',
  'plain,fine-tuning,40,4,1,10,',
  'long,fine-tuning,40,4,1,,10000',
];

describe('startupMinutes', () => {
  it('CSV: stated, 0 and empty (null: the restart time stands in) — the fast decoder gives what the loader accepts', async () => {
    const r = await loadWorkloadsCsv(text([HEADER, ...ROWS].join('\n')));
    expect(r.rejected).toEqual([]);
    expect(r.rows.map((w) => [w.id, w.startupMinutes, w.restartMinutes])).toEqual([
      ['tunes', 2, 10],
      ['cold', 0, 5],
      ['plain', null, 10],
      ['long', 10_000, 10],
    ]);
    const decode = fastWorkloadDecoder(HEADER.split(','))!;
    expect(decode).toBeDefined();
    ROWS.forEach((row, i) => {
      expect(decode(row.split(','))).toEqual(r.rows[i]);
    });
  });

  it('CSV: a negative, text or over-the-bound cell is refused with its row, column and the bound', async () => {
    const bad = [
      'neg,fine-tuning,40,4,1,10,-1',
      'word,fine-tuning,40,4,1,10,two',
      'big,fine-tuning,40,4,1,10,10001',
    ];
    const r = await loadWorkloadsCsv(text([HEADER, 'ok,fine-tuning,40,4,1,10,3', ...bad].join('\n')));
    expect(r.rows.map((w) => [w.id, w.startupMinutes])).toEqual([['ok', 3]]);
    expect(r.rejected.map((x) => [x.row, x.column])).toEqual([
      [3, 'startupMinutes'],
      [4, 'startupMinutes'],
      [5, 'startupMinutes'],
    ]);
    for (const x of r.rejected) expect(x.reason).toMatch(/startupMinutes/);
    expect(r.rejected[0]!.reason).toMatch(/0/);
    expect(r.rejected[2]!.reason).toMatch(/10,?000/);
    const decode = fastWorkloadDecoder(HEADER.split(','))!;
    for (const row of bad) expect(decode(row.split(','))).toBeUndefined();
  });

  it('JSON: a number is read, absent is null, a string or a negative is refused at its path', async () => {
    const r = await loadWorkloadsJson(
      text(
        JSON.stringify([
          { id: 'tunes', kind: 'fine-tuning', jobsPerMonth: 400, hoursPerJob: 0.5, startupMinutes: 2 },
          { id: 'plain', kind: 'fine-tuning', jobsPerMonth: 400, hoursPerJob: 0.5 },
          { id: 'bad', kind: 'fine-tuning', jobsPerMonth: 400, hoursPerJob: 0.5, startupMinutes: '2' },
          { id: 'neg', kind: 'fine-tuning', jobsPerMonth: 400, hoursPerJob: 0.5, startupMinutes: -2 },
        ]),
      ),
    );
    expect(r.rows.map((w) => [w.id, w.startupMinutes])).toEqual([
      ['tunes', 2],
      ['plain', null],
    ]);
    expect(r.rejected.map((x) => [x.row, x.column])).toEqual([
      [3, 'startupMinutes'],
      [4, 'startupMinutes'],
    ]);
  });
});
