import { PRICING_CATEGORIES, MARKETS as SCHEMA_MARKETS } from '@gpufit/schema';
import {
  CAPACITY_BLOCK_BILLING,
  CAPACITY_BLOCK_NOTE,
  CAPACITY_BLOCK_SOURCE,
  FIXED_RATE_LEASES,
  NOSANA_NETWORK_FEE,
} from '../data/assumptions';
import type { BillingTerms } from '../data/billing';
import {
  type Hosting,
  type Market,
  type ProviderProfile,
  provider as providerProfile,
} from '../data/providers';
import { normalizeRegion } from '../data/regions';
import type { Row } from './csvio';
import { resolveGpu, spec } from './gpu';
import type { Draft, Ledger, PricingCategory } from './offer';
import { AWS_MIN_SPOT_ONLY } from './skypilot';
import { spotFlags } from './spotFlags';

/**
 * Price lists with one offer per row: extra-gpu-prices.csv and depin-marketplace-prices.csv (the same columns plus
 * `hosting`, `verified` and `denomination`, which are read when present).
 */

const MARKETS: readonly Market[] = SCHEMA_MARKETS;
const CATEGORIES: readonly PricingCategory[] = PRICING_CATEGORIES;

/** Azure NVv4 sizes below NV32as_v4 are 1/8, 1/4 and 1/2 of an MI25 although the catalog lists 1 GPU. */
const FRACTIONAL_AZURE = /^Standard_NV(4|8|16)as_v4$/;

export interface LambdaCatalogKey {
  readonly gpu: string;
  readonly count: number;
  readonly usdPerGpuHour: number;
}

/** What a row's words say about the price it gives (caps, floors, vendor figures), per provider. */
const PRICE_WORDS: readonly { provider: string; instance?: RegExp; tier?: string; note: string }[] = [
  {
    provider: 'hyperbolic',
    instance: /cap/,
    note: "price is Hyperbolic's MAXIMUM (cap): suppliers set their own price at or below it",
  },
  {
    provider: 'hyperbolic',
    instance: /entry/,
    note: "price is Hyperbolic's entry marketplace price (range $1.39-$3.20 by supplier)",
  },
  { provider: 'tensordock', note: 'price is a "from" (lowest offer) figure, not a typical price' },
  {
    provider: 'akash',
    note: 'price is Akash\'s "starting at" figure (lowest bid); leases are won by reverse auction, billed per block (~6 s)',
  },
  {
    provider: 'render',
    note: 'price UNKNOWN in USD: Render prices work in RENDER credits per OctaneBench-hour (about 1-2 credits per RTX 2070-hour derived from the knowledge base); USD depends on the credit/token price',
  },
  { provider: 'salad', note: 'consumer GPUs in home machines (interruptible by nature, source)' },
  {
    provider: 'salad',
    instance: /Low priority/,
    tier: 'low',
    note: 'Salad "Low" priority level: preemptible by higher priorities (reliability-facts "Salad")',
  },
  {
    provider: 'salad',
    instance: /^(?!.*priority)/,
    tier: 'single-tier',
    note: 'Salad single-tier list from before priority levels (older, may be stale); no High/Medium/Batch prices in the reference',
  },
  {
    provider: 'nosana',
    instance: /\(PREMIUM\)/,
    tier: 'premium',
    note: "Nosana PREMIUM market: hosts staked and passed benchmarking; price is the vendor's indicative market price",
  },
  {
    provider: 'nosana',
    instance: /\(COMMUNITY\)/,
    tier: 'community',
    note: "Nosana COMMUNITY market: same GPU model, lower host stake requirement; price is the vendor's indicative market price",
  },
  {
    provider: 'nosana',
    instance: /\(OTHER\)/,
    tier: 'other',
    note: "Nosana market not tiered PREMIUM/COMMUNITY in the source; reliability as COMMUNITY (conservative); price is the vendor's indicative market price",
  },
  {
    provider: 'spheron',
    note: "price is the vendor's own figure (Spheron blog table pulled from its API on 2026-06-03; marketing context)",
  },
  {
    provider: 'vast',
    instance: /\(from\)|low end of/,
    tier: 'from',
    note: 'price is a lowest ("from" / low end of a range) figure from a third-party capture, not a typical price',
  },
  {
    provider: 'vast',
    instance: /average across tiers/,
    tier: 'tier-average',
    note: 'price is a third-party average across price tiers (low confidence; higher than other Vast sources)',
  },
  {
    provider: 'vast',
    instance: /median/,
    tier: 'median',
    note: 'price is a median of verified rentable offers (a typical price)',
  },
];

