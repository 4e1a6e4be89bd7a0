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
        (seq, row, workload, offers) => {
          const text = shardWorkloadLine(seq, row, workload as unknown as WorkloadAnalysis, offers).trimEnd();
          const split = parseShardWorkloadLine(text);
          expect(split).toBeDefined();
          expect(split?.value).toStrictEqual(JSON.parse(text));
          expect(split?.workloadJson).toBe(JSON.stringify(JSON.parse(text).workload));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  test('keys named "offers" inside the workload do not cut it short', () => {
    const workload = { id: 'w', nested: { offers: [1, 2], x: ',"offers":' } } as unknown as WorkloadAnalysis;
    const text = shardWorkloadLine(4, 6, workload, [{ id: 'a', source: 's', asOf: '2026-12-01' }]).trimEnd();
    expect(parseShardWorkloadLine(text)?.workloadJson).toBe(JSON.stringify(workload));
  });

  test('any other line falls back to parsing it whole (undefined)', () => {
    const cases = [
      '{"seq":3,"rejected":{"file":"w.csv","row":5,"column":"kind","reason":"unknown"}}',
      '{"end":true,"records":1}',
      // A key between the workload and its offers, a repeated workload key, an offer with an "offers" key: the
      // workload's text would not be one JSON value.
      '{"seq":0,"row":2,"workload":{"id":"a"},"extra":1,"offers":[]}',
      '{"seq":0,"row":2,"workload":{"id":"a"},"workload":{"id":"b"},"offers":[]}',
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[{"id":"x","offers":[]}]}',
      '{ "seq":0,"row":2,"workload":{"id":"a"},"offers":[]}',
      '{"seq":00,"row":2,"workload":{"id":"a"},"offers":[]}',
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[]} ',
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[]',
      '{"seq":0,"row":2,"workload":{"id":"a"},"offers":[]]',
      '{"seq":0,"row":2,"workload":,"offers":[]}',
    ];
    for (const text of cases) expect(parseShardWorkloadLine(text), text).toBeUndefined();
  });

  test('spaces inside the workload: its text is kept, one JSON value with the parsed data', () => {
    const text = '{"seq":1,"row":null,"workload":{ "id" : "a", "n": [1, 2.50] },"offers":[]}';
    const split = parseShardWorkloadLine(text);
    expect(split?.value).toStrictEqual(JSON.parse(text));
    expect(JSON.parse(split?.workloadJson ?? '')).toStrictEqual({ id: 'a', n: [1, 2.5] });
  });
});
