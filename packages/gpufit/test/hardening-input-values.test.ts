// Values that used to pass without a word, through the built CLI: a country code that is no country (`XX`), a
// price date in year 0 or in 2099, dates that are no calendar day. Each is now a rejected row naming its file,
// row and column (or exit 2 naming the option), and the analysis's books count the catalog's rows too.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hiddenCharacterProblem, OFFER_FIELDS } from '@gpufit/schema';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { bundledDatasetsDir } from '../src/data/bundledDatasetsDir.js';
import { runBuiltCli } from './support/runBuiltCli.js';

const dir = mkdtempSync(join(tmpdir(), 'gpufit-values-'));
const LAMBDA_VMS = join(import.meta.dirname, 'fixtures', 'io', 'skypilot', 'lambda-vms.csv');

/** Real offers of the bundled catalog (so the analysis prices), some of them changed by `patches`. */
function catalogWith(name: string, patches: Record<string, string>[]): string {
  const rows = parse(readBundledOffers(), { columns: true }) as Record<string, string>[];
  const picked = rows.filter((r) => r['pricingCategory'] !== 'Committed').slice(0, 40);
  const patched = picked.map((r, i) => ({ ...r, ...(patches[i] ?? {}) }));
  const path = join(dir, name);
  writeFileSync(path, stringify(patched, { header: true, columns: [...OFFER_FIELDS] }));
  return path;
}

