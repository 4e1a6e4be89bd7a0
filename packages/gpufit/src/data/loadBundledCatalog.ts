import path from 'node:path';
import type { GpuAlias, GpuTier, NetworkInfo, RegionInfo } from '@gpufit/analysis';
import type {
  HostedApiPriceRow,
  HostedApiTermRow,
  ThroughputRatioRow,
  UnitThroughputRow,
} from '@gpufit/pricing';
import type { Offer } from '@gpufit/schema';
import { buildGpuNameIndex, type GpuNameIndex } from '../io/gpuNameIndex.js';
import { loadOffersCsv } from '../io/loadOffers.js';
import type { LoadResult } from '../io/loadTypes.js';
import { buildRegionIndex, type RegionIndex } from '../io/regionIndex.js';
import { bundledDatasetsDir } from './bundledDatasetsDir.js';
import {
  type DatasetOptions,
  loadGpuAliases,
  loadGpuTiers,
  loadHostedApiPrices,
  loadHostedApiTerms,
  loadNetworks,
  loadRegions,
  loadThroughputRatios,
  loadUnitThroughput,
} from './loadReferenceData.js';

/** Everything in `datasets/` the engine prices with, loaded and checked. */
export interface BundledCatalog {
  readonly datasetsDir: string;
  /** `offers.csv` through the offer loader: normalized offers, rejected rows (none expected) and the books. */
  readonly offers: LoadResult<Offer>;
  readonly gpuTiers: readonly GpuTier[];
  readonly gpuAliases: readonly GpuAlias[];
  readonly regions: readonly RegionInfo[];
  readonly networks: readonly NetworkInfo[];
  /** `throughput-ratios.csv`: measured GPU-to-GPU ratios; `throughputRatioTable(rows)` builds the lookup. */
  readonly throughputRatios: readonly ThroughputRatioRow[];
  /** `unit-throughput.csv`: measured output per GPU; `unitThroughputTable(rows)` builds the lookup. */
  readonly unitThroughput: readonly UnitThroughputRow[];
  /** `hosted-api-prices.csv`: hosted API prices per token; `hostedApiPriceTable(rows, terms)` builds the lookup. */
  readonly hostedApiPrices: readonly HostedApiPriceRow[];
  /** `hosted-api-terms.csv`: the hosted API providers' sourced terms (certifications, BAA, retention, regions). */
  readonly hostedApiTerms: readonly HostedApiTermRow[];
  readonly gpuNames: GpuNameIndex;
  readonly regionIndex: RegionIndex;
}

/** Loads the bundled catalog (or the one in `options.datasetsDir`). */
export async function loadBundledCatalog(options: DatasetOptions = {}): Promise<BundledCatalog> {
  const datasetsDir = options.datasetsDir ?? bundledDatasetsDir();
  const dir = { datasetsDir };
  const [
    gpuTiers,
    gpuAliases,
    regions,
    networks,
    throughputRatios,
    unitThroughput,
    hostedApiPrices,
    hostedApiTerms,
  ] = await Promise.all([
    loadGpuTiers(dir),
    loadGpuAliases(dir),
    loadRegions(dir),
    loadNetworks(dir),
    loadThroughputRatios(dir),
    loadUnitThroughput(dir),
    loadHostedApiPrices(dir),
    loadHostedApiTerms(dir),
  ]);
  const gpuNames = buildGpuNameIndex(gpuTiers, gpuAliases, path.join(datasetsDir, 'gpu-aliases.csv'));
  const regionIndex = buildRegionIndex(regions);
  const offers = await loadOffersCsv(path.join(datasetsDir, 'offers.csv'), {
    gpuNames,
    regions: regionIndex,
  });
  return {
    datasetsDir,
    offers,
    gpuTiers,
    gpuAliases,
    regions,
    networks,
    throughputRatios,
    unitThroughput,
    hostedApiPrices,
    hostedApiTerms,
    gpuNames,
    regionIndex,
  };
}
