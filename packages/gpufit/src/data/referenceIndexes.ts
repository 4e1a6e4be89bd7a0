import { buildGpuNameIndex, type GpuNameIndex } from '../io/gpuNameIndex.js';
import { buildRegionIndex, type RegionIndex } from '../io/regionIndex.js';
import { bundledDatasetsDir } from './bundledDatasetsDir.js';
import { type DatasetOptions, loadGpuAliases, loadGpuTiers, loadRegions } from './loadReferenceData.js';

export interface ReferenceIndexes {
  readonly gpuNames: GpuNameIndex;
  readonly regions: RegionIndex;
}

const cache = new Map<string, Promise<ReferenceIndexes>>();

/**
 * The GPU-name and region lookups the loaders normalize with, built from a `datasets/` folder (default: the
 * bundled one) and kept for the life of the process.
 */
export function referenceIndexes(options: DatasetOptions = {}): Promise<ReferenceIndexes> {
  const dir = options.datasetsDir ?? bundledDatasetsDir();
  let hit = cache.get(dir);
  if (hit === undefined) {
    hit = (async () => {
      const [tiers, aliases, regions] = await Promise.all([
        loadGpuTiers({ datasetsDir: dir }),
        loadGpuAliases({ datasetsDir: dir }),
        loadRegions({ datasetsDir: dir }),
      ]);
      return {
        gpuNames: buildGpuNameIndex(tiers, aliases),
        regions: buildRegionIndex(regions),
      };
    })();
    hit.catch(() => cache.delete(dir));
    cache.set(dir, hit);
  }
  return hit;
}
