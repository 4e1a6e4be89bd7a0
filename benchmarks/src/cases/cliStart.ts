import { progress } from '../harness/measure.js';
import { notAvailable, result } from '../harness/result.js';
import { runNode } from '../harness/spawnTimed.js';
import { median } from '../harness/stats.js';
import { CLI_BUNDLE, cliBundleMissing, REPO_ROOT } from '../paths.js';
import type { BenchCase } from './types.js';

const TARGET = { ratioAtMost: 2.5, valueAtMost: 150 };

export const cliStart: BenchCase = {
  name: 'cli-start',
  results: ['cli-start'],
  summary: '`gpufit --help` as a fresh process (the built bundle), against `node -e 0`',
  async run(ctx) {
    const missing = cliBundleMissing();
    if (missing !== null) return [notAvailable('cli-start', 'ms', TARGET, missing)];
    const help = runNode([CLI_BUNDLE, '--help'], { cwd: REPO_ROOT });
    if (help.status !== 0 || !help.stdout.includes('Usage: gpufit')) {
      throw new Error(`cli-start: gpufit --help exited ${help.status}: ${help.stderr.slice(0, 500)}`);
    }
    const warmup = ctx.quick ? 1 : 3;
    const runs = ctx.quick ? 3 : 21;
    for (let i = 0; i < warmup; i++) {
      runNode(['-e', '0']);
      runNode([CLI_BUNDLE, '--help'], { cwd: REPO_ROOT });
    }
    const floor: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push(runNode(['-e', '0']).ms);
      value.push(runNode([CLI_BUNDLE, '--help'], { cwd: REPO_ROOT }).ms);
    }
    progress(
      `cli-start: --help median ${median(value).toFixed(1)} ms, node -e 0 median ${median(floor).toFixed(1)} ms`,
    );
    return [
      result({
        name: 'cli-start',
        unit: 'ms',
        value: median(value),
        floor: median(floor),
        target: TARGET,
        note: `wall time from spawn to exit; median of ${runs} alternating runs after ${warmup} warm-up pairs`,
      }),
    ];
  },
};
