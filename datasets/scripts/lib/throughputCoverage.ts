/** The build log and the generated README section of throughput-ratios.csv: coverage, pairs and gaps. */
import { MODEL_SIZE_BANDS } from '@gpufit/pricing';
import { THROUGHPUT_CLASSES, WORKLOAD_TASKS } from '@gpufit/schema';
import type { Row } from './csvio';
import { table } from './markdown';
import { benchmarkKey, THROUGHPUT_FILE, type ThroughputBuild } from './throughput';

/** Every input row accounted for, then what was written. */
export function throughputLog(build: ThroughputBuild): string[] {
  const { ledger, ratios, rows } = build;
  const groups = new Set(ratios.map((w) => benchmarkKey(w.a)));
  const pooled = rows.filter((r) => r.task === '');
  const perClass = THROUGHPUT_CLASSES.map(
    (c) => `${c} ${pooled.filter((r) => r.throughputClass === c).length}`,
  );
  const perTask = WORKLOAD_TASKS.map((t) => `${t} ${rows.filter((r) => r.task === t).length}`);
  return [
    `${THROUGHPUT_FILE}: read ${ledger.read} rows = used ${ledger.used} + dropped ${ledger.droppedTotal}`,
    ...[...ledger.dropped].sort().map(([reason, n]) => `  dropped ${n}: ${reason}`),
    `within-benchmark ratios: ${ratios.length} from ${groups.size} benchmark × scenario × round groups with two or more tiers`,
    `throughput-ratios.csv: ${rows.length} rows = ${pooled.length} pooled over tasks (${perClass.join(', ')}) + ${rows.length - pooled.length} per task (${perTask.join(', ')})`,
  ];
}

const cells = (rows: readonly Row[]) => ({
  gpus: [...new Set(rows.flatMap((r) => [r.gpuA ?? '', r.gpuB ?? '']))].sort(),
  results: rows.reduce((n, r) => n + Number(r.results), 0),
});

/** Benchmarks named in a row's source (`<suite> <round> [<repo>]: <benchmark> <scenario> | …; …`). */
const benchmarksOf = (r: Row) =>
  (r.source ?? '')
    .split('; ')
    .flatMap((round) => (round.split(']: ')[1] ?? '').split(' | ').map((entry) => entry.split(' ')[0] ?? ''));

export function throughputMarkdown(
  build: ThroughputBuild,
  log: readonly string[],
  requiredGpus: readonly string[],
  allTiers: readonly string[],
): string {
  const pooled = build.rows.filter((r) => r.task === '');
  const cellsOf = THROUGHPUT_CLASSES.flatMap((c) =>
    MODEL_SIZE_BANDS.map((b) => ({
      c,
      b,
      rows: pooled.filter((r) => r.throughputClass === c && r.modelSizeBand === b),
    })),
  );
  const perTask = THROUGHPUT_CLASSES.flatMap((c) =>
    MODEL_SIZE_BANDS.flatMap((b) =>
      WORKLOAD_TASKS.map((task) => ({
        c,
        b,
        task,
        rows: build.rows.filter((r) => r.throughputClass === c && r.modelSizeBand === b && r.task === task),
      })),
    ),
  )
    .filter(({ rows }) => rows.length > 0)
    .map(({ c, b, task, rows }) => [
      c,
      b,
      task,
      [...new Set(rows.flatMap(benchmarksOf))].sort().join(', '),
      rows
        .map((r) => `${r.gpuA}–${r.gpuB}${r.precisionA ? ` (${r.precisionA} vs ${r.precisionB})` : ''}`)
        .join(', '),
    ]);
  const coverage = cellsOf.map(({ c, b, rows }) => {
    const { gpus, results } = cells(rows);
    const benchmarks = [...new Set(rows.flatMap(benchmarksOf))].sort();
    return [c, b, benchmarks.join(', ') || '-', gpus.length, rows.length, results];
  });
  const pairs = cellsOf
    .filter(({ rows }) => rows.length > 0)
    .map(
      ({ c, b, rows }) =>
        `- **${c} · ${b}**: ${rows.map((r) => `${r.gpuA}–${r.gpuB} (${r.results}${r.precisionA ? `, ${r.precisionA} vs ${r.precisionB}` : ''})`).join(', ')}`,
    );
  const gaps = cellsOf.map(({ c, b, rows }) => {
    const { gpus } = cells(rows);
    return [c, b, requiredGpus.filter((g) => !gpus.includes(g)).join(', ') || '-'];
  });
  const measured = new Set(build.rows.flatMap((r) => [r.gpuA, r.gpuB]));
  const never = allTiers.filter((t) => !measured.has(t)).sort();
  return [
    '### Coverage per class × band',
    '',
    table(['class', 'band', 'benchmarks', 'GPUs', 'pairs', 'results'], coverage),
    '',
    '### GPU pairs per class × band (A–B, within-benchmark ratios behind it; a pair measured at two precisions names them)',
    '',
    ...pairs,
    '',
    "### Per task (rows with a `task`: that task's benchmarks only; a workload with a `task` uses only these)",
    '',
    table(['class', 'band', 'task', 'benchmarks', 'GPU pairs'], perTask),
    '',
    '### Gaps: required GPU tiers with no measured ratio in a class × band',
    '',
    table(['class', 'band', 'required tiers with no pair'], gaps),
    '',
    `Tiers of \`gpu-tiers.csv\` with no measured ratio at all (${never.length}): ${never.join(', ')}.`,
    '',
    '### Build log (last run)',
    '',
    '```',
    ...log,
    '```',
  ].join('\n');
}
