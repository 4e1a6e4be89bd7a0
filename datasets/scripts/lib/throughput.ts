/**
 * Measured throughput ratios between GPU tiers, from ../shared/reference/throughput/measured-throughput.csv.
 * Pure: rows in, rows and log lines out (compile-throughput.ts does the I/O).
 *
 * 1. Each row is used or dropped with a reason (data/throughput-sources.ts decides which).
 * 2. Within one benchmark, scenario and round (for training also the same accelerator count), every two rows
 *    on different tiers give one within-benchmark ratio: throughput per GPU of B ÷ A (time to train of A ÷ B).
 *    Rounds are never chained: software drift between rounds is large (reference README, caveat 2).
 * 3. The within-benchmark ratios of one (throughput class, model-size band, A, B) are combined by their median
 *    (`logMedian`), with their min and max kept — separately for like-for-like comparisons (both results at the
 *    same numeric precision, or either not recorded) and for each pair of different precisions (`precisionGap`):
 *    MLPerf Inference v5.1 ran every Blackwell GPU's LLM results at fp4 and every Hopper's at fp8 (Training v5.1 many
 *    of them: `RESULT_PRECISIONS`), so such a ratio credits
 *    the GPU with FP4's speed-up as well as its own. A gap row names both precisions (`precisionA`, `precisionB`);
 *    pricing applies it only to work at or below the lower of the two (`throughputRatioTable`).
 */
import { MODEL_SIZE_BANDS, type ModelSizeBand, modelSizeBand, precisionOf } from '@gpufit/pricing';
import { THROUGHPUT_CLASSES, type ThroughputClass, WORKLOAD_TASKS, type WorkloadTask } from '@gpufit/schema';
import {
  ACCELERATOR_TIERS,
  BENCHMARK_TASKS,
  type Excluded,
  RESULT_PRECISIONS,
  ROW_EXCLUSIONS,
  type RowExclusion,
  SOURCE_CLASSES,
  SOURCE_TASKS,
  UNIT_DIRECTION,
} from '../data/throughput-sources';
import { byKey, type Row, sig } from './csvio';
import { RowLedger } from './ledger';

export const THROUGHPUT_FILE = 'measured-throughput.csv';

export const THROUGHPUT_COLUMNS = [
  'throughputClass',
  'modelSizeBand',
  'gpuA',
  'gpuB',
  'ratio',
  'min',
  'max',
  'results',
  'source',
  'notes',
  'precisionA',
  'precisionB',
  'task',
  'measuredPrecision',
] as const;

/** One usable row of the measured file: a published result of one accelerator type, per accelerator. */
export interface MeasuredResult {
  readonly suite: string;
  readonly version: string;
  readonly benchmark: string;
  readonly scenario: string;
  readonly sourceClass: string;
  readonly throughputClass: ThroughputClass;
  /** What the benchmark's model does (`SOURCE_TASKS`, `BENCHMARK_TASKS`): the task its per-task rows pool. */
  readonly task: WorkloadTask;
  readonly band: ModelSizeBand;
  readonly accelerator: string;
  readonly tier: string;
  readonly acceleratorsPerSystem: number;
  readonly unit: string;
  readonly perAccelerator: number;
  readonly precision: string;
  /** Where `precision` was read when the measured file leaves it empty (`RESULT_PRECISIONS`), else ''. */
  readonly precisionSource: string;
  readonly software: string;
  /** The results repository and commit (or page) as the file's `source` names it: its first token. */
  readonly repository: string;
}

/** Two results of one benchmark × scenario × round on tiers A < B: throughput per GPU of B ÷ A. */
export interface WithinBenchmarkRatio {
  /** The two results' precisions when they differ (both recorded), else null: see `precisionGap`. */
  readonly gap: { readonly a: string; readonly b: string } | null;
  readonly throughputClass: ThroughputClass;
  readonly band: ModelSizeBand;
  readonly gpuA: string;
  readonly gpuB: string;
  readonly ratio: number;
  readonly a: MeasuredResult;
  readonly b: MeasuredResult;
}

const isExcluded = (x: unknown): x is Excluded => typeof x === 'object' && x !== null && 'drop' in x;
/** Tier ids in the order rows store them: A sorts first, case-insensitively (the lookup's `tierKey`). */
const tierOrder = (t: string) => t.trim().toLowerCase();

function matches(e: RowExclusion, r: Row): boolean {
  return (
    (e.suitePrefix === undefined || (r.suite ?? '').startsWith(e.suitePrefix)) &&
    (e.version === undefined || r.version === e.version) &&
    (e.benchmark === undefined || r.benchmark === e.benchmark) &&
    (e.accelerator === undefined || r.accelerator === e.accelerator)
  );
}

