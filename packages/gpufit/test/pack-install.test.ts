import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gpuTierTable, throughputRatioTable } from '@gpufit/pricing';
import { type Analysis, APPROACHES, validateScenario } from '@gpufit/schema';
import { build } from 'esbuild';
import { analyze, loadWorkloadsCsv, withDefaultSubsidies } from 'gpufit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CoreInput, type CoreResult, core } from './fixtures/consumer/src/core.js';
import { launchChromium } from './support/chromium.js';

/**
 * The packages as another app gets them (issue 17, part 1): build every package, `pnpm pack` each one, install
 * the tarballs with npm into a fresh project outside the workspace, then type-check a strict TypeScript consumer
 * against them, run a Node consumer (gpufit's analyze() on the bundled example) and bundle a browser consumer
 * with esbuild for headless Chromium. The consumer is `test/fixtures/consumer/` (its README says what each file
 * does); its results are compared with the same calls through the workspace sources.
 */
const run = promisify(execFile);
const repo = join(import.meta.dirname, '..', '..', '..');
const PACKAGES = [
  'packages/schema',
  'packages/scoring',
  'packages/pricing',
  'packages/report',
  'packages/analysis',
  'packages/gpufit',
  'datasets',
];
const MINUTES = 60_000;

/** pnpm as the test command was started with it (`pnpm test` sets npm_execpath), else the one on PATH. */
function pnpm(args: readonly string[], cwd: string) {
  const execPath = process.env['npm_execpath'];
  const [file, argv] =
    execPath !== undefined && basename(execPath).startsWith('pnpm')
      ? /\.c?js$/.test(execPath)
        ? [process.execPath, [execPath, ...args]]
        : [execPath, [...args]]
      : ['pnpm', [...args]];
  return run(file, argv, { cwd, maxBuffer: 64 * 1024 * 1024 });
}

const tscBin = (() => {
  const require = createRequire(join(repo, 'package.json'));
  const manifest = require.resolve('typescript/package.json');
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { tsc: string } }).bin.tsc;
  return join(dirname(manifest), bin);
})();

let work: string;
let app: string;
let tarballs: string[];
let browser: Browser | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gpufit-pack-'));
  app = join(work, 'app');
  const packed = join(work, 'tarballs');
  mkdirSync(packed);
  await pnpm(['run', 'build'], repo);
  for (const pkg of PACKAGES) await pnpm(['pack', '--pack-destination', packed], join(repo, pkg));
  tarballs = readdirSync(packed).map((name) => join(packed, name));
  cpSync(join(import.meta.dirname, 'fixtures', 'consumer'), app, { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'gpufit-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  // @types/node because gpufit's types speak of streams and files, as any Node library's do.
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...tarballs,
      '@types/node@20',
    ],
    { cwd: app, maxBuffer: 64 * 1024 * 1024 },
  );
}, 10 * MINUTES);

