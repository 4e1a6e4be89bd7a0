import { PROVIDER_ID, provider as providerProfile } from '../data/providers';
import { normalizeRegion } from '../data/regions';
import type { Row } from './csvio';
import { gcpUnpricedReason, gcpVmDrafts } from './gcpVm';
import { resolveGpu, spec } from './gpu';
import type { Draft, Ledger } from './offer';
import { spotFlags } from './spotFlags';

/** Extraction date of the reference files (reference README); catalog commit dates are not known. */
const READ_DATE = '2026-11-24';
const READ_DATE_NOTE = 'asOf = date the catalog file version was read (commit date unknown)';

export const AWS_MIN_SPOT_ONLY =
  'AWS spot known only as the minimum over zones (no per-zone data in spot-by-zone.csv for this type and region): no typical price, no Dynamic row';

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

/**
 * Turns skypilot-gpu-offers.csv rows into drafts. Each row yields a Standard draft from its on-demand price and a
 * Dynamic draft from its spot price unless the spot price is absent or equal to on-demand. Which catalog version
 * wins where two price the same offer (RunPod v7/v8, newer AWS and GCP files) is decided later, by newestPerOffer.
 */
export function fromSkypilot(rows: readonly Row[], ledger: Ledger): Draft[] {
  const out: Draft[] = [];
  const runpodV8 = new Set(
    rows
      .filter((r) => must(r, 'provider') === 'runpod' && must(r, 'catalog_commit_or_date').includes('/v8/'))
      .map((r) => `${must(r, 'instance_type')}|${must(r, 'region')}`),
  );
  for (const row of rows) {
    const origin = ledger.next();
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
      const why = gcpUnpricedReason(rawGpu, count, regionRaw);
      if (why !== undefined) {
        ledger.drop(why);
        continue;
      }
      const drafts = gcpVmDrafts(
        {
          rawGpu,
          count,
          region: regionRaw,
          gpuMemoryGiB: Number(must(row, 'gpu_memory_gib')),
          onDemand: price,
          spot: spot === undefined ? undefined : { typical: spot, min: spot, max: spot },
          spotBasis: 'catalog spot',
          source,
          asOf: READ_DATE,
          asOfNote: READ_DATE_NOTE,
          origin,
        },
        (why) => ledger.skipPrice(why),
      );
      if (drafts.length === 0) ledger.drop('no usable price');
      out.push(...drafts);
      continue;
    }
    const resolved = resolveGpu(providerId, instance, rawGpu);
    if (!resolved)
      throw new Error(`skypilot: no tier for GPU name "${rawGpu}" (${instance}); add it to gpu-aliases.ts`);
    const memCell = must(row, 'gpu_memory_gib');
    const gpuMemoryGiB = memCell === '' ? spec(resolved.gpu).memoryGiB : Number(memCell);
    const v7WithV8 =
      providerId === 'runpod' && source.includes('/v7/') && runpodV8.has(`${instance}|${regionRaw}`);

    const common = () => ({
      provider: providerId,
      market: profile.market,
      instanceType: instance,
      gpu: resolved.gpu,
      gpuMemoryGiB,
      gpusPerInstance: count,
      regionRaw,
      region: normalizeRegion(regionRaw),
      // SkyPilot's Lambda catalog lists every Lambda region for every type: the row does not show the type is
      // offered in its region (the region-not-confirmed risk reads this column, not the note below).
      ...(providerId === 'lambda' && !viaShadeform ? { regionListing: 'every-region' as const } : {}),
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
      origin,
    });

    let wrote = 0;
    if (price !== undefined) {
      const d: Draft = {
        ...common(),
        pricingCategory: 'Standard',
        usdPerGpuHour: price / count,
        priceBasis: 'on-demand',
      };
      d.notes.push(`on-demand $${price}/h per instance / ${count} GPU`, READ_DATE_NOTE);
      out.push(d);
      wrote += 1;
    }

    if (spot !== undefined) {
      if (price !== undefined && spot === price) {
        ledger.skipPrice('spot equal to on-demand: treated as "no spot price" (no Dynamic row)');
      } else {
        const aws = providerId === 'aws';
        const d: Draft = {
          ...common(),
          pricingCategory: 'Dynamic',
          usdPerGpuHour: spot / count,
          priceBasis: aws ? 'min-over-zones spot' : 'spot',
          ...(aws ? { atypicalPrice: AWS_MIN_SPOT_ONLY } : {}),
        };
        d.notes.push(`spot $${spot}/h per instance / ${count} GPU`);
        d.notes.push(...spotFlags(spot, price));
        if (v7WithV8)
          d.notes.push(
            'spot price from RunPod catalog v7; v8 lists no separate spot price (spot = on-demand) for this instance',
          );
        d.notes.push(READ_DATE_NOTE);
        out.push(d);
        wrote += 1;
      }
    }
    if (wrote === 0) ledger.drop('no usable price');
  }
  return out;
}
