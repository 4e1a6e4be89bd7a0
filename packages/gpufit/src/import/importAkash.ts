import type { GpuTier, NetworkInfo } from '@gpufit/analysis';
import { type Offer, type OfferInput, validateOffer } from '@gpufit/schema';
import { loadNetworks } from '../data/loadReferenceData.js';
import { type GpuNameIndex, unknownGpuReason } from '../io/gpuNameIndex.js';
import { LoadError } from '../io/loadError.js';
import type { LoadSource } from '../io/loadTypes.js';
import { rejectionFromIssues } from '../io/rowLedger.js';
import { type ImportLedger, type OfferImportResult, openJsonImport, shown } from './importLedger.js';
import { gpuLookups, observedGpu } from './observedGpu.js';
import { fmt, slug } from './offerIdParts.js';
import { payloadShapeHint } from './payloadFormat.js';
import { roundUsd } from './roundUsd.js';

export interface AkashImportOptions {
  /** Date the prices were read, `YYYY-MM-DD` or `YYYY-MM` (the response carries none). */
  readonly asOf: string;
  readonly source: string;
  /** Fail on the first malformed model record (not on a model without a price). */
  readonly strict?: boolean;
  readonly fileName?: string;
  readonly gpuNames?: GpuNameIndex;
  readonly gpuTiers?: readonly GpuTier[];
  /** The Akash row of `networks.csv` (default: the bundled one): the incentive token and default subsidy share. */
  readonly network?: NetworkInfo;
  readonly datasetsDir?: string;
}

/** A model the API lists without a price (no recent bids) is a fact, not bad data: `strict` does not stop on it. */
const POLICY_CODES = new Set(['no-price']);

const RAM = /^\s*(\d+(?:\.\d+)?)\s*(gi|gib|g|gb)?\s*$/i;

/**
 * Imports the Akash Console API GPU price list (`GET https://console-api.akash.network/v1/gpu-prices`):
 * `{ availability: {total, available}, models: [{ vendor, model, ram, interface, availability: {total,
 * available}, providerAvailability: {total, available}, price: {currency, min, max, avg, weightedAverage, med}
 * | null }] }`. The Console computes each model's prices in USD per hour from the best recent single-GPU bid of
 * each provider (akash-network/console, apps/api/src/gpu/services/gpu-price). One offer per model: the median
 * `med` as the price and `min`/`max` as its spread; market `depin`, provider `akash`, region `any` (the
 * response has no location), incentive AKT settled in USDC or AKT (`either`) with the network's default
 * subsidy share from `networks.csv`. A model with `price: null` is rejected with that reason.
 */
export async function importAkash(
  source: LoadSource,
  options: AkashImportOptions,
): Promise<OfferImportResult<Offer>> {
  const { ledger, records: models } = await openJsonImport(
    source,
    options,
    POLICY_CODES,
    modelList,
    'models',
  );
  const { gpus, tierMemory } = await gpuLookups(options);
  const dsOpts = options.datasetsDir === undefined ? {} : { datasetsDir: options.datasetsDir };
  const network = options.network ?? (await loadNetworks(dsOpts)).find((n) => n.provider === 'akash') ?? null;

  const offers: Offer[] = [];
  const ids = new Map<string, number>();
  models.forEach((raw, index) => {
    const row = index + 1;
    ledger.readRecord();
    const input = modelOffer(raw, row, gpus, tierMemory, network, options, ledger);
    if (input === null) return;
    const first = ids.get(input.id);
    if (first !== undefined) {
      ledger.reject(row, 'duplicate-id', 'model', `the same model as record ${first} (offer id ${input.id})`);
      return;
    }
    const v = validateOffer(input);
    if (!v.ok) {
      const rej = rejectionFromIssues(ledger.file, row, null, 'invalid', v.issues);
      ledger.reject(row, rej.code, rej.column, rej.reason);
      return;
    }
    ids.set(input.id, row);
    offers.push(v.value);
    ledger.accept();
  });
  return ledger.result(offers);
}

/** The model records of a price list, or a file-level error naming what the file looks like instead. */
function modelList(data: unknown, file: string): unknown[] {
  if (data !== null && typeof data === 'object' && Array.isArray((data as { models?: unknown }).models))
    return (data as { models: unknown[] }).models;
  throw new LoadError({
    code: 'invalid-shape',
    file,
    row: 0,
    column: null,
    reason: `not an Akash Console API GPU price list: expected { "availability": {...}, "models": [...] } (GET console-api.akash.network/v1/gpu-prices)${payloadShapeHint(data, 'akash-gpu-prices')}`,
  });
}

