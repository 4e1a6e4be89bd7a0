import { textTable, usd } from '../cli/table.js';
import { type AnalyzeCommandOptions, runAnalysis, selectWorkloads } from './analyze.js';

export interface SimulateOptions extends Omit<AnalyzeCommandOptions, 'format' | 'out'> {
  readonly workload?: string;
  readonly json?: boolean;
}

export async function runSimulate(workloadsPath: string | undefined, opts: SimulateOptions): Promise<void> {
  const analysis = await runAnalysis(workloadsPath, opts, true, 'simulate');
  const chosen = selectWorkloads(analysis, opts.workload);
  if (opts.json) {
    const out = chosen.map((w) => ({
      id: w.id,
      name: w.name,
      distribution: w.distribution,
      projection: w.projection,
    }));
    process.stdout.write(`${JSON.stringify({ seed: analysis.seed, workloads: out }, null, 2)}\n`);
    return;
  }
  const rows = chosen.map((w) => {
    const d = w.distribution;
    if (d === null) return [w.id, 'no DePIN option to compare', '', '', '', '', '', ''];
    return [
      w.id,
      usd(d.horizonCloud.p10, 0),
      usd(d.horizonCloud.p50, 0),
      usd(d.horizonCloud.p90, 0),
      usd(d.horizonDepin.p10, 0),
      usd(d.horizonDepin.p50, 0),
      usd(d.horizonDepin.p90, 0),
      `${(d.pDepinCheaper * 100).toFixed(1)} %`,
    ];
  });
  const trials = chosen.find((w) => w.distribution)?.distribution?.trials ?? 0;
  process.stdout.write(
    `Horizon spend over each workload's horizon, ${trials.toLocaleString('en-US')} trials, seed ${analysis.seed} (each workload's stream is derived from it).\n\n` +
      `${textTable(['workload', 'cloud P10', 'cloud P50', 'cloud P90', 'DePIN P10', 'DePIN P50', 'DePIN P90', 'P(DePIN cheaper)'], rows, new Set([1, 2, 3, 4, 5, 6, 7]))}\n`,
  );
}
