import type { GpuAlias, NetworkInfo, RegionInfo } from '@gpufit/analysis';
import {
  type GpuTier,
  type HostedApiPriceRow,
  type HostedApiTermRow,
  normalizeModelName,
  type ThroughputRatioRow,
  type UnitThroughputRow,
} from '@gpufit/pricing';
import { bundledDatasetsDir } from './bundledDatasetsDir.js';
import { readReferenceTable } from './readReferenceTable.js';
import {
  gpuAliasRow,
  gpuTierRow,
  hostedApiPriceRow,
  hostedApiTermRow,
  networkRow,
  regionRow,
  throughputRatioRow,
  unitThroughputRow,
} from './referenceRowSchemas.js';

export interface DatasetOptions {
  /** A `datasets/` folder to read instead of the bundled one. */
  readonly datasetsDir?: string;
}

const dirOf = (options: DatasetOptions): string => options.datasetsDir ?? bundledDatasetsDir();

/** `datasets/gpu-tiers.csv`: every normalized GPU tier. */
export async function loadGpuTiers(options: DatasetOptions = {}): Promise<GpuTier[]> {
  return readReferenceTable(dirOf(options), 'gpu-tiers.csv', gpuTierRow);
}

/** `datasets/gpu-aliases.csv`: spellings → tier ids. */
export async function loadGpuAliases(options: DatasetOptions = {}): Promise<GpuAlias[]> {
  return readReferenceTable(dirOf(options), 'gpu-aliases.csv', gpuAliasRow);
}

/** `datasets/regions.csv`: provider region → country, blocs, continent. */
export async function loadRegions(options: DatasetOptions = {}): Promise<RegionInfo[]> {
  return readReferenceTable(dirOf(options), 'regions.csv', regionRow);
}

/** `datasets/networks.csv`: DePIN incentive tokens and default subsidy schedules. */
export async function loadNetworks(options: DatasetOptions = {}): Promise<NetworkInfo[]> {
  return readReferenceTable(dirOf(options), 'networks.csv', networkRow);
}

/**
 * The same (class, band, task, GPU pair) in either direction, GPU ids case-insensitive, and the same precisions (a
 * like-for-like row and one measured at fp4 against fp8 are two rows).
 */
const throughputPairKey = (r: ThroughputRatioRow): string => {
  const sides = [
    [r.gpuA.toLowerCase(), (r.precisionA ?? '').toLowerCase()],
    [r.gpuB.toLowerCase(), (r.precisionB ?? '').toLowerCase()],
  ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
  return [r.throughputClass, r.modelSizeBand, r.task ?? '', ...sides.flat()].join('|');
};

/**
 * `datasets/throughput-ratios.csv`: measured throughput ratios between GPU tiers (MLPerf and labelled published
 * benchmarks), one row per (class, band, GPU pair) and precision gap; build the lookup with `throughputRatioTable` of
 * `@gpufit/pricing`.
 */
export async function loadThroughputRatios(options: DatasetOptions = {}): Promise<ThroughputRatioRow[]> {
  return readReferenceTable(dirOf(options), 'throughput-ratios.csv', throughputRatioRow, {
    key: throughputPairKey,
    column: 'gpuA',
  });
}

/**
 * `datasets/unit-throughput.csv`: measured output per GPU (generated tokens or images per second), one row per (unit,
 * band, GPU, scenario); build the lookup with `unitThroughputTable` of `@gpufit/pricing`.
 */
export async function loadUnitThroughput(options: DatasetOptions = {}): Promise<UnitThroughputRow[]> {
  return readReferenceTable(dirOf(options), 'unit-throughput.csv', unitThroughputRow, {
    key: (r) => [r.unit, r.modelSizeBand, r.gpu.toLowerCase(), r.scenario].join('|'),
    column: 'gpu',
  });
}

/**
 * `datasets/hosted-api-prices.csv`: hosted serverless API prices per 1M input and output tokens for open-weight
 * models, one row per (provider, model); build the lookup with `hostedApiPriceTable` of `@gpufit/pricing`.
 */
export async function loadHostedApiPrices(options: DatasetOptions = {}): Promise<HostedApiPriceRow[]> {
  return readReferenceTable(dirOf(options), 'hosted-api-prices.csv', hostedApiPriceRow, {
    key: (r) => `${r.provider}|${normalizeModelName(r.model)}`,
    column: 'model',
  });
}

/**
 * `datasets/hosted-api-terms.csv`: hosted API providers' own statements (certifications, BAA, zero data retention,
 * serving regions), one row per (provider, term), each sourced; pass them to `hostedApiPriceTable` with the prices.
 */
export async function loadHostedApiTerms(options: DatasetOptions = {}): Promise<HostedApiTermRow[]> {
  return readReferenceTable(dirOf(options), 'hosted-api-terms.csv', hostedApiTermRow, {
    key: (r) => `${r.provider}|${r.term}`,
    column: 'term',
  });
}
