// `gpufit analyze --format focus` checked by the official FinOps FOCUS validator (finopsfoundation/focus_validator
// v2.0.1, rules model 1.2), which ships beside the checkout in ../shared/tools (its README). The validator sets
// itself up offline the first time (Debian packages and a private venv from the machine's wheel mirror, about a
// minute), hence the long time limit. A missing validator fails this test: it is never skipped.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './support/runBuiltCli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const VALIDATOR = join(ROOT, '..', 'shared', 'tools', 'focus-validate');
const FIXTURES = join(import.meta.dirname, 'fixtures', 'focus');
/** The capabilities a gpufit forecast claims (docs/reports.md, "FOCUS forecast rows"). */
const CRITERIA = [
  'REGION_SUPPORTED',
  'MULTIPLE_PRICING_CATEGORIES_SUPPORTED',
  'PUBLIC_PRICE_LIST_SUPPORTED',
  'UNIT_PRICING_SUPPORTED',
  'VIRTUAL_CURRENCY_SUPPORTED',
].join(',');
/** First run: apt-get and pip from the local mirror (about a minute here); later runs take seconds. */
const SETUP_LIMIT_MS = 10 * 60_000;

interface Validation {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function validate(csv: string): Promise<Validation> {
  const report = join(mkdtempSync(join(tmpdir(), 'gpufit-focus-report-')), 'focus-validate.txt');
  return new Promise((resolve) => {
    execFile(
      VALIDATOR,
      [csv, '1.2'],
      {
        env: { ...process.env, FOCUS_CRITERIA: CRITERIA, FOCUS_REPORT: report },
        maxBuffer: 64 * 1024 * 1024,
        timeout: SETUP_LIMIT_MS,
      },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string }) | null;
        resolve({ code: e === null ? 0 : typeof e.code === 'number' ? e.code : -1, stdout, stderr });
      },
    );
  });
}

async function focusFile(args: readonly string[]): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'gpufit-focus-')), 'report');
  const run = await runBuiltCli(['analyze', ...args, '--format', 'focus', '--out', out], {
    timeoutMs: 120_000,
  });
  expect(run.code, run.stderr).toBe(0);
  return join(out, 'forecast-focus.csv');
}

function expectPasses(v: Validation): void {
  const said = `${v.stdout}\n${v.stderr}`;
  expect(v.code, said).toBe(0);
  expect(said).toMatch(/focus: \d+ rules passed, \d+ failed/);
  expect(said).toMatch(/focus: 0 effective failures/);
  expect(said).not.toMatch(/^\s+FAIL /m);
}

type Row = Record<string, string>;
const rowsOf = (path: string): Row[] => parse(readFileSync(path, 'utf8'), { columns: true }) as Row[];

describe('forecast-focus.csv passes the official FOCUS 1.2 validator with the capabilities gpufit claims', () => {
  it('the validator is present beside the checkout (../shared/tools/focus-validate)', () => {
    expect(
      existsSync(VALIDATOR),
      `the FOCUS validator is missing: expected ${VALIDATOR} (../shared/tools beside the checkout; see docs/reports.md, "Run the validator yourself")`,
    ).toBe(true);
  });

  it(
    "the README's main job (bundled workloads, catalog and scenario)",
    async () => {
      const csv = await focusFile([]);
      expectPasses(await validate(csv));
    },
    SETUP_LIMIT_MS,
  );

  it(
    'a plan that runs on a NOS-priced Nosana offer: PricingCurrency NOS and the PricingCurrency* columns in NOS',
    async () => {
      const csv = await focusFile([
        join(FIXTURES, 'token-workloads.csv'),
        '--scenario',
        join(FIXTURES, 'token-scenario.json'),
        '--allow-provider',
        'aws,nosana,akash',
      ]);
      const rows = rowsOf(csv);
      // The fixture must exercise what it is for: recommended rows priced in the token, USD rows beside them.
      const nos = rows.filter((r) => r.PricingCurrency === 'NOS');
      expect(nos.length).toBeGreaterThan(0);
      expect(nos.some((r) => r.x_Recommended === 'true')).toBe(true);
      expect(rows.some((r) => r.PricingCurrency === 'USD')).toBe(true);
      for (const r of nos) {
        expect(r.BillingCurrency).toBe('USD');
        expect(r.ProviderName).toBe('Nosana');
        // Tokens × the month's token price give back the USD columns, to rounding: the price column is written to
        // 4 decimals, so a month of about 2,000 NOS at $0.4162 reads back off by up to 2,000 × $0.00005 = $0.10, plus
        // half a cent of the cost's own rounding (a fixed 5 cents failed on a month 6 cents off).
        const price = Number(r.x_IncentiveTokenPriceUsd);
        const tokens = Number(r.PricingCurrencyEffectiveCost);
        expect(Math.abs(tokens * price - Number(r.EffectiveCost))).toBeLessThanOrEqual(
          Math.abs(tokens) * 0.00005 + 0.005,
        );
        expect(Number(r.PricingCurrencyListUnitPrice) * price).toBeCloseTo(Number(r.ListUnitPrice), 3);
      }
      expectPasses(await validate(csv));
    },
    SETUP_LIMIT_MS,
  );

  it(
    "a hybrid whose cloud side is a committed base with on-demand bursts: the cloud side's commitment row and on-demand row",
    async () => {
      const committed = join(import.meta.dirname, 'fixtures', 'committed-base');
      const csv = await focusFile([
        join(committed, 'copilot-hybrid.csv'),
        '--catalog',
        join(committed, 'hybrid-catalog.csv'),
        '--scenario',
        join(committed, 'low-bar.json'),
        '--analysis-date',
        '2026-12-05',
      ]);
      const hybrid = rowsOf(csv).filter((r) => r.x_Option === 'hybrid' && r.x_Charge === 'gpu-hours');
      expect(new Set(hybrid.map((r) => `${r.x_HybridSide} ${r.PricingCategory}`))).toEqual(
        new Set(['cloud Committed', 'cloud Standard', 'depin Standard']),
      );
      expectPasses(await validate(csv));
    },
    SETUP_LIMIT_MS,
  );
});
