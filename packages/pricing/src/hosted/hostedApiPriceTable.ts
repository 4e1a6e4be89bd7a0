import { assert } from '../assert.js';
import {
  AMBIGUOUS_HOSTED_API_ALIAS,
  DUPLICATE_HOSTED_API_PRICE,
  DUPLICATE_HOSTED_API_TERM,
  INVALID_HOSTED_API_PRICE,
  INVALID_HOSTED_API_TERM,
  UNPRICED_HOSTED_API_TERM,
} from '../messages.js';
import type { HostedApiTermRow } from './hostedApiTerms.js';
import { normalizeModelName } from './normalizeModelName.js';

/**
 * One row of `datasets/hosted-api-prices.csv` (same field names): what a hosted serverless API charges per 1M
 * input and output tokens for an open-weight model, read from a stored page (`source`, `asOf`). Compiled by hand,
 * rules in `datasets/README.md`.
 */
export interface HostedApiPriceRow {
  /** Provider id, e.g. `deepinfra`. */
  readonly provider: string;
  readonly providerName: string;
  /** The model's canonical id, e.g. `llama-3.1-70b-instruct`. */
  readonly model: string;
  /** Other spellings of the model that match it (normalized the same way). */
  readonly aliases: readonly string[];
  /** The provider's own model id. */
  readonly servedModel: string;
  /** The precision the provider serves at (`fp8`, `bf16`), or null when the source does not say. */
  readonly precision: string | null;
  readonly usdPerMillionInputTokens: number;
  readonly usdPerMillionOutputTokens: number;
  readonly source: string;
  /** YYYY-MM-DD or YYYY-MM. */
  readonly asOf: string;
  readonly notes: string;
}

export interface HostedApiPriceTable {
  /**
   * The rows of the model a name matches (`normalizeModelName` of the model id, its aliases or a provider's own
   * id), one per provider; empty when no model matches.
   */
  lookup(modelName: string): readonly HostedApiPriceRow[];
  /** The provider's stated terms (`datasets/hosted-api-terms.csv`), at most one per term; empty when none is recorded. */
  termsOf(provider: string): readonly HostedApiTermRow[];
  readonly size: number;
}

const validPrice = (x: number) => Number.isFinite(x) && x >= 0;

function isValidRow(row: HostedApiPriceRow): boolean {
  return (
    row.provider.trim().length > 0 &&
    normalizeModelName(row.model).length > 0 &&
    validPrice(row.usdPerMillionInputTokens) &&
    validPrice(row.usdPerMillionOutputTokens) &&
    row.source.trim().length > 0
  );
}

/** A term row is sourced (URL, as-of, quote), names its condition unless it holds by default, and has places exactly
 * when it states serving regions. */
function isValidTerm(t: HostedApiTermRow): boolean {
  return (
    t.provider.trim().length > 0 &&
    t.source.trim().length > 0 &&
    t.asOf.trim().length > 0 &&
    t.quote.trim().length > 0 &&
    (t.basis === 'default' || t.condition.trim().length > 0) &&
    (t.term === 'serving-regions') === t.places.length > 0
  );
}

/**
 * Builds the lookup of hosted API prices and their providers' terms. Pure: the Node side loads
 * `datasets/hosted-api-prices.csv` and `datasets/hosted-api-terms.csv`. Every name of a model (its id, aliases and
 * served ids) must normalize to a key no other model claims; a term names a provider with a price row, once per term.
 */
export function hostedApiPriceTable(
  rows: readonly HostedApiPriceRow[],
  terms: readonly HostedApiTermRow[] = [],
): HostedApiPriceTable {
  const modelOfKey = new Map<string, string>();
  const rowsOfModel = new Map<string, HostedApiPriceRow[]>();
  const seen = new Set<string>();
  for (const row of rows) {
    const model = normalizeModelName(row.model);
    const id = `${row.provider}|${model}`;
    assert(isValidRow(row), INVALID_HOSTED_API_PRICE, id);
    assert(!seen.has(id), DUPLICATE_HOSTED_API_PRICE, id);
    seen.add(id);
    for (const name of [row.model, row.servedModel, ...row.aliases]) {
      const key = normalizeModelName(name);
      if (key === '') continue;
      const claimed = modelOfKey.get(key);
      assert(claimed === undefined || claimed === model, AMBIGUOUS_HOSTED_API_ALIAS, `${name} → ${key}`);
      modelOfKey.set(key, model);
    }
    const list = rowsOfModel.get(model) ?? [];
    list.push(row);
    rowsOfModel.set(model, list);
  }
  const providers = new Set(rows.map((r) => r.provider));
  const termsOfProvider = new Map<string, HostedApiTermRow[]>();
  for (const t of terms) {
    const id = `${t.provider}|${t.term}`;
    assert(isValidTerm(t), INVALID_HOSTED_API_TERM, id);
    assert(providers.has(t.provider), UNPRICED_HOSTED_API_TERM, id);
    const list = termsOfProvider.get(t.provider) ?? [];
    assert(!list.some((u) => u.term === t.term), DUPLICATE_HOSTED_API_TERM, id);
    list.push(t);
    termsOfProvider.set(t.provider, list);
  }
  return {
    termsOf: (provider) => termsOfProvider.get(provider) ?? [],
    lookup: (name) => {
      const model = modelOfKey.get(normalizeModelName(name));
      return model === undefined ? [] : (rowsOfModel.get(model) ?? []);
    },
    size: seen.size,
  };
}
