import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCatalogCsv } from '../generate/catalogCsv.js';
import { writeWorkloadCsv } from '../generate/workloads.js';
import { csvParseOnly } from '../harness/csvParseFloor.js';
import { cpuMs, loadAverage, progress } from '../harness/measure.js';
import { notAvailable, result } from '../harness/result.js';
import { type ProcessRun, runNode } from '../harness/spawnTimed.js';
import { CLI_BUNDLE, cliBundleMissing } from '../paths.js';
import type { BenchCase } from './types.js';

const SEED = 7;
const CATALOG_SEED = 2;
const LARGE = 200_000;
const DATE = ['--analysis-date', '2026-12-01'];

/**
 * One shard of a sharded run (docs/scaling.md) as the built CLI runs it, a fresh process per run: CPU per
 * workload on the bundled catalog and on a 200k-offer one (fixed cost and marginal cost from runs of n and n/5
 * rows), the peak RSS of a shard, what reading the rows other shards take costs, and `gpufit merge` per line.
 */
export const shard: BenchCase = {
  name: 'shard',
  results: ['shard-bundled', 'shard-200k', 'shard-skip', 'shard-merge'],
  summary:
    'one shard of `gpufit analyze --shard I/N --format jsonl` and `gpufit merge` as fresh CLI processes: CPU per workload on the bundled and a 200k-offer catalog against the streamed json+csv run, the cost of the rows other shards take, merge CPU per line against reading and parsing the lines',
  async run(ctx) {
    const names = ['shard-bundled', 'shard-200k', 'shard-skip', 'shard-merge'];
    const missing = cliBundleMissing();
    if (missing !== null) return names.map((n) => notAvailable(n, 'ms', { ratioAtMost: 2 }, missing));
    const dir = ctx.tmpDir;
    const n = ctx.quick ? 1_000 : 10_000;
    // The 200k catalog's fixed cost (about 6 s) dwarfs a few thousand rows, so its marginal is the median of
    // `largePairs` pairs of runs over 5,000 and 1,000 rows (one pair of 2,000 and 400 moved it by ±0.3 ms).
    const nLarge = ctx.quick ? 250 : 5_000;
    const largePairs = ctx.quick ? 1 : 3;
    const big = join(dir, 'plan.csv');
    writeWorkloadCsv(big, SEED, n);
    const lines = readFileSync(big, 'utf8').trimEnd().split('\n');
    const [header, ...rows] = lines as [string, ...string[]];
    const write = (name: string, keep: (i: number) => boolean) => {
      const path = join(dir, name);
      writeFileSync(path, `${[header, ...rows.filter((_, i) => keep(i))].join('\n')}\n`);
      return path;
    };
    const fifth = write('fifth.csv', (i) => i < n / 5);
    const large = write('large.csv', (i) => i < nLarge);
    const largeFifth = write('large-fifth.csv', (i) => i < nLarge / 5);
    const catalog = join(dir, 'offers-200k.csv');
    await writeCatalogCsv(catalog, ctx.quick ? 20_000 : LARGE, CATALOG_SEED);
    progress(`shard: generated ${n} workloads and a ${ctx.quick ? 20_000 : LARGE}-offer catalog`);

    const cli = (args: string[]): ProcessRun => {
      const r = runNode([CLI_BUNDLE, ...args], { cwd: dir, cpu: true, peakRss: true });
      if (r.status !== 0)
        throw new Error(`shard: gpufit ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
      return r;
    };
    const shardRun = (file: string, spec: string, out: string, extra: string[] = []) =>
      cli(['analyze', file, '--shard', spec, ...DATE, ...extra, '--out', join(dir, out)]);
    // Warm-ups: the catalog cache and the file system.
    shardRun(fifth, '0/1', 'warm.jsonl');
    shardRun(largeFifth, '0/1', 'warm-large.jsonl', ['--catalog', catalog]);

    const whole = shardRun(big, '0/1', 'whole.jsonl');
    const small = shardRun(fifth, '0/1', 'fifth.jsonl');
    const streamed = cli(['analyze', big, '--stream', ...DATE, '--out', join(dir, 'streamed')]);
    const marginal = (whole.cpuMs! - small.cpuMs!) / (n - n / 5);
    const fixed = small.cpuMs! - marginal * (n / 5);
    progress(
      `shard: bundled ${n} rows ${whole.cpuMs!.toFixed(0)} ms CPU, ${n / 5} rows ${small.cpuMs!.toFixed(0)} ms; streamed json+csv ${streamed.cpuMs!.toFixed(0)} ms (load ${loadAverage()})`,
    );
    const pairs: { run: ProcessRun; small: ProcessRun; marginal: number }[] = [];
    for (let i = 0; i < largePairs; i++) {
      const run = shardRun(large, '0/1', 'large.jsonl', ['--catalog', catalog]);
      const small = shardRun(largeFifth, '0/1', 'large-fifth.jsonl', ['--catalog', catalog]);
      pairs.push({ run, small, marginal: (run.cpuMs! - small.cpuMs!) / (nLarge - nLarge / 5) });
      progress(
        `shard: 200k ${nLarge} rows ${run.cpuMs!.toFixed(0)} ms CPU, ${nLarge / 5} rows ${small.cpuMs!.toFixed(0)} ms (pair ${i + 1}/${largePairs}, load ${loadAverage()})`,
      );
    }
    pairs.sort((a, b) => a.marginal - b.marginal);
    const marginals = pairs.map((p) => p.marginal);
    const {
      run: largeRun,
      small: largeSmall,
      marginal: largeMarginal,
    } = pairs[Math.floor(pairs.length / 2)]!;
    const largeFixed = largeSmall.cpuMs! - largeMarginal * (nLarge / 5);
    // Shard 0 of n over n rows analyzes one row and reads, checks and skips the rest; the first row alone is the
    // base. The floor: csv-parse alone over the same file, in this process.
    const first = write('first.csv', (i) => i === 0);
    const readAll = shardRun(big, `0/${n}`, 'read-all.jsonl');
    const readOne = shardRun(first, '0/1', 'read-one.jsonl');
    const skipMs = readAll.cpuMs! - readOne.cpuMs!;
    const parseOnly = await cpuMs(async () => {
      const records = await csvParseOnly(big);
      if (records !== n + 1) throw new Error(`shard: csv-parse read ${records} records, expected ${n + 1}`);
    });
    progress(
      `shard: 0/${n} of ${n} rows ${readAll.cpuMs!.toFixed(0)} ms CPU, the first row alone ${readOne.cpuMs!.toFixed(0)} ms, csv-parse alone ${parseOnly.toFixed(0)} ms (load ${loadAverage()})`,
    );
    const mergeRun = cli(['merge', join(dir, 'whole.jsonl'), '--out', join(dir, 'merged')]);
    const shardText = join(dir, 'whole.jsonl');
    const parseFloor = await cpuMs(async () => {
      let count = 0;
      for (const line of readFileSync(shardText, 'utf8').split('\n'))
        if (line !== '') count += JSON.parse(line) ? 1 : 0;
      if (count !== n + 2) throw new Error(`shard: ${count} lines parsed, expected ${n + 2}`);
    });
    const mergeFixed = cli(['merge', join(dir, 'fifth.jsonl'), '--out', join(dir, 'merged-fifth')]);
    const mergePerLine = (mergeRun.cpuMs! - mergeFixed.cpuMs!) / (n - n / 5);
    const totalsOnly = cli([
      'merge',
      join(dir, 'whole.jsonl'),
      '--format',
      'md',
      '--out',
      join(dir, 'merged-md'),
    ]);
    const totalsOnlyFixed = cli([
      'merge',
      join(dir, 'fifth.jsonl'),
      '--format',
      'md',
      '--out',
      join(dir, 'md-fifth'),
    ]);
    const mdPerLine = (totalsOnly.cpuMs! - totalsOnlyFixed.cpuMs!) / (n - n / 5);
    const jsonlMB = statSync(join(dir, 'whole.jsonl')).size / 1e6;
    const load = loadAverage();
    progress(
      `shard: merge of ${n} lines ${mergeRun.cpuMs!.toFixed(0)} ms CPU, parse floor ${parseFloor.toFixed(0)} ms (load ${load})`,
    );
    const common = `${n} generated workloads (seed ${SEED}), default scenario, ${DATE.join(' ')}; each a fresh \`node dist/cli.mjs\` process after a warm-up (catalog cache warm); CPU = user + system of the process; one run each unless said; load average ${load} at the end`;
    return [
      result({
        name: 'shard-bundled',
        unit: 'ms/workload',
        value: whole.cpuMs! / n,
        floor: streamed.cpuMs! / n,
        target: { ratioAtMost: 1.5 },
        note: `\`analyze --shard 0/1 --format jsonl\` of ${n} rows on the bundled catalog, CPU per workload with the fixed cost: ${(1000 / (whole.cpuMs! / n)).toFixed(0)} workloads/s per core; marginal ${marginal.toFixed(3)} ms/workload (${(1000 / marginal).toFixed(0)}/s), fixed ${fixed.toFixed(0)} ms (runs of ${n} and ${n / 5}); peak RSS ${whole.peakRssMB!.toFixed(0)} MB; floor: \`analyze --stream\` (report.json + report.csv) of the same file, peak RSS ${streamed.peakRssMB!.toFixed(0)} MB. ${common}`,
      }),
      result({
        name: 'shard-200k',
        unit: 'ms/workload',
        value: largeMarginal,
        floor: marginal,
        target: { ratioAtMost: 2 },
        note: `marginal CPU per workload of one shard on a ${ctx.quick ? 20_000 : LARGE}-offer catalog grown from the bundled one (seed ${CATALOG_SEED}; the median of ${largePairs} pairs of runs of ${nLarge} and ${nLarge / 5} rows, marginals ${marginals.map((m) => m.toFixed(3)).join(', ')} ms): ${(1000 / largeMarginal).toFixed(0)} workloads/s per core, fixed ${largeFixed.toFixed(0)} ms, peak RSS ${largeRun.peakRssMB!.toFixed(0)} MB; floor: the marginal on the bundled catalog. ${common}`,
      }),
      result({
        name: 'shard-skip',
        unit: 'ms',
        value: skipMs,
        floor: parseOnly,
        target: { ratioAtMost: 2 },
        note: `the rows other shards take: \`--shard 0/${n}\` over ${n} rows (analyzes one) minus the first row alone (${readAll.cpuMs!.toFixed(0)} − ${readOne.cpuMs!.toFixed(0)} ms): ${((skipMs * 1000) / (n - 1)).toFixed(1)} µs a row (${(((n - 1) * 1000) / skipMs).toFixed(0)} rows/s read, checked and skipped), peak RSS ${readAll.peakRssMB!.toFixed(0)} MB; floor: csv-parse alone over the same file in the bench process. ${common}`,
      }),
      result({
        name: 'shard-merge',
        unit: 'ms',
        value: mergeRun.cpuMs!,
        floor: parseFloor,
        target: { ratioAtMost: 5 },
        note: `\`gpufit merge\` of a ${n}-workload shard (report.json, report.csv, report.md): marginal ${((mergePerLine * 1e6) / 60_000).toFixed(1)} min of CPU per million lines (${(1000 / mergePerLine).toFixed(0)} lines/s; runs of ${n} and ${n / 5} lines), peak RSS ${mergeRun.peakRssMB!.toFixed(0)} MB; \`--format md\` (the totals alone) ${((mdPerLine * 1e6) / 60_000).toFixed(1)} min per million lines (${(1000 / mdPerLine).toFixed(0)} lines/s), peak RSS ${totalsOnly.peakRssMB!.toFixed(0)} MB; the shard file holds ${((jsonlMB * 1e3) / n).toFixed(1)} kB a workload; floor: reading the file and JSON.parse of every line in the bench process. ${common}`,
      }),
    ];
  },
};
