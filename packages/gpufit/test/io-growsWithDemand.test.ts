/**
 * The optional `growsWithDemand` column (schema's `demandGrowthOf`): read from CSV by the fast decoder and by the zod
 * path alike, and from JSON; unset stays null (its kind decides); a cell that is not a boolean is refused with its
 * row and column.
 */
import { Readable } from 'node:stream';
import { demandGrowthOf } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { fastWorkloadDecoder } from '../src/io/fastWorkloadProfile.js';
import { loadWorkloadsCsv } from '../src/io/loadWorkloads.js';
import { loadWorkloadsJson } from '../src/io/loadWorkloadsJson.js';

const text = (s: string) => Readable.from([s]);
const HEADER = 'id,kind,jobsPerMonth,hoursPerJob,gpusPerReplica,growsWithDemand';
const ROWS = [
  'tunes,fine-tuning,40,4,1,true',
  'evals,batch-inference,30,2,1,false',
  'plain,fine-tuning,40,4,1,',
  'api,realtime-inference,30,2,1,',
];

describe('growsWithDemand', () => {
  it('CSV: true, false and empty (the kind decides) — the fast decoder gives what the loader accepts', async () => {
    const r = await loadWorkloadsCsv(text([HEADER, ...ROWS].join('\n')));
    expect(r.rejected).toEqual([]);
    expect(r.rows.map((w) => [w.id, w.growsWithDemand, demandGrowthOf(w, 0.05)])).toEqual([
      ['tunes', true, 0.05],
      ['evals', false, 0],
      ['plain', null, 0],
      ['api', null, 0.05],
    ]);
    const decode = fastWorkloadDecoder(HEADER.split(','))!;
    expect(decode).toBeDefined();
    ROWS.forEach((row, i) => {
      expect(decode(row.split(','))).toEqual(r.rows[i]);
    });
  });

  it('CSV: a cell that is not true or false is refused with its row and column', async () => {
    const r = await loadWorkloadsCsv(
      text(`${HEADER}\nok,fine-tuning,40,4,1,yes\nbad,fine-tuning,40,4,1,sometimes\n`),
    );
    expect(r.rows.map((w) => [w.id, w.growsWithDemand])).toEqual([['ok', true]]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ row: 3, column: 'growsWithDemand' });
    expect(
      fastWorkloadDecoder(HEADER.split(','))!('bad,fine-tuning,40,4,1,sometimes'.split(',')),
    ).toBeUndefined();
  });

  it('JSON: a boolean is read, absent is null, a string is refused at its path', async () => {
    const r = await loadWorkloadsJson(
      text(
        JSON.stringify([
          { id: 'tunes', kind: 'fine-tuning', gpuHoursPerMonth: 160, growsWithDemand: true },
          { id: 'plain', kind: 'fine-tuning', gpuHoursPerMonth: 160 },
          { id: 'bad', kind: 'fine-tuning', gpuHoursPerMonth: 160, growsWithDemand: 'yes' },
        ]),
      ),
    );
    expect(r.rows.map((w) => [w.id, w.growsWithDemand])).toEqual([
      ['tunes', true],
      ['plain', null],
    ]);
    expect(r.rejected.map((x) => [x.row, x.column])).toEqual([[3, 'growsWithDemand']]);
    expect(r.rejected[0]!.reason).toContain('growsWithDemand must be true or false');
  });
});
