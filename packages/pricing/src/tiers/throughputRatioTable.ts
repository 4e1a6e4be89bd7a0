import { THROUGHPUT_CLASSES, type ThroughputClass, WORKLOAD_TASKS, type WorkloadTask } from '@gpufit/schema';
import { assert } from '../assert.js';
import { DUPLICATE_THROUGHPUT_RATIO, INVALID_THROUGHPUT_RATIO } from '../messages.js';
import { tierKey } from './gpuTierTable.js';
import { MODEL_SIZE_BANDS, type ModelSizeBand } from './modelSizeBand.js';
import { precisionOf } from './precisionOf.js';

/**
 * One row of `datasets/throughput-ratios.csv` (same field names): the measured throughput per GPU of `gpuB` ÷ that
 * of `gpuA` for one workload class and model-size band. Each underlying ratio compares two published results of one
 * benchmark, scenario and round (MLPerf Inference/Training, or a labelled non-MLPerf benchmark run with one
 * harness); `ratio` is their median, `min`/`max` their range. Rounds are never chained (software drift between
 * rounds is large). Compiled by `datasets/scripts/compile-throughput.ts`; rules in `datasets/README.md`.
 */
export interface ThroughputRatioRow {
  readonly throughputClass: ThroughputClass;
  readonly modelSizeBand: ModelSizeBand;
  readonly gpuA: string;
  readonly gpuB: string;
  /** Throughput per GPU of B ÷ A: how many A-GPU-hours of work one B-GPU-hour does. */
  readonly ratio: number;
  readonly min: number;
  readonly max: number;
  /** How many within-benchmark ratios (benchmark × scenario × round, two published results each) are behind it. */
  readonly results: number;
  /** Every benchmark × scenario × round used, with the results repository and commit. */
  readonly source: string;
  readonly notes: string;
  /**
   * The precisions A and B ran at when they differ (a Blackwell GPU's fp4 against a Hopper's fp8): the ratio then
   * holds only for work at or below the lower of the two (`lookup`). Empty or absent: a like-for-like row.
   */
  readonly precisionA?: string;
  readonly precisionB?: string;
  /**
   * The task whose benchmarks alone the ratio pools (whisper for `speech-to-text`); empty or absent: a row pooled
   * over every task of the band (gptj with Llama 3.1 8B, SDXL and whisper in the small band's), which only a
   * workload without a `task` uses.
   */
  readonly task?: WorkloadTask | '';
  /**
   * For a like-for-like row, the numeric format its results ran at (`fp8`), or `unknown (…)` / `mixed (…)` naming
   * what each GPU's results record (MLPerf Training records none); empty or absent for a precision-gap row and in
   * files older than the column. Pricing says so when it differs from the work's precision
   * (`measuredPrecisionNote`).
   */
  readonly measuredPrecision?: string;
}

/** A measured ratio from one GPU to another: `ratio` = throughput per GPU of `toGpu` ÷ that of `fromGpu`. */
export interface ThroughputRatio {
  /** How many `fromGpu`-hours of work one `toGpu`-hour does (demand in fromGpu-hours ÷ ratio = toGpu-hours). */
  readonly ratio: number;
  /** The lowest and highest within-benchmark ratio behind `ratio`, in the same direction. */
  readonly min: number;
  readonly max: number;
  readonly source: string;
  /** Within-benchmark ratios behind it; 0 for a GPU against itself. */
  readonly results: number;
  /** Source classes, per-result ratios (stated as gpuB ÷ gpuA of the row) and precision/software caveats. */
  readonly notes: string;
  /**
   * Set when the two GPUs were measured at different precisions: what each ran at, and the widest work (in bits)
   * the ratio holds for (the lower of the two).
   */
  readonly precision?: {
    readonly from: string;
    readonly to: string;
    readonly maxBits: number;
  };
  /** The row's `measuredPrecision` (the same in both directions); absent when the row has none. */
  readonly measuredPrecision?: string;
}