/** A stated range of offer prices in the row ("range 0.78-1.20", "stated range 0.682-0.875"). */
const RANGE = /range (\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)/;

const must = (file: string, row: Row, key: string): string => {
  const v = row[key];
  if (v === undefined) throw new Error(`${file}: missing column ${key}`);
  return v;
};

/** Hosting and verification: the provider's default, unless the row states them (depin-marketplace-prices.csv). */
function hostingOf(
  row: Row,
  profile: ProviderProfile,
): { hosting: Hosting; verified: boolean; verifiedWhy?: string; notes: string[] } {
  const notes: string[] = [];
  let hosting = profile.hosting;
  let verified = profile.verified;
  const h = row.hosting;
  if (h === 'datacenter' || h === 'community') hosting = h;
  else if (h === 'unknown') {
    hosting = 'community';
    notes.push('hosting not stated; treated as community (conservative)');
  } else if (h !== undefined) throw new Error(`price list: bad hosting "${h}"`);
  const v = row.verified;
  let verifiedWhy: string | undefined;
  if (v === 'true' || v === 'false') {
    verified = v === 'true';
    verifiedWhy = 'as stated by the source row';
  } else if (v === 'unknown') {
    verified = false;
    verifiedWhy = 'not stated in the source; treated as false (conservative)';
  } else if (v !== undefined) throw new Error(`price list: bad verified "${v}"`);
  return { hosting, verified, notes, ...(verifiedWhy ? { verifiedWhy } : {}) };
}

/** The row's stated denomination against the provider's incentive profile. */
function denominationNotes(row: Row, profile: ProviderProfile, file: string): string[] {
  const d = row.denomination;
  if (d === undefined) return [];
  if (d === 'usd') {
    if (profile.incentive)
      throw new Error(`${file}: ${profile.id} row says usd but the provider has an incentive token`);
    return ['denomination: USD (source)'];
  }
  if (!profile.incentive)
    throw new Error(`${file}: ${profile.id} row says ${d} but the provider has no incentive token`);
  return [`denomination: ${profile.incentive.denominationWhy}`];
}

/**
 * Turns a price list into drafts (one row = one offer). `lambdaCatalog` holds the Lambda shapes already taken from
 * the SkyPilot catalog, so the per-GPU list copies of them are not written twice.
 */