function modelOffer(
  raw: unknown,
  row: number,
  gpus: GpuNameIndex,
  tierMemory: ReadonlyMap<string, number>,
  network: NetworkInfo | null,
  options: AkashImportOptions,
  ledger: ImportLedger,
): OfferInput | null {
  const reject = (code: string, column: string | null, reason: string): null => {
    ledger.reject(row, code, column, reason);
    return null;
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return reject('invalid', null, `model ${row} is not an object with model fields`);
  const m = raw as Record<string, unknown>;
  const text = (field: string) => (typeof m[field] === 'string' ? (m[field] as string).trim() : null);
  const vendor = text('vendor') ?? '';
  const model = text('model');
  if (model === null || model === '')
    return reject('invalid', 'model', `model must be the GPU model name; got ${shown(m['model'])}`);
  const ram = text('ram');
  const ramMatch = ram === null ? null : RAM.exec(ram);
  if (ramMatch === null || Number(ramMatch[1]) <= 0)
    return reject('invalid', 'ram', `ram must be the GPU memory such as "80Gi"; got ${shown(m['ram'])}`);
  const memory = Number(ramMatch[1]);
  const iface = text('interface') ?? '';
  const name = [vendor, model, iface].filter((s) => s !== '').join(' ');
  const gpu = observedGpu(gpus, tierMemory, name, memory);
  if (!gpu.ok)
    return reject(
      'unknown-gpu',
      'model',
      gpu.noMemory ?? unknownGpuReason('model', `${name} ${ram}`, gpu.nearest),
    );
  const price = m['price'];
  if (price === null || price === undefined)
    return reject(
      'no-price',
      'price',
      `no price for ${name} ${ram}: the Console API had no recent single-GPU bid for this model`,
    );
  if (typeof price !== 'object' || Array.isArray(price))
    return reject(
      'invalid',
      'price',
      `price must be an object { currency, min, max, med, … }; got ${shown(price)}`,
    );
  const p = price as Record<string, unknown>;
  if (p['currency'] !== 'USD')
    return reject('invalid', 'price.currency', `price.currency must be "USD"; got ${shown(p['currency'])}`);
  const usd = (field: string) => {
    const v = p[field];
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
  };
  for (const field of ['min', 'med', 'max'] as const) {
    if (usd(field) === null)
      return reject(
        'invalid',
        `price.${field}`,
        `price.${field} must be a price in USD per GPU-hour above 0; got ${shown(p[field])}`,
      );
  }
  const [min, med, max] = [usd('min')!, usd('med')!, usd('max')!];
  if (!(min <= med && med <= max))
    return reject(
      'invalid',
      'price.med',
      `price.med ${med} must lie between price.min ${min} and price.max ${max}`,
    );

  const instanceType = `${displayModel(model)} ${fmt(memory)}GB${iface === '' ? '' : ` ${iface}`}`;
  const notes = [
    `median over providers of each one's best recent single-GPU bid (Console API, USD per hour; weighted average $${fmt(Number(p['weightedAverage']))}, mean $${fmt(Number(p['avg']))}); min and max are the cheapest and dearest provider`,
  ];
  const capacity = m['availability'] as { total?: unknown; available?: unknown } | undefined;
  const providers = m['providerAvailability'] as { total?: unknown; available?: unknown } | undefined;
  if (typeof capacity?.total === 'number' && typeof providers?.total === 'number')
    notes.push(
      `${capacity.available} of ${capacity.total} GPUs free on ${providers.available} of ${providers.total} providers when read (capacity, not uptime)`,
    );
  if (gpu.memoryNote !== null) notes.push(gpu.memoryNote);
  const share = network?.defaultSubsidyShare ?? null;
  if (share !== null)
    notes.push(
      `incentiveSubsidyShare ${share}: the network's default share (datasets/networks.csv says why)`,
    );
  notes.push(
    'leases are won by reverse auction and billed per block (~6 s); the winning bid fixes the rate until the tenant closes the lease, so nobody outbids it: priced as Standard (an agreed rate), not spot',
  );
  return {
    id: `akash:${slug(instanceType)}:any:standard`,
    provider: 'akash',
    providerName: network?.networkName ?? 'Akash Network',
    market: 'depin',
    instanceType,
    gpu: gpu.gpu,
    gpuMemoryGiB: gpu.memoryGiB,
    gpusPerInstance: 1,
    region: 'any',
    pricingCategory: 'Standard',
    usdPerGpuHour: roundUsd(med),
    usdPerGpuHourMin: roundUsd(min),
    usdPerGpuHourMax: roundUsd(max),
    verified: false,
    hosting: 'community',
    incentiveSymbol: network?.incentiveSymbol ?? 'AKT',
    ...(share === null ? {} : { incentiveSubsidyShare: share }),
    incentiveDenomination: 'either',
    source: options.source,
    asOf: options.asOf,
    notes: notes.join('; '),
  };
}

/** The Console API's model id as the bundled catalog writes it: `rtx4090` → `RTX 4090`, `h100` → `H100`. */
function displayModel(model: string): string {
  const rtx = /^rtx(\d{4})(ti)?$/i.exec(model);
  if (rtx !== null) return `RTX ${rtx[1]}${rtx[2] ? ' Ti' : ''}`;
  return model.toUpperCase();
}
