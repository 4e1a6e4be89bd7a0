import { join } from 'node:path';
import { writeWorkloadCsv } from '../generate/workloads.js';
import { progress } from '../harness/measure.js';
import { notAvailable, result } from '../harness/result.js';
import { runNode } from '../harness/spawnTimed.js';
import { CLI_BUNDLE, cliBundleMissing, REPO_ROOT } from '../paths.js';
import type { BenchCase } from './types.js';

const ROWS = 2_000_000;
const SMALL_ROWS = 1_000;
const SEED = 4;
const TARGET = { valueAtMost: 400 };
/** The option the streaming analyze mode is expected under (see benchmarks/README.md). */
const STREAM_FLAG = '--stream';

export const memory: BenchCase = {
  name: 'memory',
  results: ['memory'],
  summary: `peak RSS of \`gpufit analyze ${STREAM_FLAG}\` over a generated 2,000,000-row portfolio, against the same command over 1,000 rows`,
  async run(ctx) {
    const missing = cliBundleMissing();
    if (missing !== null) return [notAvailable('memory', 'MB', TARGET, missing)];
    const help = runNode([CLI_BUNDLE, 'analyze', '--help'], { cwd: REPO_ROOT });
    if (!help.stdout.includes(STREAM_FLAG)) {
      return [
        notAvailable(
          'memory',
          'MB',
          TARGET,
          `\`gpufit analyze\` has no ${STREAM_FLAG} mode yet: it loads every row (loadWorkloadsCsv), prices every workload against every offer and keeps every WorkloadAnalysis for the reports, so memory and time grow with the row count`,
        ),
      ];
    }
    const rows = ctx.quick ? ROWS / 100 : ROWS;
    const big = join(ctx.tmpDir, 'portfolio.csv');
    const small = join(ctx.tmpDir, 'portfolio-small.csv');
    writeWorkloadCsv(big, SEED, rows);
    writeWorkloadCsv(small, SEED, SMALL_ROWS);
    progress(`memory: generated ${rows} and ${SMALL_ROWS} rows`);
    const run = (file: string, out: string) => {
      const r = runNode([CLI_BUNDLE, 'analyze', file, STREAM_FLAG, '--out', join(ctx.tmpDir, out)], {
        cwd: REPO_ROOT,
        peakRss: true,
      });
      if (r.status !== 0 || r.peakRssMB === null) {
        throw new Error(
          `memory: gpufit analyze ${STREAM_FLAG} exited ${r.status}: ${r.stderr.slice(0, 500)}`,
        );
      }
      return r;
    };
    const floor = run(small, 'small');
    const value = run(big, 'big');
    progress(
      `memory: ${rows} rows peak ${value.peakRssMB!.toFixed(0)} MB in ${(value.ms / 1000).toFixed(1)} s`,
    );
    return [
      result({
        name: 'memory',
        unit: 'MB',
        value: value.peakRssMB!,
        floor: floor.peakRssMB!,
        target: TARGET,
        note: `peak RSS (MB = 10^6 bytes) of gpufit analyze ${STREAM_FLAG} over ${rows} generated rows (${(value.ms / 1000).toFixed(0)} s), floor: the same over ${SMALL_ROWS} rows; one run each`,
      }),
    ];
  },
};
