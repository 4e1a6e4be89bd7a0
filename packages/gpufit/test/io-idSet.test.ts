import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet } from '../src/io/idSet.js';

describe('IdSet', () => {
  it('answers like a Map<string, firstRow> for any sequence of ids', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8, unit: 'grapheme' }), { maxLength: 300 }), (ids) => {
        const set = new IdSet();
        const map = new Map<string, number>();
        ids.forEach((id, i) => {
          const row = i + 2;
          const expected = map.get(id) ?? 0;
          if (expected === 0) map.set(id, row);
          expect(set.addOrGet(id, row)).toBe(expected);
        });
        expect(set.size).toBe(map.size);
      }),
    );
  });

  it('keeps every id across growth (100,000 ids, each found again)', () => {
    const set = new IdSet();
    for (let i = 0; i < 100_000; i++) expect(set.addOrGet(`w${i}`, i + 2)).toBe(0);
    for (let i = 0; i < 100_000; i += 997) expect(set.addOrGet(`w${i}`, 1)).toBe(i + 2);
    expect(set.size).toBe(100_000);
  });

  it('keeps Latin-1 ids one byte a character and widens for the first other one, losing none', () => {
    const set = new IdSet();
    for (let i = 0; i < 5_000; i++) expect(set.addOrGet(`café-${i}`, i + 2)).toBe(0);
    expect(set.addOrGet('工作负载-1', 9_000)).toBe(0);
    expect(set.addOrGet('Ω', 9_001)).toBe(0);
    for (let i = 0; i < 5_000; i += 7) expect(set.addOrGet(`café-${i}`, 1)).toBe(i + 2);
    expect(set.addOrGet('工作负载-1', 1)).toBe(9_000);
    expect(set.addOrGet('Ω', 1)).toBe(9_001);
    // A wide id that differs from a stored Latin-1 one only above 0xff is a new id.
    expect(set.addOrGet('caf\u0169-1', 9_002)).toBe(0);
    expect(set.size).toBe(5_003);
  });
});
