/**
 * datasets/throughput-ratios.csv against the measured results it was compiled from
 * (../shared/reference/throughput/measured-throughput.csv, beside the repository; CI has it beside the checkout).
 * The within-benchmark ratios are recomputed here from the raw file with this test's own reading of the rules, not
 * with the compiler's code; the compiler is run only to check it reproduces the README's figures, is
 * deterministic and accounts for every row.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ModelSizeBand,
  modelSizeBand,
  type ThroughputRatioRow,
  throughputRatioTable,
} from '@gpufit/pricing';
import type { ThroughputClass, WorkloadTask } from '@gpufit/schema';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { GPU_SPECS } from '../../../datasets/scripts/data/gpu-specs.js';
import { REQUIRED_GPUS } from '../../../datasets/scripts/data/required-gpus.js';
import { RESULT_PRECISIONS } from '../../../datasets/scripts/data/throughput-sources.js';
import { csvText, readCsv } from '../../../datasets/scripts/lib/csvio.js';
import { withGenerated } from '../../../datasets/scripts/lib/markdown.js';
import {
  compileThroughput,
  THROUGHPUT_COLUMNS,
  type ThroughputBuild,
} from '../../../datasets/scripts/lib/throughput.js';
import { throughputLog, throughputMarkdown } from '../../../datasets/scripts/lib/throughputCoverage.js';
import { loadGpuTiers, loadThroughputRatios } from '../src/data/loadReferenceData.js';
import { LoadError } from '../src/io/loadError.js';
import { MEASURED_TIER as TIER } from './support/measuredTiers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const datasets = path.join(repoRoot, 'datasets');
const measuredFile = path.resolve(repoRoot, '../shared/reference/throughput/measured-throughput.csv');
const committedCsv = readFileSync(path.join(datasets, 'throughput-ratios.csv'), 'utf8');

interface Measured {
  benchmark: string;
  suite: string;
  version: string;
  scenario: string;
  model_params_b: string;
  workload_class: string;
  accelerator: string;
  accelerators_per_system: string;
  unit: string;
  per_accelerator_result: string;
  precision: string;
  source: string;
}
const measured = parse(readFileSync(measuredFile), { columns: true, bom: true }) as Measured[];

/** Training suites price training, except LoRA fine-tuning; everything else is inference; "optional" rows are out. */
const classOf = (m: Measured): string | undefined =>
  m.workload_class.endsWith('-optional')
    ? undefined
    : m.suite.startsWith('MLPerf Training')
      ? m.workload_class === 'llm-fine-tuning'
        ? 'fine-tuning'
        : 'training'
      : 'inference';
const notUsed = (m: Measured) =>
  m.suite.includes('GigaGPU') || (m.benchmark === 'whisper' && m.accelerator === 'RTX-4090');

/** The lowest-bit format a precision cell names (`{'unet': 'fp8', 'vae': 'int8'}` → fp8), or '' when none. */
function formatOf(cell: string): { label: string; bits: number } | null {
  const found = [...cell.matchAll(/\b(fp|int|bf)(\d+)\b/gi)].map((m) => ({
    label: `${m[1]!.toLowerCase()}${m[2]}`,
    bits: Number(m[2]),
  }));
  return found.length === 0 ? null : found.reduce((x, y) => (y.bits < x.bits ? y : x));
}

/**
 * A result's precision: the raw file's cell, else the submission's format recorded in `RESULT_PRECISIONS` (MLPerf
 * Training logs leave the cell empty; the format is read from the submission's config or log dump).
 */
const precisionCell = (m: Measured): string =>
  m.precision.trim() !== ''
    ? m.precision
    : (RESULT_PRECISIONS.find(
        (p) => p.version === m.version && p.benchmark === m.benchmark && m.source.includes(p.sourceContains),
      )?.precision ?? '');

