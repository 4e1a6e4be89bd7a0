import type { GpuTier } from '@gpufit/analysis';
import {
  continentOf,
  MIN_USD_PER_GPU_HOUR,
  type Offer,
  type OfferInput,
  type ValidationIssue,
  validateOffer,
} from '@gpufit/schema';
import { type GpuNameIndex, unknownGpuReason } from '../io/gpuNameIndex.js';
import { LoadError } from '../io/loadError.js';
import type { LoadSource } from '../io/loadTypes.js';
import { rejectionFromIssues } from '../io/rowLedger.js';
import { type ImportLedger, type OfferImportResult, openJsonImport, shown } from './importLedger.js';
import { gpuLookups, observedGpu } from './observedGpu.js';
import { fmt, slug } from './offerIdParts.js';
import { payloadShapeHint } from './payloadFormat.js';
import { roundUsd } from './roundUsd.js';
import { type Spread, spreadOf } from './spread.js';
import { vastCountry } from './vastGeolocation.js';

export interface VastImportOptions {
  /** Date the offers were read, `YYYY-MM-DD` or `YYYY-MM` (the search response carries none). */
  readonly asOf: string;
  /** Provenance written on every offer. */
  readonly source: string;
  /** Bucket by the host's country (default) or by its continent. */
  readonly regionBy?: 'country' | 'continent';
  /** Fail on the first malformed offer record (not on the importer's own exclusions). */
  readonly strict?: boolean;
  readonly fileName?: string;
  readonly gpuNames?: GpuNameIndex;
  readonly gpuTiers?: readonly GpuTier[];
  readonly datasetsDir?: string;
}

/** Rejections that are the importer's rules, not bad data: `strict` does not stop on them. */
const POLICY_CODES = new Set(['fractional-gpu']);

type Hosting = 'datacenter' | 'community';

/** One Vast offer record, read and checked. */
interface VastRecord {
  readonly row: number;
  readonly gpu: string;
  readonly memoryGiB: number;
  readonly memoryNote: string | null;
  readonly count: number;
  readonly usdPerGpuHour: number;
  /** `min_bid` ÷ GPUs when it is a discount on `dph_total`, else null. */
  readonly bidPerGpuHour: number | null;
  readonly reliability: number | null;
  readonly verified: boolean;
  readonly hosting: Hosting;
  readonly hostingKnown: boolean;
  readonly country: string | null;
  readonly inetDownMbps: number | null;
  readonly inetUpMbps: number | null;
  readonly cpuCores: number | null;
}

interface Bucket {
  readonly key: string;
  readonly category: 'Standard' | 'Dynamic';
  readonly region: string;
  readonly country: string | null;
  readonly sample: VastRecord;
  readonly records: VastRecord[];
  readonly prices: number[];
}

const HOURS_NOTE: Record<'Standard' | 'Dynamic', string> = {
  Standard: 'on-demand = dph_total ÷ num_gpus (USD per hour for the whole offer, storage included)',
  Dynamic:
    'interruptible = min_bid ÷ num_gpus (the lowest bid the host accepts; a winning bid may be higher, and an outbid instance is stopped)',
};

/**
 * Imports a Vast.ai offer search (`{"offers": [...]}` from the REST API `/api/v0/bundles/`, or the array
 * `vastai search offers --raw` prints; field names as documented by Vast: `gpu_name`, `num_gpus`, `gpu_ram`
 * (MiB per GPU), `dph_total` (USD/h for the offer), `min_bid`, `reliability2` (0–1, or `reliability`),
 * `verification`, `hosting_type` (1 = datacenter), `geolocation`, `inet_down`, `inet_up`, `cpu_cores`).
 *
 * Offers are bucketed by (GPU tier and memory, GPUs per offer, country — or continent —, rental type, hosting,
 * verified). Each bucket is one row priced at the **median** per-GPU price of its offers, with the lowest and
 * highest as `usdPerGpuHourMin/Max`: on-demand (Standard) from `dph_total`, interruptible (Dynamic) from
 * `min_bid` where it is below `dph_total`. `availability` is the bucket's median `reliability2`, kept as Vast
 * reports it and named in `reliabilitySource`. Notes count the offers behind each row. Every record is
 * accepted (it priced a row) or rejected with its row (array index + 1), field and reason.
 */
