import {
  OFFER_FIELD_RULES,
  OFFER_FIELDS,
  type OfferFieldRule,
  offerFromCsv,
  offerInputSchema,
} from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastOfferDecoder } from '../src/io/fastOffer.js';
import { REQUIRED_OFFER_COLUMNS } from '../src/io/offerTable.js';
import { HEADER, mutatedRows, REAL, subsetTable } from './support/offerCells.js';

/** Fast and zod agree on a table: the fast path accepts exactly the rows zod accepts, with the same offer. */
function agree(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): { zod: boolean; fast: boolean }[] {
  const fast = fastOfferDecoder(header);
  return rows.map((cells) => {
    const got = fast?.(cells);
    const want = offerFromCsv(header, cells);
    if (got !== undefined) {
      expect(want.ok, JSON.stringify([header, cells])).toBe(true);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want.ok ? want.value : null));
      expect(got).toEqual(want.ok ? want.value : null);
    }
    return { zod: want.ok, fast: got !== undefined };
  });
}

describe('fast offer decoder agrees with the schema (offerFromCsv)', () => {
  it('has one rule per offer column, and the table says which columns are required as zod does', () => {
    expect(Object.keys(OFFER_FIELD_RULES)).toEqual([...OFFER_FIELDS]);
    expect(Object.keys(offerInputSchema.shape)).toEqual([...OFFER_FIELDS]);
    const required = OFFER_FIELDS.filter((f) => {
      const rule: OfferFieldRule = OFFER_FIELD_RULES[f];
      return 'required' in rule && rule.required;
    });
    expect(required).toEqual(REQUIRED_OFFER_COLUMNS);
  });

  it('accepts every row of the bundled catalog itself, equal to zod', () => {
    expect(HEADER).toEqual([...OFFER_FIELDS]);
    const outcomes = agree(HEADER!, REAL);
    expect(outcomes.every((o) => o.zod && o.fast)).toBe(true);
  });

  it('agrees on real rows with one to three cells replaced by boundary, hostile and random cells', () => {
    const outcomes: { zod: boolean; fast: boolean }[] = [];
    fc.assert(
      fc.property(mutatedRows, (rows) => {
        outcomes.push(...agree(HEADER!, rows));
      }),
      { numRuns: 3000 },
    );
    // Both sides reached; and the fast path itself takes most valid rows (not a decoder that always defers).
    const valid = outcomes.filter((o) => o.zod).length;
    expect(valid).toBeGreaterThan(outcomes.length * 0.2);
    expect(outcomes.length - valid).toBeGreaterThan(outcomes.length * 0.2);
    expect(outcomes.filter((o) => o.fast).length).toBeGreaterThan(valid * 0.9);
  });

  it('agrees on headers of any subset of columns, in any order', () => {
    const outcomes: { zod: boolean; fast: boolean }[] = [];
    fc.assert(
      fc.property(subsetTable, ([header, rows]) => {
        outcomes.push(...agree(header, rows));
      }),
      { numRuns: 1500 },
    );
    expect(outcomes.some((o) => o.fast) && outcomes.some((o) => !o.zod)).toBe(true);
  });

  it('never shares a list or tier object between two offers (the column memo hands out copies)', () => {
    const fast = fastOfferDecoder(HEADER!)!;
    const row = REAL.find((r) => r[HEADER!.indexOf('egressTiers')] && r[HEADER!.indexOf('certifications')])!;
    const a = fast(row)!;
    const b = fast(row)!;
    a.certifications.push('fedramp');
    a.egressTiers![0]!.usdPerGiB = 99;
    expect(b).toEqual(fast(row));
    expect(b.egressTiers![0]!.usdPerGiB).not.toBe(99);
  });

  it('leaves headers with unknown or repeated columns to the zod path', () => {
    expect(fastOfferDecoder([...OFFER_FIELDS, 'colour'])).toBeUndefined();
    expect(fastOfferDecoder([...OFFER_FIELDS, 'id'])).toBeUndefined();
    expect(fastOfferDecoder([...OFFER_FIELDS, '__proto__'])).toBeUndefined();
  });
});