/** A cell that must hold a number above 0; the error names the measured file and `what`. */
export function positiveNumber(cell: string | undefined, what: string): number {
  const x = Number(cell);
  if (cell === undefined || cell.trim() === '' || !Number.isFinite(x) || x <= 0)
    throw new Error(`${THROUGHPUT_FILE}: ${what} must be a number above 0, got '${cell}'`);
  return x;
}

/**
 * The rows the ratios can use; every other row is dropped in `ledger` with its reason. Fails loudly on an
 * accelerator, class or unit the decision tables do not list, and on a mapped tier that is not in `tierIds`.
 */
export function usableResults(
  rows: readonly Row[],
  tierIds: ReadonlySet<string>,
  ledger: RowLedger,
): MeasuredResult[] {
  const out: MeasuredResult[] = [];
  for (const r of rows) {
    ledger.read += 1;
    const accelerator = r.accelerator ?? '';
    const tier = ACCELERATOR_TIERS[accelerator];
    const sourceClass = r.workload_class ?? '';
    const throughputClass = SOURCE_CLASSES[sourceClass];
    if (tier === undefined)
      throw new Error(`${THROUGHPUT_FILE}: accelerator ${accelerator} is not in ACCELERATOR_TIERS`);
    if (throughputClass === undefined)
      throw new Error(`${THROUGHPUT_FILE}: workload class ${sourceClass} is not in SOURCE_CLASSES`);
    if (!isExcluded(tier) && !tierIds.has(tier))
      throw new Error(
        `ACCELERATOR_TIERS maps ${accelerator} to ${tier}, which is not a tier in gpu-specs.ts`,
      );
    const exclusion = ROW_EXCLUSIONS.find((e) => matches(e, r));
    if (exclusion !== undefined) ledger.drop(exclusion.drop);
    else if (isExcluded(throughputClass)) ledger.drop(throughputClass.drop);
    else if (isExcluded(tier)) ledger.drop(tier.drop);
    else {
      const task = BENCHMARK_TASKS[r.benchmark ?? ''] ?? SOURCE_TASKS[sourceClass];
      if (task === undefined)
        throw new Error(`${THROUGHPUT_FILE}: workload class ${sourceClass} is not in SOURCE_TASKS`);
      const unit = r.unit ?? '';
      if (UNIT_DIRECTION[unit] === undefined)
        throw new Error(`${THROUGHPUT_FILE}: unit ${unit} is not in UNIT_DIRECTION`);
      out.push({
        suite: r.suite ?? '',
        version: r.version ?? '',
        benchmark: r.benchmark ?? '',
        scenario: r.scenario ?? '',
        sourceClass,
        throughputClass,
        task,
        band: modelSizeBand(positiveNumber(r.model_params_b, `model_params_b of ${r.benchmark}`)),
        accelerator,
        tier,
        acceleratorsPerSystem: positiveNumber(r.accelerators_per_system, 'accelerators_per_system'),
        unit,
        perAccelerator: positiveNumber(r.per_accelerator_result, 'per_accelerator_result'),
        ...precisionOfRow(r),
        software: /software: ([^,;]+)/.exec(r.notes ?? '')?.[1]?.trim() ?? '',
        repository: (r.source ?? '').trim().split(/\s+/)[0] ?? '',
      });
    }
  }
  return out;
}

/** A row's precision: the measured file's cell, else a submission config's (`RESULT_PRECISIONS`), else ''. */
function precisionOfRow(r: Row): { precision: string; precisionSource: string } {
  const cell = (r.precision ?? '').trim();
  if (cell !== '') return { precision: cell, precisionSource: '' };
  const known = RESULT_PRECISIONS.find(
    (p) =>
      p.version === r.version && p.benchmark === r.benchmark && (r.source ?? '').includes(p.sourceContains),
  );
  return known === undefined
    ? { precision: '', precisionSource: '' }
    : { precision: known.precision, precisionSource: known.citation };
}

/** The benchmark × scenario × round a result belongs to (training scenarios carry the accelerator count). */
export const benchmarkKey = (m: MeasuredResult): string =>
  [m.suite, m.version, m.benchmark, m.scenario].join('|');

/**
 * Every within-benchmark ratio between two tiers, and the results that have no other tier in their benchmark ×
 * scenario × round (dropped in `ledger`; the rest are counted as used).
 */
