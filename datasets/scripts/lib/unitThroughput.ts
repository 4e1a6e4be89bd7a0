/**
 * Absolute output per GPU (generated tokens or images per second), for cost per unit of output, from
 * ../shared/reference/throughput/measured-throughput.csv. Pure: rows in, rows and log lines out
 * (compile-throughput.ts does the I/O).
 *
 * 1. Only inference results of a benchmark in UNIT_BENCHMARKS are used (data/unit-throughput-sources.ts); every
 *    other row is dropped with a reason, and an inference benchmark listed in neither table fails the build.
 * 2. Accelerators map to gpufit tiers as for the ratios (ACCELERATOR_TIERS); no tier, no row.
 * 3. One row per (unit, model-size band, tier, scenario): the newest round that measured it. The per-GPU rate is
 *    the file's `per_accelerator_result` unchanged (system result ÷ accelerators, as the reference computed it).
 *    Nothing is derived: a GPU with no measurement has no row.
 */
import { type ModelSizeBand, modelSizeBand } from '@gpufit/pricing';
import type { OutputUnit, UnitThroughputScenario as UnitScenario } from '@gpufit/schema';
import { ACCELERATOR_TIERS } from '../data/throughput-sources';
import { NOT_UNIT_BENCHMARKS, UNIT_BENCHMARKS } from '../data/unit-throughput-sources';
import { byKey, type Row } from './csvio';
import { RowLedger } from './ledger';
import { table } from './markdown';
import { positiveNumber as positive, THROUGHPUT_FILE } from './throughput';

export const UNIT_THROUGHPUT_FILE = 'unit-throughput.csv';

export const UNIT_THROUGHPUT_COLUMNS = [
  'unit',
  'modelSizeBand',
  'gpu',
  'scenario',
  'perGpuPerSecond',
  'benchmark',
  'modelParamsBillions',
  'version',
  'precision',
  'acceleratorsPerSystem',
  'system',
  'source',
  'notes',
] as const;

interface Candidate {
  readonly unit: OutputUnit;
  readonly band: ModelSizeBand;
  readonly tier: string;
  readonly scenario: UnitScenario;
  readonly version: string;
  readonly row: Row;
}

export interface UnitThroughputBuild {
  readonly rows: Row[];
  readonly ledger: RowLedger;
}

/** `v5.1` → [5, 1]; a non-MLPerf label (`vLLM v0.5.4`) sorts before every MLPerf round. */
function roundOf(version: string): readonly number[] {
  const m = /^v(\d+)\.(\d+)$/.exec(version.trim());
  return m === null ? [-1, -1] : [Number(m[1]), Number(m[2])];
}
const newer = (a: string, b: string): boolean => {
  const [a1 = 0, a2 = 0] = roundOf(a);
  const [b1 = 0, b2 = 0] = roundOf(b);
  return a1 !== b1 ? a1 > b1 : a2 > b2;
};

/** The scenario of a row: MLPerf's Server/Offline, or `vLLM serving` for the labelled non-MLPerf serving runs. */
function scenarioOf(r: Row): UnitScenario {
  if (r.scenario === 'Server' || r.scenario === 'Offline') return r.scenario;
  if ((r.suite ?? '').startsWith('non-MLPerf: Lambda vLLM') && (r.scenario ?? '').startsWith('serving'))
    return 'vLLM serving';
  throw new Error(
    `${THROUGHPUT_FILE}: ${r.benchmark} scenario '${r.scenario}' is not Server, Offline or a serving run`,
  );
}