export async function importVast(
  source: LoadSource,
  options: VastImportOptions,
): Promise<OfferImportResult<Offer>> {
  const { ledger, records: list } = await openJsonImport(source, options, POLICY_CODES, offerList, 'offers');
  const { gpus, tierMemory } = await gpuLookups(options);
  const regionBy = options.regionBy ?? 'country';

  const buckets = new Map<string, Bucket>();
  const add = (category: Bucket['category'], r: VastRecord, price: number) => {
    const place = r.country === null ? null : regionBy === 'country' ? r.country : continentOf(r.country);
    const region = place === null ? 'unknown' : place.toLowerCase();
    const country = regionBy === 'country' ? r.country : null;
    const key = [r.gpu, r.memoryGiB, r.count, region, category, r.hosting, r.verified].join('\u0000');
    let b = buckets.get(key);
    if (b === undefined) {
      b = { key, category, region, country, sample: r, records: [], prices: [] };
      buckets.set(key, b);
    }
    b.records.push(r);
    b.prices.push(price);
  };

  list.forEach((raw, index) => {
    ledger.readRecord();
    const r = readRecord(raw, index + 1, gpus, tierMemory, ledger);
    if (r === null) return;
    add('Standard', r, r.usdPerGpuHour);
    if (r.bidPerGpuHour !== null) add('Dynamic', r, r.bidPerGpuHour);
  });

  const offers: Offer[] = [];
  const failed = new Map<number, readonly ValidationIssue[]>();
  for (const b of buckets.values()) {
    const made = validateOffer(bucketOffer(b, options));
    if (made.ok) offers.push(made.value);
    else for (const r of b.records) failed.set(r.row, made.issues);
  }
  const priced = new Set<number>();
  for (const b of buckets.values()) for (const r of b.records) priced.add(r.row);
  for (const row of priced) {
    const issues = failed.get(row);
    if (issues === undefined) ledger.accept();
    else {
      const rej = rejectionFromIssues(ledger.file, row, null, 'invalid', issues);
      ledger.reject(row, rej.code, rej.column, `the row this offer falls in is invalid: ${rej.reason}`);
    }
  }
  offers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ledger.result(offers);
}

/** The offer records of a search response, or a file-level error naming what the file looks like instead. */
function offerList(data: unknown, file: string): unknown[] {
  if (Array.isArray(data)) return data;
  if (data !== null && typeof data === 'object' && Array.isArray((data as { offers?: unknown }).offers))
    return (data as { offers: unknown[] }).offers;
  throw new LoadError({
    code: 'invalid-shape',
    file,
    row: 0,
    column: null,
    reason: `not a Vast.ai offer search: expected { "offers": [...] } (the REST API) or an array of offers (vastai search offers --raw)${payloadShapeHint(data, 'vast-offers')}`,
  });
}

function readRecord(
  raw: unknown,
  row: number,
  gpus: GpuNameIndex,
  tierMemory: ReadonlyMap<string, number>,
  ledger: ImportLedger,
): VastRecord | null {
  const reject = (code: string, column: string | null, reason: string): null => {
    ledger.reject(row, code, column, reason);
    return null;
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return reject('invalid', null, `offer ${row} is not an object with offer fields`);
  const o = raw as Record<string, unknown>;
  const num = (field: string): number | null | 'invalid' => {
    const v = o[field];
    if (v === undefined || v === null) return null;
    return typeof v === 'number' && Number.isFinite(v) ? v : 'invalid';
  };
  const name = o['gpu_name'];
  if (typeof name !== 'string' || name.trim() === '')
    return reject('invalid', 'gpu_name', `gpu_name must be the GPU model name; got ${shown(name)}`);
  const count = num('num_gpus');
  if (count === null || count === 'invalid' || !Number.isInteger(count) || count < 1)
    return reject('invalid', 'num_gpus', `num_gpus must be a whole number ≥ 1; got ${shown(o['num_gpus'])}`);
  const frac = num('gpu_frac');
  if (typeof frac === 'number' && frac < 1)
    return reject(
      'fractional-gpu',
      'gpu_frac',
      `a fraction of a GPU (gpu_frac ${frac}), not a per-GPU price: dph_total ÷ num_gpus would misstate what a whole GPU costs`,
    );
  const total = num('dph_total');
  if (total === null || total === 'invalid' || total <= 0)
    return reject(
      total === null ? 'no-price' : 'invalid',
      'dph_total',
      `dph_total must be the price in USD per hour above 0; got ${shown(o['dph_total'])}`,
    );
  const perGpu = total / count;
  // Each record is held to the floor on its own, so one bad price cannot poison the bucket it would join.
  if (perGpu < MIN_USD_PER_GPU_HOUR)
    return reject(
      'invalid',
      'dph_total',
      `dph_total ${total} ÷ ${count} GPUs is $${perGpu} per GPU-hour, below gpufit's floor of ${MIN_USD_PER_GPU_HOUR}: not a price gpufit can take`,
    );
  if (perGpu > 1000)
    return reject(
      'invalid',
      'dph_total',
      `dph_total ${total} ÷ ${count} GPUs is $${fmt(perGpu)} per GPU-hour, above 1000: not a price gpufit can take`,
    );
  const ramMiB = num('gpu_ram');
  if (ramMiB === 'invalid' || (ramMiB !== null && ramMiB <= 0))
    return reject(
      'invalid',
      'gpu_ram',
      `gpu_ram must be the GPU memory in MB above 0; got ${shown(o['gpu_ram'])}`,
    );
  const gpu = observedGpu(gpus, tierMemory, name, ramMiB === null ? null : ramMiB / 1024);
  if (!gpu.ok)
    return reject('unknown-gpu', 'gpu_name', gpu.noMemory ?? unknownGpuReason('gpu_name', name, gpu.nearest));
  const bid = num('min_bid');
  if (bid === 'invalid' || (bid !== null && (bid < 0 || (bid > 0 && bid / count < MIN_USD_PER_GPU_HOUR))))
    return reject(
      'invalid',
      'min_bid',
      `min_bid must be 0 (no bid) or a price in USD per hour of at least ${MIN_USD_PER_GPU_HOUR} per GPU (gpufit's floor); got ${shown(o['min_bid'])}`,
    );
  const relField = o['reliability2'] !== undefined ? 'reliability2' : 'reliability';
  const reliability = num(relField);
  if (reliability === 'invalid' || (reliability !== null && (reliability < 0 || reliability > 1)))
    return reject('invalid', relField, `${relField} must be a score from 0 to 1; got ${shown(o[relField])}`);
  const hostingType = o['hosting_type'];
  const datacenterFlag = o['datacenter'];
  const hostingKnown = hostingType === 0 || hostingType === 1 || typeof datacenterFlag === 'boolean';
  const datacenter = hostingType === 1 || (hostingType === undefined && datacenterFlag === true);
  const geo = o['geolocation'];
  const optional = (field: string) => {
    const v = num(field);
    return typeof v === 'number' ? v : null;
  };
  return {
    row,
    gpu: gpu.gpu,
    memoryGiB: gpu.memoryGiB,
    memoryNote: gpu.memoryNote,
    count,
    usdPerGpuHour: perGpu,
    bidPerGpuHour: bid !== null && bid > 0 && bid < total ? bid / count : null,
    reliability,
    verified: o['verification'] === 'verified' || o['verified'] === true,
    hosting: datacenter ? 'datacenter' : 'community',
    hostingKnown,
    country: typeof geo === 'string' ? vastCountry(geo) : null,
    inetDownMbps: optional('inet_down'),
    inetUpMbps: optional('inet_up'),
    cpuCores: optional('cpu_cores'),
  };
}

function medianOf(values: readonly (number | null)[]): Spread | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : spreadOf(known);
}

