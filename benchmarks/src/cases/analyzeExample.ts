import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { progress } from '../harness/measure.js';
import { notAvailable, result } from '../harness/result.js';
import { runNode } from '../harness/spawnTimed.js';
import { median } from '../harness/stats.js';
import { CLI_BUNDLE, cliBundleMissing, REPO_ROOT } from '../paths.js';
import type { BenchCase } from './types.js';

const TARGET = { valueAtMost: 1500 };

export const analyzeExample: BenchCase = {
  name: 'analyze-example',
  results: ['analyze-example'],
  summary:
    "the README's main job end to end: `gpufit analyze --out DIR` on the bundled example (every report format and chart), against `node -e 0`",
  async run(ctx) {
    const missing = cliBundleMissing();
    if (missing !== null) return [notAvailable('analyze-example', 'ms', TARGET, missing)];
    let k = 0;
    const analyze = () => {
      const out = join(ctx.tmpDir, `report-${k++}`);
      const r = runNode([CLI_BUNDLE, 'analyze', '--out', out], { cwd: REPO_ROOT });
      if (r.status !== 0 || !existsSync(join(out, 'report.md'))) {
        throw new Error(`analyze-example: gpufit analyze exited ${r.status}: ${r.stderr.slice(0, 500)}`);
      }
      return { ms: r.ms, files: readdirSync(out).length };
    };
    const warmup = ctx.quick ? 0 : 1;
    const runs = ctx.quick ? 1 : 5;
    for (let i = 0; i < warmup; i++) analyze();
    const value: number[] = [];
    const floor: number[] = [];
    let files = 0;
    for (let i = 0; i < runs; i++) {
      floor.push(runNode(['-e', '0']).ms);
      const r = analyze();
      value.push(r.ms);
      files = r.files;
      progress(`analyze-example: run ${i + 1}/${runs} ${r.ms.toFixed(0)} ms`);
    }
    return [
      result({
        name: 'analyze-example',
        unit: 'ms',
        value: median(value),
        floor: median(floor),
        target: TARGET,
        note: `node packages/gpufit/dist/cli.mjs analyze --out <tmpdir> (bundled example portfolio and catalog, default scenario; ${files} entries written at the top level); wall time; median of ${runs} runs after ${warmup} warm-up`,
      }),
    ];
  },
};