/** Measured throughput ratios by (class, band, GPU pair), in both directions; GPU tier ids are case-insensitive. */
export interface ThroughputRatioTable {
  /**
   * The measured ratio from `fromGpu` to `toGpu` for a class and band, or `undefined` when no benchmark measured
   * that pair there (never a datasheet estimate). A GPU against itself is 1 with source "same GPU". A like-for-like
   * ratio holds for any work; one measured at two precisions only for work of at most its `maxBits`: `workBits`,
   * the bits per value the workload runs at (absent: like-for-like ratios only).
   */
  lookup(
    throughputClass: ThroughputClass,
    band: ModelSizeBand,
    fromGpu: string,
    toGpu: string,
    workBits?: number,
    options?: ThroughputRatioLookupOptions,
  ): ThroughputRatio | undefined;
  /**
   * The ratios measured at two precisions for the pair, for saying why `lookup` found none that holds (empty when
   * there are none).
   */
  precisionGaps(
    throughputClass: ThroughputClass,
    band: ModelSizeBand,
    fromGpu: string,
    toGpu: string,
    options?: ThroughputRatioLookupOptions,
  ): readonly ThroughputRatio[];
  /** Rows in the table (each answers both directions). */
  readonly size: number;
}

/** Options of `ThroughputRatioTable.lookup`. */
export interface ThroughputRatioLookupOptions {
  /**
   * Only ratios measured on this task's benchmarks (rows with this `task`); absent: the rows pooled over every
   * task of the band. A task never falls back to the pooled rows here: whether to is the caller's decision.
   */
  readonly task?: WorkloadTask | undefined;
}

const ANSWERS_REMEMBERED = 16_384;

/** Bits of a row's precision cell; NaN when it names no format. */
const bitsOf = (cell: string | undefined): number => precisionOf(cell ?? '')?.bits ?? Number.NaN;

const SAME_GPU: ThroughputRatio = { ratio: 1, min: 1, max: 1, source: 'same GPU', results: 0, notes: '' };

/** The class and task a row or a question is filed under: the class alone for the rows pooled over tasks. */
const classAndTask = (throughputClass: string, task: string | undefined): string =>
  task === undefined || task === '' ? throughputClass : `${throughputClass}|${task}`;

const keyOf = (classTask: string, band: string, fromGpu: string, toGpu: string): string =>
  `${classTask}|${band}|${tierKey(fromGpu)}|${tierKey(toGpu)}`;

function isValidRow(row: ThroughputRatioRow): boolean {
  const positive = (x: number) => Number.isFinite(x) && x > 0;
  return (
    (THROUGHPUT_CLASSES as readonly string[]).includes(row.throughputClass) &&
    (MODEL_SIZE_BANDS as readonly string[]).includes(row.modelSizeBand) &&
    (row.task === undefined || row.task === '' || (WORKLOAD_TASKS as readonly string[]).includes(row.task)) &&
    tierKey(row.gpuA).length > 0 &&
    tierKey(row.gpuB).length > 0 &&
    tierKey(row.gpuA) !== tierKey(row.gpuB) &&
    positive(row.ratio) &&
    positive(row.min) &&
    positive(row.max) &&
    row.min <= row.ratio &&
    row.ratio <= row.max &&
    Number.isInteger(row.results) &&
    row.results >= 1 &&
    row.source.trim().length > 0
  );
}

/**
 * Builds the lookup the pricing engine converts demand between GPUs with. Pure: the Node side loads
 * `datasets/throughput-ratios.csv` and passes the rows in. Each row is stored once (A → B) and answers both
 * directions: B → A is 1 / ratio, with the bounds swapped and inverted (1 / max, 1 / min).
 */
