import { join } from 'node:path';
import type { Analysis, WorkloadProfile } from '@gpufit/schema';
import { bundledAnalysisInput } from '../bundledInput.js';
import { generateProfiles, writeWorkloadCsv } from '../generate/workloads.js';
import { analyze } from '../gpufitSource.js';
import { cpuMs, loadAverage, progress } from '../harness/measure.js';
import { notAvailable, result } from '../harness/result.js';
import { runNode } from '../harness/spawnTimed.js';
import { median } from '../harness/stats.js';
import { CLI_BUNDLE, cliBundleMissing, REPO_ROOT } from '../paths.js';
import type { BenchCase } from './types.js';

const WORKLOADS = 1_000;
const MEMORY_WORKLOADS = 10_000;
const SEED = 19;
/** Issue 19 item 1: a full analysis (10,000 trials) at most 2 ms of CPU per workload. */
const PER_WORKLOAD = { valueAtMost: 2 };
/** And a 10,000-workload non-streamed analysis under 400 MB peak RSS. */
const MEMORY = { valueAtMost: 400 };

export const analyzePerWorkload: BenchCase = {
  name: 'analyze-per-workload',
  results: ['analyze-per-workload', 'analyze-memory'],
  summary:
    'non-streamed analyze() of 1,000 generated workloads with the default 10,000 Monte Carlo trials, CPU ms per workload, against the same analysis without the Monte Carlo; and peak RSS of `gpufit analyze` over 10,000 generated rows (not streamed)',
  async run(ctx) {
    const { catalog, tables } = await bundledAnalysisInput('analyze-per-workload');
    const n = ctx.quick ? WORKLOADS / 20 : WORKLOADS;
    const workloads = generateProfiles(SEED, n);
    const input = { offers: catalog.offers.rows, ...tables };
    let sink = 0;
    const run = (ws: readonly WorkloadProfile[], monteCarlo: boolean) => async () => {
      const a: Analysis = await analyze({
        ...input,
        workloads: ws,
        ...(monteCarlo ? {} : { monteCarlo: false }),
      });
      sink += a.totals.monthlyUsd.recommended;
    };
    // Warm-up on a tenth of the portfolio, then floor and value alternating.
    if (!ctx.quick) {
      await run(workloads.slice(0, n / 10), false)();
      await run(workloads.slice(0, n / 10), true)();
    }
    const runs = ctx.quick ? 1 : 3;
    const f: number[] = [];
    const v: number[] = [];
    for (let r = 0; r < runs; r++) {
      f.push((await cpuMs(run(workloads, false))) / n);
      v.push((await cpuMs(run(workloads, true))) / n);
      progress(
        `analyze-per-workload: run ${r + 1}/${runs}: ${v[r]!.toFixed(2)} ms CPU a workload, ${f[r]!.toFixed(2)} without the Monte Carlo (load ${loadAverage()})`,
      );
    }
    if (!Number.isFinite(sink)) throw new Error('analyze-per-workload: non-finite totals');
    const trials = input.scenario.monteCarlo.trials;
    const perWorkload = result({
      name: 'analyze-per-workload',
      unit: 'ms CPU/workload',
      value: median(v),
      floor: median(f),
      target: PER_WORKLOAD,
      note: `analyze() in this process over ${n} generated workloads (seed ${SEED}), bundled catalog and default scenario, ${trials} trials, inline Monte Carlo (one thread), process CPU time (user + system) ÷ workloads; floor: the same analysis with monteCarlo: false (fit, matching, projection, break-evens, sensitivity, risks); median of ${runs} alternating runs; load average ${loadAverage()} at the end`,
    });

    const missing = cliBundleMissing();
    if (missing !== null) return [perWorkload, notAvailable('analyze-memory', 'MB', MEMORY, missing)];
    const rows = ctx.quick ? MEMORY_WORKLOADS / 50 : MEMORY_WORKLOADS;
    const csv = join(ctx.tmpDir, 'portfolio.csv');
    writeWorkloadCsv(csv, SEED, rows);
    const peak = (args: readonly string[], out: string) => {
      const r = runNode(
        [CLI_BUNDLE, 'analyze', ...args, '--format', 'json', '--threads', '1', '--out', out],
        {
          cwd: REPO_ROOT,
          peakRss: true,
        },
      );
      if (r.status !== 0 || r.peakRssMB === null) {
        throw new Error(`analyze-memory: gpufit analyze exited ${r.status}: ${r.stderr.slice(0, 500)}`);
      }
      return r;
    };
    const floor = peak([], join(ctx.tmpDir, 'example'));
    const value = peak([csv], join(ctx.tmpDir, 'big'));
    progress(
      `analyze-memory: ${rows} rows peak ${value.peakRssMB!.toFixed(0)} MB in ${(value.ms / 1000).toFixed(1)} s`,
    );
    return [
      perWorkload,
      result({
        name: 'analyze-memory',
        unit: 'MB',
        value: value.peakRssMB!,
        floor: floor.peakRssMB!,
        target: MEMORY,
        note: `peak RSS (MB = 10^6 bytes) of gpufit analyze <${rows} generated rows> --format json --threads 1 (not streamed: every workload analysed in memory, Monte Carlo included; ${(value.ms / 1000).toFixed(0)} s); floor: the same command on the bundled 6-workload example; one run each; load average ${loadAverage()} at the end`,
      }),
    ];
  },
};
