import { statSync } from 'node:fs';
import { join } from 'node:path';
import { writeCatalogCsv } from '../generate/catalogCsv.js';
import { loadOffersCsv, referenceIndexes } from '../gpufitSource.js';
import { csvParseOnly } from '../harness/csvParseFloor.js';
import { progress, timePair } from '../harness/measure.js';
import { result } from '../harness/result.js';
import type { BenchCase } from './types.js';

const OFFERS = 200_000;
const SEED = 3;

export const catalogLoad: BenchCase = {
  name: 'catalog-load',
  results: ['catalog-load'],
  summary:
    'loadOffersCsv (parse + validate + normalize + duplicate ids) over a generated 200,000-offer catalog, against csv-parse alone on the same file',
  async run(ctx) {
    const offers = ctx.quick ? OFFERS / 20 : OFFERS;
    const path = join(ctx.tmpDir, 'offers.csv');
    const bytes = await writeCatalogCsv(path, offers, SEED);
    progress(`catalog-load: wrote ${offers} offers, ${(bytes / 2 ** 20).toFixed(0)} MiB to ${path}`);
    const { gpuNames, regions } = await referenceIndexes();
    const load = () => loadOffersCsv(path, { gpuNames, regions });

    // Both sides must see every row, and the loader accept all of them (the generator writes valid offers).
    const check = await load();
    const records = await csvParseOnly(path);
    if (check.accounting.accepted !== offers || check.accounting.rejected !== 0 || records !== offers + 1) {
      throw new Error(
        `catalog-load: expected ${offers} accepted offers and ${offers + 1} records, got ${JSON.stringify(check.accounting)} and ${records} records; first rejection: ${JSON.stringify(check.rejected[0] ?? null)}`,
      );
    }
    const runs = ctx.quick ? 1 : 5;
    const t = await timePair({
      label: 'catalog-load',
      warmup: ctx.quick ? 0 : 1,
      runs,
      value: load,
      floor: () => csvParseOnly(path),
    });
    return [
      result({
        name: 'catalog-load',
        unit: 'ms',
        value: t.value,
        floor: t.floor,
        target: { ratioAtMost: 1.3 },
        note: `${offers} offers, ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB; median of ${runs} alternating runs after warm-up`,
      }),
    ];
  },
};
