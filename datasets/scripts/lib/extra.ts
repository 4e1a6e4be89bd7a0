import { PRICING_CATEGORIES, MARKETS as SCHEMA_MARKETS } from '@gpufit/schema';
import { CAPACITY_BLOCK_TERM_MONTHS, type ReliabilityKey, SPOT_NEAR_ON_DEMAND } from '../data/assumptions';
import { type Hosting, type Market, provider as providerProfile } from '../data/providers';
import { normalizeRegion } from '../data/regions';
import type { Row } from './csvio';
import { resolveGpu, spec } from './gpu';
import type { Draft, Ledger, PricingCategory } from './offer';

const must = (row: Row, key: string): string => {
  const v = row[key];
  if (v === undefined) throw new Error(`extra-gpu-prices.csv: missing column ${key}`);
  return v;
};

const MARKETS: readonly Market[] = SCHEMA_MARKETS;
const CATEGORIES: readonly PricingCategory[] = PRICING_CATEGORIES;

/** Azure NVv4 sizes below NV32as_v4 are 1/8, 1/4 and 1/2 of an MI25 although the catalog lists 1 GPU. */
const FRACTIONAL_AZURE = /^Standard_NV(4|8|16)as_v4$/;

function reliabilityFor(
  providerId: string,
  market: Market,
  hosting: Hosting,
  category: PricingCategory,
): ReliabilityKey {
  if (providerId === 'salad') return 'depinHome';
  if (providerId === 'render') return category === 'Dynamic' ? 'depinHome' : 'depinCommunity';
  if (market === 'depin') return 'depinCommunity';
  if (category === 'Dynamic') {
    if (providerId === 'aws') return 'awsSpot';
    if (market === 'hyperscaler') return 'otherCloudSpot';
    return 'gpuCloudSpot';
  }
  if (market === 'hyperscaler') return 'hyperscalerOnDemand';
  if (market === 'marketplace' || hosting === 'community') return 'marketplaceOnDemand';
  return 'gpuCloudOnDemand';
}

export interface LambdaCatalogKey {
  readonly gpu: string;
  readonly count: number;
  readonly usdPerGpuHour: number;
}

/**
 * Turns extra-gpu-prices.csv rows into drafts (one row = one offer). `lambdaCatalog` holds the Lambda
 * shapes already taken from the SkyPilot catalog, so the per-GPU list copies of them are not written twice.
 */
