/**
 * datasets/unit-throughput.csv against ../shared/reference/throughput/measured-throughput.csv: every rate is traced
 * back to one measured row (read here with this test's own code, not the compiler's), the newest-round rule is
 * re-checked, a rebuild gives the committed bytes, and the loader accepts the file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelSizeBand, unitThroughputTable } from '@gpufit/pricing';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GPU_SPECS } from '../../../datasets/scripts/data/gpu-specs.js';
import { csvText, readCsv } from '../../../datasets/scripts/lib/csvio.js';
import {
  compileUnitThroughput,
  UNIT_THROUGHPUT_COLUMNS,
} from '../../../datasets/scripts/lib/unitThroughput.js';
import { loadUnitThroughput } from '../src/data/loadReferenceData.js';
import { MEASURED_TIER as TIER } from './support/measuredTiers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const measuredFile = path.resolve(repoRoot, '../shared/reference/throughput/measured-throughput.csv');
const committedFile = path.join(repoRoot, 'datasets', 'unit-throughput.csv');
type Cells = Record<string, string>;
const measured = parse(readFileSync(measuredFile), { columns: true, bom: true }) as Cells[];
const committed = parse(readFileSync(committedFile), { columns: true, bom: true }) as Cells[];

/** This test's own reading of datasets/README.md: benchmark → unit of output. */
const UNIT: Record<string, string> = {
  'llama3.1-8b': 'tokens',
  'llama2-70b-99': 'tokens',
  'llama3.1-405b': 'tokens',
  'lambda-vllm-Meta-Llama-3.1-8B-FP8': 'tokens',
  'lambda-vllm-Meta-Llama-3.1-70B-Instruct-FP8': 'tokens',
  'stable-diffusion-xl': 'images',
};
const scenarioOf = (m: Cells) =>
  m.scenario === 'Server' || m.scenario === 'Offline' ? m.scenario : 'vLLM serving';
const candidates = measured.filter(
  (m) => !m.suite!.startsWith('MLPerf Training') && UNIT[m.benchmark!] !== undefined && TIER[m.accelerator!],
);
const keyOf = (unit: string, band: string, gpu: string, scenario: string) =>
  [unit, band, gpu, scenario].join('|');

describe('datasets/unit-throughput.csv', () => {
  it('every row is a measured per-GPU rate of the reference file, unchanged, with its source', () => {
    expect(committed.length).toBeGreaterThan(40);
    for (const r of committed) {
      const match = candidates.filter(
        (m) =>
          m.benchmark === r.benchmark &&
          m.version === r.version &&
          TIER[m.accelerator!] === r.gpu &&
          scenarioOf(m) === r.scenario,
      );
      expect(match, `${r.gpu} ${r.benchmark} ${r.version} ${r.scenario}`).toHaveLength(1);
      const m = match[0]!;
      expect(Number(r.perGpuPerSecond)).toBe(Number(m.per_accelerator_result));
      // the reference's division: system result ÷ accelerators
      expect(Number(r.perGpuPerSecond)).toBeCloseTo(Number(m.result) / Number(m.accelerators_per_system), 2);
      expect(r.unit).toBe(UNIT[m.benchmark!]);
      expect(r.modelSizeBand).toBe(modelSizeBand(Number(m.model_params_b)));
      expect(r.source).toContain(m.source!);
    }
  });

  it('holds every measured (unit, band, GPU, scenario) once, at its newest round', () => {
    const round = (v: string) => (/^v(\d+)\.(\d+)$/.exec(v) ? Number(v.slice(1)) : -1);
    const newest = new Map<string, number>();
    for (const m of candidates) {
      const k = keyOf(
        UNIT[m.benchmark!]!,
        modelSizeBand(Number(m.model_params_b)),
        TIER[m.accelerator!]!,
        scenarioOf(m),
      );
      newest.set(k, Math.max(newest.get(k) ?? Number.NEGATIVE_INFINITY, round(m.version!)));
    }
    const keys = committed.map((r) => keyOf(r.unit!, r.modelSizeBand!, r.gpu!, r.scenario!));
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...newest.keys()].sort());
    for (const r of committed)
      expect(round(r.version!), keyOf(r.unit!, r.modelSizeBand!, r.gpu!, r.scenario!)).toBe(
        newest.get(keyOf(r.unit!, r.modelSizeBand!, r.gpu!, r.scenario!)),
      );
  });

  it('leaves the gaps as gaps: no L4, A10G or T4 token rate, nothing in the tiny band', () => {
    const has = (unit: string, gpu: string) => committed.some((r) => r.unit === unit && r.gpu === gpu);
    for (const gpu of ['L4', 'A10G', 'T4', 'RTX4090']) expect(has('tokens', gpu), gpu).toBe(false);
    expect(committed.some((r) => r.modelSizeBand === 'tiny')).toBe(false);
  });

  it('a rebuild from the measured file gives the committed bytes and accounts for every row', () => {
    const build = compileUnitThroughput(readCsv(measuredFile), new Set(GPU_SPECS.map((s) => s.gpu)));
    expect(csvText(UNIT_THROUGHPUT_COLUMNS, build.rows)).toBe(readFileSync(committedFile, 'utf8'));
    expect(build.ledger.read).toBe(measured.length);
    expect(build.ledger.used + build.ledger.droppedTotal).toBe(measured.length);
  });

  it('loads through the reference loader into a lookup', async () => {
    const table = unitThroughputTable(await loadUnitThroughput());
    expect(table.size).toBe(committed.length);
    expect(table.lookup('tokens', 'small', 'H100', 'serving')?.perGpuPerSecond).toBe(5103.99);
    expect(table.lookup('tokens', 'medium', 'H100', 'batch')?.perGpuPerSecond).toBe(3902.4688);
  });
});
