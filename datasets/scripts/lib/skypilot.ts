import {
  GCP_HOST_FAMILY,
  GCP_HOST_SHAPES,
  GCP_HOSTS,
  type ReliabilityKey,
  SPOT_NEAR_ON_DEMAND,
} from '../data/assumptions';
import { PROVIDER_ID, provider as providerProfile } from '../data/providers';
import { normalizeRegion } from '../data/regions';
import type { Row } from './csvio';
import { resolveGpu, spec } from './gpu';
import type { Draft, Ledger } from './offer';

/** Extraction date of the reference files (reference README); catalog commit dates are not known. */
const READ_DATE = '2026-11-24';
const READ_DATE_NOTE = 'asOf = date the catalog file version was read (commit date unknown)';

const must = (row: Row, key: string): string => {
  const v = row[key];
  if (v === undefined) throw new Error(`skypilot-gpu-offers.csv: missing column ${key}`);
  return v;
};

const priceOf = (cell: string): number | undefined => {
  if (cell.trim() === '') return undefined;
  const x = Number(cell);
  if (!Number.isFinite(x) || x < 0) throw new Error(`skypilot-gpu-offers.csv: bad price "${cell}"`);
  return x;
};

function spotReliability(providerId: string, market: string): ReliabilityKey {
  if (providerId === 'aws') return 'awsSpot';
  if (market === 'hyperscaler') return 'otherCloudSpot';
  return 'gpuCloudSpot';
}

function onDemandReliability(market: string, providerId: string): ReliabilityKey {
  if (market === 'hyperscaler') return 'hyperscalerOnDemand';
  if (providerId === 'vast') return 'vastOnDemand';
  if (market === 'marketplace') return 'marketplaceOnDemand';
  return 'gpuCloudOnDemand';
}

/**
 * Turns skypilot-gpu-offers.csv rows into drafts. Each row yields a Standard draft from its on-demand
 * price and a Dynamic draft from its spot price unless the spot price is absent or equal to on-demand.
 */