export function withinBenchmarkRatios(
  results: readonly MeasuredResult[],
  ledger: RowLedger,
): WithinBenchmarkRatio[] {
  const groups = new Map<string, MeasuredResult[]>();
  for (const m of results) groups.set(benchmarkKey(m), [...(groups.get(benchmarkKey(m)) ?? []), m]);
  const out: WithinBenchmarkRatio[] = [];
  for (const [key, group] of [...groups].sort(byKey(([k]) => k))) {
    const tiers = new Set(group.map((m) => m.tier));
    if (tiers.size !== group.length)
      throw new Error(`${key}: two results on one tier (which to use is undecided)`);
    if (new Set(group.map((m) => m.unit)).size !== 1) throw new Error(`${key}: results in different units`);
    if (group.length < 2) {
      ledger.drop('no other gpufit tier measured in the same benchmark × scenario × round');
      continue;
    }
    ledger.used += group.length;
    const lowerIsFaster = UNIT_DIRECTION[group[0]?.unit ?? ''] === 'lower-is-faster';
    if (lowerIsFaster && new Set(group.map((m) => m.acceleratorsPerSystem)).size !== 1)
      throw new Error(`${key}: time-to-train compared at different accelerator counts`);
    const sorted = [...group].sort(byKey((m) => tierOrder(m.tier)));
    sorted.forEach((a, i) => {
      for (const b of sorted.slice(i + 1)) {
        const unread = narrowAgainstUnrecorded(a, b);
        if (unread !== null)
          throw new Error(
            `${key}: ${unread.recorded.tier} ran ${unread.recorded.precision} but the format of ${unread.unrecorded.tier} (${unread.unrecorded.repository}) is not recorded: read it from the submission and add it to RESULT_PRECISIONS (a ratio against a format below 8 bits is a precision gap or like-for-like only once both are known)`,
          );
        out.push({
          gap: precisionGap(a.precision, b.precision),
          throughputClass: a.throughputClass,
          band: a.band,
          gpuA: a.tier,
          gpuB: b.tier,
          ratio: lowerIsFaster ? a.perAccelerator / b.perAccelerator : b.perAccelerator / a.perAccelerator,
          a,
          b,
        });
      }
    });
  }
  return out;
}

/**
 * A comparison whose one result records a format below 8 bits (fp4, int4) and whose other records none: it cannot
 * be filed as like-for-like (it may credit the narrow format's speed-up to work that cannot use it) nor as a
 * precision gap (one side is unknown). `withinBenchmarkRatios` refuses it; null when the pair is not such.
 */
export function narrowAgainstUnrecorded(
  a: MeasuredResult,
  b: MeasuredResult,
): { readonly recorded: MeasuredResult; readonly unrecorded: MeasuredResult } | null {
  const narrow = (m: MeasuredResult) => (precisionOf(m.precision)?.bits ?? 8) < 8;
  const unrecorded = (m: MeasuredResult) => precisionOf(m.precision) === null;
  if (narrow(a) && unrecorded(b)) return { recorded: a, unrecorded: b };
  if (narrow(b) && unrecorded(a)) return { recorded: b, unrecorded: a };
  return null;
}

/**
 * Two results at different bit widths (both recorded): the precisions each ran at. A ratio between them measures
 * the lower-bit format's speed-up as well as the GPUs', so it holds only for work at or below the lower width.
 */
export function precisionGap(a: string, b: string): { readonly a: string; readonly b: string } | null {
  const [pa, pb] = [precisionOf(a), precisionOf(b)];
  return pa !== null && pb !== null && pa.bits !== pb.bits ? { a: pa.label, b: pb.label } : null;
}

/**
 * The median of positive ratios; with an even count, the geometric mean of the two middle ones. The geometric
 * middle makes the rule direction-free: the median of the B ÷ A ratios is exactly 1 ÷ the median of the A ÷ B
 * ratios, so storing one direction and inverting on lookup loses nothing.
 */
export function logMedian(values: readonly number[]): number {
  const s = [...values].sort((x, y) => x - y);
  if (s.length === 0) throw new Error('logMedian of no values');
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : Math.sqrt(s[mid - 1]! * s[mid]!);
}