/** The task a result measures, by this test's own reading of the reference's classes (BERT training: an encoder). */
const TASK_OF_CLASS: Readonly<Record<string, string>> = {
  'llm-inference': 'text-generation',
  'llm-training': 'text-generation',
  'llm-fine-tuning': 'text-generation',
  'image-generation': 'image-generation',
  'vision-training': 'image-generation',
  'speech-to-text': 'speech-to-text',
  'embeddings-or-encoder': 'embeddings-or-encoder',
  'vision-inference': 'vision',
};
const taskOf = (m: Measured): string =>
  m.benchmark === 'bert' ? 'embeddings-or-encoder' : TASK_OF_CLASS[m.workload_class]!;

interface Comparison {
  key: string;
  round: string;
  entry: string;
  /** per GPU of gpuB ÷ gpuA, gpuA sorting first case-insensitively */
  ratio: number;
}

/** Every within-benchmark ratio, recomputed from the raw file. */
function recompute(): Map<string, Comparison[]> {
  const groups = new Map<string, Measured[]>();
  for (const m of measured) {
    if (notUsed(m) || TIER[m.accelerator] === undefined || classOf(m) === undefined) continue;
    const g = `${m.suite}|${m.version}|${m.benchmark}|${m.scenario}`;
    groups.set(g, [...(groups.get(g) ?? []), m]);
  }
  const out = new Map<string, Comparison[]>();
  for (const group of groups.values()) {
    for (const x of group)
      for (const y of group) {
        const [a, b] = [TIER[x.accelerator]!, TIER[y.accelerator]!];
        if (a.toLowerCase() >= b.toLowerCase()) continue;
        const timeToTrain = x.unit.startsWith('minutes');
        if (timeToTrain) expect(x.accelerators_per_system).toBe(y.accelerators_per_system);
        const [px, py] = [Number(x.per_accelerator_result), Number(y.per_accelerator_result)];
        // Results at two different bit widths (both recorded) make a row of their own, naming both.
        const [fx, fy] = [formatOf(precisionCell(x)), formatOf(precisionCell(y))];
        const gap = fx !== null && fy !== null && fx.bits !== fy.bits ? [fx.label, fy.label] : ['', ''];
        // One row pooled over every task (task empty) and one of this result's task alone.
        for (const task of ['', taskOf(x)]) {
          const key = [classOf(x), modelSizeBand(Number(x.model_params_b)), a, b, ...gap, task].join('|');
          out.set(key, [
            ...(out.get(key) ?? []),
            {
              key,
              round: `${x.suite} ${x.version} [${x.source.split(' ')[0]}]`,
              entry: `${x.benchmark} ${x.scenario}`,
              ratio: timeToTrain ? px / py : py / px,
            },
          ]);
        }
      }
  }
  return out;
}

const rows = parse(committedCsv, { columns: true }) as Record<(typeof THROUGHPUT_COLUMNS)[number], string>[];
const rowKey = (r: (typeof rows)[number]) =>
  [r.throughputClass, r.modelSizeBand, r.gpuA, r.gpuB, r.precisionA, r.precisionB, r.task].join('|');
const close = (x: number, y: number) => expect(Math.abs(x / y - 1)).toBeLessThan(5e-6);