export function fromPriceList(
  rows: readonly Row[],
  ledger: Ledger,
  lambdaCatalog: readonly LambdaCatalogKey[],
): Draft[] {
  const file = ledger.file;
  const cell = (row: Row, key: string) => must(file, row, key);
  const out: Draft[] = [];
  const standardPrice = new Map<string, number>();
  for (const r of rows) {
    if (cell(r, 'pricing_category') === 'Standard' && cell(r, 'usd_per_hour') !== '') {
      standardPrice.set(
        `${cell(r, 'provider')}|${cell(r, 'instance_type')}|${cell(r, 'region')}`,
        Number(cell(r, 'usd_per_hour')),
      );
    }
  }

  for (const row of rows) {
    const origin = ledger.next();
    const providerId = cell(row, 'provider');
    const profile = providerProfile(providerId);
    const market = cell(row, 'market') as Market;
    if (!MARKETS.includes(market)) throw new Error(`${file}: bad market ${market}`);
    let category = cell(row, 'pricing_category') as PricingCategory;
    if (!CATEGORIES.includes(category)) throw new Error(`${file}: bad pricing_category ${category}`);
    const instance = cell(row, 'instance_type');
    const rawGpu = cell(row, 'gpu');
    const count = Number(cell(row, 'gpu_count'));
    const regionRaw = cell(row, 'region');
    const priceCell = cell(row, 'usd_per_hour');
    const perGpuCell = cell(row, 'usd_per_gpu_hour');
    const sourceNotes = cell(row, 'notes');

    if (FRACTIONAL_AZURE.test(instance)) {
      ledger.drop('fractional GPU (Azure NV4/8/16as_v4 = 1/8, 1/4, 1/2 MI25)');
      continue;
    }
    if (/_Promo$/.test(instance)) {
      ledger.drop('Azure Promo SKU of a retired legacy series (reference: not representative)');
      continue;
    }
    if (/^Standard_NV(6|12|24)$/.test(instance)) {
      ledger.drop(
        'Azure NV-series v1 (M60) size: absent from the newer all-region Azure catalog (anycloud 2026-05-20, spot-by-zone.csv) and its Promo twins are a retired legacy series (reference)',
      );
      continue;
    }
    if (rawGpu === 'K80') {
      ledger.drop('Azure K80 series retired (reference note)');
      continue;
    }
    if (priceCell === '' && providerId !== 'render') {
      ledger.drop('no price in the source row');
      continue;
    }
    if (!Number.isInteger(count) || count < 1) throw new Error(`${file}: bad gpu_count ${count}`);
    const resolved = resolveGpu(providerId, instance, rawGpu);
    if (!resolved) throw new Error(`${file}: no tier for GPU name "${rawGpu}"; add it to gpu-aliases.ts`);

    const notes: string[] = [];
    if (resolved.note) notes.push(resolved.note);
    const listed = priceCell === '' ? undefined : Number(priceCell);
    let usdPerGpuHour =
      listed === undefined ? undefined : perGpuCell !== '' ? Number(perGpuCell) : listed / count;
    if (usdPerGpuHour !== undefined && (!Number.isFinite(usdPerGpuHour) || usdPerGpuHour <= 0)) {
      throw new Error(`${file}: bad price for ${providerId} ${instance}`);
    }

    if (providerId === 'lambda' && usdPerGpuHour !== undefined) {
      const perGpu = usdPerGpuHour;
      const dup = lambdaCatalog.some(
        (k) => k.gpu === resolved.gpu && k.count === count && Math.abs(k.usdPerGpuHour - perGpu) < 1e-9,
      );
      if (dup) {
        ledger.drop('duplicate of a SkyPilot-catalog Lambda shape at the same per-GPU price');
        continue;
      }
    }

    let termMonths: number | undefined;
    let atypicalPrice: string | undefined;
    if (category === 'Dynamic' && listed !== undefined) {
      const od = standardPrice.get(`${providerId}|${instance}|${regionRaw}`);
      if (od !== undefined && listed === od) {
        ledger.drop('spot equal to on-demand: treated as "no spot price" (no Dynamic row)');
        continue;
      }
      if (od === undefined && providerId === 'aws')
        notes.push('spot only: the catalog has no on-demand price for this type/region');
      notes.push(...spotFlags(listed, od));
      if (providerId === 'aws') atypicalPrice = AWS_MIN_SPOT_ONLY;
    }
    if (category === 'Dynamic' && (FIXED_RATE_LEASES.providers as readonly string[]).includes(providerId)) {
      // An auction sets the rate once; the won lease keeps it until the tenant closes it: not spot.
      category = 'Standard';
      notes.push(FIXED_RATE_LEASES.note);
    }
    let billing: BillingTerms | undefined;
    if (category === 'Committed') {
      if (providerId !== 'aws') throw new Error(`${file}: a Committed row that is not an AWS Capacity Block`);
      // A Capacity Block is reserved and paid up front (Committed, as the reference files it), but for the days a job
      // books, not for a term of months: no termMonths, billed in whole days (minimumBillableSeconds 86400), so the
      // engine prices the days booked and leaves no commitment idle between jobs (schema `isCapacityBlock`).
      billing = CAPACITY_BLOCK_BILLING;
      notes.push(CAPACITY_BLOCK_NOTE);
      const address = /https?:\/\/\S+/.exec(cell(row, 'source'))?.[0];
      if (address !== undefined) notes.push(CAPACITY_BLOCK_SOURCE.mirrorNote(address));
    }

    const facts = hostingOf(row, profile);
    let { hosting, verified } = facts;
    notes.push(...facts.notes);
    if (providerId === 'runpod' && market === 'marketplace') {
      hosting = 'community';
      verified = false;
      notes.push('RunPod Community Cloud: third-party hosts, no datacentre SLA (source)');
    }
    if (providerId === 'runpod' && market === 'gpu-cloud')
      notes.push('RunPod Secure Cloud: RunPod-operated data centres (source)');

    let tier: string | undefined;
    for (const w of PRICE_WORDS) {
      if (w.provider !== providerId || (w.instance && !w.instance.test(instance))) continue;
      notes.push(w.note);
      tier = w.tier ?? tier;
    }
    if (providerId === 'spheron') tier = category === 'Dynamic' ? 'spot' : 'dedicated';

    let usdPerGpuHourMin: number | undefined;
    let usdPerGpuHourMax: number | undefined;
    const range = RANGE.exec(sourceNotes) ?? RANGE.exec(instance);
    if (range && usdPerGpuHour !== undefined && count === 1) {
      usdPerGpuHourMin = Number(range[1]);
      usdPerGpuHourMax = Number(range[2]);
      // A stated range's low end is the cheapest host, not a typical one: price at the middle of the range (as spot
      // prices at the median over zones, not the cheapest zone).
      const low = usdPerGpuHour;
      usdPerGpuHour = (usdPerGpuHourMin + usdPerGpuHourMax) / 2;
      notes.push(
        `price = the middle of the source's stated range $${range[1]}-$${range[2]}/GPU-h (the row's figure $${low} is its low end, the cheapest host; gpufit prices a typical one); spread = the range`,
      );
    }
    if (providerId === 'nosana' && usdPerGpuHour !== undefined) {
      const before = usdPerGpuHour;
      usdPerGpuHour = before * (1 + NOSANA_NETWORK_FEE);
      notes.push(
        `price = usd_reward_per_hour $${before}/GPU-h x ${1 + NOSANA_NETWORK_FEE} (the ${NOSANA_NETWORK_FEE * 100} % network fee the tenant pays on top; source row note)`,
      );
    }
    notes.push(...denominationNotes(row, profile, file));

    const gpuMemCell = cell(row, 'gpu_memory_gib');
    let gpuMemoryGiB: number;
    if (gpuMemCell === '') {
      gpuMemoryGiB = spec(resolved.gpu).memoryGiB;
      notes.push(`gpu memory not stated in the source; tier value ${gpuMemoryGiB} used`);
    } else {
      gpuMemoryGiB = Number(gpuMemCell);
    }
    notes.push(`source note: ${sourceNotes}`);

    out.push({
      provider: providerId,
      market,
      instanceType: instance,
      gpu: resolved.gpu,
      gpuMemoryGiB,
      gpusPerInstance: count,
      regionRaw,
      region: normalizeRegion(regionRaw),
      pricingCategory: category,
      termMonths,
      usdPerGpuHour,
      usdPerGpuHourMin,
      usdPerGpuHourMax,
      priceBasis:
        category === 'Dynamic'
          ? providerId === 'aws'
            ? 'min-over-zones spot'
            : 'spot'
          : billing
            ? 'Capacity Block'
            : 'on-demand',
      ...(atypicalPrice ? { atypicalPrice } : {}),
      ...(billing ? { billing } : {}),
      hosting,
      verified,
      ...(facts.verifiedWhy ? { verifiedWhy: facts.verifiedWhy } : {}),
      ...(tier ? { tier } : {}),
      source: billing ? CAPACITY_BLOCK_SOURCE.source : cell(row, 'source'),
      asOf: cell(row, 'as_of'),
      notes,
      derived: false,
      origin,
    });
  }
  return out;
}
