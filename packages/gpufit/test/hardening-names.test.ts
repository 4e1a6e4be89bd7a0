// Names users write (issue 16), through the built CLI: every name in a scenario (subsidy and token-price keys, a
// price adjustment's provider, the placement's provider lists) and in a run's options (--allow-provider,
// --exclude-provider, --allow-market, --allow-category) matches something of the catalog in use, ignoring case
// where the vocabulary does, or is refused by `validate` and `analyze` with a "did you mean", exit 2. A catalog
// whose provider is `__proto__`, `constructor`, `toString` or `hasOwnProperty` is analyzed like any other.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { type CliRun, expectBadInput, runBuiltCli } from './support/runBuiltCli.js';

const BAD = join(import.meta.dirname, 'fixtures', 'bad');
/** An AWS H100 and an Akash A100-80GB (no incentive columns), and two workloads. */
const CATALOG = join(BAD, 'offers-bom.csv');
const WORKLOADS = join(BAD, 'workloads-bom.csv');

function file(name: string, content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gpufit-names-')), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The test catalog with Akash's rows under another provider name. */
const catalogWithProvider = (name: string): string =>
  file('offers.csv', readFileSync(CATALOG, 'utf8').replaceAll('akash', name));

/** JSON on stdout, few trials, a fixed analysis date: the same bytes for the same inputs. */
const JSON_RUN = '--format json --trials 200 --analysis-date 2026-12-01'.split(' ');

const analyze = (extra: readonly string[], catalog = CATALOG): Promise<CliRun> =>
  runBuiltCli(['analyze', WORKLOADS, '--catalog', catalog, ...JSON_RUN, ...extra]);

function expectOk(run: CliRun): void {
  expect(run.stderr).not.toMatch(/internal error|This is a bug in gpufit/);
  expect(run.code, run.stderr).toBe(0);
}

/** 0.2 at month 0, linearly to 0 at month 4. */
const FADE = { kind: 'linear', monthsToZero: 4, share: 0.2 };

/** The first workload's DePIN subsidy share follows FADE month by month (so the schedule was applied). */
function expectFaded(run: CliRun): void {
  expectOk(run);
  const months = (JSON.parse(run.stdout) as Analysis).workloads[0]!.projection!.months;
  const faded = [0.2, 0.15, 0.1, 0.05, 0, 0, 0, 0, 0, 0, 0, 0];
  expect(months).toHaveLength(faded.length);
  for (const [t, m] of months.entries()) expect(m.subsidyShare).toBeCloseTo(faded[t]!, 12);
}

describe.concurrent('scenario names match ignoring case, in the headline and the projection alike', {
  timeout: 120_000,
}, () => {
  it.each(['akash', 'Akash', 'AKASH'])('subsidies.%s applies to akash', async (key) => {
    expectFaded(await analyze(['--scenario', file('s.json', { subsidies: { [key]: FADE } })]));
  });
});

/** Each name the issue lists as silently ignored, the field it is in, and the name it should have been. */
const TYPOS: readonly (readonly [label: string, scenario: unknown, field: RegExp, near: RegExp])[] = [
  ['a network', { subsidies: { akahs: FADE } }, /column subsidies\.akahs/, /did you mean "akash"/],
  [
    'a token',
    { tokenPrices: { AKTT: { spotUsd: 1, annualDrift: 0, annualVolatility: 0.5 } } },
    /column tokenPrices\.AKTT/,
    /did you mean "AKT"/,
  ],
  [
    "a price adjustment's provider",
    { priceAdjustments: [{ provider: 'lamda', expression: 'price * 1.1' }] },
    /column priceAdjustments\.0\.provider/,
    /did you mean "lambda"/,
  ],
  [
    'an allowed provider',
    { placement: { allowedProviders: ['aws', 'coreweeve'] } },
    /column placement\.allowedProviders\.1/,
    /did you mean "coreweave"/,
  ],
  [
    'an excluded provider',
    { placement: { excludedProviders: ['vastai'] } },
    /column placement\.excludedProviders\.0/,
    /did you mean "vast"/,
  ],
  [
    "a price adjustment's market",
    { priceAdjustments: [{ market: 'DePIN', expression: 'price' }] },
    /column priceAdjustments\.0\.market/,
    /did you mean "depin"/,
  ],
  [
    'a market in the placement',
    { placement: { allowedMarkets: ['gpucloud'] } },
    /column placement\.allowedMarkets\.0/,
    /did you mean "gpu-cloud"/,
  ],
  [
    'a pricing category',
    { placement: { allowedPricingCategories: ['standard'] } },
    /column placement\.allowedPricingCategories\.0/,
    /did you mean "Standard"/,
  ],
  [
    'the same network twice in two cases',
    { subsidies: { akash: FADE, Akash: { kind: 'none' } } },
    /column subsidies\.Akash/,
    /name the same thing/,
  ],
  [
    'a network with a Cyrillic "а"',
    { subsidies: { аkash: FADE } },
    /column subsidies\.аkash/,
    /did you mean "akash"/,
  ],
  [
    'a network with a space',
    { subsidies: { ' akash': FADE } },
    /column subsidies\. akash/,
    /did you mean "akash"/,
  ],
  [
    'a __proto__ key, which JSON objects drop',
    '{"subsidies": {"__proto__": {"kind": "none"}}}',
    /column subsidies\.__proto__/,
    /cannot be a key of subsidies/,
  ],
];

describe.concurrent('a scenario name that matches nothing is refused, with the name it should have been', {
  timeout: 120_000,
}, () => {
  it.each(TYPOS)('%s: validate and analyze exit 2', async (_label, scenario, field, near) => {
    const path = file('typo.json', scenario);
    expectBadInput(await runBuiltCli(['validate', path]), field, near);
    expectBadInput(await runBuiltCli(['analyze', '--scenario', path, '--format', 'json']), field, near);
  });

  it('names are checked against the catalog in use: lambda is in the bundled one, not in --catalog', async () => {
    const path = file('lambda.json', { placement: { excludedProviders: ['lambda'] } });
    expectOk(await runBuiltCli(['validate', path]));
    const field = /column placement\.excludedProviders\.0: "lambda" is no provider of the catalog/;
    expectBadInput(await runBuiltCli(['validate', path, '--catalog', CATALOG]), field);
    expectBadInput(await analyze(['--scenario', path]), field);
  });

  it('a workload row’s provider lists name providers too: a typo is exit 2 naming the workload and column', async () => {
    const head = 'id,kind,gpuHoursPerMonth,excludedProviders';
    const typo = file('w.csv', `${head}\nw1,batch-inference,100,aws\nw2,batch-inference,100,akahs\n`);
    expectBadInput(
      await runBuiltCli(['analyze', typo, '--catalog', CATALOG, ...JSON_RUN]),
      /w\.csv, workload "w2", column excludedProviders: "akahs" is no provider of the catalog/,
      /did you mean "akash"\?/,
    );
    const out = join(mkdtempSync(join(tmpdir(), 'gpufit-names-')), 'out');
    expectBadInput(
      await runBuiltCli(['analyze', typo, '--stream', '--out', out, '--catalog', CATALOG, '--trials', '200']),
      /w\.csv, row 3, workload "w2", column excludedProviders: "akahs" is no provider of the catalog/,
      /did you mean "akash"\?/,
    );
    expect(existsSync(out)).toBe(false);
    expectOk(
      await runBuiltCli([
        'analyze',
        file('w.csv', `${head}\nw1,batch-inference,100,AKASH\n`),
        '--catalog',
        CATALOG,
        ...JSON_RUN,
      ]),
    );
  });

  it('a known DePIN network absent from the catalog is a name all the same (datasets/networks.csv)', async () => {
    expectOk(await analyze(['--scenario', file('ionet.json', { subsidies: { IONET: { kind: 'none' } } })]));
  });
});

describe.concurrent('run options name providers of the catalog, markets and categories of their lists', {
  timeout: 120_000,
}, () => {
  it.each([
    [
      ['--allow-provider', 'aws,lamda'],
      /--allow-provider "lamda" is no provider of the catalog; did you mean "lambda"\?/,
    ],
    [
      ['--exclude-provider', 'vastai'],
      /--exclude-provider "vastai" is no provider of the catalog; did you mean "vast"\?/,
    ],
    [['--allow-market', 'DePIN'], /--allow-market "DePIN" is not one of .*; did you mean "depin"\?/],
    [
      ['--allow-category', 'standard'],
      /--allow-category "standard" is not one of .*; did you mean "Standard"\?/,
    ],
  ])('%j is refused', async (option, message) => {
    expectBadInput(await runBuiltCli(['analyze', '--format', 'json', ...option]), message);
    expectBadInput(await runBuiltCli(['simulate', '--trials', '100', ...option]), message);
  });

  it('a provider in another case is the same provider', async () => {
    const upper = await runBuiltCli([
      'analyze',
      '--format',
      'json',
      '--exclude-provider',
      'AWS,Vast',
      '--trials',
      '200',
    ]);
    const lower = await runBuiltCli([
      'analyze',
      '--format',
      'json',
      '--exclude-provider',
      'aws,vast',
      '--trials',
      '200',
    ]);
    expectOk(upper);
    expect(upper.stdout).toBe(lower.stdout);
  });
});

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

describe.concurrent('a provider named like a member of Object.prototype is a name like any other', {
  timeout: 120_000,
}, () => {
  it.each(PROTOTYPE_NAMES)('%s: analyze, offers and validate as for any name', async (name) => {
    const catalog = catalogWithProvider(name);
    const neutral = await analyze([], catalogWithProvider('zzzz'));
    const run = await analyze([], catalog);
    expectOk(run);
    // The same analysis, but for the provider's name (offers hold it lower-cased).
    expect(run.stdout.replace(new RegExp(name, 'gi'), 'zzzz')).toBe(neutral.stdout);
    expectOk(await runBuiltCli(['validate', catalog, '--as', 'offers']));
    const offers = await runBuiltCli(['offers', '--catalog', catalog, '--group-by', 'provider', '--json']);
    expectOk(offers);
    expect(offers.stdout).toContain(`"provider": "${name.toLowerCase()}"`);
  });

  it.each(PROTOTYPE_NAMES.filter((n) => n !== '__proto__'))(
    '%s: a scenario subsidy keyed by it applies to it, and --allow-provider accepts it',
    async (name) => {
      const catalog = catalogWithProvider(name);
      const scenario = file('s.json', { subsidies: { [name]: FADE } });
      expectOk(await runBuiltCli(['validate', scenario, '--catalog', catalog]));
      expectFaded(await analyze(['--scenario', scenario, '--allow-provider', `aws,${name}`], catalog));
    },
  );
});