function bucketOffer(b: Bucket, options: VastImportOptions): OfferInput {
  const r = b.sample;
  const n = b.records.length;
  const price = spreadOf(b.prices);
  const reliability = medianOf(b.records.map((x) => x.reliability));
  const down = medianOf(b.records.map((x) => x.inetDownMbps));
  const up = medianOf(b.records.map((x) => x.inetUpMbps));
  const cores = medianOf(b.records.map((x) => x.cpuCores));
  const unknownHosting = b.records.filter((x) => !x.hostingKnown).length;
  const memTag = r.memoryNote === null ? '' : ` ${r.memoryGiB}GB`;
  const instanceType = `${r.count}x ${r.gpu}${memTag}`;
  const tier = `${r.hosting}${r.verified ? '-verified' : ''}`;
  const notes = [
    `median of ${n} Vast offer${n === 1 ? '' : 's'}; ${HOURS_NOTE[b.category]}; range $${fmt(price.min)}–$${fmt(price.max)} per GPU-hour`,
  ];
  if (reliability !== null && reliability.count < n)
    notes.push(`reliability from ${reliability.count} of the ${n} offers`);
  if (down !== null && up !== null)
    notes.push(`median inet ${fmt(down.median)} Mbps down, ${fmt(up.median)} Mbps up`);
  if (cores !== null) notes.push(`median ${fmt(cores.median)} CPU cores per offer`);
  if (unknownHosting > 0)
    notes.push(
      `${unknownHosting} offer${unknownHosting === 1 ? '' : 's'} without hosting_type counted as community`,
    );
  if (r.memoryNote !== null) notes.push(r.memoryNote);
  if (b.region === 'unknown') notes.push('no known country in geolocation');
  return {
    id: `vast:${slug(instanceType)}:${b.region}:${tier}:${b.category.toLowerCase()}`,
    provider: 'vast',
    providerName: 'Vast.ai',
    market: 'marketplace',
    instanceType,
    gpu: r.gpu,
    gpuMemoryGiB: r.memoryGiB,
    gpusPerInstance: r.count,
    region: b.region,
    ...(b.country === null ? {} : { country: b.country }),
    pricingCategory: b.category,
    usdPerGpuHour: roundUsd(price.median),
    usdPerGpuHourMin: roundUsd(price.min),
    usdPerGpuHourMax: roundUsd(price.max),
    ...(reliability === null
      ? {}
      : {
          availability: reliability.median,
          reliabilitySource: `Vast reliability2 (the host reliability score, 0–1; Vast does not publish its formula): median of ${reliability.count} offer${reliability.count === 1 ? '' : 's'}, kept as the availability${b.category === 'Dynamic' ? '; being outbid is not in it' : ''}`,
        }),
    verified: r.verified,
    hosting: r.hosting,
    source: options.source,
    asOf: options.asOf,
    notes: notes.join('; '),
  };
}
