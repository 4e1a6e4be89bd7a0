import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internStrings, leafKey } from '../src/internStrings.js';

/** A deep copy that keeps prototypes (null ones too), −0 and undefined values. */
function clone(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(clone);
  const out = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    Object.defineProperty(out, k, {
      value: clone((v as Record<string, unknown>)[k]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

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

  it('with leaves, values serialise as before and keep −0, undefined and key order, for any JSON-like values and shared pools (property)', () => {
    const leafy = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(0, -0, 1, 1.5, 'a', 'b', '', null, true, undefined),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'months', 'sentence', '1', '__proto__'), tie('value'), {
          maxKeys: 4,
        }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.array(leafy, { minLength: 1, maxLength: 6 }), (values) => {
        const wrapped = values.map((v) => ({ v }));
        const before = clone(wrapped);
        const pool = new Map<string, string>();
        const leaves = new Map<number, object | object[]>();
        for (const v of wrapped) internStrings(v, pool, leaves);
        expect(JSON.stringify(wrapped)).toBe(JSON.stringify(before));
        expect(wrapped).toStrictEqual(before);
      }),
    );
  });

  it('shares equal leaf objects with a string, and nothing in months, arrays or objects that differ', () => {
    const reason = () => ({ factor: 'model-size', cloud: 0, depin: 8, sentence: 'the same sentence' });
    const a = { fit: { reasons: [reason(), reason()] }, months: [{ month: '2027-01', usd: 1 }] };
    const b = { fit: { reasons: [reason()] }, months: [{ month: '2027-01', usd: 1 }] };
    const pool = new Map<string, string>();
    const leaves = new Map<number, object | object[]>();
    internStrings(a, pool, leaves);
    internStrings(b, pool, leaves);
    expect(a.fit.reasons[1]).toBe(a.fit.reasons[0]);
    expect(b.fit.reasons[0]).toBe(a.fit.reasons[0]);
    expect(b.months[0]).not.toBe(a.months[0]);
    expect(a).toEqual({ fit: { reasons: [reason(), reason()] }, months: [{ month: '2027-01', usd: 1 }] });
  });

  it('leafKey tells apart what serialises or compares differently, and refuses what is not a leaf', () => {
    expect(leafKey({ s: 'x', n: 0 })).not.toBe(leafKey({ s: 'x', n: -0 }));
    expect(leafKey({ s: 'x', n: 1 })).not.toBe(leafKey({ n: 1, s: 'x' }));
    expect(leafKey({ s: 'x', n: undefined })).not.toBe(leafKey({ s: 'x', n: null }));
    expect(leafKey({ s: 'x', n: '1' })).not.toBe(leafKey({ s: 'x', n: 1 }));
    expect(leafKey({ s: 'a:1', t: '' })).not.toBe(leafKey({ s: 'a', t: '1' }));
    expect(leafKey({ s: 'x', n: 1 })).toBe(leafKey({ s: 'x', n: 1 }));
    expect(leafKey({ n: 1 })).toBeNull();
    expect(leafKey({ s: 'x', o: {} })).toBeNull();
    expect(leafKey(['x'])).toBeNull();
    expect(leafKey(Object.freeze({ s: 'x' }))).toBeNull();
    expect(
      leafKey(
        new (class {
          s = 'x';
        })(),
      ),
    ).toBeNull();
  });
});
