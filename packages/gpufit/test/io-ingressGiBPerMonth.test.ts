/**
 * The optional `ingressGiBPerMonth` column (GiB uploaded to the provider every month, beside the one-time
 * `datasetGiB`): a call-archive transcription service uploads new audio every month, which gpufit had priced as one
 * upload of the dataset spread over the horizon. Read from CSV by the fast decoder and the zod path alike; empty = 0;
 * a negative, text or over-the-bound cell is refused with its row and column. Pricing: pricing/test/monthlyIngress.test.ts.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fastWorkloadDecoder } from '../src/io/fastWorkloadProfile.js';
import { loadWorkloadsCsv } from '../src/io/loadWorkloads.js';

const text = (s: string) => Readable.from([s]);
const HEADER = 'id,kind,gpuHoursPerMonth,datasetGiB,horizonMonths,ingressGiBPerMonth';
const ROWS = [
  'calls,batch-inference,300,1200,12,500',
  'once,batch-inference,300,1200,12,',
  'zero,batch-inference,300,0,12,0',
];

describe('ingressGiBPerMonth: the CSV column', () => {
  it('stated, empty (0) and 0 — the fast decoder gives what the loader accepts', async () => {
    const r = await loadWorkloadsCsv(text([HEADER, ...ROWS].join('\n')));
    expect(r.rejected).toEqual([]);
    expect(r.rows.map((w) => [w.id, w.ingressGiBPerMonth])).toEqual([
      ['calls', 500],
      ['once', 0],
      ['zero', 0],
    ]);
    const decode = fastWorkloadDecoder(HEADER.split(','))!;
    expect(decode).toBeDefined();
    ROWS.forEach((row, i) => {
      expect(decode(row.split(','))).toEqual(r.rows[i]);
    });
  });

  it('a negative, text or over-the-bound cell is refused with its file, row and column', async () => {
    const bad = [
      'neg,batch-inference,300,0,12,-1',
      'word,batch-inference,300,0,12,lots',
      'big,batch-inference,300,0,12,2e9',
    ];
    const r = await loadWorkloadsCsv(text([HEADER, 'ok,batch-inference,300,0,12,7', ...bad].join('\n')), {
      fileName: 'w.csv',
    });
    expect(r.rows.map((w) => [w.id, w.ingressGiBPerMonth])).toEqual([['ok', 7]]);
    expect(r.rejected.map((x) => [x.file, x.row, x.column])).toEqual([
      ['w.csv', 3, 'ingressGiBPerMonth'],
      ['w.csv', 4, 'ingressGiBPerMonth'],
      ['w.csv', 5, 'ingressGiBPerMonth'],
    ]);
    for (const x of r.rejected) expect(x.reason).toMatch(/ingressGiBPerMonth/);
  });
});
