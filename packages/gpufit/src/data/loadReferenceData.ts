import type { GpuTier } from '@gpufit/pricing';
import { bundledDatasetsDir } from './bundledDatasetsDir.js';
import type { GpuAlias, NetworkInfo, RegionInfo } from './datasetTypes.js';
import { readReferenceTable } from './readReferenceTable.js';
import { gpuAliasRow, gpuTierRow, networkRow, regionRow } from './referenceRowSchemas.js';

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
