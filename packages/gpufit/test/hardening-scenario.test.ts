// User formulas and scenario files as a user sends them: a scenario JSON with a `formula` subsidy schedule or a
// `priceAdjustments` expression, run by the built CLI (`gpufit analyze --scenario evil.json`). Known mathjs
// escape attempts are refused before anything is evaluated, and a formula that fails when evaluated is bad
// input too: exit 2 with the scenario file and the field, never an internal error. A formula that is fine is
// compiled once and really used (the numbers move). mathjs is loaded only when a scenario has a formula.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { type CliRun, expectBadInput, runBuiltCli } from './support/runBuiltCli.js';

const BAD = join(import.meta.dirname, 'fixtures', 'bad');
/** Two real offers (an AWS H100 and an Akash A100-80GB with its 0.25 incentive share) and two workloads. */
const CATALOG = join(BAD, 'offers-bom.csv');
const WORKLOADS = join(BAD, 'workloads-bom.csv');

function scenarioFile(json: unknown, name = 'evil.json'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gpufit-scenario-')), name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

const analyzeWith = (scenario: string, extra: string[] = []): Promise<CliRun> =>
  runBuiltCli([
    'analyze',
    WORKLOADS,
    '--catalog',
    CATALOG,
    '--scenario',
    scenario,
    '--format',
    'json',
    '--trials',
    '200',
    ...extra,
  ]);

type Site = 'subsidy' | 'priceAdjustment';

const SITES: Record<Site, { field: RegExp; scenario: (expression: string) => unknown }> = {
  subsidy: {
    field: /evil\.json, (field|column) subsidies\.akash\.expression/,
    // share: Akash's default incentive share in datasets/networks.csv (0.25, a gpufit assumption there).
    scenario: (expression) => ({ subsidies: { akash: { kind: 'formula', share: 0.25, expression } } }),
  },
  priceAdjustment: {
    field: /evil\.json, (field|column) priceAdjustments\.0\.expression/,
    scenario: (expression) => ({ priceAdjustments: [{ market: 'depin', expression }] }),
  },
};

const NOT_ALLOWED_FUNCTION = /calls a function that is not allowed/;
const NOT_ALLOWED_SYNTAX = /uses syntax that is not allowed/;

/** Escape attempts from mathjs's security guide and its issue tracker, each with the refusal it must get. */
const ESCAPES: readonly (readonly [expression: string, message: RegExp])[] = [
  ['constructor', /names a variable that is not allowed \(constructor/],
  ['price.constructor', NOT_ALLOWED_SYNTAX],
  ['t.constructor.constructor("return process")()', /could not be read|not allowed/],
  ['price["constructor"]', NOT_ALLOWED_SYNTAX],
  ['[].constructor.constructor("return process")()', /could not be read/],
  ['import({}, {override: true})', NOT_ALLOWED_FUNCTION],
  ['createUnit("x")', NOT_ALLOWED_FUNCTION],
  ['evaluate("1+1")', NOT_ALLOWED_FUNCTION],
  ['parse("1")', NOT_ALLOWED_FUNCTION],
  ['compile("1")', NOT_ALLOWED_FUNCTION],
  ['config({number: "BigNumber"})', NOT_ALLOWED_FUNCTION],
  ['simplify("x")', NOT_ALLOWED_FUNCTION],
  ['derivative("x^2", "x")', NOT_ALLOWED_FUNCTION],
  ['resolve(t)', NOT_ALLOWED_FUNCTION],
  ['reviver', /names a variable that is not allowed/],
  ['f(x) = x', NOT_ALLOWED_SYNTAX],
  ['t = 1', NOT_ALLOWED_SYNTAX],
  ['{a: 1}', NOT_ALLOWED_SYNTAX],
  ['[1, 2]', NOT_ALLOWED_SYNTAX],
  ['t.valueOf()', NOT_ALLOWED_FUNCTION],
  ['cos(t)', NOT_ALLOWED_FUNCTION],
  ['1; 2', NOT_ALLOWED_SYNTAX],
  ['1:3', NOT_ALLOWED_SYNTAX],
  ['"abc"', /contains text/],
  ['1e309', /not allowed \(constant Infinity\)/],
  ['1 +', /could not be read/],
  [`${'('.repeat(40)}1${')'.repeat(40)}`, /too complex/],
  [Array.from({ length: 120 }, () => 't').join('+'), /too complex/],
  ['t+'.repeat(300).concat('t'), /at most 500 characters/],
];

describe.concurrent('user formulas in a scenario file, through the built CLI', () => {
  it.each(ESCAPES.map(([e, m], i) => [e.length > 50 ? `${e.slice(0, 47)}…` : e, e, m, i] as const))(
    'refuses %s',
    { timeout: 60_000 },
    async (_label, expression, message, i) => {
      // Alternate the two places a formula can sit; both name their field.
      const site: Site = i % 2 === 0 ? 'subsidy' : 'priceAdjustment';
      const path = scenarioFile(SITES[site].scenario(expression));
      expectBadInput(await analyzeWith(path), SITES[site].field, message);
    },
  );

  it('refuses every escape attempt in `validate` too, at either site', { timeout: 120_000 }, async () => {
    for (const site of ['subsidy', 'priceAdjustment'] as const) {
      const path = scenarioFile(SITES[site].scenario('import({}, {override: true})'));
      const run = await runBuiltCli(['validate', path]);
      expectBadInput(run, SITES[site].field, NOT_ALLOWED_FUNCTION);
    }
  });

  it('reports a formula that fails when evaluated as bad input, with the values it was given', async () => {
    const subsidy = await analyzeWith(scenarioFile(SITES.subsidy.scenario('s0 / t')));
    expectBadInput(
      subsidy,
      SITES.subsidy.field,
      /did not return a finite number.*t = 0 \(2027-01\), s0 = 0\.25/,
    );
    const price = await analyzeWith(scenarioFile(SITES.priceAdjustment.scenario('log(price - 100)')));
    expectBadInput(
      price,
      SITES.priceAdjustment.field,
      /did not return a finite number.*price = 0\.001, t = 0 \(2027-01\)/,
    );
    // Fails only at a price between the checked ones (the Akash offer, unsubsidized): caught while pricing.
    const between = await analyzeWith(
      scenarioFile(SITES.priceAdjustment.scenario('price > 2 and price < 3 ? 0 / 0 : price')),
    );
    expectBadInput(
      between,
      SITES.priceAdjustment.field,
      /did not return a finite number \(got NaN\).*price before adjustments = 2\.\d+.*offer = akash:/,
    );
  });

  it('uses a formula that is fine: a subsidy schedule and a price adjustment move the numbers', async () => {
    const base = await analyzeWith(scenarioFile({ name: 'base' }));
    expect(base.code, base.stderr).toBe(0);
    const fade = await analyzeWith(scenarioFile(SITES.subsidy.scenario('s0 * max(0, 1 - t / 6)')));
    expect(fade.code, fade.stderr).toBe(0);
    const months = (JSON.parse(fade.stdout) as Analysis).workloads[0]!.projection!.months;
    // The 0.25 share fades linearly to 0 at month 6, as the formula says.
    expect(months.map((m) => m.subsidyShare)).toEqual(
      Array.from({ length: 12 }, (_, t) => 0.25 * Math.max(0, 1 - t / 6)),
    );

    const dearer = await analyzeWith(
      scenarioFile({ priceAdjustments: [{ market: 'depin', expression: 'price * 1.1' }] }),
    );
    expect(dearer.code, dearer.stderr).toBe(0);
    const depinGpuTime = (run: CliRun) =>
      (JSON.parse(run.stdout) as Analysis).workloads[0]!.decision.depin!.cost.components.find(
        (c) => c.name === 'gpu-time',
      )!.unitPriceUsd;
    expect(depinGpuTime(base)).toBe(1.71);
    expect(depinGpuTime(dearer)).toBeCloseTo(1.71 * 1.1, 12);
  });
});

interface Analysis {
  workloads: {
    projection: { months: { subsidyShare: number }[] } | null;
    decision: { depin: { cost: { components: { name: string; unitPriceUsd: number }[] } } | null };
  }[];
}

describe('scenario files as editors save them', () => {
  it('reads a scenario saved with a UTF-8 byte order mark (Windows Notepad)', async () => {
    const path = scenarioFile(`\uFEFF${JSON.stringify({ name: 'bom', horizonMonths: 6 })}`);
    const run = await analyzeWith(path);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).scenario).toMatchObject({ name: 'bom', horizonMonths: 6 });
  });

  it('refuses a bad scoring-framework override as bad input naming framework.<field>', async () => {
    for (const [json, field] of [
      ['{"framework": {"weights": "x"}}', /evil\.json, column framework\.weights: unknown field "weights"/],
      ['{"framework": {"version": 1e309}}', /evil\.json, column framework\.version/],
    ] as const) {
      const path = scenarioFile(json);
      expectBadInput(await analyzeWith(path), field);
      expectBadInput(await runBuiltCli(['validate', path]), field);
    }
  });
});

