import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OFFER_FIELD_RULES, OFFER_FIELDS, type OfferFieldRule } from '@gpufit/schema';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { bundledDatasetsDir } from '../../src/data/bundledDatasetsDir.js';
import { REQUIRED_OFFER_COLUMNS } from '../../src/io/offerTable.js';
import { NUMBER_SPELLINGS } from './numberSpellings.js';

/**
 * Offer rows for the loader's property tests (the fast decoder, the raw row check): the bundled catalog's real
 * rows, and arbitraries that replace their cells with boundary, hostile and random cells from each column's rule.
 */
export type Field = (typeof OFFER_FIELDS)[number];

/** The bundled catalog's rows (every one valid): real cells to mutate. */
export const [HEADER, ...REAL] = parse(readFileSync(join(bundledDatasetsDir(), 'offers.csv')), {
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
export function anyCell(f: Field): fc.Arbitrary<string> {
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

export const realRow = fc.integer({ min: 0, max: REAL.length - 1 }).map((i) => REAL[i]!);

/** Real rows with one to three cells replaced by any cell of their column; every rule alone and together. */
export const mutatedRows = fc.array(
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
export const subsetTable = fc
  .tuple(
    fc.shuffledSubarray([...OFFER_FIELDS]),
    fc.boolean(),
    fc.array(realRow, { minLength: 1, maxLength: 5 }),
  )
  .map(([fields, core, rows]) => {
    const header = core ? [...new Set<string>([...REQUIRED_OFFER_COLUMNS, ...fields])] : fields;
    return [header, rows.map((r) => header.map((h) => r[HEADER!.indexOf(h)]!))] as const;
  });