const precisionText = (p: string) =>
  p === '' || p.startsWith('not recorded') ? '' : p.replace(/[{}']/g, '').replace(/: /g, ' ');
const round = (m: MeasuredResult) => `${m.benchmark} ${m.version}`;

/** Caveats of one comparison: precision or software stack that differ between the two results. */
function caveats(w: WithinBenchmarkRatio): string[] {
  const out: string[] = [];
  const [pa, pb] = [precisionText(w.a.precision), precisionText(w.b.precision)];
  if (pa !== '' && pb !== '' && pa !== pb)
    out.push(`precision ${w.gpuB} ${pb} vs ${w.gpuA} ${pa} (${round(w.a)})`);
  const [sa, sb] = [w.a.software.split(' ')[0] ?? '', w.b.software.split(' ')[0] ?? ''];
  if (sa !== '' && sb !== '' && sa.toLowerCase() !== sb.toLowerCase())
    out.push(`software ${w.gpuB} ${sb} vs ${w.gpuA} ${sa} (${round(w.a)})`);
  return out;
}

/**
 * The numeric format a like-for-like row was measured at (`measuredPrecision` column): the format every result
 * behind it records (`fp8`; `fp16/bf16` when results of one width name two); `unknown (…)` when any result records
 * none, `mixed (…)` when they record different widths, each naming what every GPU's results record; empty for a precision-gap row (its `precisionA` and
 * `precisionB` say it). Pricing says so whenever it differs from the work's precision (`measuredPrecisionNote`).
 */
export function measuredPrecision(ws: readonly WithinBenchmarkRatio[]): string {
  if (ws[0]?.gap !== null) return '';
  const perTier = new Map<string, Set<string>>();
  for (const m of ws.flatMap((w) => [w.a, w.b])) {
    const label = precisionOf(m.precision)?.label ?? '';
    perTier.set(m.tier, (perTier.get(m.tier) ?? new Set()).add(label));
  }
  const labels = new Set([...perTier.values()].flatMap((s) => [...s]));
  const widths = new Set([...labels].map((l) => precisionOf(l)?.bits ?? 0));
  if (!labels.has('') && widths.size === 1) return [...labels].sort().join('/');
  const said = (ls: Set<string>) => {
    const known = [...ls].filter((l) => l !== '').sort();
    if (known.length === 0) return 'not recorded';
    return ls.has('') ? `${known.join('/')} in some results, not recorded in others` : known.join('/');
  };
  const detail = [...perTier].sort(byKey(([t]) => tierOrder(t))).map(([t, ls]) => `${t} ${said(ls)}`);
  return `${labels.has('') ? 'unknown' : 'mixed'} (${detail.join('; ')})`;
}

/** Where precisions the measured file leaves empty were read (`RESULT_PRECISIONS`), once each. */
function precisionSources(ws: readonly WithinBenchmarkRatio[]): string[] {
  const cited = new Map<string, string>();
  for (const m of ws.flatMap((w) => [w.a, w.b]))
    if (m.precisionSource !== '') cited.set(`${m.tier} ${m.precision}`, m.precisionSource);
  return [...cited].map(([what, where]) => `precision ${what} read from ${where}`);
}

function flags(ws: readonly WithinBenchmarkRatio[]): string[] {
  const all = ws.flatMap((w) => [w.a, w.b]);
  const out: string[] = [];
  if (all.some((m) => m.tier === 'GB200'))
    out.push('GB200 = per Blackwell GPU of GB200 NVL72-class systems (rack-scale NVLink), its own tier');
  if (all.some((m) => m.suite.startsWith('non-MLPerf')))
    out.push(
      'includes NON-MLPerf Lambda vLLM runs (one harness on both GPUs, vLLM 0.5.4, FP8 checkpoints: A100 has no FP8 tensor cores)',
    );
  if (all.some((m) => m.suite.startsWith('MLPerf Inference') && m.version === 'v3.1'))
    out.push(
      'v3.1: only the systems the reference names were read (A100 8-GPU Dell/HPE, H100 and L4 1-GPU NVIDIA); Server = scheduled samples/s',
    );
  if (all.some((m) => UNIT_DIRECTION[m.unit] === 'lower-is-faster'))
    out.push(
      'training: time to train at the same accelerator count (olympic mean computed from the logs by the reference, not the official table)',
    );
  return out;
}

/** A row's key: its class, band, GPU pair and precision gap, and with `byTask` the results' task. */
const rowKey = (w: WithinBenchmarkRatio, byTask: boolean) =>
  [w.throughputClass, w.band, byTask ? w.a.task : '', w.gpuA, w.gpuB, w.gap?.a ?? '', w.gap?.b ?? ''].join(
    '|',
  );

/**
 * Rows in (class, band, task, GPU A, GPU B) order: classes, bands and tasks in their registry order (the rows
 * pooled over tasks first), tiers case-insensitively.
 */
function compareRows(x: Row, y: Row): number {
  const keys = (r: Row) =>
    [
      THROUGHPUT_CLASSES.indexOf(r.throughputClass as ThroughputClass),
      MODEL_SIZE_BANDS.indexOf(r.modelSizeBand as ModelSizeBand),
      WORKLOAD_TASKS.indexOf(r.task as WorkloadTask),
      tierOrder(r.gpuA ?? ''),
      tierOrder(r.gpuB ?? ''),
      r.precisionA ?? '',
      r.precisionB ?? '',
    ] as const;
  const [kx, ky] = [keys(x), keys(y)];
  for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i]) return kx[i]! < ky[i]! ? -1 : 1;
  return 0;
}