export function fromSkypilot(rows: readonly Row[], ledger: Ledger): Draft[] {
  const out: Draft[] = [];
  // RunPod appears in catalog v8 and v7; the v8 on-demand price supersedes v7 for the same instance+region.
  const runpodV8 = new Set(
    rows
      .filter((r) => must(r, 'provider') === 'runpod' && must(r, 'catalog_commit_or_date').includes('/v8/'))
      .map((r) => `${must(r, 'instance_type')}|${must(r, 'region')}`),
  );

  for (const row of rows) {
    ledger.read += 1;
    const rawProvider = must(row, 'provider');
    const viaShadeform = rawProvider.startsWith('shadeform:');
    const base = viaShadeform ? rawProvider.slice('shadeform:'.length) : rawProvider;
    const providerId = PROVIDER_ID[base] ?? base;
    const profile = providerProfile(providerId);
    const source = must(row, 'catalog_commit_or_date');
    const count = Number(must(row, 'accelerator_count'));
    const rawGpu = must(row, 'accelerator');
    const instance = must(row, 'instance_type');
    const regionRaw = must(row, 'region');
    const price = priceOf(must(row, 'price_usd_per_hour'));
    const spot = priceOf(must(row, 'spot_price_usd_per_hour'));

    if (!Number.isInteger(count) || count < 1) {
      ledger.drop('fractional GPU (AWS g6f, 0.25 L4): per-GPU arithmetic would overstate the price');
      continue;
    }
    if (providerId === 'gcp') {
      out.push(...fromGcpAccelerator(row, ledger));
      continue;
    }
    const resolved = resolveGpu(providerId, instance, rawGpu);
    if (!resolved)
      throw new Error(`skypilot: no tier for GPU name "${rawGpu}" (${instance}); add it to gpu-aliases.ts`);
    const memCell = must(row, 'gpu_memory_gib');
    const gpuMemoryGiB = memCell === '' ? spec(resolved.gpu).memoryGiB : Number(memCell);

    const common = (): Omit<Draft, 'pricingCategory' | 'usdPerGpuHour' | 'reliability' | 'notes'> & {
      notes: string[];
    } => ({
      provider: providerId,
      market: profile.market,
      instanceType: instance,
      gpu: resolved.gpu,
      gpuMemoryGiB,
      gpusPerInstance: count,
      regionRaw,
      region: normalizeRegion(regionRaw),
      termMonths: undefined,
      hosting: profile.hosting,
      verified: profile.verified,
      source,
      asOf: READ_DATE,
      notes: [
        ...(viaShadeform ? [`via Shadeform (catalog provider "${rawProvider}")`] : []),
        ...(resolved.note ? [resolved.note] : []),
        ...(gpuMemoryGiB === 48 && resolved.gpu === 'RTX4090'
          ? ['48 GB memory as listed (modified RTX 4090)']
          : []),
        ...(providerId === 'lambda' && !viaShadeform
          ? ['catalog lists every Lambda region for every type (live availability not encoded)']
          : []),
      ],
      derived: false,
    });

    let wrote = 0;
    const isRunpodV7 = providerId === 'runpod' && source.includes('/v7/');
    const superseded = isRunpodV7 && runpodV8.has(`${instance}|${regionRaw}`);

    if (price !== undefined && !superseded) {
      const d: Draft = {
        ...common(),
        pricingCategory: 'Standard',
        usdPerGpuHour: price / count,
        reliability: onDemandReliability(profile.market, providerId),
      };
      d.notes.push(`on-demand $${price}/h per instance / ${count} GPU`, READ_DATE_NOTE);
      out.push(d);
      wrote += 1;
    } else if (price !== undefined && superseded) {
      ledger.skipPrice('RunPod catalog v7 on-demand price superseded by v8 for the same instance and region');
    }

    if (spot !== undefined) {
      if (price !== undefined && spot === price) {
        ledger.skipPrice('spot equal to on-demand: treated as "no spot price" (no Dynamic row)');
      } else {
        const d: Draft = {
          ...common(),
          pricingCategory: 'Dynamic',
          usdPerGpuHour: spot / count,
          reliability: spotReliability(providerId, profile.market),
        };
        d.notes.push(`spot $${spot}/h per instance / ${count} GPU`);
        if (providerId === 'aws')
          d.notes.push("AWS spot = minimum over the region's standard AZs (reference README)");
        if (price !== undefined && spot > price)
          d.notes.push(`ANOMALY: spot $${spot}/h above on-demand $${price}/h in the catalog`);
        else if (price !== undefined && spot >= price * (1 - SPOT_NEAR_ON_DEMAND))
          d.notes.push('FLAG: spot within 5 % of on-demand (possibly no real spot discount)');
        if (superseded)
          d.notes.push(
            'spot price from RunPod catalog v7; v8 lists no separate spot price (spot = on-demand) for this instance',
          );
        d.notes.push(READ_DATE_NOTE);
        out.push(d);
        wrote += 1;
      }
    }

    if (wrote > 0) ledger.used += 1;
    else
      ledger.drop(
        superseded
          ? 'RunPod v7 row superseded by catalog v8 (same instance and region) and no distinct spot price'
          : 'no usable price',
      );
  }
  return out;
}

const HOST_SPOT_RATIO = GCP_HOSTS['a2-highgpu-1g'].spot / GCP_HOSTS['a2-highgpu-1g'].onDemand;

function gcpHost(
  family: 'a2-highgpu' | 'a2-ultragpu' | 'a3-highgpu',
  n: number,
): { onDemand: number; spot: number; note: string; spotNote: string } {
  const one = GCP_HOSTS[`${family}-1g`].onDemand;
  let onDemand: number;
  let how: string;
  if (family === 'a3-highgpu' && n === 8) {
    onDemand = GCP_HOSTS['a3-highgpu-8g'].onDemand;
    how = `host a3-highgpu-8g $${onDemand}/h (reference)`;
  } else if (n === 1) {
    onDemand = one;
    how = `host ${family}-1g $${one}/h (reference)`;
  } else {
    onDemand = one * n;
    how = `host ${family}-${n}g derived = ${n} x ${family}-1g $${one}/h = $${Number(onDemand.toFixed(5))}/h (gpufit assumption: host scales linearly with GPU count, as a3-highgpu-8g $9.46006 = 8 x a3-highgpu-1g $1.18251 in the same file)`;
  }
  let spot: number;
  let spotHow: string;
  if (family === 'a2-highgpu') {
    spot = GCP_HOSTS['a2-highgpu-1g'].spot * n;
    spotHow =
      n === 1
        ? `host spot $${GCP_HOSTS['a2-highgpu-1g'].spot}/h (reference)`
        : `host spot derived = ${n} x $${GCP_HOSTS['a2-highgpu-1g'].spot}/h`;
  } else {
    spot = onDemand * HOST_SPOT_RATIO;
    spotHow = `host spot derived = host on-demand x ${HOST_SPOT_RATIO.toFixed(5)} (gpufit assumption: the a2-highgpu-1g spot/on-demand ratio $0.36975/$0.73948 from the same file)`;
  }
  return { onDemand, spot, note: how, spotNote: spotHow };
}

