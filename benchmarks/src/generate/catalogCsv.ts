import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { bundledDatasetsDir, loadOffersCsv, offersToCsv } from '../gpufitSource.js';
import { growCatalog } from './catalog.js';

/**
 * Writes an offer catalog CSV of `size` offers grown from the bundled `datasets/offers.csv` (`growCatalog`,
 * deterministic in size and seed) in the layout gpufit reads, 10,000 rows at a time. Returns the bytes written.
 */
export async function writeCatalogCsv(path: string, size: number, seed: number): Promise<number> {
  const real = await loadOffersCsv(join(bundledDatasetsDir(), 'offers.csv'));
  const offers = growCatalog(real.rows, size, seed);
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (let i = 0; i < offers.length || i === 0; i += 10_000) {
      const csv = offersToCsv(offers.slice(i, i + 10_000));
      // Every slice has the header: keep only the first.
      bytes += writeSync(fd, i === 0 ? csv : csv.slice(csv.indexOf('\n') + 1));
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