describe('datasets/throughput-ratios.csv against measured-throughput.csv', () => {
  const expected = recompute();

  it('has one row per (class, band, GPU pair) measured within one benchmark × scenario × round, no more', () => {
    expect(rows.map(rowKey).sort()).toEqual([...expected.keys()].sort());
    expect(new Set(rows.map(rowKey)).size).toBe(rows.length);
  });

  it('every row: a source naming each benchmark × scenario × round, min and max of those ratios, their median', () => {
    for (const r of rows) {
      const comparisons = expected.get(rowKey(r))!;
      const values = comparisons.map((c) => c.ratio).sort((x, y) => x - y);
      expect(r.source.trim(), rowKey(r)).not.toBe('');
      for (const c of comparisons) {
        const round = r.source.split('; ').find((s) => s.startsWith(`${c.round}: `));
        expect(round?.slice(c.round.length + 2).split(' | '), rowKey(r)).toContain(c.entry);
      }
      expect(Number(r.results)).toBe(comparisons.length);
      close(Number(r.min), values[0]!);
      close(Number(r.max), values.at(-1)!);
      const n = values.length;
      const median = n % 2 === 1 ? values[(n - 1) / 2]! : Math.sqrt(values[n / 2 - 1]! * values[n / 2]!);
      close(Number(r.ratio), median);
      expect(Number(r.min)).toBeLessThanOrEqual(Number(r.ratio));
      expect(Number(r.ratio)).toBeLessThanOrEqual(Number(r.max));
    }
  });

  it('a speech-to-text row is whisper alone: L4 → H100-NVL = 2766.7 ÷ 349.25 samples/s per GPU (v5.1 Offline)', () => {
    const perGpu = (acc: string) =>
      Number(
        measured.find((m) => m.benchmark === 'whisper' && m.accelerator === acc)!.per_accelerator_result,
      );
    const row = rows.find((r) => r.task === 'speech-to-text' && r.gpuA === 'H100-NVL' && r.gpuB === 'L4')!;
    close(Number(row.ratio), perGpu('L4') / perGpu('H100-NVL'));
    expect(1 / Number(row.ratio)).toBeCloseTo(7.92, 2);
    expect(row.source).toMatch(/\]: whisper Offline$/);
  });

  it('a task row pools only its task’s benchmarks, never another task’s (whisper never beside gptj)', () => {
    const benchmarksOf = (r: (typeof rows)[number]) =>
      r.source
        .split('; ')
        .flatMap((round) => (round.split(']: ')[1] ?? '').split(' | ').map((e) => e.split(' ')[0]!));
    const tasks = new Map(measured.map((m) => [m.benchmark, taskOf(m)]));
    const taskRows = rows.filter((r) => r.task !== '');
    expect(new Set(taskRows.map((r) => r.task))).toEqual(
      new Set(['text-generation', 'image-generation', 'speech-to-text', 'embeddings-or-encoder', 'vision']),
    );
    for (const r of taskRows)
      for (const b of benchmarksOf(r)) expect(tasks.get(b), `${rowKey(r)}: ${b}`).toBe(r.task);
  });

  it('stores each pair once, A before B case-insensitively, on tiers of gpu-tiers.csv', async () => {
    const tiers = new Set((await loadGpuTiers()).map((t) => t.gpu));
    for (const r of rows) {
      expect(r.gpuA.toLowerCase() < r.gpuB.toLowerCase(), rowKey(r)).toBe(true);
      expect(tiers.has(r.gpuA) && tiers.has(r.gpuB), rowKey(r)).toBe(true);
    }
  });

  it('keeps GB200 its own tier, within 0.93–1.15 × B200 wherever both were measured (README)', () => {
    const pairs = rows.filter((r) => r.gpuA === 'B200' && r.gpuB === 'GB200');
    expect(pairs.length).toBeGreaterThan(0);
    for (const r of pairs) {
      expect(Number(r.min)).toBeGreaterThanOrEqual(0.925);
      expect(Number(r.max)).toBeLessThan(1.155);
    }
  });
});

/** Figures the reference README quotes, each within one benchmark, scenario and round. */
const GOLDEN = [
  // whisper large-v3, MLPerf Inference v5.1 Offline: × L4
  ['v5.1', 'whisper', 'Offline', 'B200', 'L4', '16.2'],
  ['v5.1', 'whisper', 'Offline', 'H200', 'L4', '12.3'],
  ['v5.1', 'whisper', 'Offline', 'H100-NVL', 'L4', '7.9'],
  ['v5.1', 'whisper', 'Offline', 'L40S', 'L4', '3.3'],
  // SDXL, v5.1 Offline: × H100
  ['v5.1', 'stable-diffusion-xl', 'Offline', 'B200', 'H100', '1.80'],
  ['v5.1', 'stable-diffusion-xl', 'Offline', 'H200', 'H100', '1.06'],
  ['v5.1', 'stable-diffusion-xl', 'Offline', 'L40S', 'H100', '0.305'],
  ['v5.1', 'stable-diffusion-xl', 'Offline', 'L4', 'H100', '0.111'],
  // Llama 3.1 8B, v5.1 Offline: × H100
  ['v5.1', 'llama3.1-8b', 'Offline', 'B200', 'H100', '3.18'],
  ['v5.1', 'llama3.1-8b', 'Offline', 'H200', 'H100', '1.43'],
  ['v5.1', 'llama3.1-8b', 'Offline', 'L40S', 'H100', '0.28'],
  // Llama 2 70B LoRA fine-tuning at 8 GPUs (time to train)
  ['v5.0', 'llama2_70b_lora', 'time-to-train @ 8 accelerators', 'B200', 'H200', '2.09'],
  ['v5.1', 'llama2_70b_lora', 'time-to-train @ 8 accelerators', 'B200', 'H200', '2.67'],
  ['v4.1', 'llama2_70b_lora', 'time-to-train @ 8 accelerators', 'H200', 'H100', '1.19'],
] as const;

