import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gpuTierTable } from '@gpufit/pricing';
import { INTERCONNECTS } from '@gpufit/schema';
import { parse } from 'csv-parse/sync';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundledDatasetsDir } from '../src/data/bundledDatasetsDir.js';
import { loadBundledCatalog } from '../src/data/loadBundledCatalog.js';
import { loadGpuAliases, loadGpuTiers, loadNetworks, loadRegions } from '../src/data/loadReferenceData.js';
import { LoadError } from '../src/io/loadError.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const datasets = path.join(repoRoot, 'datasets');
/** Data records of a datasets/ file, counted by csv-parse itself. */
const dataRows = (name: string) =>
  (parse(readFileSync(path.join(datasets, name)), { bom: true, skip_empty_lines: true }) as unknown[])
    .length - 1;

describe('bundledDatasetsDir', () => {
  it('finds datasets/ from the TypeScript sources', () => {
    expect(bundledDatasetsDir()).toBe(datasets);
  });

  it('finds datasets/ from where the CLI bundle lives (packages/gpufit/dist/cli.mjs)', () => {
    expect(bundledDatasetsDir(pathToFileURL(path.join(repoRoot, 'packages/gpufit/dist/cli.mjs')).href)).toBe(
      datasets,
    );
  });

  it('finds datasets/ from inside a real esbuild bundle in packages/gpufit/dist', async () => {
    const outfile = path.join(repoRoot, 'packages/gpufit/dist', `.datasets-dir-test-${process.pid}.mjs`);
    try {
      await build({
        stdin: {
          contents:
            "import { bundledDatasetsDir } from './bundledDatasetsDir.js'; console.log(bundledDatasetsDir());",
          resolveDir: path.join(repoRoot, 'packages/gpufit/src/data'),
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile,
        logLevel: 'silent',
      });
      expect(execFileSync(process.execPath, [outfile], { encoding: 'utf8' }).trim()).toBe(datasets);
    } finally {
      rmSync(outfile, { force: true });
    }
  });

  it('installed from npm: takes the @gpufit/datasets package beside gpufit over a datasets/ folder above it', () => {
    const project = mkdtempSync(path.join(tmpdir(), 'gpufit-installed-'));
    try {
      const installed = path.join(project, 'node_modules', '@gpufit', 'datasets');
      const module = path.join(
        project,
        'node_modules',
        'gpufit',
        'dist',
        'lib',
        'data',
        'bundledDatasetsDir.js',
      );
      for (const dir of [installed, path.join(project, 'datasets'), path.dirname(module)])
        mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(installed, 'offers.csv'), 'id\n');
      writeFileSync(path.join(project, 'datasets', 'offers.csv'), 'id\n');
      expect(bundledDatasetsDir(pathToFileURL(module).href)).toBe(realpathSync(installed));
      rmSync(path.join(project, 'node_modules', '@gpufit'), { recursive: true });
      expect(bundledDatasetsDir(pathToFileURL(module).href)).toBe(path.join(project, 'datasets'));
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('says what it looked for when there is no datasets/ above', () => {
    expect(() => bundledDatasetsDir(pathToFileURL(path.join(tmpdir(), 'x', 'cli.mjs')).href)).toThrow(
      /cannot find the bundled datasets \(a folder with datasets.offers\.csv\)/,
    );
  });
});

describe('bundled reference tables load as typed values', () => {
  it('gpu-tiers.csv: every row, with positive figures and a known interconnect', async () => {
    const tiers = await loadGpuTiers();
    expect(tiers).toHaveLength(dataRows('gpu-tiers.csv'));
    for (const t of tiers) {
      expect(t.memoryGiB).toBeGreaterThan(0);
      expect(t.relThroughputInference).toBeGreaterThan(0);
      expect(INTERCONNECTS).toContain(t.interconnect);
      expect(typeof t.consumer).toBe('boolean');
    }
    expect(tiers.find((t) => t.gpu === 'A100-80GB')).toMatchObject({
      relThroughputTraining: 1,
      relThroughputInference: 1,
    });
  });

  it('gpu-tiers.csv rows are the pricing engine’s GpuTier: they build its tier table', async () => {
    const table = gpuTierTable(await loadGpuTiers());
    expect(table.size).toBe(dataRows('gpu-tiers.csv'));
    expect(table.reference.gpu).toBe('A100-80GB');
  });

  it('gpu-aliases.csv: every alias names a tier', async () => {
    const [aliases, tiers] = await Promise.all([loadGpuAliases(), loadGpuTiers()]);
    expect(aliases).toHaveLength(dataRows('gpu-aliases.csv'));
    const ids = new Set(tiers.map((t) => t.gpu));
    for (const a of aliases) expect(ids.has(a.gpu)).toBe(true);
  });

  it('regions.csv: countries are ISO alpha-2 or null, blocs are lists', async () => {
    const regions = await loadRegions();
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) {
      if (r.country !== null) expect(r.country).toMatch(/^[A-Z]{2}$/);
      expect(Array.isArray(r.blocs)).toBe(true);
    }
    expect(regions.find((r) => r.provider === 'aws' && r.region === 'eu-central-1')).toMatchObject({
      country: 'DE',
    });
  });

  it('networks.csv: shares in 0..0.99 and a schedule kind', async () => {
    const networks = await loadNetworks();
    expect(networks).toHaveLength(dataRows('networks.csv'));
    for (const n of networks) expect(n.defaultSubsidyShare).toBeLessThanOrEqual(0.99);
    expect(networks.find((n) => n.provider === 'akash')).toMatchObject({
      incentiveSymbol: 'AKT',
      scheduleKind: 'step',
    });
  });

  it('loadBundledCatalog: every row of offers.csv loads, every offer on a known tier', async () => {
    const catalog = await loadBundledCatalog();
    expect(catalog.offers.rejected).toEqual([]);
    expect(catalog.offers.accounting).toEqual({
      read: dataRows('offers.csv'),
      accepted: dataRows('offers.csv'),
      rejected: 0,
    });
    const tiers = new Set(catalog.gpuTiers.map((t) => t.gpu));
    for (const o of catalog.offers.rows) expect(tiers.has(o.gpu)).toBe(true);
  });
});

/** loadGpuTiers on a copy of the bundled gpu-tiers.csv whose first row has `cell` set to `value`. */
async function loadTiersWith(cell: number, value: string): Promise<unknown> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gpufit-datasets-'));
  try {
    const tiers = readFileSync(path.join(datasets, 'gpu-tiers.csv'), 'utf8').split('\n');
    const cells = tiers[1]!.split(',');
    cells[cell] = value;
    tiers[1] = cells.join(',');
    writeFileSync(path.join(dir, 'gpu-tiers.csv'), tiers.join('\n'));
    return await loadGpuTiers({ datasetsDir: dir }).catch((e: unknown) => e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a broken reference table is a LoadError with file, row and column', () => {
  it('names the bad cell', async () => {
    const error = await loadTiersWith(3, 'lots');
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ row: 2, column: 'memoryGiB' });
  });

  it('refuses a GPU generation with no precision-support entry (a new generation must get one)', async () => {
    const error = await loadTiersWith(2, 'Rubin');
    expect(error).toBeInstanceOf(LoadError);
    expect(error).toMatchObject({ row: 2, column: 'generation' });
    expect(String((error as Error).message)).toContain('generation "Rubin" has no precision-support entry');
  });
});
