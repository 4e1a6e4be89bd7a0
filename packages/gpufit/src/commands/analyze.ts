import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { analyze, type ScenarioRun } from '@gpufit/analysis';
import {
  lastDemandText,
  lastPlanMonth,
  type PresentedAnalysis,
  presentAnalysis,
  presentTotals,
  shorterHorizons,
  TEXT_REPORT_FORMATS,
} from '@gpufit/report';
import {
  type Analysis,
  isTextReportFormat,
  type KnownNames,
  type Scenario,
  type WorkloadProfile,
} from '@gpufit/schema';
import { badInput } from '../cli/errors.js';
import { limitHeapGrowth } from '../cli/heapGrowth.js';
import { asBadInput, loadContext, loadInputs } from '../cli/inputs.js';
import { planLine, streamedPlanLine } from '../cli/planLine.js';
import { lineCount, startProgress } from '../cli/progress.js';
import { refuseUnpricedPlan } from '../cli/refuseUnpricedPlan.js';
import { type RunPolicyOptions, todayUtc, withRunPolicy } from '../cli/runPolicy.js';
import { NAMES_HINT, workloadNameProblem } from '../cli/scenarioNames.js';
import { usd } from '../cli/table.js';
import { counted, note, warn } from '../cli/terminal.js';
import { loadGpuTiers, loadThroughputRatios, loadUnitThroughput } from '../data/loadReferenceData.js';
import { streamWorkloads } from '../io/loadWorkloads.js';
import { outputFailure } from '../output/outputError.js';
import { stageFolder } from '../output/replaceFolder.js';
import { removeStaleTemporaries } from '../output/staleTemporaries.js';
import { removeOnExit, temporarySibling } from '../output/temporaryPaths.js';
import { checkFileTarget } from '../output/writeFileAtomic.js';
import { readChartJsSource } from '../render/chartJsSource.js';
import { startChartWorkers } from '../render/chartRenderer.js';
import { nodeSha256 } from '../render/nodeSha256.js';
import {
  checkReportFolder,
  DEFAULT_REPORT_FORMATS,
  REPORT_FOLDER_LAYOUT,
  type ReportFormat,
  type WriteReportSetOptions,
  writeReportSet,
} from '../render/writeReport.js';
import { parseShard, shardDigests } from '../stream/shardRun.js';
import { type StreamSinks, streamAnalysis } from '../stream/streamAnalysis.js';
import type { WhatifInputs } from '../whatif/whatifData.js';
import { monteCarloRunner, portfolioKernelRunner } from './monteCarloRunner.js';

export interface AnalyzeCommandOptions extends RunPolicyOptions {
  /** Analyze row by row with bounded memory (automatic for workloads CSVs over STREAM_THRESHOLD_BYTES). */
  readonly stream?: boolean;
  readonly catalog?: string;
  readonly scenario?: string;
  /** Report formats asked for (`--format`, a list); none: the whole set. */
  readonly format?: readonly (ReportFormat | 'jsonl')[];
  readonly out?: string;
  /** `INDEX/COUNT`: only this shard's rows, as JSON Lines for `gpufit merge` (docs/scaling.md). */
  readonly shard?: string;
  /** `INDEX/COUNT`: the workloads file is this part of a portfolio split into files (docs/scaling.md). */
  readonly part?: string;
  readonly seed?: number;
  readonly trials?: number;
  readonly threads?: number;
  readonly strict?: boolean;
}

export const DEFAULT_REPORT_DIR = 'gpufit-report';

/** A workloads CSV larger than this (about 200,000 rows) is analyzed as a stream. */
export const STREAM_THRESHOLD_BYTES = 32 * 1024 * 1024;

/** Formats a streamed analysis can write without holding the portfolio. */
const STREAMABLE: readonly ReportFormat[] = ['json', 'csv'];

async function shouldStream(
  workloadsPath: string | undefined,
  opts: AnalyzeCommandOptions,
): Promise<boolean> {
  if (opts.stream) return true;
  if (workloadsPath === undefined || /\.json$/i.test(workloadsPath)) return false;
  const size = await stat(workloadsPath).then(
    (s) => s.size,
    () => 0,
  );
  return size > STREAM_THRESHOLD_BYTES;
}

