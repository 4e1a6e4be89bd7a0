import { statSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorkloadCsv } from '../generate/workloads.js';
import { referenceIndexes, streamWorkloads } from '../gpufitSource.js';
import { csvParseOnly } from '../harness/csvParseFloor.js';
import { progress, timePair } from '../harness/measure.js';
import { result } from '../harness/result.js';
import type { BenchCase } from './types.js';

const ROWS = 1_000_000;
const SEED = 1;

/** The real loader: parse, validate, normalize every row with `streamWorkloads`, consumed batch by batch. */
async function loadAll(path: string, gpuNames: Awaited<ReturnType<typeof referenceIndexes>>['gpuNames']) {
  const stream = streamWorkloads(path, { gpuNames });
  let accepted = 0;
  for await (const batch of stream.inBatches()) {
    for (const item of batch) if (item.ok) accepted++;
  }
  return { accepted, accounting: stream.accounting };
}

export const csvLoad: BenchCase = {
  name: 'csv-load',
  results: ['csv-load'],
  summary:
    'streamWorkloads (parse + validate + normalize) over a generated 1,000,000-row workloads CSV, against csv-parse alone in array mode on the same file',
  async run(ctx) {
    const rows = ctx.quick ? ROWS / 20 : ROWS;
    const path = join(ctx.tmpDir, 'workloads.csv');
    const bytes = writeWorkloadCsv(path, SEED, rows);
    progress(`csv-load: wrote ${rows} rows, ${(bytes / 2 ** 20).toFixed(0)} MiB to ${path}`);
    const { gpuNames } = await referenceIndexes();

    // Both sides must see every row: the loader accepts all of them (the generator writes valid rows only).
    const check = await loadAll(path, gpuNames);
    const records = await csvParseOnly(path);
    if (check.accepted !== rows || check.accounting.rejected !== 0 || records !== rows + 1) {
      throw new Error(
        `csv-load: expected ${rows} accepted rows and ${rows + 1} records, got ${check.accepted} accepted (${JSON.stringify(check.accounting)}), ${records} records`,
      );
    }
    const t = await timePair({
      label: 'csv-load',
      warmup: ctx.quick ? 0 : 1,
      runs: ctx.quick ? 1 : 5,
      value: () => loadAll(path, gpuNames),
      floor: () => csvParseOnly(path),
    });
    return [
      result({
        name: 'csv-load',
        unit: 'ms',
        value: t.value,
        floor: t.floor,
        target: { ratioAtMost: 1.3 },
        note: `${rows} rows, ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB; median of ${ctx.quick ? 1 : 5} alternating runs after warm-up`,
      }),
    ];
  },
};