export function throughputRatioTable(rows: readonly ThroughputRatioRow[]): ThroughputRatioTable {
  /** Per directed pair: the like-for-like ratio, and the ratios measured at two precisions (widest first). */
  interface Pair {
    like?: ThroughputRatio;
    gaps: ThroughputRatio[];
  }
  const byKey = new Map<string, Pair>();
  const pairAt = (key: string): Pair => {
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const p: Pair = { gaps: [] };
    byKey.set(key, p);
    return p;
  };
  for (const row of rows) {
    const ct = classAndTask(row.throughputClass, row.task);
    const gapKey = `${row.precisionA ?? ''}|${row.precisionB ?? ''}`;
    const gap = gapKey !== '|';
    const [bitsA, bitsB] = [bitsOf(row.precisionA), bitsOf(row.precisionB)];
    assert(
      isValidRow(row) && (!gap || (bitsA > 0 && bitsB > 0 && bitsA !== bitsB)),
      INVALID_THROUGHPUT_RATIO,
      () => `${keyOf(ct, row.modelSizeBand, row.gpuA, row.gpuB)} ${gapKey}`,
    );
    const forward = pairAt(keyOf(ct, row.modelSizeBand, row.gpuA, row.gpuB));
    const inverse = pairAt(keyOf(ct, row.modelSizeBand, row.gpuB, row.gpuA));
    const { ratio, min, max, source, results, notes } = row;
    const maxBits = Math.min(bitsA, bitsB);
    const at = row.measuredPrecision?.trim() ?? '';
    const measured = at === '' ? {} : { measuredPrecision: at };
    const there: ThroughputRatio = { ratio, min, max, source, results, notes, ...measured };
    const back: ThroughputRatio = {
      ratio: 1 / ratio,
      min: 1 / max,
      max: 1 / min,
      source,
      results,
      notes,
      ...measured,
    };
    if (gap) {
      const a = row.precisionA!;
      const b = row.precisionB!;
      assert(
        !forward.gaps.some((g) => g.precision?.from === a && g.precision?.to === b),
        DUPLICATE_THROUGHPUT_RATIO,
        () => `${keyOf(ct, row.modelSizeBand, row.gpuA, row.gpuB)} ${gapKey}`,
      );
      forward.gaps.push({ ...there, precision: { from: a, to: b, maxBits } });
      inverse.gaps.push({ ...back, precision: { from: b, to: a, maxBits } });
    } else {
      assert(forward.like === undefined, DUPLICATE_THROUGHPUT_RATIO, () =>
        keyOf(ct, row.modelSizeBand, row.gpuA, row.gpuB),
      );
      forward.like = there;
      inverse.like = back;
    }
  }
  // Widest precision first, so a lookup takes the first gap ratio that holds for the work.
  for (const p of byKey.values())
    if (p.gaps.length > 1) p.gaps.sort((x, y) => y.precision!.maxBits - x.precision!.maxBits);
  const NONE: Pair = { gaps: [] };
  const SAME: Pair = { like: SAME_GPU, gaps: [] };
  const find = (classTask: string, band: string, fromGpu: string, toGpu: string): Pair =>
    tierKey(fromGpu) === tierKey(toGpu) ? SAME : (byKey.get(keyOf(classTask, band, fromGpu, toGpu)) ?? NONE);
  // A catalog search asks the same few questions once per offer class and workload: answers remembered by the
  // names as written, without building a key (bounded, so arbitrary input cannot grow it without end).
  type Answers = Map<string, Pair>;
  const asked = new Map<string, Map<string, Map<string, Answers>>>();
  let remembered = 0;
  const pairOf = (classTask: string, band: string, fromGpu: string, toGpu: string): Pair => {
    const answers = asked.get(classTask)?.get(band)?.get(fromGpu);
    const known = answers?.get(toGpu);
    if (known !== undefined) return known;
    const pair = find(classTask, band, fromGpu, toGpu);
    if (remembered < ANSWERS_REMEMBERED) {
      remembered++;
      if (answers !== undefined) answers.set(toGpu, pair);
      else {
        const byBand = asked.get(classTask) ?? new Map<string, Map<string, Answers>>();
        asked.set(classTask, byBand);
        const byFrom = byBand.get(band) ?? new Map<string, Answers>();
        byBand.set(band, byFrom);
        byFrom.set(fromGpu, new Map([[toGpu, pair]]));
      }
    }
    return pair;
  };
  return {
    lookup: (throughputClass, band, fromGpu, toGpu, workBits, options) => {
      const pair = pairOf(classAndTask(throughputClass, options?.task), band, fromGpu, toGpu);
      if (pair.like !== undefined || workBits === undefined) return pair.like;
      // The widest-precision gap ratio that still holds for the work.
      return pair.gaps.find((g) => workBits <= g.precision!.maxBits);
    },
    precisionGaps: (throughputClass, band, fromGpu, toGpu, options) =>
      pairOf(classAndTask(throughputClass, options?.task), band, fromGpu, toGpu).gaps,
    size: rows.length,
  };
}
