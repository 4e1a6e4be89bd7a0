import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  OFFER_FIELD_RULES,
  OFFER_FIELDS,
  type OfferFieldRule,
  offerFromCsv,
  offerInputSchema,
} from '@gpufit/schema';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledDatasetsDir } from '../src/data/bundledDatasetsDir.js';
import { fastOfferDecoder } from '../src/io/fastOffer.js';
import { REQUIRED_OFFER_COLUMNS } from '../src/io/offerTable.js';
import { NUMBER_SPELLINGS } from './support/numberSpellings.js';

type Field = (typeof OFFER_FIELDS)[number];

/** The bundled catalog's rows (every one valid): real cells to mutate. */
const [HEADER, ...REAL] = parse(readFileSync(join(bundledDatasetsDir(), 'offers.csv')), {
  bom: true,
}) as string[][];

/** Cells on and just beyond a number rule's bounds (from the field table), whole and not. */
function boundCells(rule: OfferFieldRule & { type: 'number' }): string[] {
  const { min, max } = rule;
  return [min, max, min - 1, max + 1, min - 0.001, max + 0.001, min + 0.5, (min + max) / 2].map(String);
}
const HIDDEN = ['a\u202Eb', 'x\u0000', '\u200Fy', 'ok\u0085'];
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', '  ', 'a'.repeat(max), 'a'.repeat(max + 1), ` ${'b'.repeat(max)} `, ...HIDDEN),
  );
const words = (values: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...values, '', 'other').chain((s) => fc.constantFrom(s, ` ${s} `, s.toUpperCase())),
    fc.string({ maxLength: 6 }),
  );
const list = (pool: readonly string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 3 })), { maxLength: 4 })
    .chain((xs) => fc.constantFrom(xs.join(';'), xs.join(' ; '), `${xs.join(';')};`));
const DATE_CELLS = [
  '2026-09-20',
  '2026-09',
  '2026-02-29',
  '2028-02-29',
  '2026-13',
  '2026-04-31',
  '1999-12-31',
  '2000-01',
  '2100-01-01',
  '26-09-20',
  ' 2026-09-20 ',
  '',
];
const TIER_CELLS = [
  'inf:0',
  '100:0;inf:0.087',
  '100:0;10340:0.09;inf:0.05',
  '100:0;50:0.09',
  'inf:0;100:0.1',
  '0:0',
  '-1:0',
  '100:11',
  '100:0.1;',
  'INF : 0.05',
  '100',
  '100:1:2',
  'x:y',
  '',
];
const PLACE_CELLS = ['US', 'us', ' de ', 'EU', 'eea', 'APAC', 'XYZ', 'U', 'Europe', 'ß', ''];
const BOOLEAN_CELLS = ['true', 'FALSE', 'yes', 'n', '0', '1', ' false ', 'maybe', ''];

/** Any cell for a field, from its rule: boundaries, spellings, hostile text and noise. */
function anyCell(f: Field): fc.Arbitrary<string> {
  const rule: OfferFieldRule = OFFER_FIELD_RULES[f];
  switch (rule.type) {
    case 'text':
    case 'note':
      return text(rule.maxLength);
    case 'number':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...boundCells(rule), ...NUMBER_SPELLINGS) },
        { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
        { weight: 1, arbitrary: fc.integer({ min: -10, max: 5000 }).map(String) },
      );
    case 'enum':
      return words(rule.values);
    case 'list':
      return list([...rule.values, 'SOC2', 'iso']);
    case 'boolean':
      return fc.constantFrom(...BOOLEAN_CELLS);
    case 'place':
      return fc.constantFrom(...PLACE_CELLS);
    case 'date':
      return fc.constantFrom(...DATE_CELLS);
    case 'egressTiers':
      return fc.constantFrom(...TIER_CELLS);
  }
}

const realRow = fc.integer({ min: 0, max: REAL.length - 1 }).map((i) => REAL[i]!);

/** Real rows with one to three cells replaced by any cell of their column; every rule alone and together. */
const mutatedRows = fc.array(
  fc
    .tuple(realRow, fc.array(fc.constantFrom(...OFFER_FIELDS), { minLength: 1, maxLength: 3 }))
    .chain(([row, fields]) =>
      fc.tuple(fc.constant(row), fc.constant(fields), fc.tuple(...fields.map(anyCell))),
    )
    .map(([row, fields, cells]) => {
      const out = [...row];
      fields.forEach((f, k) => {
        out[HEADER!.indexOf(f)] = cells[k]!;
      });
      return out;
    }),
  { minLength: 1, maxLength: 6 },
);

/** A header of some columns (shuffled; required ones usually kept) and real rows cut to it. */
const subsetTable = fc
  .tuple(
    fc.shuffledSubarray([...OFFER_FIELDS]),
    fc.boolean(),
    fc.array(realRow, { minLength: 1, maxLength: 5 }),
  )
  .map(([fields, core, rows]) => {
    const header = core ? [...new Set<string>([...REQUIRED_OFFER_COLUMNS, ...fields])] : fields;
    return [header, rows.map((r) => header.map((h) => r[HEADER!.indexOf(h)]!))] as const;
  });

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
