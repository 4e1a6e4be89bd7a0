/**
 * Hosted API prices (datasets/hosted-api-prices.csv): model names meet at one key, the table refuses rows it cannot
 * trust, and the month's cost is tokens × price, linear in the volume.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostedApiMonthlyUsd } from '../src/hosted/hostedApiMonthlyUsd.js';
import { type HostedApiPriceRow, hostedApiPriceTable } from '../src/hosted/hostedApiPriceTable.js';
import {
  GLOBAL_SERVING,
  type HostedApiTermRow,
  servingPlacesMeetResidency,
} from '../src/hosted/hostedApiTerms.js';
import { normalizeModelName } from '../src/hosted/normalizeModelName.js';

const row = (over: Partial<HostedApiPriceRow>): HostedApiPriceRow => ({
  provider: 'deepinfra',
  providerName: 'DeepInfra',
  model: 'llama-3.1-70b-instruct',
  aliases: [],
  servedModel: 'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo',
  precision: 'fp8',
  usdPerMillionInputTokens: 0.13,
  usdPerMillionOutputTokens: 0.4,
  source: 'https://deepinfra.com/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo/api',
  asOf: '2026-12-04',
  notes: '',
  ...over,
});

describe('normalizeModelName', () => {
  it.each([
    ['Llama 3.1 70B', 'llama-3.1-70b'],
    ['llama-3.1-70b-instruct', 'llama-3.1-70b'],
    ['meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo', 'llama-3.1-70b'],
    ['accounts/fireworks/models/llama-v3p1-70b-instruct', 'llama-3.1-70b'],
    ['llama3.1:70b', 'llama-3.1-70b'],
    ['Llama_3.1_8B_Instruct', 'llama-3.1-8b'],
    ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'llama-3.3-70b'],
    ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'mixtral-8x7b-v0.1'],
    ['Qwen/Qwen2.5-72B-Instruct', 'qwen2.5-72b'],
    ['deepseek-ai/DeepSeek-V3', 'deepseek-v3'],
    ['  ', ''],
  ])('%s → %s', (name, key) => {
    expect(normalizeModelName(name)).toBe(key);
  });

  it('keeps versions and sizes apart: 3.1 is not 3.3, 8B is not 70B', () => {
    expect(normalizeModelName('Llama 3.1 70B')).not.toBe(normalizeModelName('Llama 3.3 70B'));
    expect(normalizeModelName('Llama 3.1 8B')).not.toBe(normalizeModelName('Llama 3.1 70B'));
  });
});

describe('hostedApiPriceTable', () => {
  const table = hostedApiPriceTable([
    row({}),
    row({
      provider: 'fireworks',
      providerName: 'Fireworks AI',
      servedModel: 'accounts/fireworks/models/llama-v3p1-70b-instruct',
      usdPerMillionInputTokens: 0.9,
      usdPerMillionOutputTokens: 0.9,
    }),
    row({
      model: 'mixtral-8x7b-instruct',
      aliases: ['Mixtral-8x7B-Instruct-v0.1'],
      servedModel: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
    }),
  ]);

  it('finds every provider of a model by its id, a provider id or an alias; nothing for another model', () => {
    for (const name of [
      'Llama 3.1 70B Instruct',
      'meta-llama/Meta-Llama-3.1-70B-Instruct',
      'llama-v3p1-70b-instruct',
    ])
      expect(table.lookup(name).map((r) => r.provider)).toEqual(['deepinfra', 'fireworks']);
    expect(table.lookup('Mixtral 8x7B').map((r) => r.model)).toEqual(['mixtral-8x7b-instruct']);
    expect(table.lookup('mistralai/Mixtral-8x7B-Instruct-v0.1')).toHaveLength(1);
    expect(table.lookup('Llama 3.3 70B')).toEqual([]);
    expect(table.lookup('my-finetuned-70b')).toEqual([]);
    expect(table.size).toBe(3);
  });

  it('refuses a negative or missing price, a row with no source, a repeated (provider, model) and an alias two models claim', () => {
    expect(() => hostedApiPriceTable([row({ usdPerMillionInputTokens: -0.1 })])).toThrow(
      /hosted API price row/,
    );
    expect(() => hostedApiPriceTable([row({ usdPerMillionOutputTokens: Number.NaN })])).toThrow(
      /hosted API price row/,
    );
    expect(() => hostedApiPriceTable([row({ source: ' ' })])).toThrow(/hosted API price row/);
    expect(() => hostedApiPriceTable([row({}), row({ model: 'Llama 3.1 70B' })])).toThrow(/twice/);
    expect(() =>
      hostedApiPriceTable([row({}), row({ model: 'llama-3.3-70b-instruct', aliases: ['Llama 3.1 70B'] })]),
    ).toThrow(/another model/);
  });
});

describe('hostedApiMonthlyUsd', () => {
  it('vectors: 3.6B input and 1.2B output tokens at $0.13 / $0.40 cost $948; 120M tokens at $0.055 cost $6.60', () => {
    expect(hostedApiMonthlyUsd(3.6e9, 1.2e9, 0.13, 0.4)).toBeCloseTo(948, 9);
    expect(hostedApiMonthlyUsd(9e7, 3e7, 0.055, 0.055)).toBeCloseTo(6.6, 9);
    expect(hostedApiMonthlyUsd(0, 0, 0.13, 0.4)).toBe(0);
  });

  it('refuses a negative, infinite or NaN count or price (never NaN out)', () => {
    expect(() => hostedApiMonthlyUsd(-1, 1, 0.1, 0.1)).toThrow(/hosted API cost/);
    expect(() => hostedApiMonthlyUsd(1, Number.POSITIVE_INFINITY, 0.1, 0.1)).toThrow(/hosted API cost/);
    expect(() => hostedApiMonthlyUsd(1, 1, Number.NaN, 0.1)).toThrow(/hosted API cost/);
  });

  const tokens = fc.double({ min: 0, max: 1e13, noNaN: true });
  const price = fc.double({ min: 0, max: 100, noNaN: true });
  it('is non-negative and linear in the volume: k × the tokens cost k × as much', () => {
    fc.assert(
      fc.property(
        tokens,
        tokens,
        price,
        price,
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (i, o, pi, po, k) => {
          const base = hostedApiMonthlyUsd(i, o, pi, po);
          expect(base).toBeGreaterThanOrEqual(0);
          const scaled = hostedApiMonthlyUsd(k * i, k * o, pi, po);
          expect(Math.abs(scaled - k * base)).toBeLessThanOrEqual(1e-9 * Math.max(1, k * base));
        },
      ),
    );
  });

  it('is additive: two months of tokens cost the sum of each', () => {
    fc.assert(
      fc.property(tokens, tokens, tokens, tokens, price, price, (i1, o1, i2, o2, pi, po) => {
        const sum = hostedApiMonthlyUsd(i1, o1, pi, po) + hostedApiMonthlyUsd(i2, o2, pi, po);
        const together = hostedApiMonthlyUsd(i1 + i2, o1 + o2, pi, po);
        expect(Math.abs(together - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, sum));
      }),
    );
  });
});

describe('hostedApiPriceTable: the providers terms', () => {
  const term = (over: Partial<HostedApiTermRow>): HostedApiTermRow => ({
    provider: 'deepinfra',
    term: 'zero-retention',
    basis: 'default',
    places: [],
    condition: '',
    source: 'https://docs.deepinfra.com/account/data-privacy',
    asOf: '2026-12-04',
    quote: 'we do not store the data you submit to our APIs on disk',
    notes: '',
    ...over,
  });

  it('files each term under its provider; a provider with none has none', () => {
    const t = term({});
    const table = hostedApiPriceTable([row({}), row({ provider: 'fireworks' })], [t]);
    expect(table.termsOf('deepinfra')).toEqual([t]);
    expect(table.termsOf('fireworks')).toEqual([]);
  });

  it('refuses an unsourced term, a held-on-request term without its condition, a term twice, an unpriced provider', () => {
    const build = (terms: HostedApiTermRow[]) => () => hostedApiPriceTable([row({})], terms);
    expect(build([term({ quote: ' ' })])).toThrow(/hosted API term row/);
    expect(build([term({ source: '' })])).toThrow(/hosted API term row/);
    expect(build([term({ basis: 'on-request' })])).toThrow(/hosted API term row/);
    expect(build([term({ term: 'serving-regions' })])).toThrow(/hosted API term row/);
    expect(build([term({ places: ['US'] })])).toThrow(/hosted API term row/);
    expect(build([term({}), term({})])).toThrow(/twice/);
    expect(build([term({ provider: 'together' })])).toThrow(/no hosted price row/);
  });
});

describe('servingPlacesMeetResidency', () => {
  it('every stated place inside one of the residency places; global or nothing meets none', () => {
    expect(servingPlacesMeetResidency(['DE', 'FR'], ['EU'])).toBe(true);
    expect(servingPlacesMeetResidency(['DE', 'US'], ['EU'])).toBe(false);
    expect(servingPlacesMeetResidency(['DE', 'US'], ['EU', 'US'])).toBe(true);
    expect(servingPlacesMeetResidency([GLOBAL_SERVING], ['EU'])).toBe(false);
    expect(servingPlacesMeetResidency([], ['EU'])).toBe(false);
  });
});
