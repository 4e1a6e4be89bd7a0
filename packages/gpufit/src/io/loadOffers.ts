import { addProviderOffer, type ProviderOffers } from '@gpufit/analysis';
import type { Offer } from '@gpufit/schema';
import { referenceIndexes } from '../data/referenceIndexes.js';
import { csvTableBatches, loadCsvTable } from './csvTable.js';
import type { GpuNameIndex } from './gpuNameIndex.js';
import { LoadStream } from './loadStream.js';
import type { LoadOptions, LoadResult, LoadSource } from './loadTypes.js';
import { type AsOfCeiling, offerTable } from './offerTable.js';
import { sourceName } from './readCsvRows.js';
import type { RegionIndex } from './regionIndex.js';
import { RowLedger } from './rowLedger.js';

export interface OfferLoadOptions extends LoadOptions {
  /** GPU-name lookup (default: built from the bundled gpu-tiers.csv and gpu-aliases.csv). */
  readonly gpuNames?: GpuNameIndex;
  /** Region → country lookup (default: the bundled regions.csv). */
  readonly regions?: RegionIndex;
  /** Where the default lookups come from (default: the bundled datasets). */
  readonly datasetsDir?: string;
  /** Reject offers dated after this day (see `AsOfCeiling`); default: no check. */
  readonly asOfCeiling?: AsOfCeiling;
}

async function specFor(
  options: OfferLoadOptions,
  kept?: string,
  onCounted?: (provider: string, priced: boolean) => void,
) {
  const needDefaults = options.gpuNames === undefined || options.regions === undefined;
  const defaults = needDefaults
    ? await referenceIndexes(options.datasetsDir === undefined ? {} : { datasetsDir: options.datasetsDir })
    : undefined;
  return offerTable(
    options.gpuNames ?? defaults!.gpuNames,
    options.regions ?? defaults!.regions,
    options.asOfCeiling,
    kept,
    onCounted,
  );
}

/** Loads an offer catalog CSV: valid, normalized offers, rejected rows, and the books. */
export async function loadOffersCsv(
  source: LoadSource,
  options: OfferLoadOptions = {},
): Promise<LoadResult<Offer>> {
  return loadCsvTable(source, await specFor(options), options);
}

/**
 * `loadOffersCsv` keeping only the accepted offers of GPU tier `gpu` (`loadCsvTable`'s `keep`): every row is
 * still read, validated and counted, so `rows.length` may be below `accounting.accepted`. The rows of other
 * GPUs that `rawOfferCheck` proves valid from their bytes are counted without being built. `providers` counts
 * every accepted offer by provider, kept or not (`providerOffers` of the whole catalog's offers), for what a
 * listing says of the networks the catalog cannot price.
 */
export async function loadOffersOfGpu(
  source: LoadSource,
  options: OfferLoadOptions,
  gpu: string,
): Promise<LoadResult<Offer> & { readonly providers: ProviderOffers }> {
  const providers = new Map<string, { offers: number; priced: number }>();
  const count = (provider: string, priced: boolean) => addProviderOffer(providers, provider, priced);
  const result = await loadCsvTable(source, await specFor(options, gpu, count), options, (o) => {
    count(o.provider, o.usdPerGpuHour != null);
    return o.gpu === gpu;
  });
  return { ...result, providers };
}

/** Streams an offer catalog row by row (see `streamWorkloads`). */
export function streamOffers(source: LoadSource, options: OfferLoadOptions = {}): LoadStream<Offer> {
  const ledger = new RowLedger(sourceName(source, options.fileName), options.strict ?? false);
  const spec = specFor(options);
  spec.catch(() => {});
  return new LoadStream(csvTableBatches(source, spec, ledger, options.maxBytes), ledger);
}