/** GCP rows are accelerator-only: add the host VM where its price is known, otherwise drop with a reason. */
function fromGcpAccelerator(row: Row, ledger: Ledger): Draft[] {
  const rawGpu = must(row, 'accelerator');
  const count = Number(must(row, 'accelerator_count'));
  const regionRaw = must(row, 'region');
  const family = GCP_HOST_FAMILY[rawGpu];
  if (family === undefined) {
    ledger.drop(
      `GCP accelerator-only row: host VM price not in the reference for this family (${rawGpu}: ${rawGpu === 'L4' ? 'g2-standard' : rawGpu === 'H100-MEGA' ? 'a3-megagpu' : rawGpu === 'H200' ? 'a3-ultragpu' : rawGpu === 'B200' ? 'a4-highgpu' : 'n1'} host)`,
    );
    return [];
  }
  if (regionRaw !== GCP_HOSTS.region) {
    ledger.drop('GCP accelerator-only row: host VM price known only for us-central1');
    return [];
  }
  if (!(GCP_HOST_SHAPES[family] ?? []).includes(count)) {
    ledger.drop(
      `GCP accelerator-only row: no ${family}-${count}g shape (16 x A100 is a2-megagpu-16g, host price unknown)`,
    );
    return [];
  }
  const resolved = resolveGpu('gcp', '', rawGpu);
  if (!resolved) throw new Error(`gcp: no tier for ${rawGpu}`);
  const accel = priceOf(must(row, 'price_usd_per_hour'));
  const accelSpot = priceOf(must(row, 'spot_price_usd_per_hour'));
  const host = gcpHost(family, count);
  const instanceType = `${family}-${count}g`;
  const profile = providerProfile('gcp');
  const source = must(row, 'catalog_commit_or_date');
  const flags: string[] = [];
  if (rawGpu === 'H100' && accel !== undefined && accel / count < 5) {
    flags.push(
      'FLAG: catalog H100 accelerator price $4.20076/GPU-h in us-central1 vs $9.79655 in us-east4 - may be a DWS/flex or committed SKU (reference README)',
    );
  }
  if (accel !== undefined && accelSpot !== undefined && accelSpot > accel) {
    flags.push(
      `ANOMALY: catalog accelerator spot $${accelSpot}/h above on-demand $${accel}/h (reference README)`,
    );
  }
  const out: Draft[] = [];
  const make = (category: 'Standard' | 'Dynamic', accelPrice: number, hostPrice: number): Draft => ({
    provider: 'gcp',
    market: profile.market,
    instanceType,
    gpu: resolved.gpu,
    gpuMemoryGiB: Number(must(row, 'gpu_memory_gib')),
    gpusPerInstance: count,
    regionRaw,
    region: regionRaw,
    pricingCategory: category,
    termMonths: undefined,
    usdPerGpuHour: (accelPrice + hostPrice) / count,
    hosting: profile.hosting,
    verified: profile.verified,
    reliability: category === 'Standard' ? 'hyperscalerOnDemand' : 'otherCloudSpot',
    source,
    asOf: READ_DATE,
    notes: [
      `full VM = accelerator-only catalog ${category === 'Standard' ? 'price' : 'spot'} $${accelPrice}/h + host $${Number(hostPrice.toFixed(5))}/h`,
      category === 'Standard' ? host.note : `${host.note}; ${host.spotNote}`,
      ...flags,
      READ_DATE_NOTE,
    ],
    derived: false,
  });
  if (accel !== undefined) out.push(make('Standard', accel, host.onDemand));
  if (accelSpot !== undefined) {
    if (accel !== undefined && accelSpot === accel)
      ledger.skipPrice('spot equal to on-demand: treated as "no spot price" (no Dynamic row)');
    else out.push(make('Dynamic', accelSpot, host.spot));
  }
  if (out.length > 0) ledger.used += 1;
  else ledger.drop('no usable price');
  return out;
}
