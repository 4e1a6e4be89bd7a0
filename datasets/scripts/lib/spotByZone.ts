import { AZURE_NEWER_EASTUS_LIST, GCP_HOST_FAMILY } from '../data/assumptions';
import { provider as providerProfile } from '../data/providers';
import type { Row } from './csvio';
import { gcpUnpricedReason, gcpVmDrafts } from './gcpVm';
import { resolveGpu } from './gpu';
import type { Withdrawal } from './newestPerOffer';
import type { Draft, Ledger } from './offer';
import { spotFlags } from './spotFlags';

/**
 * spot-by-zone.csv: per (instance type, region) the on-demand price and the spot min / median / max over the zones
 * that list a spot price (AWS SkyPilot catalog v9@3e9a1751; GCP and Azure anycloud-sh/catalog 2026-05-20).
 * A hyperscaler Dynamic offer prices at the median over the zones with a real spot price, with the min and max as
 * its spread; a region with no such zone has no Dynamic offer, and says so to older catalogs (a withdrawal).
 */

const FILE = 'spot-by-zone.csv';

const must = (row: Row, key: string): string => {
  const v = row[key];
  if (v === undefined) throw new Error(`${FILE}: missing column ${key}`);
  return v;
};

const num = (cell: string): number | undefined => {
  if (cell.trim() === '') return undefined;
  const x = Number(cell);
  if (!Number.isFinite(x) || x < 0) throw new Error(`${FILE}: bad number "${cell}"`);
  return x;
};

/** Azure sizes that are GPU partitions although a whole count is listed (NV*as_v4) or whose counts do not add up. */
const AZURE_PARTIAL: readonly { re: RegExp; why: string }[] = [
  { re: /^Standard_NV(4|8|16)as_v4$/, why: 'fractional GPU (Azure NV4/8/16as_v4 = 1/8, 1/4, 1/2 MI25)' },
  {
    re: /^Standard_NC(8|16|32)ads_A10_v4$/,
    why: 'Azure NCads A10 v4: GPU count not trustworthy (prices scale 1:2:4 for NC8/16/32 while the catalog lists 1, 1, 2 GPUs - partitioned A10s suspected), so no per-GPU price',
  },
];

/** A zone whose spot price equals on-demand lists no real spot capacity (reference README, "Added 2026-12-01"). */
const PLACEHOLDER_TOLERANCE_USD = 1e-4;

export interface ZoneSpot {
  readonly median: number;
  readonly min: number;
  /** undefined when the highest real zone price cannot be told from the file */
  readonly max: number | undefined;
  readonly zones: number;
  readonly notes: readonly string[];
}

/**
 * The spot statistics over the zones with a real spot price. The file's statistics include zones whose spot equals
 * on-demand (placeholders, counted in `notes`); with up to three zones the per-zone values are known exactly
 * (min, median, max) and the placeholders are taken out; with more, the file's median is kept as an upper bound.
 * `placeholderPrice` is the on-demand price (or, with none, the same-GPU sibling's on-demand price in the region).
 */
export function zoneSpot(
  stats: { min: number; median: number; max: number; zones: number },
  placeholderPrice: number | undefined,
  placeholdersNoted: number,
): ZoneSpot | undefined {
  const { min, median, max, zones } = stats;
  const isPlaceholder = (v: number) =>
    placeholderPrice !== undefined && Math.abs(v - placeholderPrice) <= PLACEHOLDER_TOLERANCE_USD;
  if (zones <= 3) {
    const values = zones === 1 ? [min] : zones === 2 ? [min, max] : [min, median, max];
    const real = values.filter((v) => !isPlaceholder(v));
    if (real.length === 0) return undefined;
    const removed = values.length - real.length;
    const mid = real.length % 2 === 1 ? real[(real.length - 1) / 2] : ((real[0] ?? 0) + (real[1] ?? 0)) / 2;
    return {
      median: mid as number,
      min: real[0] as number,
      max: real[real.length - 1] as number,
      zones: real.length,
      notes:
        removed === 0
          ? []
          : [
              `${removed} of ${zones} zones list spot at on-demand $${placeholderPrice}/h (no spot capacity): statistics over the other ${real.length}`,
            ],
    };
  }
  if (placeholdersNoted === 0 && !isPlaceholder(max)) return { median, min, max, zones, notes: [] };
  if (isPlaceholder(median)) return undefined;
  return {
    median,
    min,
    max: undefined,
    zones: zones - placeholdersNoted,
    notes: [
      `${placeholdersNoted} of ${zones} zones list spot at on-demand (no spot capacity); per-zone values are not in the file, so the median over all ${zones} ($${median}/h) is kept as an upper bound of the median over the ${zones - placeholdersNoted} real zones, and the highest real zone price is unknown`,
    ],
  };
}

