import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gpuTierTable, throughputRatioTable, unitThroughputTable } from '@gpufit/pricing';
import { type Analysis, validateScenario } from '@gpufit/schema';
import {
  type AnalyzeInput,
  analyze,
  type BundledCatalog,
  loadBundledCatalog,
  loadWorkloadsCsv,
  STREAMED_NOTE,
  streamAnalysis,
  streamWorkloads,
  withDefaultSubsidies,
  writeReportSet,
} from 'gpufit';
import { beforeAll, describe, expect, test } from 'vitest';
import { runBuiltCli } from './support/runBuiltCli.js';

/**
 * The README promises "gpufit exports analyze()": the whole job, the streamed job and the report set, imported
 * from the package entry (`gpufit`, its sources through the `@gpufit/source` condition) the way another app
 * imports them, on the bundled example portfolio and catalog.
 */
let input: AnalyzeInput;
let catalog: BundledCatalog;
let workloadsPath: string;

beforeAll(async () => {
  catalog = await loadBundledCatalog();
  workloadsPath = join(catalog.datasetsDir, 'workloads', 'seed-startup.csv');
  const workloads = await loadWorkloadsCsv(workloadsPath);
  const scenarioFile = join(catalog.datasetsDir, 'scenarios', 'default.json');
  const scenario = validateScenario(JSON.parse(await readFile(scenarioFile, 'utf8')));
  if (!scenario.ok) throw new Error('the bundled default scenario does not validate');
  input = {
    workloads: workloads.rows,
    offers: catalog.offers.rows,
    tiers: gpuTierTable(catalog.gpuTiers),
    ratios: throughputRatioTable(catalog.throughputRatios),
    unitThroughput: unitThroughputTable(catalog.unitThroughput),
    scenario: withDefaultSubsidies(scenario.value, catalog.networks),
    networks: catalog.networks,
    accounting: workloads.accounting,
    rejected: [...workloads.rejected, ...catalog.offers.rejected],
  };
});

/** A Writable that keeps what is written. */
function collector(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(sink, { text: () => chunks.join('') });
}

describe('the gpufit package entry', () => {
  test("analyze() gives the CLI's result for the bundled example, Monte Carlo included", async () => {
    // The CLI dates a run by the clock unless told; the engine never reads one, so both get the same date.
    const analysisDate = '2026-12-01';
    const [analysis, cli] = await Promise.all([
      analyze({ ...input, scenario: { ...input.scenario, analysisDate } }),
      runBuiltCli(['analyze', '--format', 'json', '--threads', '1', '--analysis-date', analysisDate]),
    ]);
    expect(cli.code).toBe(0);
    expect(analysis.workloads).toHaveLength(6);
    expect(analysis.totals.monthlyUsd.recommended).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(JSON.parse(cli.stdout));
  });

  test('streamAnalysis() writes report.json as workloads arrive, with the in-memory monthly figures', async () => {
    const inMemory = await analyze({ ...input, monteCarlo: false });
    const json = collector();
    const csv = collector();
    const streamed = await streamAnalysis(
      streamWorkloads(workloadsPath),
      {
        offers: catalog.offers,
        tiers: input.tiers,
        throughputRatios: throughputRatioTable(catalog.throughputRatios),
        scenario: input.scenario,
        formulas: null,
      },
      { json, csv },
    );
    await Promise.all([json, csv].map((w) => new Promise<void>((done) => w.end(() => done()))));
    const written = JSON.parse(json.text()) as Analysis;
    expect(written.workloads.map((w) => w.id)).toEqual(inMemory.workloads.map((w) => w.id));
    expect(streamed.totals.monthlyUsd).toEqual(inMemory.totals.monthlyUsd);
    expect(written.totals).toEqual(JSON.parse(JSON.stringify(streamed.totals)));
    expect(streamed.assumptions).toContain(STREAMED_NOTE);
    expect(csv.text().split('\n').length).toBeGreaterThan(inMemory.workloads.length);
  });

  test('writeReportSet() writes the asked formats, report.json holding the analysis', async () => {
    const analysis = await analyze({ ...input, monteCarlo: false });
    const dir = await mkdtemp(join(tmpdir(), 'gpufit-api-'));
    try {
      const written = await writeReportSet(analysis, dir, ['json', 'md']);
      expect(written.files).toEqual(['report.md', 'report.json']);
      expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toEqual(
        JSON.parse(JSON.stringify(analysis)),
      );
      expect(await readFile(join(dir, 'report.md'), 'utf8')).toContain(analysis.workloads[0]!.name);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
