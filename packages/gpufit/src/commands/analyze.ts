import { relative, resolve } from 'node:path';
import { formatMinorUnits, presentAnalysis, TEXT_REPORT_FORMATS } from '@gpufit/report';
import type { Analysis, Scenario } from '@gpufit/schema';
import { analyze } from '../analyze.js';
import { badInput } from '../cli/errors.js';
import { loadInputs } from '../cli/inputs.js';
import { startProgress } from '../cli/progress.js';
import { note, warn } from '../cli/terminal.js';
import { readChartJsSource } from '../render/chartJsSource.js';
import { DEFAULT_REPORT_FORMATS, type ReportFormat, writeReportSet } from '../render/writeReport.js';
import { monteCarloRunner } from './monteCarloRunner.js';

export interface AnalyzeCommandOptions {
  readonly catalog?: string;
  readonly scenario?: string;
  readonly format?: ReportFormat;
  readonly out?: string;
  readonly seed?: number;
  readonly trials?: number;
  readonly threads?: number;
  readonly strict?: boolean;
}

export const DEFAULT_REPORT_DIR = 'gpufit-report';

/** Applies the command-line overrides (seed, trials) over the scenario. */
export function withOverrides(scenario: Scenario, opts: { seed?: number; trials?: number }): Scenario {
  return {
    ...scenario,
    monteCarlo: {
      ...scenario.monteCarlo,
      ...(opts.seed !== undefined && { seed: opts.seed }),
      ...(opts.trials !== undefined && { trials: Math.max(1, opts.trials) }),
    },
  };
}

/** Loads inputs, reports rejected rows on stderr and runs the analysis. Shared by analyze, simulate, breakeven. */
export async function runAnalysis(
  workloadsPath: string | undefined,
  opts: Omit<AnalyzeCommandOptions, 'format' | 'out'>,
  monteCarlo = true,
): Promise<Analysis> {
  const inputs = await loadInputs({
    workloads: workloadsPath,
    catalog: opts.catalog,
    scenario: opts.scenario,
    strict: opts.strict,
  });
  for (const loaded of [inputs.workloads, inputs.offers]) {
    const { read, rejected } = loaded.accounting;
    if (rejected > 0) {
      warn(
        `${loaded.file}: ${rejected} of ${read} rows rejected and skipped (listed in the report; --strict stops at the first):`,
      );
      for (const r of loaded.rejected.slice(0, 5))
        note(`  ${r.file}, row ${r.row}${r.column ? `, column ${r.column}` : ''}: ${r.reason}`);
      if (loaded.rejected.length > 5)
        note(`  … and ${loaded.rejected.length - 5} more (gpufit validate ${loaded.file})`);
    }
    for (const w of loaded.warnings) warn(w.message);
  }
  if (inputs.workloads.accounting.accepted === 0) {
    throw badInput(
      `${inputs.workloads.file}: no valid workload rows to analyze`,
      'Run `gpufit validate FILE` to see each problem.',
    );
  }
  const scenario = withOverrides(inputs.scenario, opts);
  const progress = await startProgress('analyze', inputs.workloads.rows.length);
  try {
    return await analyze({
      workloads: inputs.workloads.rows,
      offers: inputs.offers.rows,
      tiers: inputs.tiers,
      scenario,
      accounting: inputs.workloads.accounting,
      rejected: [...inputs.workloads.rejected, ...inputs.offers.rejected],
      ...inputs.formulas,
      ...runnerOption(monteCarlo, opts.threads),
      onProgress: () => progress.tick(),
    });
  } finally {
    progress.stop();
  }
}

function runnerOption(monteCarlo: boolean, threads: number | undefined) {
  return { monteCarlo: monteCarlo ? monteCarloRunner(threads) : (false as const) };
}

/** The workloads a `--workload ID` option selects (all of them without one); an unknown id is bad input. */
export function selectWorkloads(analysis: Analysis, id: string | undefined): Analysis['workloads'] {
  if (id === undefined) return analysis.workloads;
  const chosen = analysis.workloads.filter((w) => w.id === id);
  if (chosen.length === 0) {
    throw badInput(`no workload with id "${id}"; ids: ${analysis.workloads.map((w) => w.id).join(', ')}`);
  }
  return chosen;
}

export async function runAnalyze(
  workloadsPath: string | undefined,
  opts: AnalyzeCommandOptions,
): Promise<void> {
  const analysis = await runAnalysis(workloadsPath, opts);
  // One text format and no --out: the report goes to stdout.
  if (opts.format !== undefined && opts.format !== 'png' && opts.out === undefined) {
    const format = TEXT_REPORT_FORMATS[opts.format];
    const chartJsSource = opts.format === 'html' ? await readChartJsSource() : undefined;
    process.stdout.write(format.render(analysis, chartJsSource === undefined ? {} : { chartJsSource }));
    return;
  }
  const dir = resolve(opts.out ?? DEFAULT_REPORT_DIR);
  const formats: readonly ReportFormat[] = opts.format === undefined ? DEFAULT_REPORT_FORMATS : [opts.format];
  const written = await writeReportSet(analysis, dir, formats);
  const shown = relative(process.cwd(), dir) || '.';
  // The same rounded, allocated figures the reports show (one rounding step, in @gpufit/report).
  const t = presentAnalysis(analysis).totals;
  const usdCents = (cents: number) => `$${formatMinorUnits(cents, { scale: 2, grouping: ',' })}`;
  process.stdout.write(
    [
      `Analyzed ${analysis.workloads.length} workloads (${analysis.accounting.read} rows read, ${analysis.accounting.rejected} rejected).`,
      `Recommended plan: ${usdCents(t.monthlyRecommendedCents)}/month against ${usdCents(t.monthlyAllCloudCents)} all-cloud — saves ${usdCents(t.monthlySavingsCents)}/month.`,
      `Wrote ${written.files.length} files to ${shown}/:`,
      ...written.files.map((f) => `  ${shown}/${f}`),
      '',
    ].join('\n'),
  );
}
