import { spotNearOnDemand } from '@gpufit/schema';
import { GCP_HOST_FAMILY, GCP_HOST_SHAPES, GCP_HOSTS } from '../data/assumptions';
import { provider as providerProfile } from '../data/providers';
import { resolveGpu } from './gpu';
import { type Draft, type Origin, usd } from './offer';
import { spotFlags } from './spotFlags';

/**
 * GCP catalog rows are accelerator-only prices: gpufit adds the host VM where its price is known (us-central1,
 * the a2-highgpu / a2-ultragpu / a3-highgpu families) and says why a row cannot be priced otherwise.
 */

type Family = 'a2-highgpu' | 'a2-ultragpu' | 'a3-highgpu';

const HOST_SPOT_RATIO = GCP_HOSTS['a2-highgpu-1g'].spot / GCP_HOSTS['a2-highgpu-1g'].onDemand;

const HOST_OF_UNPRICED: Readonly<Record<string, string>> = {
  L4: 'g2-standard',
  'H100-MEGA': 'a3-megagpu',
  H200: 'a3-ultragpu',
  B200: 'a4-highgpu',
};

function gcpHost(
  family: Family,
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
    how = `host ${family}-${n}g derived = ${n} x ${family}-1g $${one}/h = ${usd(onDemand)}/h (gpufit assumption: host scales linearly with GPU count, as a3-highgpu-8g $9.46006 = 8 x a3-highgpu-1g $1.18251 in the same file)`;
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

/** An accelerator-only price record from either input (SkyPilot v8 rows or spot-by-zone.csv rows). */
export interface GcpAccelerator {
  readonly rawGpu: string;
  readonly count: number;
  readonly region: string;
  readonly gpuMemoryGiB: number | undefined;
  readonly onDemand: number | undefined;
  /** typical accelerator spot price, with its zone spread where known */
  readonly spot:
    | { readonly typical: number; readonly min: number; readonly max: number; readonly zones?: number }
    | undefined;
  /** what the spot figure is ("catalog spot", "zone-median spot") */
  readonly spotBasis: string;
  readonly source: string;
  readonly asOf: string;
  readonly asOfNote: string;
  readonly origin: Origin;
}

/** The reason a GCP accelerator row cannot be priced as a full VM, or undefined when it can. */
export function gcpUnpricedReason(rawGpu: string, count: number, region: string): string | undefined {
  const family = GCP_HOST_FAMILY[rawGpu];
  if (family === undefined)
    return `GCP accelerator-only row: host VM price not in the reference for this family (${rawGpu}: ${HOST_OF_UNPRICED[rawGpu] ?? 'n1'} host)`;
  if (region !== GCP_HOSTS.region)
    return 'GCP accelerator-only row: host VM price known only for us-central1';
  if (!(GCP_HOST_SHAPES[family] ?? []).includes(count))
    return `GCP accelerator-only row: no ${family}-${count}g shape (16 x A100 is a2-megagpu-16g, host price unknown)`;
  return undefined;
}

/**
 * Why an accelerator row's on-demand figure is not GCP's on-demand price, or undefined when nothing says so. In
 * this source GCP's spot is 33–50 % of on-demand for every accelerator in us-central1 but two (A100 49 %,
 * L4 42 %, T4 47 %, V100 50 %, P100 48 %, P4 33 %, H100-MEGA 41 %, H200 50 %, B200 38 %), so an "on-demand"
 * figure at or below its own spot price (within 5 %) is another SKU; and the reference README names H100's
 * $4.20076 in us-central1 (against $9.79655 in us-east4) as a possible DWS/flex or committed SKU. Such a figure
 * is not written: recommending it would put a price the source doubts on a plan as GCP's list price.
 */
export function gcpSuspectOnDemand(a: GcpAccelerator): string | undefined {
  if (a.onDemand === undefined) return undefined;
  if (a.rawGpu === 'H100' && a.onDemand / a.count < 5)
    return `GCP H100 accelerator on-demand $${Number((a.onDemand / a.count).toFixed(5))}/GPU-h in ${a.region} (vs $9.79655 in us-east4): a possible DWS/flex or committed SKU (reference README), not written as on-demand`;
  if (a.spot !== undefined && spotNearOnDemand(a.spot.typical, a.onDemand))
    return `GCP accelerator on-demand at or below its own spot price (${a.rawGpu} on-demand vs spot within 5 %; other GCP accelerators' spot is 33-50 % of on-demand): another SKU, not written as on-demand`;
  return undefined;
}

/**
 * Full-VM drafts (Standard and Dynamic) for an accelerator row that `gcpUnpricedReason` accepts. A price not
 * written is told to `onSkip` with its reason: a spot price equal to on-demand (no spot price, no Dynamic draft),
 * or an on-demand figure `gcpSuspectOnDemand` doubts (no Standard draft, so no committed row derived from it).
 */
export function gcpVmDrafts(a: GcpAccelerator, onSkip: (reason: string) => void): Draft[] {
  const family = GCP_HOST_FAMILY[a.rawGpu];
  if (family === undefined) throw new Error(`gcp: no host family for ${a.rawGpu}`);
  const resolved = resolveGpu('gcp', '', a.rawGpu);
  if (!resolved) throw new Error(`gcp: no tier for ${a.rawGpu}`);
  const host = gcpHost(family, a.count);
  const profile = providerProfile('gcp');
  const suspect = gcpSuspectOnDemand(a);
  const flags =
    suspect === undefined
      ? []
      : [`FLAG: no on-demand row: the source's on-demand $${a.onDemand}/h is doubted (${suspect})`];
  const base = {
    provider: 'gcp',
    market: profile.market,
    instanceType: `${family}-${a.count}g`,
    gpu: resolved.gpu,
    gpuMemoryGiB: a.gpuMemoryGiB,
    gpusPerInstance: a.count,
    regionRaw: a.region,
    region: a.region,
    termMonths: undefined,
    hosting: profile.hosting,
    verified: profile.verified,
    source: a.source,
    asOf: a.asOf,
    derived: false,
    origin: a.origin,
  } as const;
  const out: Draft[] = [];
  if (suspect !== undefined) onSkip(suspect);
  else if (a.onDemand !== undefined) {
    out.push({
      ...base,
      pricingCategory: 'Standard',
      usdPerGpuHour: (a.onDemand + host.onDemand) / a.count,
      priceBasis: 'on-demand (accelerator + host)',
      notes: [
        `full VM = accelerator-only catalog price $${a.onDemand}/h + host ${usd(host.onDemand)}/h`,
        host.note,
        ...flags,
        a.asOfNote,
      ],
    });
  }
  const s = a.spot;
  if (s === undefined) return out;
  if (a.onDemand !== undefined && s.typical === a.onDemand) {
    onSkip('spot equal to on-demand: treated as "no spot price" (no Dynamic row)');
    return out;
  }
  out.push({
    ...base,
    pricingCategory: 'Dynamic',
    usdPerGpuHour: (s.typical + host.spot) / a.count,
    usdPerGpuHourMin: (s.min + host.spot) / a.count,
    usdPerGpuHourMax: (s.max + host.spot) / a.count,
    zonesWithSpot: s.zones,
    priceBasis: `${a.spotBasis} (accelerator + host)`,
    notes: [
      `full VM = accelerator-only ${a.spotBasis} $${s.typical}/h + host ${usd(host.spot)}/h`,
      `${host.note}; ${host.spotNote}`,
      ...flags,
      ...spotFlags(s.typical, a.onDemand, 'accelerator spot'),
      a.asOfNote,
    ],
  });
  return out;
}