/** Every row of the measured file used or dropped with a reason; one output row per (unit, band, tier, scenario). */
export function compileUnitThroughput(
  measured: readonly Row[],
  tierIds: ReadonlySet<string>,
): UnitThroughputBuild {
  const ledger = new RowLedger(THROUGHPUT_FILE);
  const best = new Map<string, Candidate>();
  for (const r of measured) {
    ledger.read += 1;
    const benchmark = r.benchmark ?? '';
    const suite = r.suite ?? '';
    if (suite.startsWith('MLPerf Training')) {
      ledger.drop('training result (time to train): not a rate of output');
      continue;
    }
    const spec = UNIT_BENCHMARKS[benchmark];
    if (spec === undefined) {
      const reason = NOT_UNIT_BENCHMARKS[benchmark];
      if (reason === undefined)
        throw new Error(
          `${THROUGHPUT_FILE}: inference benchmark ${benchmark} is in neither UNIT_BENCHMARKS nor NOT_UNIT_BENCHMARKS`,
        );
      ledger.drop(`${benchmark}: ${reason}`);
      continue;
    }
    const tier = ACCELERATOR_TIERS[r.accelerator ?? ''];
    if (tier === undefined)
      throw new Error(`${THROUGHPUT_FILE}: accelerator ${r.accelerator} is not in ACCELERATOR_TIERS`);
    if (typeof tier !== 'string') {
      ledger.drop(tier.drop);
      continue;
    }
    if (!tierIds.has(tier))
      throw new Error(`ACCELERATOR_TIERS maps ${r.accelerator} to ${tier}, which is not a tier`);
    const band = modelSizeBand(positive(r.model_params_b, `model_params_b of ${benchmark}`));
    positive(r.per_accelerator_result, `per_accelerator_result of ${benchmark} ${r.accelerator}`);
    const c: Candidate = {
      unit: spec.unit,
      band,
      tier,
      scenario: scenarioOf(r),
      version: r.version ?? '',
      row: r,
    };
    const key = [c.unit, c.band, c.tier, c.scenario].join('|');
    const held = best.get(key);
    if (held === undefined) {
      best.set(key, c);
      ledger.used += 1;
    } else if (newer(c.version, held.version)) {
      best.set(key, c);
      ledger.drop('an older round of the same unit × band × GPU × scenario (the newest round is kept)');
    } else if (newer(held.version, c.version)) {
      ledger.drop('an older round of the same unit × band × GPU × scenario (the newest round is kept)');
    } else {
      throw new Error(`${key}: two results in one round (${c.version}); which to use is undecided`);
    }
  }
  ledger.checkBalanced();
  const rows = [...best.values()]
    .sort(
      byKey((c) =>
        [
          c.unit,
          String(['tiny', 'small', 'medium', 'large'].indexOf(c.band)),
          c.tier.toLowerCase(),
          c.scenario,
        ].join('|'),
      ),
    )
    .map((c): Row => {
      const r = c.row;
      const spec = UNIT_BENCHMARKS[r.benchmark ?? '']!;
      const n = positive(r.accelerators_per_system, 'accelerators_per_system');
      return {
        unit: c.unit,
        modelSizeBand: c.band,
        gpu: c.tier,
        scenario: c.scenario,
        perGpuPerSecond: String(Number(r.per_accelerator_result)),
        benchmark: r.benchmark ?? '',
        modelParamsBillions: r.model_params_b ?? '',
        version: c.version,
        precision: r.precision ?? '',
        acceleratorsPerSystem: String(n),
        system: r.system ?? '',
        source: `${r.suite ?? ''} ${c.version}: ${r.source ?? ''}`.trim(),
        notes: [
          spec.meaning,
          `per GPU = ${r.result} ${r.unit} ÷ ${n} accelerators (the reference's division; assumes linear scaling in the system)`,
          c.scenario === 'Server'
            ? 'MLPerf Server: latency-bounded (TTFT/TPOT limits), the serving rate'
            : c.scenario === 'Offline'
              ? 'MLPerf Offline: all queries at once, the batch rate'
              : 'NON-MLPerf serving run (one harness, 320 prompts): far below the MLPerf rates at this concurrency',
        ].join('; '),
      };
    });
  return { rows, ledger };
}

/** The build log lines of the unit table: the ledger and the rows per unit × band. */
export function unitThroughputLog(build: UnitThroughputBuild): string[] {
  const { ledger } = build;
  const lines = [
    `measured-throughput.csv (unit rates): read ${ledger.read} rows = used ${ledger.used} + dropped ${ledger.droppedTotal}`,
  ];
  for (const [reason, n] of [...ledger.dropped].sort(byKey(([k]) => k)))
    lines.push(`  dropped ${n}: ${reason}`);
  lines.push(`${UNIT_THROUGHPUT_FILE}: ${build.rows.length} rows`);
  return lines;
}

/** The generated README part: the table itself (it is small) and the build log. */
export function unitThroughputMarkdown(build: UnitThroughputBuild, log: readonly string[]): string {
  const body = build.rows.map((r) => [
    r.unit ?? '',
    r.modelSizeBand ?? '',
    r.gpu ?? '',
    r.scenario ?? '',
    r.perGpuPerSecond ?? '',
    r.benchmark ?? '',
    r.version ?? '',
    r.precision && r.precision.length <= 12 ? r.precision : 'mixed (see csv)',
    r.acceleratorsPerSystem ?? '',
  ]);
  return [
    '### Rows (per GPU per second)',
    '',
    table(
      ['unit', 'band', 'GPU', 'scenario', 'per GPU/s', 'benchmark', 'round', 'precision', 'GPUs in system'],
      body,
    ),
    '',
    '### Build log (last run)',
    '',
    '```',
    ...log,
    '```',
  ].join('\n');
}