/** The output chunks a chunk loads before it runs (static imports), transitively. */
function staticClosure(meta: Metafile, start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const out = todo.pop()!;
    if (seen.has(out)) continue;
    seen.add(out);
    for (const imp of meta.outputs[out]?.imports ?? [])
      if (imp.kind === 'import-statement') todo.push(imp.path);
  }
  return seen;
}

describe('mathjs is loaded only for a scenario with formulas', () => {
  it('is outside the static import graph of the CLI entry, the analyze command and cli/inputs', async () => {
    const root = join(import.meta.dirname, '..');
    const outdir = mkdtempSync(join(tmpdir(), 'gpufit-chunks-'));
    // The CLI's own build settings (scripts/build.mjs), with a metafile.
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/cli.ts', 'src/cli/inputs.ts'],
      outdir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      conditions: ['@gpufit/source'],
      external: ['@napi-rs/canvas', 'playwright-core'],
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const meta = result.metafile;
    const outputs = Object.entries(meta.outputs);
    const withMathjs = outputs
      .filter(([, o]) => Object.keys(o.inputs).some((i) => i.includes('node_modules/mathjs/')))
      .map(([path]) => path);
    expect(withMathjs.length).toBeGreaterThan(0); // mathjs is in the bundle, so the checks below can fail
    const entry = (source: string) => outputs.find(([, o]) => o.entryPoint === source)?.[0];
    for (const source of ['src/cli.ts', 'src/commands/analyze.ts', 'src/cli/inputs.ts']) {
      const out = entry(source);
      expect(out, source).toBeDefined();
      const closure = staticClosure(meta, out!);
      for (const m of withMathjs) expect(closure.has(m), `${source} loads ${m} statically`).toBe(false);
    }
    // …and the formula engine does reach it, through a dynamic import.
    const dynamic = outputs.some(([, o]) =>
      o.imports.some((i) => i.kind === 'dynamic-import' && withMathjs.includes(i.path)),
    );
    expect(dynamic).toBe(true);
  });
});
