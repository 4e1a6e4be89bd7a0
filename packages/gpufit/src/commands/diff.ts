import { type AnalysisDiff, diffAnalyses } from '@gpufit/analysis';
import { formatMinorUnits, type PresentedAnalysis, presentAnalysis, workloadHorizons } from '@gpufit/report';
import type { Analysis } from '@gpufit/schema';
import { badInput } from '../cli/errors.js';
import { loadScenarioFile, readJsonFile } from '../cli/inputs.js';
import { checkResultFile } from '../cli/resultFile.js';
import { textTable } from '../cli/table.js';
import { INPUT_LIMITS } from '../io/inputLimits.js';
import { runScenarioAnalysis } from './analyze.js';

export interface DiffOptions {
  readonly workloads?: string;
  readonly catalog?: string;
  readonly json?: boolean;
  /** Monte Carlo trials of each scenario's plan band (overrides the scenarios); default each scenario's own. */
  readonly trials?: number;
  /** false (`--no-band`): leave the Monte Carlo out, as before, and print no band. */
  readonly band?: boolean;
}

function isAnalysis(x: unknown): x is Analysis {
  return typeof x === 'object' && x !== null && 'schemaVersion' in x && 'workloads' in x && 'totals' in x;
}

/**
 * Two result files are compared as they are. Two scenario files are each run on the same workloads exactly as
 * `analyze --scenario` runs them (one code path, `runScenarioAnalysis`: the scenario's horizon, formulas and
 * every field), and B is measured against A setting by setting (B's `scenarioEffects`), so each change names
 * the setting that made it.
 */
export async function runDiff(a: string, b: string, opts: DiffOptions): Promise<void> {
  const [ja, jb] = await Promise.all([
    readJsonFile(a, INPUT_LIMITS.resultJson),
    readJsonFile(b, INPUT_LIMITS.resultJson),
  ]);
  let left: Analysis;
  let right: Analysis;
  const scenarioMode = !isAnalysis(ja) && !isAnalysis(jb);
  if (isAnalysis(ja) && isAnalysis(jb)) {
    for (const [path, x] of [[a, ja] as const, [b, jb] as const]) checkResultFile(path, x);
    left = ja;
    right = jb;
  } else if (scenarioMode) {
    await Promise.all([loadScenarioFile(a), loadScenarioFile(b)]); // clear errors before any work
    const common = {
      ...(opts.catalog === undefined ? {} : { catalog: opts.catalog }),
      ...(opts.trials === undefined ? {} : { trials: opts.trials }),
    };
    // The joint Monte Carlo of each plan gives its horizon P10/P50/P90 (the finance example's 12- against 24-month
    // growth diff: 2.5 s without it, 5.6 to 7.1 s with it on the shared 2-core host, measured 2026-12-05); `--no-band`
    // leaves it out.
    const band = opts.band !== false;
    const first = await runScenarioAnalysis(opts.workloads, { ...common, scenario: a }, band, 'none', 'diff');
    left = first.analysis;
    right = (await runScenarioAnalysis(opts.workloads, { ...common, scenario: b }, band, first.run, 'diff'))
      .analysis;
  } else {
    throw badInput(
      'diff compares two result files (analyze --format json) or two scenario files, not one of each',
    );
  }
  const diff = scenarioMode
    ? diffAnalyses(left, right, right.scenarioEffects ?? [])
    : diffAnalyses(left, right);
  const horizonBand = planBands(left, right);
  if (opts.json)
    process.stdout.write(
      `${JSON.stringify(horizonBand === null ? diff : { ...diff, horizonBand }, null, 2)}\n`,
    );
  else process.stdout.write(`${renderDiff(diff, a, b, left, right)}\n`);
}

/** One side's plan band: the horizon P10/P50/P90 of the recommended plan's joint Monte Carlo (USD). */
export interface PlanBand {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly trials: number;
  readonly seed: number;
}

/** Both sides' bands, or null when either analysis has no joint Monte Carlo (`--no-band`, a streamed result file). */
export function planBands(left: Analysis, right: Analysis): { a: PlanBand; b: PlanBand } | null {
  const of = (x: Analysis): PlanBand | null => {
    const d = x.totals.distribution;
    if (d === undefined) return null;
    const { p10, p50, p90 } = d.recommended.horizon;
    return { p10, p50, p90, trials: d.trials, seed: d.seed };
  };
  const a = of(left);
  const b = of(right);
  return a === null || b === null ? null : { a, b };
}