/** Turns spot-by-zone.csv rows into drafts and, where a region lists no real spot price, withdrawals. */
export function fromSpotByZone(
  rows: readonly Row[],
  ledger: Ledger,
): { drafts: Draft[]; withdrawals: Withdrawal[] } {
  const drafts: Draft[] = [];
  const withdrawals: Withdrawal[] = [];
  const onDemandOf = new Map<string, number>();
  for (const r of rows) {
    const od = num(must(r, 'on_demand_usd_per_hour'));
    if (od !== undefined)
      onDemandOf.set(
        `${must(r, 'provider')}|${must(r, 'gpu')}|${must(r, 'gpu_count')}|${must(r, 'region')}`,
        od,
      );
  }

  for (const row of rows) {
    const origin = ledger.next();
    const providerId = must(row, 'provider');
    const instance = must(row, 'instance_type');
    const rawGpu = must(row, 'gpu');
    const count = Number(must(row, 'gpu_count'));
    const region = must(row, 'region');
    const source = must(row, 'source');
    const onDemand = num(must(row, 'on_demand_usd_per_hour'));
    const min = num(must(row, 'spot_min'));
    const median = num(must(row, 'spot_median'));
    const max = num(must(row, 'spot_max'));
    const zonesListed = Number(must(row, 'n_zones'));
    const zonesWithSpot = Number(must(row, 'n_zones_with_spot'));
    const fileNotes = must(row, 'notes');
    const asOfCell = must(row, 'as_of');
    const dated = /commit date\)$/.test(asOfCell);
    const asOf = /^\d{4}-\d{2}-\d{2}/.exec(asOfCell.replace(/^read /, ''))?.[0];
    if (asOf === undefined) throw new Error(`${FILE}: bad as_of "${asOfCell}"`);
    const asOfNote = dated
      ? `asOf = catalog commit date (${asOf})`
      : 'asOf = date the catalog file version was read (commit date unknown)';

    const partial = providerId === 'azure' ? AZURE_PARTIAL.find((p) => p.re.test(instance)) : undefined;
    if (partial) {
      ledger.drop(partial.why);
      continue;
    }
    if (!Number.isInteger(count) || count < 1) {
      ledger.drop(
        `fractional GPU (Azure NV6/12/18ads_A10_v5 = 1/6, 1/3, 1/2 A10): per-GPU arithmetic would overstate the price`,
      );
      continue;
    }
    if (providerId === 'gcp') {
      const why = gcpUnpricedReason(rawGpu, count, region);
      if (why !== undefined) {
        ledger.drop(why);
        continue;
      }
    }

    const noted = Number(/(\d+) zone\(s\) with spot == on-demand/.exec(fileNotes)?.[1] ?? 0);
    const sibling =
      onDemand === undefined ? onDemandOf.get(`${providerId}|${rawGpu}|${count}|${region}`) : undefined;
    const spot =
      min !== undefined && median !== undefined && max !== undefined && zonesWithSpot > 0
        ? zoneSpot({ min, median, max, zones: zonesWithSpot }, onDemand ?? sibling, noted)
        : undefined;
    const regionLevel = must(row, 'zones') === '(region-level)';
    const spotWord = regionLevel ? 'region spot' : 'zone-median spot';
    const spotNotes = spot
      ? [
          regionLevel
            ? `spot $${spot.median}/h per instance, priced per region (Azure: no per-zone prices, so min = median = max and zonesWithSpot is left empty)`
            : `spot = median over the ${spot.zones} zone(s) with a real spot price: $${spot.median}/h per instance (min $${spot.min}, max ${spot.max === undefined ? 'unknown' : `$${spot.max}`})`,
          ...spot.notes,
          ...(sibling !== undefined && onDemand === undefined
            ? [
                `no on-demand price for ${instance} in the catalog; placeholder zones told by the same GPUs' on-demand $${sibling}/h in ${region}`,
              ]
            : []),
        ]
      : [];
    if (!spot) {
      withdrawals.push({
        provider: providerId,
        instanceType: providerId === 'gcp' ? `${GCP_HOST_FAMILY[rawGpu]}-${count}g` : instance,
        region,
        pricingCategory: 'Dynamic',
        source,
        why:
          zonesWithSpot === 0
            ? `lists no spot price in any of the ${zonesListed} zone(s) of ${region}`
            : `lists spot only at the on-demand price in ${region} (no spot capacity)`,
      });
    }

    if (providerId === 'gcp') {
      const made = gcpVmDrafts(
        {
          rawGpu,
          count,
          region,
          gpuMemoryGiB: undefined,
          onDemand,
          spot: spot && {
            typical: spot.median,
            min: spot.min,
            max: spot.max ?? spot.median,
            zones: spot.zones,
          },
          spotBasis: spotWord,
          source,
          asOf,
          asOfNote,
          origin,
        },
        (why) => ledger.skipPrice(why),
      ).map((d) => ({
        ...d,
        notes: [...d.notes, ...(d.pricingCategory === 'Dynamic' ? spotNotes : [])],
      }));
      if (made.length === 0) ledger.drop('no on-demand price and no real spot price');
      drafts.push(...made);
      continue;
    }

    const resolved = resolveGpu(providerId, instance, rawGpu);
    if (!resolved)
      throw new Error(`${FILE}: no tier for GPU name "${rawGpu}" (${instance}); add it to gpu-aliases.ts`);
    const profile = providerProfile(providerId);
    const base = {
      provider: providerId,
      market: profile.market,
      instanceType: instance,
      gpu: resolved.gpu,
      gpuMemoryGiB: undefined,
      gpusPerInstance: count,
      regionRaw: region,
      region,
      termMonths: undefined,
      hosting: profile.hosting,
      verified: profile.verified,
      source,
      asOf,
      derived: false,
      origin,
    } as const;
    const common = [...(resolved.note ? [resolved.note] : []), 'gpu memory: tier value (not in the source)'];
    const newer = AZURE_NEWER_EASTUS_LIST[instance];
    if (providerId === 'azure' && region === 'eastus' && newer !== undefined)
      common.push(
        `a newer third-party capture lists $${newer}/h in eastus (datareceipts hyperscalers.json, retrieved 2026-11-09; reference README) - this catalog price may be stale`,
      );
    if (onDemand !== undefined) {
      drafts.push({
        ...base,
        pricingCategory: 'Standard',
        usdPerGpuHour: onDemand / count,
        priceBasis: 'on-demand',
        notes: [...common, `on-demand $${onDemand}/h per instance / ${count} GPU`, asOfNote],
      });
    }
    if (spot) {
      drafts.push({
        ...base,
        pricingCategory: 'Dynamic',
        usdPerGpuHour: spot.median / count,
        usdPerGpuHourMin: spot.min / count,
        usdPerGpuHourMax: spot.max === undefined ? undefined : spot.max / count,
        zonesWithSpot: regionLevel ? undefined : spot.zones,
        priceBasis: spotWord,
        notes: [
          ...common,
          ...spotNotes,
          ...(onDemand === undefined
            ? ['spot only: the catalog has no on-demand price for this type/region']
            : []),
          ...spotFlags(spot.median, onDemand, 'spot median'),
          asOfNote,
        ],
      });
    }
    if (onDemand === undefined && !spot)
      ledger.drop('no on-demand price and no real spot price (older spot rows for it are withdrawn)');
  }
  return { drafts, withdrawals };
}