/** Applies the command-line overrides (seed, trials, placement, GPU policy, freshness) over the scenario. */
export function withOverrides(
  scenario: Scenario,
  opts: { seed?: number; trials?: number } & RunPolicyOptions,
  names?: KnownNames,
): Scenario {
  return {
    ...withRunPolicy(scenario, opts, todayUtc, names),
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
  /** The command that runs, as its progress bar is labelled. */
  command: 'analyze' | 'simulate' | 'breakeven' = 'analyze',
): Promise<Analysis> {
  return (await runScenarioAnalysis(workloadsPath, opts, monteCarlo, 'default', command)).analysis;
}

/**
 * `runAnalysis`, also returning the scenario run it used (diff measures one scenario against another with it).
 * With a scenario file, the result's `scenarioEffects` say what each of its settings did, measured against
 * `baseline` (`default`: the bundled default scenario under the same command-line options; `none`: not measured);
 * the settings that
 * changed nothing are warned about on stderr.
 */
export async function runScenarioAnalysis(
  workloadsPath: string | undefined,
  opts: Omit<AnalyzeCommandOptions, 'format' | 'out'>,
  monteCarlo = true,
  baseline: 'default' | 'none' | ScenarioRun = 'default',
  /** The command that runs, as its progress bar is labelled. */
  command: 'analyze' | 'simulate' | 'breakeven' | 'diff' = 'analyze',
): Promise<{ analysis: Analysis; run: ScenarioRun; whatif: () => Promise<WhatifInputs | null> }> {
  const inputs = await loadInputs({
    workloads: workloadsPath,
    catalog: opts.catalog,
    scenario: opts.scenario,
    strict: opts.strict,
    analysisDate: opts.analysisDate,
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
  const scenario = withOverrides(inputs.scenario, opts, inputs.names);
  const run: ScenarioRun = {
    scenario,
    ...horizonOption(inputs.scenarioInput),
    ...inputs.formulas,
  };
  const against =
    baseline === 'none'
      ? undefined
      : baseline !== 'default'
        ? baseline
        : inputs.scenarioInput === null
          ? undefined
          : { scenario: withOverrides(inputs.defaultScenario, opts, inputs.names) };
  const progress = await startProgress(command, inputs.workloads.rows.length);
  let analysis: Analysis;
  try {
    analysis = await analyze({
      workloads: inputs.workloads.rows,
      ...horizonOption(inputs.scenarioInput),
      offers: inputs.offers.rows,
      networks: inputs.networks,
      tiers: inputs.tiers,
      ratios: inputs.throughputRatios,
      unitThroughput: inputs.unitThroughput,
      hostedApiPrices: inputs.hostedApiPrices,
      scenario,
      accounting: inputs.workloads.accounting,
      offerAccounting: inputs.offers.accounting,
      rejected: [...inputs.workloads.rejected, ...inputs.offers.rejected],
      ...inputs.formulas,
      ...runnerOption(monteCarlo, opts.threads),
      onProgress: () => progress.tick(),
      ...(against !== undefined && { scenarioBaseline: against }),
    });
  } finally {
    progress.stop();
  }
  refuseUnpricedPlan(analysis, inputs.paths.catalog);
  for (const e of analysis.scenarioEffects ?? []) if (e.effect === 'no-effect') warn(e.message);
  const whatif = async (): Promise<WhatifInputs | null> => {
    // The page carries no formula engine (mathjs): a scenario with formulas gets no what-if page.
    if (inputs.formulas !== null) return null;
    const [tierRows, ratioRows, unitRows] = await Promise.all([
      loadGpuTiers(),
      loadThroughputRatios(),
      loadUnitThroughput(),
    ]);
    return {
      workloads: inputs.workloads.rows,
      offers: inputs.offers.rows,
      tierRows,
      ratioRows,
      unitRows,
      networks: inputs.networks,
      scenario,
      scenarioInput: inputs.scenarioInput,
      horizonMonths: inputs.scenarioInput?.horizonMonths ?? null,
    };
  };
  return { analysis, run, whatif };
}

/**
 * A scenario file's horizonMonths: the window every workload is read over (`workloadHorizon`: it sets the horizon of a
 * workload that states none and caps a longer one, never extends a stated one); otherwise each keeps its own.
 */
function horizonOption(scenarioInput: { horizonMonths?: number | undefined } | null) {
  return scenarioInput?.horizonMonths === undefined ? {} : { horizonMonths: scenarioInput.horizonMonths };
}

function runnerOption(monteCarlo: boolean, threads: number | undefined) {
  return monteCarlo
    ? { monteCarlo: monteCarloRunner(threads), portfolioKernel: portfolioKernelRunner(threads) }
    : { monteCarlo: false as const };
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
  if (opts.format?.includes('jsonl') || opts.shard !== undefined || opts.part !== undefined)
    return runShard(workloadsPath, opts);
  const asked = opts.format as readonly ReportFormat[] | undefined;
  if (asked !== undefined && asked.length > 1 && opts.out === undefined)
    throw badInput(
      `--format ${asked.join(',')}: several reports are files in a folder, and stdout holds one`,
      `Add --out DIR, or ask for one format (--format ${asked[0]}).`,
    );
  const { format: _format, ...rest } = opts;
  if (await shouldStream(workloadsPath, opts))
    return runStreamed(workloadsPath, { ...rest, ...(asked !== undefined && { format: asked }) });
  // Held in memory: every workload's result lives until the report is written (heapGrowth.ts says why).
  limitHeapGrowth();
  // One text format (REPORT_FORMAT_REGISTRY) and no --out: the report goes to stdout.
  const only = asked?.length === 1 ? asked[0] : undefined;
  const stdoutFormat = only !== undefined && isTextReportFormat(only) && opts.out === undefined ? only : null;
  const toStdout = stdoutFormat !== null;
  // A folder that cannot take the report is refused before the analysis runs, not after.
  if (!toStdout) await checkReportFolder(resolve(opts.out ?? DEFAULT_REPORT_DIR));
  const formats: readonly ReportFormat[] = asked ?? DEFAULT_REPORT_FORMATS;
  // Charts are drawn on a worker that starts now, so its loading of chart.js and the canvas overlaps the catalog
  // load and the analysis, and its drawing overlaps the text reports (chartRenderer.ts).
  const charts = !toStdout && formats.includes('png') ? startChartWorkers() : null;
  try {
    const { analysis, whatif } = await runScenarioAnalysis(workloadsPath, opts);
    if (stdoutFormat !== null) {
      const format = TEXT_REPORT_FORMATS[stdoutFormat];
      const chartJsSource = stdoutFormat === 'html' ? await readChartJsSource() : undefined;
      process.stdout.write(
        format.render(analysis, chartJsSource === undefined ? {} : { chartJsSource, sha256: nodeSha256 }),
      );
      return;
    }
    const whatifInputs = formats.includes('whatif') ? await whatif() : null;
    if (formats.includes('whatif') && whatifInputs === null)
      warn(
        'whatif.html left out: the scenario has formulas (priceAdjustments or formula subsidies), which the page cannot evaluate.',
      );
    await writeAndSummarize(analysis, formats, opts.out, {
      ...(whatifInputs === null ? {} : { whatif: whatifInputs }),
      ...(charts === null ? {} : { renderChart: charts.render }),
    });
  } finally {
    await charts?.close();
  }
}

async function writeAndSummarize(
  analysis: Analysis,
  formats: readonly ReportFormat[],
  out: string | undefined,
  options: WriteReportSetOptions,
): Promise<void> {
  const dir = resolve(out ?? DEFAULT_REPORT_DIR);
  const written = await writeReportSet(analysis, dir, formats, options);
  const shown = relative(process.cwd(), dir) || '.';
  // The same rounded, allocated figures the reports show (one rounding step, in @gpufit/report).
  const t = presentTotals(analysis);
  process.stdout.write(
    [
      `Analyzed ${counted(analysis.workloads.length, 'workload')} (${counted(analysis.accounting.read, 'row')} read, ${analysis.accounting.rejected} rejected).`,
      planLine(
        {
          recommended: t.monthlyRecommendedCents,
          allCloud: t.monthlyAllCloudCents,
          savings: t.monthlySavingsCents,
        },
        analysis.totals,
        analysis.workloads.length,
      ),
      ...growthLine(analysis, written.presented),
      `Wrote ${written.files.length} files to ${shown}/:`,
      ...written.files.map((f) => `  ${shown}/${f}`),
      '',
    ].join('\n'),
  );
}

/**
 * With workloads of different horizons the plan line's figures are month one's, with every workload running: the
 * workloads that end first, the plan's last month and its average month, as the report's headline says them
 * (`shorterHorizons`). A lab's 2-month, 256-GPU pretrain beside 12-month work printed "$357,403.29/month", a
 * USD 4.3 million run rate for a plan that spends USD 1.11 million over its 12 months.
 */
function shorterHorizonsLine(p: PresentedAnalysis): string[] {
  const s = shorterHorizons(p);
  if (s === null) return [];
  const who =
    s.ended.length === 1
      ? `${s.ended[0]!.id} ends after ${s.ended[0]!.lastMonth}`
      : `${s.ended.length} workloads end before ${s.lastMonth}`;
  return [
    `Those are month one's figures, with every workload running: ${who}, so the plan's last month, ${s.lastMonth}, costs ${usd(s.lastMonthRecommendedCents / 100)}; over the ${s.months} months it averages ${usd(s.averageRecommendedCents / 100)} a month.`,
  ];
}

/**
 * Under demand growth the plan line's figures are month one's: the plan's last month beside it, as the report's
 * headline says it (`lastPlanMonth`); without a change in demand, workloads of different horizons get the
 * shorter-horizons line instead (`shorterHorizonsLine`); nothing otherwise.
 */
function growthLine(analysis: Analysis, presented: PresentedAnalysis | undefined): string[] {
  // The reports' own presentation when one was made (the same figures as their headline); else, only under growth
  // or mixed horizons (each checked only when needed), one for this line.
  const grows = () =>
    analysis.workloads.some((w) => Math.abs((w.projection?.months.at(-1)?.demandFactor ?? 1) - 1) > 1e-9);
  const mixedHorizons = () => {
    const lengths = new Set<number>();
    for (const w of analysis.workloads) {
      const n = w.projection?.months.length;
      if (n !== undefined) lengths.add(n);
    }
    return lengths.size > 1;
  };
  const p = presented ?? (grows() || mixedHorizons() ? presentAnalysis(analysis) : null);
  const last = p === null ? null : lastPlanMonth(p);
  if (last === null) return p === null ? [] : shorterHorizonsLine(p);
  return [
    `Those are month one's figures: with ${lastDemandText(last)}, the plan's last month costs ${usd(last.recommendedCents / 100)} (all-cloud ${usd(last.allCloudCents / 100)}).`,
  ];
}

/** What a streamed run reads besides the rows: the catalog, reference data and scenario (with the overrides). */
async function streamContext(workloadsPath: string | undefined, opts: Omit<AnalyzeCommandOptions, 'format'>) {
  const context = await loadContext({
    catalog: opts.catalog,
    scenario: opts.scenario,
    strict: opts.strict,
    analysisDate: opts.analysisDate,
  });
  const path = workloadsPath ?? context.paths.workloads;
  if (opts.strict) await checkEveryRow(path);
  return { context, path, scenario: withOverrides(context.scenario, opts, context.names) };
}

/**
 * --strict promises exit 2 at the first bad row and no report: check every row before writing any (one extra
 * read of the file, far cheaper than the analysis), so a late bad row cannot leave half a report.
 */
async function checkEveryRow(path: string): Promise<void> {
  await asBadInput(
    (async () => {
      for await (const _batch of streamWorkloads(path, { strict: true }).inBatches()) {
        // rows are checked as they are read; nothing is kept
      }
    })(),
  );
}

/** A streamed row's names (GPU, market, provider) checked against the reference data, as bad input. */
function nameCheck(file: string, names: KnownNames) {
  return (workload: WorkloadProfile, row: number): void => {
    const problem = workloadNameProblem(workload, names);
    if (problem !== null)
      throw badInput(`${file}, row ${row}, workload ${JSON.stringify(workload.id)}, ${problem}`, NAMES_HINT);
  };
}

/**
 * A large portfolio, row by row: report.json and report.csv written as workloads arrive (or one of them to
 * stdout), the totals printed at the end. Memory stays bounded whatever the row count.
 */
async function runStreamed(
  workloadsPath: string | undefined,
  opts: Omit<AnalyzeCommandOptions, 'format'> & { readonly format?: readonly ReportFormat[] },
): Promise<void> {
  const held = opts.format?.filter((f) => !STREAMABLE.includes(f)) ?? [];
  if (held.length > 0) {
    throw badInput(
      `--format ${held.join(',')} needs the whole portfolio in memory; a streamed analysis writes ${STREAMABLE.join(' and ')}`,
      'Use --format json or --format csv, or analyze a smaller file without --stream.',
    );
  }
  const { context, path, scenario } = await streamContext(workloadsPath, opts);
  const stream = streamWorkloads(path, { strict: opts.strict ?? false });
  const toStdout = opts.format !== undefined && opts.out === undefined;
  const dir = resolve(opts.out ?? DEFAULT_REPORT_DIR);
  // The files grow in a staging folder that replaces `dir` only once the analysis is complete (as writeReportSet).
  const staged = toStdout ? null : await stageFolder(dir, REPORT_FOLDER_LAYOUT);
  const formats = opts.format ?? STREAMABLE;
  const fileName = (f: ReportFormat) => TEXT_REPORT_FORMATS[f as 'json' | 'csv'].fileName;
  const open = (f: ReportFormat): Writable => {
    if (staged === null) return process.stdout;
    // `wx`: a new file in our own staging folder; a write error (a full disk) is raised by the next write.
    const file = createWriteStream(join(staged.path, fileName(f)), { flags: 'wx' });
    file.on('error', () => {});
    return file;
  };
  const sinks = Object.fromEntries(formats.map((f) => [f, open(f)])) as StreamSinks;
  // On a terminal, a bar over the file's line count (a quoted field spanning lines makes it an estimate).
  const progress = process.stderr.isTTY ? await startProgress('analyze', await lineCount(path)) : null;
  let reported = 0;
  const run = async () => {
    const analysis = await asBadInput(
      streamAnalysis(
        stream,
        { ...context, scenario, ...horizonOption(context.scenarioInput) },
        sinks,
        (done) => {
          progress?.tick(done - reported);
          reported = done;
        },
        nameCheck(stream.file, context.names),
      ),
    );
    refuseUnpricedPlan(analysis, context.paths.catalog);
    if (staged !== null) {
      for (const [f, w] of Object.entries(sinks) as [ReportFormat, Writable][]) {
        w.end();
        await finished(w).catch((error: unknown) => {
          throw outputFailure(join(dir, fileName(f)), error);
        });
      }
      await staged.commit();
    }
    return analysis;
  };
  const analysis = await run()
    .finally(() => progress?.stop())
    .catch(async (error: unknown) => {
      // A file that failed to write is named as it would have been in `dir`, whatever error surfaced first.
      const failed = (Object.entries(sinks) as [ReportFormat, Writable][]).find(([, w]) => w.errored);
      for (const w of Object.values(sinks) as Writable[]) if (w !== process.stdout) w.destroy();
      await staged?.discard();
      throw failed === undefined ? error : outputFailure(join(dir, fileName(failed[0])), failed[1].errored);
    });
  const { read, accepted, rejected } = analysis.accounting;
  const t = analysis.totals;
  const summary = [
    `Streamed ${counted(accepted, 'workload')} (${counted(read, 'row')} read, ${rejected.toLocaleString('en-US')} rejected); Monte Carlo, break-evens and sensitivity left out.`,
    streamedPlanLine(t, analysis.shownTotalsCents, accepted),
  ];
  if (toStdout) note(summary.join('\n'));
  else {
    const shown = relative(process.cwd(), dir) || '.';
    process.stdout.write(
      `${[...summary, `Wrote ${formats.map((f) => `${shown}/${TEXT_REPORT_FORMATS[f as 'json' | 'csv'].fileName}`).join(', ')}.`].join('\n')}\n`,
    );
  }
  if (rejected > 0) {
    warn(`${rejected} rows rejected; they are listed in the report's "rejected" (gpufit validate ${path}).`);
    const rows = analysis.rejected.filter((r) => r.file === path);
    for (const r of rows.slice(0, 5))
      note(`  ${r.file}, row ${r.row}${r.column ? `, column ${r.column}` : ''}: ${r.reason}`);
    if (rows.length > 5) note(`  … and ${rows.length - 5} more`);
  }
}

/**
 * `--format jsonl` (and `--shard INDEX/COUNT`): a streamed analysis of the workloads file (or of one shard of its
 * rows) as JSON Lines for `gpufit merge`: a header with the inputs' digests, a line per row, a footer with the
 * books and totals (docs/scaling.md). To stdout, or to `--out FILE`, which appears whole or not at all.
 */
async function runShard(workloadsPath: string | undefined, opts: AnalyzeCommandOptions): Promise<void> {
  const other = opts.format?.filter((f) => f !== 'jsonl') ?? [];
  const jsonl = opts.format?.includes('jsonl') === true;
  if (other.length > 0)
    throw badInput(
      `${jsonl ? '--format jsonl' : '--shard'} writes a shard's rows as JSON Lines for \`gpufit merge\`; --format ${other.join(',')} cannot carry them`,
      jsonl
        ? 'Ask for --format jsonl alone; `gpufit merge` writes json, csv and md from the shards.'
        : 'Add --format jsonl (or leave --format out with --shard).',
    );
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  const part = opts.part === undefined ? undefined : parseShard(opts.part, process.env, '--part');
  const { context, path, scenario } = await streamContext(workloadsPath, opts);
  const horizon = horizonOption(context.scenarioInput);
  const digests = await shardDigests(context.offers.rows, scenario, horizon.horizonMonths, path);
  const stream = streamWorkloads(path, { strict: opts.strict ?? false });
  const target = opts.out === undefined ? null : resolve(opts.out);
  if (target !== null) {
    await checkFileTarget(target);
    await removeStaleTemporaries(target);
  }
  const temp = target === null ? null : temporarySibling(target, 'shard');
  const release = temp === null ? () => {} : removeOnExit(temp);
  const sink: Writable = temp === null ? process.stdout : createWriteStream(temp, { flags: 'wx' });
  if (sink !== process.stdout) sink.on('error', () => {});
  const progress = process.stderr.isTTY ? await startProgress('analyze', await lineCount(path)) : null;
  let reported = 0;
  try {
    const analysis = await asBadInput(
      streamAnalysis(
        stream,
        { ...context, scenario, ...horizon },
        { jsonl: sink },
        (done) => {
          progress?.tick(done - reported);
          reported = done;
        },
        nameCheck(stream.file, context.names),
        { ...(shard !== undefined && { spec: shard }), ...(part !== undefined && { part }), digests },
      ),
    );
    if (temp !== null && target !== null) {
      sink.end();
      await finished(sink).catch((error: unknown) => {
        throw outputFailure(target, error);
      });
      await rename(temp, target).catch((error: unknown) => {
        throw outputFailure(target, error);
      });
    }
    const { read, accepted, rejected } = analysis.accounting;
    const t = analysis.totals;
    const which = `${shard === undefined ? 'the whole file' : `shard ${shard.index} of ${shard.count}`}${part === undefined ? '' : ` of part ${part.index} of ${part.count}`}`;
    const summary = [
      `Streamed ${counted(accepted, 'workload')} of ${which} (${counted(read, 'row')}, ${rejected.toLocaleString('en-US')} rejected) as JSON Lines; merge the shards with \`gpufit merge\`.`,
      `This shard: ${usd(t.monthlyUsd.recommended)}/month recommended against ${usd(t.monthlyUsd.allCloud)} all-cloud (each total rounded on its own).`,
    ];
    if (target === null) note(summary.join('\n'));
    else
      process.stdout.write(
        `${[...summary, `Wrote ${relative(process.cwd(), target) || target}.`].join('\n')}\n`,
      );
  } catch (error) {
    if (sink !== process.stdout) sink.destroy();
    if (temp !== null) await rm(temp, { force: true });
    throw sink.errored && target !== null ? outputFailure(target, sink.errored) : error;
  } finally {
    progress?.stop();
    release();
  }
}