describe('measuredPrecision: the format a like-for-like row was measured at', () => {
  const find = (cls: string, band: string, a: string, b: string) =>
    rows.find(
      (r) =>
        r.throughputClass === cls &&
        r.modelSizeBand === band &&
        r.gpuA === a &&
        r.gpuB === b &&
        r.task === '',
    )!;

  it('Lambda vLLM 70B: fp8 on both GPUs (A100 weight-only, the reference says so), not like-for-like for bf16', () => {
    const r = find('inference', 'medium', 'A100-80GB', 'H100');
    expect(r.measuredPrecision).toBe('fp8');
    expect(r.ratio).toBe('2.21264');
  });

  // Was 'unknown (B200 not recorded; H100 fp8)': the University of Florida B200 runs behind it were read as fp4 by
  // a reviewer (their folder holds *_8b_fp4.sh configs), but those are GB200/GB300 configs; the DGXB200 configs
  // their run scripts source set FP8=True. So B200 = 2.69 × H100 (1 ÷ 0.37193) is fp8 against fp8, unchanged.
  it('MLPerf Training llama31_8b B200/H100: fp8 on both (UF and Cisco configs, cited in notes), 2.69×', () => {
    const r = find('training', 'small', 'B200', 'H100');
    expect(r.measuredPrecision).toBe('fp8');
    expect(r.ratio).toBe('0.37193');
    expect(r.notes).toContain(
      'precision H100 fp8 read from mlcommons/training_results_v5.1@4da2d1cd Cisco/benchmarks/llama31_8b/implementations/nemo/config_common.sh',
    );
    expect(r.notes).toContain(
      'precision B200 fp8 read from mlcommons/training_results_v5.1@441d65f4 University-of-Florida/benchmarks/llama31_8b',
    );
  });

  it('every like-for-like row names a format, unknown (…) or mixed (…); every gap row leaves it empty', () => {
    for (const r of rows) {
      if (r.precisionA !== '') expect(r.measuredPrecision).toBe('');
      else
        expect(r.measuredPrecision).toMatch(
          /^((fp|int|bf|tf)\d+(\/(fp|int|bf|tf)\d+)*|(unknown|mixed) \(.+\))$/,
        );
    }
  });

  it('a row recorded as one format has only results of that width behind it (recomputed from the raw file)', () => {
    const tierOf = (m: Measured) => TIER[m.accelerator];
    for (const r of rows.filter((x) => /^(fp|int|bf)\d+$/.test(x.measuredPrecision))) {
      const band = r.modelSizeBand;
      const behind = measured.filter(
        (m) =>
          !notUsed(m) &&
          classOf(m) === r.throughputClass &&
          modelSizeBand(Number(m.model_params_b)) === band &&
          (tierOf(m) === r.gpuA || tierOf(m) === r.gpuB) &&
          r.source
            .split('; ')
            .some(
              (round) =>
                round.startsWith(`${m.suite} ${m.version} [${m.source.split(' ')[0]}]: `) &&
                round.split(']: ')[1]!.split(' | ').includes(`${m.benchmark} ${m.scenario}`),
            ),
      );
      expect(behind.length).toBeGreaterThan(0);
      for (const m of behind.filter((x) => formatOf(precisionCell(x)) !== null))
        expect(formatOf(precisionCell(m))!.bits).toBe(formatOf(r.measuredPrecision)!.bits);
    }
  });

  it('a measuredPrecision cell that names nothing, or one on a gap row, is a LoadError naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gpufit-ratios-'));
    try {
      for (const [from, to] of [
        [/,fp8\n/, ',fast\n'],
        [/,fp4,fp8,,\n/, ',fp4,fp8,,fp8\n'],
      ] as const) {
        const text = committedCsv.replace(from, to);
        expect(text).not.toBe(committedCsv);
        writeFileSync(path.join(dir, 'throughput-ratios.csv'), text);
        const error = await loadThroughputRatios({ datasetsDir: dir }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LoadError);
        expect(error).toMatchObject({ column: 'measuredPrecision' });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the compiler reproduces the reference README’s within-benchmark ratios', () => {
  let build: ThroughputBuild;
  beforeAll(() => {
    build = compileThroughput(readCsv(measuredFile), new Set(GPU_SPECS.map((s) => s.gpu)));
  });

  it.each(GOLDEN)('%s %s %s: %s = %s × %s', async (version, benchmark, scenario, fast, slow, shown) => {
    const w = build.ratios.find(
      (x) =>
        x.a.version === version &&
        x.a.benchmark === benchmark &&
        x.a.scenario === scenario &&
        [x.gpuA, x.gpuB].includes(fast) &&
        [x.gpuA, x.gpuB].includes(slow),
    );
    expect(w).toBeDefined();
    const fastOverSlow = w!.gpuB === fast ? w!.ratio : 1 / w!.ratio;
    expect(fastOverSlow.toPrecision(shown.replace(/^0\./, '').replace('.', '').length)).toBe(shown);
    const table = throughputRatioTable(await loadThroughputRatios());
    // A comparison at two precisions (B200 fp4 against H100 fp8) is in the pair's row for that gap.
    const combined =
      w!.gap === null
        ? table.lookup(w!.throughputClass, w!.band, slow, fast)!
        : table
            .precisionGaps(w!.throughputClass, w!.band, slow, fast)
            .find((g) => g.precision?.to === (w!.gpuB === fast ? w!.gap!.b : w!.gap!.a))!;
    expect(combined.min).toBeLessThanOrEqual(fastOverSlow * (1 + 5e-6));
    expect(combined.max).toBeGreaterThanOrEqual(fastOverSlow * (1 - 5e-6));
  });
});

describe('the compile is deterministic and accounts for every row', () => {
  const tiers = GPU_SPECS.map((s) => s.gpu);
  const run = () => {
    const build = compileThroughput(readCsv(measuredFile), new Set(tiers));
    const log = throughputLog(build);
    return {
      build,
      log,
      csv: csvText(THROUGHPUT_COLUMNS, build.rows),
      md: throughputMarkdown(build, log, REQUIRED_GPUS, tiers),
    };
  };

  it('gives byte-identical output on a second run, equal to the committed file and README section', () => {
    const [first, second] = [run(), run()];
    expect(second.csv).toBe(first.csv);
    expect(second.md).toBe(first.md);
    expect(first.csv).toBe(committedCsv);
    const readme = readFileSync(path.join(datasets, 'README.md'), 'utf8');
    expect(withGenerated(readme, 'throughput', first.md, 'datasets/scripts/compile-throughput.ts')).toBe(
      readme,
    );
  });

  it('reads every row of the measured file and ends each as used or dropped with a reason', () => {
    const { build, log } = run();
    expect(build.ledger.read).toBe(measured.length);
    expect(build.ledger.used + build.ledger.droppedTotal).toBe(measured.length);
    expect(log[0]).toBe(
      `measured-throughput.csv: read ${measured.length} rows = used ${build.ledger.used} + dropped ${build.ledger.droppedTotal}`,
    );
    // Rows this test's own rules leave out (no tier, no class, not comparable) are all among the dropped.
    const outside = measured.filter(
      (m) => notUsed(m) || TIER[m.accelerator] === undefined || classOf(m) === undefined,
    ).length;
    expect(build.ledger.droppedTotal).toBeGreaterThanOrEqual(outside);
    for (const [reason, n] of build.ledger.dropped) {
      expect(reason.length).toBeGreaterThan(10);
      expect(n).toBeGreaterThan(0);
    }
  });
});

describe('loadThroughputRatios', () => {
  it('loads every row as typed values that build the pricing lookup', async () => {
    const loaded: ThroughputRatioRow[] = await loadThroughputRatios();
    expect(loaded).toHaveLength(rows.length);
    const table = throughputRatioTable(loaded);
    expect(table.size).toBe(rows.length);
    const b200 = table.lookup('inference', 'small', 'L4', 'B200')!;
    expect(b200.ratio).toBeGreaterThan(1);
    expect(table.lookup('inference', 'small', 'B200', 'L4')!.ratio).toBeCloseTo(1 / b200.ratio, 12);
  });

  const broken = async (edit: (lines: string[]) => void) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gpufit-ratios-'));
    try {
      const lines = committedCsv.split('\n');
      edit(lines);
      writeFileSync(path.join(dir, 'throughput-ratios.csv'), lines.join('\n'));
      return await loadThroughputRatios({ datasetsDir: dir }).catch((e: unknown) => e);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const setCell = (lines: string[], row: number, column: number, value: string) => {
    const cells = lines[row - 1]!.split(',');
    cells[column] = value;
    lines[row - 1] = cells.join(',');
  };

  it.each([
    ['a ratio that is not a number', 3, 4, 'lots', 'ratio'],
    ['a ratio outside min..max', 3, 4, '99', 'ratio'],
    ['an unknown class', 4, 0, 'rendering', 'throughputClass'],
    ['a band that does not exist', 4, 1, 'huge', 'modelSizeBand'],
    ['zero results', 5, 7, '0', 'results'],
  ])('%s is a LoadError naming file, row and column', async (_, row, column, value, name) => {
    const error = await broken((lines) => setCell(lines, row, column, value));
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ row, column: name });
    expect(String((error as LoadError).file)).toMatch(/throughput-ratios\.csv$/);
  });

  it.each([
    ['half a precision gap', ',fp4,'],
    ['a gap between two formats of one width', ',fp4,int4'],
    ['a precision that names no format', ',fp4,fast'],
  ])('%s is a LoadError naming precisionB', async (_, ending) => {
    let row = 0;
    const error = await broken((lines) => {
      row = lines.findIndex((l) => /,fp4,fp8,,$/.test(l)) + 1;
      lines[row - 1] = lines[row - 1]!.replace(/,fp4,fp8,,$/, `${ending},,`);
    });
    expect(row).toBeGreaterThan(1);
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ row, column: 'precisionB' });
  });

  it('a file written before the precision columns loads, each row like-for-like', async () => {
    // Before the precision columns there was no task column either, nor a row of one task.
    const old = THROUGHPUT_COLUMNS.slice(0, THROUGHPUT_COLUMNS.indexOf('precisionA'));
    const kept = rows
      .filter((r) => r.precisionA === '' && r.task === '')
      .map((r) => Object.fromEntries(old.map((c) => [c, r[c as keyof typeof r]])));
    const error = await broken((lines) => {
      lines.splice(0, lines.length, ...csvText(old, kept).split('\n'));
    });
    expect(error).not.toBeInstanceOf(Error);
    const loaded = error as ThroughputRatioRow[];
    expect(loaded).toHaveLength(rows.filter((r) => r.precisionA === '' && r.task === '').length);
    expect(loaded.every((r) => (r.precisionA ?? '') === '' && (r.precisionB ?? '') === '')).toBe(true);
    expect(throughputRatioTable(loaded).lookup('inference', 'small', 'H100', 'B200', 8)?.ratio).toBeCloseTo(
      1 / 0.588028,
      5,
    );
  });

  it('a pair listed twice (here in the other direction) is a duplicate-id LoadError', async () => {
    const error = await broken((lines) => {
      const cells = lines[1]!.split(',');
      [cells[2], cells[3]] = [cells[3]!, cells[2]!];
      lines.splice(lines.length - 1, 0, cells.join(',')); // before the final newline's empty piece
    });
    expect(error).toMatchObject({ code: 'duplicate-id', column: 'gpuA', row: rows.length + 2 });
  });
});

