import { THROUGHPUT_CLASSES, type ThroughputClass } from '@gpufit/schema';
import { assert } from '../assert.js';
import { DUPLICATE_THROUGHPUT_RATIO, INVALID_THROUGHPUT_RATIO } from '../messages.js';
import { tierKey } from './gpuTierTable.js';
import { MODEL_SIZE_BANDS, type ModelSizeBand } from './modelSizeBand.js';

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
}

/** Measured throughput ratios by (class, band, GPU pair), in both directions; GPU tier ids are case-insensitive. */
export interface ThroughputRatioTable {
  /**
   * The measured ratio from `fromGpu` to `toGpu` for a class and band, or `undefined` when no benchmark measured
   * that pair there (never a datasheet estimate). A GPU against itself is 1 with source "same GPU".
   */
  lookup(
    throughputClass: ThroughputClass,
    band: ModelSizeBand,
    fromGpu: string,
    toGpu: string,
  ): ThroughputRatio | undefined;
  /** Rows in the table (each answers both directions). */
  readonly size: number;
}

const ANSWERS_REMEMBERED = 16_384;

const SAME_GPU: ThroughputRatio = { ratio: 1, min: 1, max: 1, source: 'same GPU', results: 0, notes: '' };

const keyOf = (throughputClass: string, band: string, fromGpu: string, toGpu: string): string =>
  `${throughputClass}|${band}|${tierKey(fromGpu)}|${tierKey(toGpu)}`;

function isValidRow(row: ThroughputRatioRow): boolean {
  const positive = (x: number) => Number.isFinite(x) && x > 0;
  return (
    (THROUGHPUT_CLASSES as readonly string[]).includes(row.throughputClass) &&
    (MODEL_SIZE_BANDS as readonly string[]).includes(row.modelSizeBand) &&
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
  const byKey = new Map<string, ThroughputRatio>();
  for (const row of rows) {
    assert(isValidRow(row), INVALID_THROUGHPUT_RATIO, () =>
      keyOf(row.throughputClass, row.modelSizeBand, row.gpuA, row.gpuB),
    );
    const forward = keyOf(row.throughputClass, row.modelSizeBand, row.gpuA, row.gpuB);
    const inverse = keyOf(row.throughputClass, row.modelSizeBand, row.gpuB, row.gpuA);
    assert(!byKey.has(forward), DUPLICATE_THROUGHPUT_RATIO, forward);
    const { ratio, min, max, source, results, notes } = row;
    byKey.set(forward, { ratio, min, max, source, results, notes });
    byKey.set(inverse, { ratio: 1 / ratio, min: 1 / max, max: 1 / min, source, results, notes });
  }
  const find = (throughputClass: string, band: string, fromGpu: string, toGpu: string) =>
    tierKey(fromGpu) === tierKey(toGpu) ? SAME_GPU : byKey.get(keyOf(throughputClass, band, fromGpu, toGpu));
  // A catalog search asks the same few questions once per offer class and workload: answers remembered by the
  // names as written, without building a key (bounded, so arbitrary input cannot grow it without end).
  type Answers = Map<string, ThroughputRatio | null>;
  const asked = new Map<string, Map<string, Map<string, Answers>>>();
  let remembered = 0;
  return {
    lookup: (throughputClass, band, fromGpu, toGpu) => {
      const answers = asked.get(throughputClass)?.get(band)?.get(fromGpu);
      const known = answers?.get(toGpu);
      if (known !== undefined) return known ?? undefined;
      const ratio = find(throughputClass, band, fromGpu, toGpu);
      if (remembered < ANSWERS_REMEMBERED) {
        remembered++;
        if (answers !== undefined) answers.set(toGpu, ratio ?? null);
        else {
          const byBand = asked.get(throughputClass) ?? new Map<string, Map<string, Answers>>();
          asked.set(throughputClass, byBand);
          const byFrom = byBand.get(band) ?? new Map<string, Answers>();
          byBand.set(band, byFrom);
          byFrom.set(fromGpu, new Map([[toGpu, ratio ?? null]]));
        }
      }
      return ratio;
    },
    size: rows.length,
  };
}
