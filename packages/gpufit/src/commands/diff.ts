import { type AnalysisDiff, analyze, diffAnalyses, type NumberChange } from '@gpufit/analysis';
import type { Analysis } from '@gpufit/schema';
import { badInput } from '../cli/errors.js';
import { loadInputs, loadScenarioFile, readJsonFile } from '../cli/inputs.js';
import { checkResultFile } from '../cli/resultFile.js';
import { todayUtc, withRunPolicy } from '../cli/runPolicy.js';
import { textTable, usd } from '../cli/table.js';
import { INPUT_LIMITS } from '../io/inputLimits.js';

export interface DiffOptions {
  readonly workloads?: string;
  readonly catalog?: string;
  readonly json?: boolean;
}

function isAnalysis(x: unknown): x is Analysis {
  return typeof x === 'object' && x !== null && 'schemaVersion' in x && 'workloads' in x && 'totals' in x;
}

/** Two result files are compared as they are; two scenario files are each run on the same workloads first. */
export async function runDiff(a: string, b: string, opts: DiffOptions): Promise<void> {
  const [ja, jb] = await Promise.all([
    readJsonFile(a, INPUT_LIMITS.resultJson),
    readJsonFile(b, INPUT_LIMITS.resultJson),
  ]);
  let left: Analysis;
  let right: Analysis;
  if (isAnalysis(ja) && isAnalysis(jb)) {
    for (const [path, x] of [[a, ja] as const, [b, jb] as const]) checkResultFile(path, x);
    left = ja;
    right = jb;
  } else if (!isAnalysis(ja) && !isAnalysis(jb)) {
    await Promise.all([loadScenarioFile(a), loadScenarioFile(b)]); // clear errors before any work
    const run = async (scenario: string) => {
      const inputs = await loadInputs({ workloads: opts.workloads, catalog: opts.catalog, scenario });
      return analyze({
        workloads: inputs.workloads.rows,
        offers: inputs.offers.rows,
        tiers: inputs.tiers,
        ratios: inputs.throughputRatios,
        unitThroughput: inputs.unitThroughput,
        scenario: withRunPolicy(inputs.scenario, {}, todayUtc),
        accounting: inputs.workloads.accounting,
        offerAccounting: inputs.offers.accounting,
        rejected: [...inputs.workloads.rejected, ...inputs.offers.rejected],
        ...inputs.formulas,
        monteCarlo: false,
      });
    };
    left = await run(a);
    right = await run(b);
  } else {
    throw badInput(
      'diff compares two result files (analyze --format json) or two scenario files, not one of each',
    );
  }
  const diff = diffAnalyses(left, right);
  if (opts.json) process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
  else process.stdout.write(`${renderDiff(diff, a, b)}\n`);
}

function delta(c: NumberChange): string {
  if (c.delta === null) return 'n/a';
  return `${c.delta >= 0 ? '+' : '−'}${usd(Math.abs(c.delta))}`;
}

export function renderDiff(d: AnalysisDiff, a: string, b: string): string {
  const t = d.totals;
  const totals = textTable(
    ['total', 'A', 'B', 'change'],
    [
      [
        'monthly, recommended',
        usd(t.monthlyRecommendedUsd.a),
        usd(t.monthlyRecommendedUsd.b),
        delta(t.monthlyRecommendedUsd),
      ],
      [
        'monthly, all cloud',
        usd(t.monthlyAllCloudUsd.a),
        usd(t.monthlyAllCloudUsd.b),
        delta(t.monthlyAllCloudUsd),
      ],
      [
        'horizon, recommended',
        usd(t.horizonRecommendedUsd.a),
        usd(t.horizonRecommendedUsd.b),
        delta(t.horizonRecommendedUsd),
      ],
      ['monthly savings', usd(t.monthlySavingsUsd.a), usd(t.monthlySavingsUsd.b), delta(t.monthlySavingsUsd)],
    ],
    new Set([1, 2, 3]),
  );
  const changed = d.workloads.filter((w) => w.status !== 'same');
  const rows = changed.map((w) => [
    w.id,
    w.status,
    w.recommendation.a === w.recommendation.b
      ? (w.recommendation.b ?? '')
      : `${w.recommendation.a ?? '—'} → ${w.recommendation.b ?? '—'}`,
    usd(w.monthlyUsd.a),
    usd(w.monthlyUsd.b),
    delta(w.monthlyUsd),
  ]);
  const per = changed.length
    ? textTable(
        ['workload', 'status', 'recommendation', 'monthly A', 'monthly B', 'change'],
        rows,
        new Set([3, 4, 5]),
      )
    : 'No workload changed.';
  return `A = ${a}\nB = ${b}\n\n${totals}\n\n${per}`;
}
