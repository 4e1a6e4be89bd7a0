import { mkdtempSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeCatalogCsv } from '../generate/catalogCsv.js';
import { loadCatalogCached, loadOffersCsv, referenceIndexes } from '../gpufitSource.js';
import { csvParseOnly } from '../harness/csvParseFloor.js';
import { cpuMs, progress, timePair } from '../harness/measure.js';
import { result } from '../harness/result.js';
import { median } from '../harness/stats.js';
import type { BenchCase } from './types.js';

const OFFERS = 200_000;
const SEED = 3;

export const catalogLoad: BenchCase = {
  name: 'catalog-load',
  results: ['catalog-load', 'catalog-warm'],
  summary:
    'loadOffersCsv (parse + validate + normalize + duplicate ids) over a generated 200,000-offer catalog, against csv-parse alone on the same file; and the same catalog from the catalog cache (warm) against that load (cold)',
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
    // Warm: the catalog cache's hit (hash the file, read and check the entry, decode) against the cold load.
    const ceiling = { day: '2026-12-01', what: 'today' } as const;
    const dir = mkdtempSync(join(ctx.tmpDir, 'cache-'));
    const cold = () => loadOffersCsv(path, { gpuNames, regions, asOfCeiling: ceiling });
    const cached = () => loadCatalogCached(path, { dir, strict: false, ceiling }, cold);
    if ((await cached()).cache !== 'miss' || (await cached()).cache !== 'hit')
      throw new Error('catalog-warm: the catalog cache did not store and then answer the catalog');
    const warmRuns = ctx.quick ? 1 : 3;
    // The CPU of each timed run too (every thread of this process): on a shared two-core host the wall times of
    // a load that keeps 200,000 offers swing with the other tenants far more than its CPU does.
    const cpu = { warm: [] as number[], cold: [] as number[] };
    const w = await timePair({
      label: 'catalog-warm',
      warmup: 0,
      runs: warmRuns,
      value: async () => cpu.warm.push(await cpuMs(cached)),
      floor: async () => cpu.cold.push(await cpuMs(cold)),
    });
    const warmCpu = median(cpu.warm);
    const coldCpu = median(cpu.cold);
    return [
      result({
        name: 'catalog-load',
        unit: 'ms',
        value: t.value,
        floor: t.floor,
        target: { ratioAtMost: 1.3 },
        note: `${offers} offers, ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB; median of ${runs} alternating runs after warm-up`,
      }),
      result({
        name: 'catalog-warm',
        unit: 'ms',
        value: w.value,
        floor: w.floor,
        target: { ratioAtMost: 0.1 },
        note: `${offers} offers from the catalog cache (XXH128 of the file, entry read and checked, offers decoded) against loading the CSV; median of ${warmRuns} alternating runs; CPU of the same runs: warm ${warmCpu.toFixed(0)} ms, cold ${coldCpu.toFixed(0)} ms (ratio ${(warmCpu / coldCpu).toFixed(3)})`,
      }),
    ];
  },
};
