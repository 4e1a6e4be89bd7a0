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
    const plan = analysis.totals.distribution;
    process.stdout.write(
      `${JSON.stringify({ seed: analysis.seed, workloads: out, ...(plan !== undefined && { plan }) }, null, 2)}\n`,
    );
    return;
  }
  const plan = analysis.totals.distribution;
  const joint = new Map((plan?.workloads ?? []).map((w) => [w.id, w]));
  const rows = chosen.map((w) => {
    const d = w.distribution;
    if (d === null) {
      // One side only: the joint simulation of the plan gives that side's range.
      const own = joint.get(w.id);
      const h = own?.horizon;
      if (h !== undefined && own?.placement === 'cloud')
        return [w.id, usd(h.p10, 0), usd(h.p50, 0), usd(h.p90, 0), 'no DePIN option', '', '', ''];
      if (h !== undefined && own?.placement === 'depin' && w.projection?.horizonCloudUsd === null)
        return [w.id, 'no cloud option', '', '', usd(h.p10, 0), usd(h.p50, 0), usd(h.p90, 0), ''];
      return [w.id, 'not simulated', '', '', '', '', '', ''];
    }
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
  const trials = chosen.find((w) => w.distribution)?.distribution?.trials ?? plan?.trials ?? 0;
  process.stdout.write(
    `Horizon spend over each workload's horizon, ${trials.toLocaleString('en-US')} trials, seed ${analysis.seed} (each workload's stream is derived from it).\n\n` +
      `${textTable(['workload', 'cloud P10', 'cloud P50', 'cloud P90', 'DePIN P10', 'DePIN P50', 'DePIN P90', 'P(DePIN cheaper)'], rows, new Set([1, 2, 3, 4, 5, 6, 7]))}\n`,
  );
  if (plan === undefined || opts.workload !== undefined) return;
  const planRows = (
    [
      ['recommended plan', plan.recommended],
      ['all-cloud', plan.allCloud],
      ['all-decentralized', plan.allDecentralized],
    ] as const
  ).map(([name, p]) => [name, usd(p.horizon.p10, 0), usd(p.horizon.p50, 0), usd(p.horizon.p90, 0)]);
  const onCloud =
    plan.cloudOnlyWorkloads.length === 0
      ? ''
      : ` All-decentralized keeps ${plan.cloudOnlyWorkloads.length} workload(s) without a decentralized option on cloud.`;
  const depinOnly = plan.decentralizedOnlyWorkloads?.length ?? 0;
  const onDepin =
    depinOnly === 0
      ? ''
      : ` All-cloud keeps ${depinOnly} workload(s) without a cloud option on their decentralized option.`;
  process.stdout.write(
    `\nThe whole plan, every workload simulated together (${plan.trials.toLocaleString('en-US')} trials, demand correlation ${plan.demandCorrelation}; percentiles do not add across workloads).${onCloud}${onDepin}\n\n` +
      `${textTable(['plan, horizon', 'P10', 'P50', 'P90'], planRows, new Set([1, 2, 3]))}\n`,
  );
}
