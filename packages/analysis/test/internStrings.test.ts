import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internStrings } from '../src/internStrings.js';

describe('internStrings (one string in memory for equal strings of a held analysis)', () => {
  it('leaves every value as it was, for any JSON-like value and a pool shared across values (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 6 }), (values) => {
        const before = structuredClone(values);
        const pool = new Map<string, string>();
        for (const v of values) internStrings(v, pool);
        expect(values).toEqual(before);
      }),
    );
  });

  it('pools every string it meets and passes by frozen objects and typed arrays without writing to them', () => {
    const frozen = Object.freeze({ sentence: 'the same sentence' });
    const samples = Float64Array.of(1, 2, 3);
    const value = {
      a: 'the same sentence',
      nested: [{ month: '2027-01' }, { month: '2027-01' }],
      frozen,
      samples,
    };
    const pool = new Map<string, string>();
    internStrings(value, pool);
    expect([...pool.keys()].sort()).toEqual(['2027-01', 'the same sentence']);
    expect(value.frozen).toBe(frozen);
    expect(value.samples).toEqual(Float64Array.of(1, 2, 3));
    expect(value).toEqual({
      a: 'the same sentence',
      nested: [{ month: '2027-01' }, { month: '2027-01' }],
      frozen: { sentence: 'the same sentence' },
      samples: Float64Array.of(1, 2, 3),
    });
  });
});
