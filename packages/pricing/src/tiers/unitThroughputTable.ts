import {
  OUTPUT_UNITS,
  type OutputUnit,
  UNIT_THROUGHPUT_SCENARIOS,
  type UnitThroughputScenario,
} from '@gpufit/schema';
import { assert } from '../assert.js';
import { DUPLICATE_UNIT_THROUGHPUT, INVALID_UNIT_COST_INPUT, INVALID_UNIT_THROUGHPUT } from '../messages.js';
import { tierKey } from './gpuTierTable.js';
import { MODEL_SIZE_BANDS, type ModelSizeBand } from './modelSizeBand.js';
import { unitRateFitsModel } from './unitRateModelSize.js';

/**
 * One row of `datasets/unit-throughput.csv` (same field names): the measured output of one GPU per second — generated
 * tokens or images — for a model-size band, in one benchmark scenario. Measured only (MLPerf Inference or a
 * labelled serving benchmark, the system result ÷ its accelerators); compiled by
 * `datasets/scripts/compile-throughput.ts`, rules in `datasets/README.md`.
 */
export interface UnitThroughputRow {
  readonly unit: OutputUnit;
  readonly modelSizeBand: ModelSizeBand;
  readonly gpu: string;
  readonly scenario: UnitThroughputScenario;
  readonly perGpuPerSecond: number;
  readonly benchmark: string;
  readonly modelParamsBillions: number;
  /** MLPerf round (`v5.1`) or the non-MLPerf harness and version. */
  readonly version: string;
  readonly precision: string;
  readonly acceleratorsPerSystem: number;
  readonly system: string;
  readonly source: string;
  readonly notes: string;
}

/** How the rate is used: serving prefers the latency-bounded Server rate, batch the Offline rate. */
export type UnitRateUse = 'serving' | 'batch';

/** Scenarios tried in order: a serving workload never takes the Offline (unbounded-latency) rate. */
export const UNIT_SCENARIO_PREFERENCE: Readonly<Record<UnitRateUse, readonly UnitThroughputScenario[]>> = {
  serving: ['Server', 'vLLM serving'],
  batch: ['Offline', 'Server', 'vLLM serving'],
};

export interface UnitThroughputLookupOptions {
  /**
   * The workload's model size, billions of parameters: a row measured on a model more than
   * `UNIT_RATE_MAX_SIZE_RATIO` apart from it is skipped (unitRateModelSize.ts). Absent: any row of the band.
   */
  readonly modelParamsBillions?: number;
}

export interface UnitThroughputTable {
  /**
   * The measured rate for a unit, band and GPU tier (case-insensitive), by `use`'s scenario order, of a model close
   * enough in size when `options.modelParamsBillions` is given; or undefined.
   */
  lookup(
    unit: OutputUnit,
    band: ModelSizeBand,
    gpu: string,
    use: UnitRateUse,
    options?: UnitThroughputLookupOptions,
  ): UnitThroughputRow | undefined;
  readonly size: number;
}

const keyOf = (unit: string, band: string, gpu: string, scenario: string): string =>
  `${unit}|${band}|${tierKey(gpu)}|${scenario}`;

function isValidRow(row: UnitThroughputRow): boolean {
  return (
    (OUTPUT_UNITS as readonly string[]).includes(row.unit) &&
    (MODEL_SIZE_BANDS as readonly string[]).includes(row.modelSizeBand) &&
    (UNIT_THROUGHPUT_SCENARIOS as readonly string[]).includes(row.scenario) &&
    tierKey(row.gpu).length > 0 &&
    Number.isFinite(row.perGpuPerSecond) &&
    row.perGpuPerSecond > 0 &&
    row.source.trim().length > 0
  );
}

/** Builds the lookup of measured output rates. Pure: the Node side loads `datasets/unit-throughput.csv`. */
export function unitThroughputTable(rows: readonly UnitThroughputRow[]): UnitThroughputTable {
  const byKey = new Map<string, UnitThroughputRow>();
  for (const row of rows) {
    const key = keyOf(row.unit, row.modelSizeBand, row.gpu, row.scenario);
    assert(isValidRow(row), INVALID_UNIT_THROUGHPUT, key);
    assert(!byKey.has(key), DUPLICATE_UNIT_THROUGHPUT, key);
    byKey.set(key, row);
  }
  return {
    lookup: (unit, band, gpu, use, options = {}) => {
      const size = options.modelParamsBillions;
      for (const scenario of UNIT_SCENARIO_PREFERENCE[use]) {
        const row = byKey.get(keyOf(unit, band, gpu, scenario));
        if (row !== undefined && (size === undefined || unitRateFitsModel(row.modelParamsBillions, size)))
          return row;
      }
      return undefined;
    },
    size: rows.length,
  };
}

/** How many units a unit cost is quoted per: 1M tokens, one image, one audio hour. */
export const UNITS_PER_QUOTE: Readonly<Record<OutputUnit, number>> = {
  tokens: 1_000_000,
  images: 1,
  'audio-hours': 1,
};

/**
 * USD per `per` units of output at a measured rate: usdPerGpuHour ÷ (unitsPerGpuSecond × 3600) × per. E.g. $1.861
 * per L40S-hour at 1,207.14 tokens/s is $1.861 ÷ 4,345,704 tokens × 1,000,000 = $0.4282 per 1M tokens.
 */
export function usdPerUnits(usdPerGpuHour: number, unitsPerGpuSecond: number, per: number): number {
  assert(Number.isFinite(usdPerGpuHour) && usdPerGpuHour >= 0, INVALID_UNIT_COST_INPUT, usdPerGpuHour);
  assert(
    Number.isFinite(unitsPerGpuSecond) && unitsPerGpuSecond > 0,
    INVALID_UNIT_COST_INPUT,
    unitsPerGpuSecond,
  );
  assert(Number.isFinite(per) && per > 0, INVALID_UNIT_COST_INPUT, per);
  return (usdPerGpuHour / (unitsPerGpuSecond * 3600)) * per;
}