/** "6", or "6–12" when the workloads' horizons differ. */
function horizonText(p: PresentedAnalysis): string {
  const { min, max } = workloadHorizons(p);
  return min === max ? `${max}` : `${min}–${max}`;
}

/**
 * The plan's average month: its horizon total over its longest horizon (the months the plan spans), as docs/cli.md
 * says and the report's headline says it (`shorterHorizons`). It had summed each workload's own average month, so a
 * 2-month pretrain beside 12-month work read as running all year: "$357,403.30" where the plan's 12 months average
 * $92,772.20.
 */
function averageMonthCents(p: PresentedAnalysis): number {
  const { max } = workloadHorizons(p);
  return max > 0 ? Math.round(p.totals.horizonRecommendedCents / max) : 0;
}

const usdCents = (cents: number) =>
  `${cents < 0 ? '−' : ''}$${formatMinorUnits(Math.abs(cents), { scale: 2, grouping: ',' })}`;
const deltaCents = (a: number, b: number) => `${b - a >= 0 ? '+' : '−'}${usdCents(Math.abs(b - a))}`;

/**
 * The comparison as text. Totals are the shown figures of `presentAnalysis` (rounded and allocated once, the
 * figures analyze prints and the reports show), so the same portfolio and scenario print the same total here.
 */
export function renderDiff(d: AnalysisDiff, a: string, b: string, left: Analysis, right: Analysis): string {
  const bands = planBands(left, right);
  const pa = presentAnalysis(left);
  const pb = presentAnalysis(right);
  const ta = pa.totals;
  const tb = pb.totals;
  const row = (label: string, x: number, y: number) => [label, usdCents(x), usdCents(y), deltaCents(x, y)];
  // The horizons the totals add: each workload's own months (a scenario's `horizonMonths` only when it sets one for
  // every workload), as the reports name them — not the scenario header's default (a 6-month portfolio read
  // "12 → 12 months" against a scenario that set 12, and the doubled horizon total read as the scenario's cost).
  const hA = horizonText(pa);
  const hB = horizonText(pb);
  const totals = textTable(
    ['total', 'A', 'B', 'change'],
    [
      row('monthly, recommended', ta.monthlyRecommendedCents, tb.monthlyRecommendedCents),
      row('monthly, all cloud', ta.monthlyAllCloudCents, tb.monthlyAllCloudCents),
      row(
        `horizon, recommended (${hA} → ${hB} months)`,
        ta.horizonRecommendedCents,
        tb.horizonRecommendedCents,
      ),
      // Horizons of different lengths: the horizon totals compare lengths as much as costs, so their average month
      // is given too (a token crash over 24 months read +$70,438 against 12 months, of which $3,139 was the crash).
      ...(hA !== hB
        ? [row('average a month over the horizon', averageMonthCents(pa), averageMonthCents(pb))]
        : []),
      row('monthly savings', ta.monthlySavingsCents, tb.monthlySavingsCents),
      ...(bands === null
        ? []
        : (['p10', 'p50', 'p90'] as const).map((p) =>
            row(
              `horizon ${p.toUpperCase()}, recommended`,
              Math.round(bands.a[p] * 100),
              Math.round(bands.b[p] * 100),
            ),
          )),
    ],
    new Set([1, 2, 3]),
  );
  const trials = (x: PlanBand) => `${x.trials.toLocaleString('en-US')} trials, seed ${x.seed}`;
  const bandNote =
    bands === null
      ? 'No P10/P90 band here: an analysis without the joint Monte Carlo (a result file written by a streamed run, or --no-band). The band of each plan is in `gpufit analyze --scenario FILE` (report: "Portfolio uncertainty"; report.json totals.distribution).'
      : `P10/P50/P90: the recommended plan's horizon spend in the joint Monte Carlo of each side (A: ${trials(bands.a)}; B: ${trials(bands.b)}); percentiles do not add across workloads, and a P10 or P90 change is the band's move, not a workload's.`;
  return `A = ${a}\nB = ${b}\n\n${totals}\n${bandNote}\n\n${d.explanation.join('\n')}`;
}