describe('a ratio credited to work at precision P never comes from a result narrower than P on one side only', () => {
  const tierIds = new Set(GPU_SPECS.map((s) => s.gpu));
  const BITS = [32, 16, 8, 4] as const;
  const asRow = (r: Record<string, string>): ThroughputRatioRow => ({
    ...(r as unknown as ThroughputRatioRow),
    ratio: Number(r.ratio),
    min: Number(r.min),
    max: Number(r.max),
    results: Number(r.results),
  });
  const bitsOf = (p: string) => formatOf(p)?.bits ?? null;

  /**
   * For every row of a build and every work width: the ratio `lookup` credits, traced back to the comparisons
   * behind it. Each is either at one width on both GPUs (or neither recorded: no format speed-up credited to one
   * side), or a precision gap whose narrower side is at least as wide as the work.
   */
  function checkCredited(build: ThroughputBuild): number {
    const table = throughputRatioTable(build.rows.map(asRow));
    let checked = 0;
    for (const row of build.rows)
      for (const workBits of BITS) {
        const task = row.task === '' ? undefined : (row.task as WorkloadTask);
        const cls = row.throughputClass as ThroughputClass;
        const band = row.modelSizeBand as ModelSizeBand;
        const got = table.lookup(cls, band, row.gpuA!, row.gpuB!, workBits, { task });
        if (got === undefined) continue;
        const gap = got.precision === undefined ? null : { a: got.precision.from, b: got.precision.to };
        const behind = build.ratios.filter(
          (w) =>
            w.throughputClass === cls &&
            w.band === band &&
            w.gpuA === row.gpuA &&
            w.gpuB === row.gpuB &&
            (task === undefined || w.a.task === task) &&
            (w.gap?.a ?? null) === (gap?.a ?? null) &&
            (w.gap?.b ?? null) === (gap?.b ?? null),
        );
        expect(behind.length).toBe(got.results);
        for (const w of behind) {
          const [a, b] = [bitsOf(w.a.precision), bitsOf(w.b.precision)];
          if (a !== null && b !== null && a !== b) expect(Math.min(a, b)).toBeGreaterThanOrEqual(workBits);
          // One side below 8 bits and the other unknown is never filed at all (the compile refuses it).
          if ((a === null) !== (b === null)) expect(Math.min(a ?? 99, b ?? 99)).toBeGreaterThanOrEqual(8);
          checked += 1;
        }
      }
    return checked;
  }

  it('holds for the committed build (every row, work at fp32, bf16, fp8 and fp4)', () => {
    const build = compileThroughput(readCsv(measuredFile), tierIds);
    expect(checkCredited(build)).toBeGreaterThan(1000);
  });

  it('holds whatever formats the Training results are given, or the compile refuses a narrow one against none', () => {
    const raw = readCsv(measuredFile);
    const training = raw.flatMap((r, i) => (r.suite?.startsWith('MLPerf Training') ? [i] : []));
    const formatsOf = (...f: string[]) =>
      fc.array(fc.constantFrom(...f), { minLength: training.length, maxLength: training.length });
    let built = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        // Every result recorded; none below 8 bits; or anything (mostly refused: fp4 meets an unrecorded result).
        fc.oneof(
          formatsOf('fp4', 'fp8', 'bf16', 'fp16'),
          formatsOf('not recorded', 'fp8', 'bf16'),
          formatsOf('not recorded', 'fp4', 'fp8', 'bf16', 'fp16'),
        ),
        (formats) => {
          const rows = raw.map((r) => ({ ...r }));
          training.forEach((i, k) => {
            rows[i]!.precision = formats[k]!;
          });
          let build: ThroughputBuild;
          try {
            build = compileThroughput(rows, tierIds);
          } catch (e) {
            expect(String(e)).toMatch(
              /is not recorded: read it from the submission and add it to RESULT_PRECISIONS/,
            );
            refused += 1;
            return;
          }
          expect(checkCredited(build)).toBeGreaterThan(0);
          built += 1;
        },
      ),
      { numRuns: 30, seed: 20261205 },
    );
    expect(built).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(0);
  });

  // Before the v5.1 formats were recorded, B300 = 2.71 × H200 (1 ÷ 0.369537) for LoRA fine-tuning (llama2_70b_lora
  // v5.1 @ 8: Nebius B300, Dell H200) was like-for-like, so bf16 work was credited it; the B300 log says fp4
  // (nvfp4), the H200 log fp8. It is now a gap row: fp4 work only; bf16 and fp8 work find no measured ratio.
  it('vector: B300/H200 LoRA 0.369537 is fp4 against fp8, credited to fp4 work only', async () => {
    const table = throughputRatioTable(await loadThroughputRatios());
    for (const bits of [16, 8])
      expect(table.lookup('fine-tuning', 'medium', 'H200', 'B300', bits)).toBeUndefined();
    const fp4 = table.lookup('fine-tuning', 'medium', 'H200', 'B300', 4)!;
    expect(fp4.precision).toEqual({ from: 'fp8', to: 'fp4', maxBits: 4 });
    close(fp4.ratio, 1 / 0.369537);
  });

  // Before: B200/H200 LoRA pooled 6 comparisons, 0.453742 (B200 = 2.20 × H200). Two had B200 at fp4 (v5.1 @ 8 Dell
  // config_1xXE9680Lx8B200 and @ 16 Nebius n2 log) against H200 at fp8; they are now the gap row 0.418964
  // (2.39×). The 4 fp8-against-fp8 comparisons (v5.0 @ 8 and @ 16, v5.1 @ 32 Nebius n4 log, @ 64 UF) give 0.458211.
  it('vector: B200/H200 LoRA like-for-like 0.453742 (6) → 0.458211 (4, fp8); fp4/fp8 gap 0.418964 (2)', async () => {
    const table = throughputRatioTable(await loadThroughputRatios());
    const bf16 = table.lookup('fine-tuning', 'medium', 'B200', 'H200', 16)!;
    expect([bf16.ratio, bf16.results, bf16.measuredPrecision]).toEqual([0.458211, 4, 'fp8']);
    const gap = table.precisionGaps('fine-tuning', 'medium', 'B200', 'H200');
    expect(gap.map((g) => [g.ratio, g.results, g.precision])).toEqual([
      [0.418964, 2, { from: 'fp4', to: 'fp8', maxBits: 4 }],
    ]);
  });
});