export function fromExtra(
  rows: readonly Row[],
  ledger: Ledger,
  lambdaCatalog: readonly LambdaCatalogKey[],
): Draft[] {
  const out: Draft[] = [];
  const standardPrice = new Map<string, number>();
  for (const r of rows) {
    if (must(r, 'pricing_category') === 'Standard' && must(r, 'usd_per_hour') !== '') {
      standardPrice.set(
        `${must(r, 'provider')}|${must(r, 'instance_type')}|${must(r, 'region')}`,
        Number(must(r, 'usd_per_hour')),
      );
    }
  }

  for (const row of rows) {
    ledger.read += 1;
    const providerId = must(row, 'provider');
    const profile = providerProfile(providerId);
    const market = must(row, 'market') as Market;
    if (!MARKETS.includes(market)) throw new Error(`extra: bad market ${market}`);
    const category = must(row, 'pricing_category') as PricingCategory;
    if (!CATEGORIES.includes(category)) throw new Error(`extra: bad pricing_category ${category}`);
    const instance = must(row, 'instance_type');
    const rawGpu = must(row, 'gpu');
    const count = Number(must(row, 'gpu_count'));
    const regionRaw = must(row, 'region');
    const priceCell = must(row, 'usd_per_hour');
    const perGpuCell = must(row, 'usd_per_gpu_hour');
    const sourceNotes = must(row, 'notes');

    if (FRACTIONAL_AZURE.test(instance)) {
      ledger.drop('fractional GPU (Azure NV4/8/16as_v4 = 1/8, 1/4, 1/2 MI25)');
      continue;
    }
    if (/_Promo$/.test(instance)) {
      ledger.drop('Azure Promo SKU of a retired legacy series (reference: not representative)');
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
    if (!Number.isInteger(count) || count < 1) throw new Error(`extra: bad gpu_count ${count}`);
    const resolved = resolveGpu(providerId, instance, rawGpu);
    if (!resolved) throw new Error(`extra: no tier for GPU name "${rawGpu}"; add it to gpu-aliases.ts`);

    const price = priceCell === '' ? undefined : Number(priceCell);
    const usdPerGpuHour =
      price === undefined ? undefined : perGpuCell !== '' ? Number(perGpuCell) : price / count;
    if (usdPerGpuHour !== undefined && (!Number.isFinite(usdPerGpuHour) || usdPerGpuHour <= 0)) {
      throw new Error(`extra: bad price for ${providerId} ${instance}`);
    }

    if (providerId === 'lambda' && usdPerGpuHour !== undefined) {
      const dup = lambdaCatalog.some(
        (k) =>
          k.gpu === resolved.gpu && k.count === count && Math.abs(k.usdPerGpuHour - usdPerGpuHour) < 1e-9,
      );
      if (dup) {
        ledger.drop('duplicate of a SkyPilot-catalog Lambda shape at the same per-GPU price');
        continue;
      }
    }

    const notes: string[] = [];
    if (resolved.note) notes.push(resolved.note);
    let termMonths: number | undefined;
    if (category === 'Dynamic' && price !== undefined) {
      const od = standardPrice.get(`${providerId}|${instance}|${regionRaw}`);
      if (od !== undefined && price === od) {
        ledger.drop('spot equal to on-demand: treated as "no spot price" (no Dynamic row)');
        continue;
      }
      if (od === undefined && providerId === 'aws')
        notes.push('spot only: the catalog has no on-demand price for this type/region');
      if (od !== undefined && price > od) notes.push(`ANOMALY: spot $${price}/h above on-demand $${od}/h`);
      else if (od !== undefined && price >= od * (1 - SPOT_NEAR_ON_DEMAND))
        notes.push('FLAG: spot within 5 % of on-demand (possibly no real spot discount)');
    }
    if (category === 'Committed') {
      termMonths = CAPACITY_BLOCK_TERM_MONTHS;
      notes.push(
        `gpufit assumption: termMonths ${CAPACITY_BLOCK_TERM_MONTHS} - Capacity Blocks reserve a fixed block of days to weeks, paid up front`,
      );
    }

    // per-provider facts that the source states about this row
    let hosting: Hosting = profile.hosting;
    let verified = profile.verified;
    if (providerId === 'runpod' && market === 'marketplace') {
      hosting = 'community';
      verified = false;
      notes.push('RunPod Community Cloud: third-party hosts, no datacentre SLA (source)');
    }
    if (providerId === 'runpod' && market === 'gpu-cloud')
      notes.push('RunPod Secure Cloud: RunPod-operated data centres (source)');
    if (providerId === 'hyperbolic' && /cap/.test(instance))
      notes.push("price is Hyperbolic's MAXIMUM (cap): suppliers set their own price at or below it");
    if (providerId === 'hyperbolic' && /entry/.test(instance))
      notes.push("price is Hyperbolic's entry marketplace price (range $1.39-$3.20 by supplier)");
    if (providerId === 'tensordock')
      notes.push('price is a "from" (lowest offer) figure, not a typical price');
    if (providerId === 'akash')
      notes.push(
        'price is Akash\'s "starting at" figure (lowest bid); leases are won by reverse auction, billed per block (~6 s)',
      );
    if (providerId === 'render')
      notes.push(
        'price UNKNOWN in USD: Render prices work in RENDER credits per OctaneBench-hour (about 1-2 credits per RTX 2070-hour derived from the knowledge base); USD depends on the credit/token price',
      );
    if (providerId === 'salad')
      notes.push('consumer GPUs in home machines (interruptible by nature, source)');

    const gpuMemCell = must(row, 'gpu_memory_gib');
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
      hosting,
      verified,
      reliability: reliabilityFor(providerId, market, hosting, category),
      source: must(row, 'source'),
      asOf: must(row, 'as_of'),
      notes,
      derived: false,
    });
    ledger.used += 1;
  }
  return out;
}