/**
 * `source`: every benchmark × scenario × round used, grouped by round with its results repository and commit:
 * `<suite> <round> [<repository@commit>]: <benchmark> <scenario> | …`, rounds separated by `; `.
 */
function sourceText(ordered: readonly WithinBenchmarkRatio[]): string {
  const rounds = new Map<string, string[]>();
  for (const { a } of ordered) {
    const head = `${a.suite} ${a.version} [${a.repository}]`;
    rounds.set(head, [...(rounds.get(head) ?? []), `${a.benchmark} ${a.scenario}`]);
  }
  return [...rounds].map(([head, entries]) => `${head}: ${entries.join(' | ')}`).join('; ');
}

/**
 * One output row per (class, band, A, B) and precision gap, pooled over every task (`task` empty), and one per
 * (class, band, task, A, B) and gap, of that task's benchmarks only: median ratio, min, max, count, every source,
 * notes, and for a gap row the precisions of A and B (empty for like-for-like rows).
 */
export function combineRatios(ratios: readonly WithinBenchmarkRatio[]): Row[] {
  return [...ratiosBy(ratios, false), ...ratiosBy(ratios, true)].sort(compareRows);
}

function ratiosBy(ratios: readonly WithinBenchmarkRatio[], byTask: boolean): Row[] {
  const byRow = new Map<string, WithinBenchmarkRatio[]>();
  for (const w of ratios) byRow.set(rowKey(w, byTask), [...(byRow.get(rowKey(w, byTask)) ?? []), w]);
  return [...byRow.values()].map((ws) => {
    const first = ws[0]!;
    const values = ws.map((w) => w.ratio);
    const ordered = [...ws].sort(byKey((w) => benchmarkKey(w.a)));
    const classes = [...new Set(ws.map((w) => w.a.sourceClass))].sort();
    const perResult = ordered.map((w) => `${round(w.a)} ${w.a.scenario} = ${sig(w.ratio)}`);
    return {
      throughputClass: first.throughputClass,
      modelSizeBand: first.band,
      gpuA: first.gpuA,
      gpuB: first.gpuB,
      ratio: sig(logMedian(values)),
      min: sig(Math.min(...values)),
      max: sig(Math.max(...values)),
      results: String(ws.length),
      source: sourceText(ordered),
      notes: [
        `source classes: ${classes.join(', ')}`,
        `${first.gpuB} ÷ ${first.gpuA} per result: ${perResult.join(' | ')}`,
        ...new Set(ordered.flatMap(caveats)),
        ...flags(ws),
        ...precisionSources(ordered),
        ...(first.gap === null
          ? []
          : [
              `measured at different precisions (${first.gpuA} ${first.gap.a}, ${first.gpuB} ${first.gap.b}): priced only for work at ${lower(first.gap)} or below`,
            ]),
      ].join('; '),
      precisionA: first.gap?.a ?? '',
      precisionB: first.gap?.b ?? '',
      task: byTask ? first.a.task : '',
      measuredPrecision: measuredPrecision(ws),
    };
  });
}

/** The lower-bit of a gap's two precisions. */
function lower(gap: { readonly a: string; readonly b: string }): string {
  return precisionOf(gap.a)!.bits <= precisionOf(gap.b)!.bits ? gap.a : gap.b;
}

export interface ThroughputBuild {
  readonly rows: Row[];
  readonly ratios: WithinBenchmarkRatio[];
  readonly ledger: RowLedger;
}

/** The whole compile: measured rows → output rows, with every input row accounted for. */
export function compileThroughput(measured: readonly Row[], tierIds: ReadonlySet<string>): ThroughputBuild {
  const ledger = new RowLedger(THROUGHPUT_FILE);
  const ratios = withinBenchmarkRatios(usableResults(measured, tierIds, ledger), ledger);
  ledger.checkBalanced();
  return { rows: combineRatios(ratios), ratios, ledger };
}
