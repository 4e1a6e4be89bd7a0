/**
 * datasets/hosted-api-terms.csv: every row loads, each is sourced (a URL, an as-of date, the provider's words), each
 * names a provider with a price, and a bad row is a LoadError naming the file, the row and the column.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostedApiPriceTable } from '@gpufit/pricing';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadHostedApiPrices, loadHostedApiTerms } from '../src/data/loadReferenceData.js';
import { LoadError } from '../src/io/loadError.js';
import { loadWritten, withCell as withCellOf } from './support/referenceCsv.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const committed = parse(readFileSync(path.join(repoRoot, 'datasets', 'hosted-api-terms.csv')), {
  columns: true,
  bom: true,
}) as Record<string, string>[];

describe('datasets/hosted-api-terms.csv', () => {
  it('loads every row, and with the prices builds the lookup (each term names a priced provider)', async () => {
    const terms = await loadHostedApiTerms();
    expect(terms).toHaveLength(committed.length);
    const table = hostedApiPriceTable(await loadHostedApiPrices(), terms);
    for (const t of terms) expect(table.termsOf(t.provider)).toContain(t);
  });

  it('sources every row: an https URL, an as-of date, a quote, and a condition for a term not held by default', () => {
    expect(committed.length).toBeGreaterThan(0);
    for (const r of committed) {
      const id = `${r.provider} ${r.term}`;
      expect(r.source, id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
      expect(r.asOf, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.quote!.length, id).toBeGreaterThan(60);
      expect(r.notes!.length, id).toBeGreaterThan(40);
      if (r.basis !== 'default') expect(r.condition!.length, id).toBeGreaterThan(20);
    }
  });

  it("records what was read: zero retention by default at DeepInfra and Fireworks, on request at Together; Fireworks' serverless routed globally; no certification or BAA", () => {
    const key = (r: Record<string, string>) => `${r.provider} ${r.term} ${r.basis}`;
    expect(committed.map(key).sort()).toEqual([
      'deepinfra zero-retention default',
      'fireworks serving-regions default',
      'fireworks zero-retention default',
      'together zero-retention on-request',
    ]);
  });
});

const HEADER = 'provider,term,basis,places,condition,source,asOf,quote,notes';
const GOOD = [
  'deepinfra,zero-retention,default,,,https://example.test/a,2026-12-04,we keep nothing,read',
  'together,zero-retention,on-request,,set the privacy setting,https://example.test/b,2025-12-17,we keep nothing if asked,read',
  'fireworks,serving-regions,default,global,,https://example.test/c,2026-12-04,routed globally,read',
];
const COLUMNS = HEADER.split(',');

const load = (lines: readonly string[]) => loadWritten('hosted-api-terms.csv', lines, loadHostedApiTerms);
const withCell = (dataRow: number, column: string, value: string) =>
  withCellOf(GOOD, COLUMNS, dataRow, column, value);

describe('loadHostedApiTerms', () => {
  it('reads good rows: places split on ;, the provider in lower case', async () => {
    const rows = await load([
      HEADER,
      ...GOOD.map((l, i) => (i === 0 ? l.replace('deepinfra', 'DeepInfra') : l)),
    ]);
    expect(rows).toMatchObject([
      { provider: 'deepinfra', term: 'zero-retention', basis: 'default', places: [] },
      { provider: 'together', basis: 'on-request', condition: 'set the privacy setting' },
      { provider: 'fireworks', term: 'serving-regions', places: ['global'] },
    ]);
  });

  it.each([
    ['a term outside the vocabulary (hipaa is a BAA)', 1, 'term', 'hipaa'],
    ['a basis outside the vocabulary', 1, 'basis', 'sometimes'],
    ['a term held on request without its condition', 2, 'condition', ''],
    ['no source', 3, 'source', ''],
    ['no quote', 1, 'quote', ''],
    ['an as-of that is not a date', 2, 'asOf', 'recently'],
    ['serving regions without places', 3, 'places', ''],
    ['places on a term that is not serving regions', 1, 'places', 'US'],
    ['a place that is no country or bloc', 3, 'places', 'Europe'],
  ])('%s is a LoadError naming file, row and column', async (_, dataRow, column, value) => {
    const error = await load([HEADER, ...withCell(dataRow, column, value)]);
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ row: dataRow + 1, column });
    expect(String((error as LoadError).file)).toMatch(/hosted-api-terms\.csv$/);
  });

  it('a (provider, term) twice is a LoadError on the term column', async () => {
    const error = await load([HEADER, ...GOOD, GOOD[0]!]);
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ row: 5, column: 'term' });
  });
});
