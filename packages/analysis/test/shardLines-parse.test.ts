// `gpufit merge` reads a shard's workload line in pieces so report.json can copy the workload's JSON text: the
// pieces must give exactly what parsing the whole line gives, and any line not in the writer's form falls back.

import type { WorkloadAnalysis } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseShardWorkloadLine, shardWorkloadLine } from '../src/shardLines.js';

const offer = fc.record({ id: fc.string(), source: fc.string(), asOf: fc.string() });

describe('parseShardWorkloadLine', () => {
  test('a line as shards write it: the whole line parsed, and the workload as JSON.stringify writes it', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.option(fc.nat(), { nil: undefined }),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(offer, { maxLength: 3 }),
        fc.string({ unit: 'binary' }),
        (seq, row, workload, offers, csv) => {
          const text = shardWorkloadLine(
            seq,
            row,
            workload as unknown as WorkloadAnalysis,
            offers,
            csv,
          ).trimEnd();
          const split = parseShardWorkloadLine(text);
          expect(split).toBeDefined();
          expect(split?.value).toStrictEqual(JSON.parse(text));
          expect(split?.workloadJson).toBe(JSON.stringify(JSON.parse(text).workload));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  test('keys named "offers" or "csv" inside the workload, and their text inside the rows, do not cut it short', () => {
    const workload = {
      id: 'w',
      nested: { offers: [1, 2], csv: 'x', x: ',"offers":', y: ',"csv":' },
    } as unknown as WorkloadAnalysis;
    const rows = 'w,",""csv"":"",""offers"":",\r\n';
    const text = shardWorkloadLine(
      4,
      6,
      workload,
      [{ id: 'a', source: 's', asOf: '2026-12-01' }],
      rows,
    ).trimEnd();
    const split = parseShardWorkloadLine(text);
    expect(split?.workloadJson).toBe(JSON.stringify(workload));
    expect(split?.value).toStrictEqual(JSON.parse(text));
    expect(split?.value.csv).toBe(rows);
  });

  test('any other line falls back to parsing it whole (undefined)', () => {
    const cases = [
      '{"seq":3,"rejected":{"file":"w.csv","row":5,"column":"kind","reason":"unknown"}}',
      '{"end":true,"records":1}',
      // Version 1's line (no rows), rows that are not a string, a key after the rows, rows before the offers.
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[]}',
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[],"csv":["a"]}',
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[],"csv":"a","x":"b"}',
      '{"seq":0,"row":2,"workload":{"id":"a"},"csv":"a","offers":[],"csv":"b"}',
      // A key between the workload and its offers, a repeated workload key, an offer with an "offers" key: the
      // workload's text would not be one JSON value.
      '{"seq":0,"row":2,"workload":{"id":"a"},"extra":1,"offers":[],"csv":""}',
      '{"seq":0,"row":2,"workload":{"id":"a"},"workload":{"id":"b"},"offers":[],"csv":""}',
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[{"id":"x","offers":[]}],"csv":""}',
      '{ "seq":0,"row":2,"workload":{"id":"a"},"offers":[],"csv":""}',
      '{"seq":00,"row":2,"workload":{"id":"a"},"offers":[],"csv":""}',
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[],"csv":""} ',
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[],"csv":""',
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[],"csv":""]',
      '{"seq":0,"row":2,"workload":,"offers":[],"csv":""}',
    ];
    for (const text of cases) expect(parseShardWorkloadLine(text), text).toBeUndefined();
  });

  test('spaces inside the workload: its text is kept, one JSON value with the parsed data', () => {
    const text =
      '{"seq":1,"row":null,"workload":{ "id" : "a", "n": [1, 2.50] },"offers":[],"csv":"a,1\\r\\n"}';
    const split = parseShardWorkloadLine(text);
    expect(split?.value).toStrictEqual(JSON.parse(text));
    expect(JSON.parse(split?.workloadJson ?? '')).toStrictEqual({ id: 'a', n: [1, 2.5] });
  });
});
