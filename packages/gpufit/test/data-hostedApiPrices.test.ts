/**
 * datasets/hosted-api-prices.csv: every row loads (none dropped), each carries its provenance, and a bad row is a
 * LoadError naming the file, the row and the column. Broken files are written by this test from rows built in code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostedApiPriceTable } from '@gpufit/pricing';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadHostedApiPrices } from '../src/data/loadReferenceData.js';
import { LoadError } from '../src/io/loadError.js';
import { loadWritten, withCell as withCellOf } from './support/referenceCsv.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const committedFile = path.join(repoRoot, 'datasets', 'hosted-api-prices.csv');
const committed = parse(readFileSync(committedFile), { columns: true, bom: true }) as Record<
  string,
  string
>[];

describe('datasets/hosted-api-prices.csv', () => {
  it('loads every row as typed values that build the pricing lookup', async () => {
    const rows = await loadHostedApiPrices();
    expect(rows).toHaveLength(committed.length);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const table = hostedApiPriceTable(rows);
    expect(table.size).toBe(committed.length);
    const seventy = table.lookup('Llama 3.1 70B Instruct');
    expect(seventy.map((r) => r.provider).sort()).toEqual(['deepinfra', 'fireworks']);
    expect(table.lookup('Llama 3.1 8B')[0]!.usdPerMillionOutputTokens).toBe(0.055);
  });

  it('gives every row a source, an as-of date and a note saying how the figure was read', () => {
    for (const r of committed) {
      expect(r.source, r.model).toMatch(/^https:\/\//);
      expect(r.asOf, r.model).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(r.notes!.length, r.model).toBeGreaterThan(40);
      expect(Number(r.usdPerMillionInputTokens)).toBeGreaterThan(0);
      expect(Number(r.usdPerMillionOutputTokens)).toBeGreaterThan(0);
    }
  });
});

const HEADER =
  'provider,providerName,model,aliases,servedModel,precision,usdPerMillionInputTokens,usdPerMillionOutputTokens,source,asOf,notes';
const GOOD = [
  'deepinfra,DeepInfra,llama-3.1-70b-instruct,Llama 3.1 70B,meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo,fp8,0.13,0.40,https://example.test/a,2026-12-04,read',
  'fireworks,Fireworks AI,llama-3.1-70b-instruct,,accounts/fireworks/models/llama-v3p1-70b-instruct,,0.90,0.90,https://example.test/b,2026-12,read',
  'deepinfra,DeepInfra,mixtral-8x7b-instruct,Mixtral 8x7B;Mixtral-8x7B-Instruct-v0.1,mistralai/Mixtral-8x7B-Instruct-v0.1,bf16,0.24,0.24,https://example.test/c,2026-12-04,read',
];
const COLUMNS = HEADER.split(',');

const load = (lines: readonly string[]) => loadWritten('hosted-api-prices.csv', lines, loadHostedApiPrices);
const withCell = (dataRow: number, column: string, value: string) =>
  withCellOf(GOOD, COLUMNS, dataRow, column, value);

describe('loadHostedApiPrices', () => {
  it('reads good rows: aliases split on ;, an empty precision as null, the provider in lower case', async () => {
    const rows = await load([
      HEADER,
      ...GOOD.map((l, i) => (i === 0 ? l.replace('deepinfra', 'DeepInfra') : l)),
    ]);
    expect(rows).toMatchObject([
      { provider: 'deepinfra', aliases: ['Llama 3.1 70B'], precision: 'fp8', usdPerMillionOutputTokens: 0.4 },
      { provider: 'fireworks', aliases: [], precision: null, asOf: '2026-12' },
      { aliases: ['Mixtral 8x7B', 'Mixtral-8x7B-Instruct-v0.1'], precision: 'bf16' },
    ]);
  });

  it.each([
    ['a price that is not a number', 1, 'usdPerMillionInputTokens', 'cheap'],
    ['a negative price', 2, 'usdPerMillionOutputTokens', '-0.9'],
    [
      'an absurd price (per token pasted as per 1M tokens, inverted)',
      1,
      'usdPerMillionOutputTokens',
      '400000',
    ],
    ['an empty price (never $0)', 3, 'usdPerMillionInputTokens', ''],
    ['no source', 2, 'source', ''],
    ['an as-of that is not a date', 3, 'asOf', 'last week'],
    ['a precision that names no format', 1, 'precision', 'fast'],
    ['no model', 2, 'model', ''],
  ])('%s is a LoadError naming file, row and column', async (_, dataRow, column, value) => {
    const error = await load([HEADER, ...withCell(dataRow, column, value)]);
    expect(error).toBeInstanceOf(LoadError);
    // Spreadsheet rows: the header is row 1.
    expect(error).toMatchObject({ row: dataRow + 1, column });
    expect(String((error as LoadError).file)).toMatch(/hosted-api-prices\.csv$/);
  });

  it('a (provider, model) twice, under two spellings, is a LoadError on the model column', async () => {
    const twice = GOOD[0]!.replace('llama-3.1-70b-instruct', 'Llama 3.1 70B Instruct');
    const error = await load([HEADER, ...GOOD, twice]);
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ row: 5, column: 'model', code: 'duplicate-id' });
  });

  it('a ragged row and an unknown column are LoadErrors', async () => {
    const ragged = await load([HEADER, GOOD[0]!, `${GOOD[1]!},extra`]);
    expect(ragged).toBeInstanceOf(LoadError);
    expect(ragged).toMatchObject({ row: 3, code: 'ragged' });
    const unknown = await load([`${HEADER},region`, ...GOOD.map((l) => `${l},us`)]);
    expect(unknown).toBeInstanceOf(LoadError);
    expect(unknown).toMatchObject({ row: 2 });
  });

  it('an empty file is a LoadError', async () => {
    const error = await load([]);
    expect(error).toBeInstanceOf(LoadError);
  });
});