function readBundledOffers(): string {
  return readFileSync(join(bundledDatasetsDir(), 'offers.csv'), 'utf8');
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const BAD_OFFER_VALUES = [
  { country: 'XX' },
  { country: 'UK' },
  { asOf: '0000-01-01' },
  { asOf: '2099-12-31' },
  { asOf: '2026-02-30' },
  { asOf: '1999-12' },
];

describe('an offer catalog with a country that is no country, or an implausible as-of', () => {
  const catalog = catalogWith('catalog.csv', BAD_OFFER_VALUES);

  it('validate lists each row with its column and exits 2', async () => {
    const run = await runBuiltCli(['validate', catalog, '--as', 'offers']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toMatch(/40 rows read, 34 accepted, 6 rejected/);
    expect(run.stdout).toContain('row 2, column country: "XX" is not an ISO-3166 country code');
    expect(run.stdout).toContain('row 3, column country: "UK" is not an ISO-3166 country code');
    expect(run.stdout).toContain('did you mean GB (the United Kingdom)?');
    expect(run.stdout).toContain('row 4, column asOf: asOf 0000-01-01 is before 2000-01-01; check the year');
    expect(run.stdout).toMatch(/row 5, column asOf: asOf 2099-12-31 is after today, \d{4}-\d{2}-\d{2}/);
    expect(run.stdout).toContain('row 6, column asOf: asOf 2026-02-30 is not a date of the calendar');
    expect(run.stdout).toContain('row 7, column asOf: asOf 1999-12 is before 2000-01-01');
  });

  it('analyze skips and lists them, counts them in accounting.offers, and --strict stops at the first', async () => {
    const run = await runBuiltCli([
      'analyze',
      '--catalog',
      catalog,
      '--format',
      'json',
      '--trials',
      '100',
      '--analysis-date',
      '2026-12-01',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/catalog\.csv: 6 of 40 rows rejected/);
    const json = JSON.parse(run.stdout);
    expect(json.accounting.offers).toEqual({ read: 40, accepted: 34, rejected: 6 });
    const offerRows = json.rejected.filter((r: { file: string }) => r.file === catalog);
    expect(offerRows.map((r: { row: number; column: string }) => [r.row, r.column])).toEqual([
      [2, 'country'],
      [3, 'country'],
      [4, 'asOf'],
      [5, 'asOf'],
      [6, 'asOf'],
      [7, 'asOf'],
    ]);
    expect(offerRows[3].reason).toMatch(
      /asOf 2099-12-31 is after today, \d{4}-\d{2}-\d{2}: a price cannot be read/,
    );
    expect(json.rejected).toHaveLength(json.accounting.workloads.rejected + json.accounting.offers.rejected);

    const strict = await runBuiltCli(['analyze', '--catalog', catalog, '--strict', '--format', 'json']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/catalog\.csv, row 2, column country/);
  });

  it('an offer dated after today (+1 day for time zones) or a later analysis date is refused', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const ahead = catalogWith('ahead.csv', [{ asOf: day(1) }, { asOf: day(3) }, { asOf: '2029-12-31' }]);
    const run = async (analysisDate: string) => {
      const r = await runBuiltCli([
        'analyze',
        '--catalog',
        ahead,
        '--format',
        'json',
        '--trials',
        '100',
        '--analysis-date',
        analysisDate,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      const rows = json.rejected.filter((x: { file: string }) => x.file === ahead);
      return { books: json.accounting.offers, rows: rows.map((x: { row: number }) => x.row) };
    };
    // An earlier analysis date does not refuse the offers read since (the bundled ones are newer than it).
    expect(await run('2026-06-01')).toEqual({ books: { read: 40, accepted: 38, rejected: 2 }, rows: [3, 4] });
    // A plan for a later day accepts offers up to it.
    expect(await run('2030-01-01')).toEqual({ books: { read: 40, accepted: 40, rejected: 0 }, rows: [] });
  });
});

describe('workloads and scenarios', () => {
  it('a residency or users region that is no country is a rejected row', async () => {
    const workloads = file(
      'w.csv',
      'id,kind,gpuHoursPerMonth,residency,usersRegion\nok,batch-inference,10,DE,FR\nxx,batch-inference,10,XX,\nqq,batch-inference,10,,QQ\n',
    );
    const run = await runBuiltCli(['validate', workloads]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/3 rows read, 1 accepted, 2 rejected/);
    expect(run.stdout).toMatch(/row 3, column residency\.0: .*"XX" is not an ISO-3166 country code/);
    expect(run.stdout).toMatch(/row 4, column usersRegion: .*"QQ" is not an ISO-3166 country code/);
  });

  it.concurrent.each(['2026-02-30', '0000-01-01', '2100-01-01'])(
    'a scenario analysisDate %s is exit 2 naming the field',
    async (analysisDate) => {
      const scenario = file(`s-${analysisDate}.json`, JSON.stringify({ analysisDate }));
      const run = await runBuiltCli(['analyze', '--scenario', scenario]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(
        `s-${analysisDate}.json, column analysisDate: analysisDate ${analysisDate}`,
      );
    },
  );
});

describe('date options are real days from 2000 to 2099', () => {
  it.concurrent.each([
    [['analyze', '--analysis-date', '0000-01-01'], /--analysis-date 0000-01-01 is before 2000-01-01/],
    [
      ['analyze', '--analysis-date', '2026-02-30'],
      /--analysis-date 2026-02-30 is not a date of the calendar/,
    ],
    [['simulate', '--analysis-date', '2100-01-01'], /--analysis-date 2100-01-01 is after 2099-12-31/],
    [['offers', '--max-age', '30', '--today', '0000-01-01'], /--today 0000-01-01 is before 2000-01-01/],
    [
      ['import', 'skypilot', LAMBDA_VMS, '--cloud', 'lambda', '--as-of', '0000-01-01'],
      /--as-of "0000-01-01": .*before 2000-01-01/,
    ],
    [
      ['import', 'skypilot', LAMBDA_VMS, '--cloud', 'lambda', '--as-of', '2099-12-31'],
      /--as-of 2099-12-31 is after today, \d{4}-\d{2}-\d{2}: give the day the file was fetched/,
    ],
  ])('%j: exit 2', async (args, message) => {
    const run = await runBuiltCli(args, { timeoutMs: 60_000 });
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('hidden characters (NUL, ESC, bidirectional overrides) in names', () => {
  /** Whether a text holds a raw control or bidirectional character (the schema's one definition of them). */
  const hasHidden = (text: string) => hiddenCharacterProblem(text) !== null;
  const workloads = file(
    'hidden.csv',
    [
      'id,name,kind,gpuHoursPerMonth',
      'ok,Fine,batch-inference,100',
      'nul,Na\u0000me,batch-inference,100',
      'rlo,\u202Egpj.exe,batch-inference,100',
      'esc,\u001b[31mred,batch-inference,100',
      'isolate,a\u2066b,batch-inference,100',
      'kind,x,\u202Ebatch-inference,100',
    ].join('\n'),
  );

  it('validate rejects each row naming the column and the character', async () => {
    const run = await runBuiltCli(['validate', workloads]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/6 rows read, 1 accepted, 5 rejected/);
    expect(run.stdout).toContain(
      'row 3, column name: name contains U+0000 (a control character) at character 3',
    );
    expect(run.stdout).toContain(
      'row 4, column name: name contains U+202E (a bidirectional control) at character 1',
    );
    expect(run.stdout).toContain('row 5, column name: name contains U+001B');
    expect(run.stdout).toContain('row 6, column name: name contains U+2066');
    // The bad value quoted in a message is shown, not passed on to the terminal.
    expect(run.stdout).toContain('got "⟨U+202E⟩batch-inference"');
    expect(hasHidden(run.stdout)).toBe(false);
  });

  it('analyze writes none of them into report.md, report.csv or report.html', async () => {
    const out = join(dir, 'hidden-report');
    const run = await runBuiltCli(['analyze', workloads, '--out', out, '--trials', '100']);
    expect(run.code, run.stderr).toBe(0);
    expect(hasHidden(run.stderr)).toBe(false);
    for (const name of ['report.md', 'report.csv', 'forecast-focus.csv']) {
      expect(hasHidden(readFileSync(join(out, name), 'utf8')), name).toBe(false);
    }
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('got "⟨U+202E⟩batch-inference"');
    const html = readFileSync(join(out, 'report.html'), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
    expect(hasHidden(html)).toBe(false);
  });

  it('a header cell or a JSON key holding one is shown in the message, not passed to the terminal', async () => {
    const header = file('hidden-header.csv', 'id,na\u202Eme,kind,gpuHoursPerMonth\na,b,batch-inference,1\n');
    const h = await runBuiltCli(['validate', header]);
    expect(h.code).toBe(2);
    expect(h.stderr).toContain('column na⟨U+202E⟩me: unknown column "na⟨U+202E⟩me" (did you mean "name"?)');
    expect(hasHidden(h.stderr)).toBe(false);
    const key = file(
      'hidden-key.json',
      JSON.stringify([{ id: 'a', kind: 'batch-inference', gpuHoursPerMonth: 1, 'na\u202Eme': 'x' }]),
    );
    const k = await runBuiltCli(['validate', key]);
    expect(k.code).toBe(2);
    expect(k.stdout).toContain('column na⟨U+202E⟩me: unknown field "na⟨U+202E⟩me"; did you mean "name"?');
    expect(hasHidden(k.stdout)).toBe(false);
  });

  it('in a JSON workload, an offer catalog and a scenario name too', async () => {
    const json = file(
      'hidden.json',
      JSON.stringify([{ id: 'a', name: 'x\u202Ey', kind: 'batch-inference', gpuHoursPerMonth: 1 }]),
    );
    const a = await runBuiltCli(['validate', json]);
    expect(a.code).toBe(2);
    expect(a.stdout).toContain('row 1, column name: name contains U+202E');
    const catalog = catalogWith('hidden-offers.csv', [{ providerName: 'AWS\u202E' }, { notes: 'a\u0000b' }]);
    const b = await runBuiltCli(['validate', catalog, '--as', 'offers']);
    expect(b.code).toBe(2);
    expect(b.stdout).toContain('row 2, column providerName: providerName contains U+202E');
    expect(b.stdout).toContain('row 3, column notes: notes contains U+0000');
    const scenario = file('hidden-scenario.json', JSON.stringify({ name: 'Base\u202Ecase' }));
    const c = await runBuiltCli(['analyze', '--scenario', scenario]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('column name: name contains U+202E');
  });
});