afterAll(async () => {
  await browser?.close();
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

interface Manifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly exports?: Record<string, string | Record<string, string>>;
  readonly bin?: Record<string, string>;
}

const installed = (name: string) => join(app, 'node_modules', ...name.split('/'));
const manifestOf = (name: string): Manifest =>
  JSON.parse(readFileSync(join(installed(name), 'package.json'), 'utf8')) as Manifest;

/** The Node consumer's output, produced once. */
let nodeRun: Promise<{ input: CoreInput; analysis: Analysis; core: CoreResult }> | undefined;
const nodeConsumer = () => {
  nodeRun ??= run(process.execPath, [join(app, 'build', 'node.js')], {
    cwd: app,
    maxBuffer: 256 * 1024 * 1024,
  }).then(({ stdout }) => JSON.parse(stdout));
  return nodeRun;
};

/** Paths where two JSON values differ: in shape, in a string or boolean, or in a number by more than 1e-12 relative. */
function farApart(a: unknown, b: unknown, path: string): string[] {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)) ? [] : [`${path}: ${a} ≠ ${b}`];
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return Object.is(a, b) ? [] : [`${path}: ${String(a)} ≠ ${String(b)}`];
  if (Array.isArray(a) !== Array.isArray(b)) return [`${path}: array ≠ object`];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((k) =>
    farApart((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`),
  );
}

describe('the packed packages, installed with npm into a fresh project', () => {
  test('one tarball per package; pnpm pack rewrote workspace:* and every export points into what shipped', () => {
    expect(tarballs.map((t) => basename(t)).sort()).toEqual([
      'gpufit-0.1.0.tgz',
      'gpufit-analysis-0.1.0.tgz',
      'gpufit-datasets-0.1.0.tgz',
      'gpufit-pricing-0.1.0.tgz',
      'gpufit-report-0.1.0.tgz',
      'gpufit-schema-0.1.0.tgz',
      'gpufit-scoring-0.1.0.tgz',
    ]);
    const published = [
      '@gpufit/schema',
      '@gpufit/scoring',
      '@gpufit/pricing',
      '@gpufit/report',
      '@gpufit/analysis',
      'gpufit',
    ];
    for (const name of published) {
      const manifest = manifestOf(name);
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
        expect(range, `${name} → ${dep}`).not.toMatch(/^workspace:/);
      }
      const main = manifest.exports?.['.'];
      expect(main && typeof main === 'object' ? Object.keys(main) : [], name).toEqual([
        'types',
        'import',
        'default',
      ]);
      for (const target of Object.values(main as Record<string, string>)) {
        expect(existsSync(join(installed(name), target)), `${name}: ${target}`).toBe(true);
      }
      expect(existsSync(join(installed(name), 'src')), `${name} ships no sources`).toBe(false);
    }
    expect(manifestOf('gpufit').dependencies?.['@gpufit/datasets']).toBe('0.1.0');
    expect(manifestOf('gpufit').dependencies?.['@gpufit/analysis']).toBe('0.1.0');
    expect(existsSync(join(installed('@gpufit/datasets'), 'offers.csv'))).toBe(true);
  });

  test('a strict TypeScript consumer (nodenext) type-checks against the installed .d.ts files', async () => {
    // Also emits build/, which the Node consumer runs. typesAreReal.ts fails the check if the types were `any`.
    const result = await run(process.execPath, [tscBin, '-p', join(app, 'tsconfig.json')], { cwd: app }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
  });

  test("a Node consumer runs gpufit's analyze() on the bundled example, with the workspace's numbers", async () => {
    const out = await nodeConsumer();
    const { totals } = out.analysis;
    expect(out.analysis.workloads).toHaveLength(6);
    for (const usd of [totals.monthlyUsd.recommended, totals.monthlyUsd.allCloud]) {
      expect(Number.isFinite(usd) && usd > 0, String(usd)).toBe(true);
    }
    // The same call through the workspace sources (the bundled datasets are the same files).
    const datasets = join(repo, 'datasets');
    const workloads = await loadWorkloadsCsv(join(datasets, 'workloads', 'seed-startup.csv'));
    const scenario = validateScenario(
      JSON.parse(readFileSync(join(datasets, 'scenarios', 'default.json'), 'utf8')),
    );
    if (!scenario.ok) throw new Error('default scenario');
    const catalog = await import('gpufit').then((g) => g.loadBundledCatalog());
    const expected = await analyze({
      workloads: workloads.rows,
      offers: catalog.offers.rows,
      tiers: gpuTierTable(catalog.gpuTiers),
      ratios: throughputRatioTable(catalog.throughputRatios),
      scenario: { ...withDefaultSubsidies(scenario.value, catalog.networks), analysisDate: '2026-12-01' },
    });
    expect(out.analysis).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  test('the Node consumer validates, scores and prices with the pure packages as the workspace does', async () => {
    const out = await nodeConsumer();
    expect(APPROACHES).toContain(out.core.approach);
    expect(out.core.priced).toBeGreaterThan(0);
    expect(out.core.cheapestMonthlyUsd).toBeGreaterThan(0);
    expect(Number.isFinite(out.core.cheapestMonthlyUsd)).toBe(true);
    expect(out.core.markdown).toContain(out.analysis.workloads[0]!.name);
    expect(out.core).toEqual(JSON.parse(JSON.stringify(await core(out.input))));
  });

  test("the pure core's analyze() (@gpufit/analysis, in core()) gives gpufit's numbers in Node", async () => {
    const out = await nodeConsumer();
    expect(out.core.analysis).toEqual(out.analysis);
    expect(out.core.analysis.totals.monthlyUsd.recommended).toBeGreaterThan(0);
  });

  test('a browser consumer bundled by esbuild runs analyze() in headless Chromium: same results, clean console, no requests', async () => {
    const bundle = await build({
      absWorkingDir: app,
      entryPoints: ['src/browser.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.text;
    expect(script).not.toMatch(/from ?["']node:/);
    const { input, core: inNode } = await nodeConsumer();
    browser = await launchChromium();
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent('<!doctype html><html><head><title>gpufit</title></head><body></body></html>');
    await page.evaluate((value) => {
      (globalThis as unknown as { gpufitInput: unknown }).gpufitInput = value;
    }, input);
    await page.addScriptTag({ content: script });
    // core() is async (analyze() awaits its Monte Carlo runner): wait until it has settled.
    await page.waitForFunction(
      () => (globalThis as unknown as { gpufitResult?: unknown }).gpufitResult !== undefined,
    );
    // As JSON, as Node's result arrived (JSON writes −0 as 0; page.evaluate keeps −0).
    const result: unknown = JSON.parse(
      await page.evaluate(() =>
        JSON.stringify((globalThis as unknown as { gpufitResult: unknown }).gpufitResult),
      ),
    );
    // Chromium's V8 computes Math.exp, Math.log, ** and the trigonometric functions with a different libm than
    // Node 20's (they differ in the last bit on ~10 % of arguments; + − × ÷ and sqrt are exact in both), so the
    // Monte Carlo's percentiles may differ in the 16th digit. Everything else is equal, and every number within
    // 1e-12 of Node's, so every figure a report shows (to the cent) is the same.
    expect((result as { ok: boolean }).ok, JSON.stringify(result).slice(0, 2000)).toBe(true);
    expect(farApart((result as { value: CoreResult }).value, inNode, '')).toEqual([]);
    expect((result as { value: CoreResult }).value.analysis.totals.monthlyUsd).toEqual(
      inNode.analysis.totals.monthlyUsd,
    );
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