describe('RESULT_PRECISIONS: the Training formats read from the submissions', () => {
  it('every entry names at least one result of its round and benchmark (none stale)', () => {
    for (const p of RESULT_PRECISIONS)
      expect(
        measured.filter(
          (m) =>
            m.version === p.version && m.benchmark === p.benchmark && m.source.includes(p.sourceContains),
        ).length,
        `${p.version} ${p.benchmark} ${p.sourceContains}`,
      ).toBeGreaterThan(0);
  });

  it('every Blackwell LLM Training result behind a ratio has its format recorded (B200, B300, GB200)', async () => {
    const build = compileThroughput(readCsv(measuredFile), new Set(GPU_SPECS.map((s) => s.gpu)));
    const behind = build.ratios
      .flatMap((w) => [w.a, w.b])
      .filter((m) => m.suite.startsWith('MLPerf Training') && m.benchmark.startsWith('llama'));
    const blackwell = behind.filter((m) => ['B200', 'B300', 'GB200'].includes(m.tier));
    expect(blackwell.length).toBeGreaterThan(20);
    const unread = [
      ...new Set(
        blackwell
          .filter((m) => formatOf(m.precision) === null)
          .map((m) => `${m.version} ${m.benchmark} ${m.scenario} ${m.tier}`),
      ),
    ].sort();
    // Dell's v5.0 GB200 LoRA submissions (4, 8 and 16 × XE9712x4GB200) ship no GB200 config and their logs print
    // none: the only ones not read. v5.0 has no FP4 config at all, so they are no fp4 hidden in a like-for-like row.
    expect(unread).toEqual([
      'v5.0 llama2_70b_lora time-to-train @ 16 accelerators GB200',
      'v5.0 llama2_70b_lora time-to-train @ 32 accelerators GB200',
      'v5.0 llama2_70b_lora time-to-train @ 64 accelerators GB200',
    ]);
  });
});
