// Command-line values are input too: paths that name no readable file, and the Monte Carlo options. `--seed` and `--trials` override the scenario, so they must hold the
// scenario schema's own limits: a seed above 2³²−1 used to be accepted, reported as given, and silently reduced
// modulo 2³² (so `--seed 4294967296` gave seed 0's numbers); `--trials 50000000` ran out of time and memory.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { SEED_RANGE, TRIALS_RANGE } from '../src/cli/monteCarloLimits.js';
import { runBuiltCli } from './support/runBuiltCli.js';

describe('--seed and --trials keep the scenario schema limits', () => {
  it('the CLI limits are the schema limits', () => {
    const accepts = (monteCarlo: object) => validateScenario({ monteCarlo }).ok;
    expect(accepts({ seed: SEED_RANGE[0] })).toBe(true);
    expect(accepts({ seed: SEED_RANGE[1] })).toBe(true);
    expect(accepts({ seed: SEED_RANGE[0] - 1 })).toBe(false);
    expect(accepts({ seed: SEED_RANGE[1] + 1 })).toBe(false);
    expect(accepts({ trials: TRIALS_RANGE[0] })).toBe(true);
    expect(accepts({ trials: TRIALS_RANGE[1] })).toBe(true);
    expect(accepts({ trials: TRIALS_RANGE[0] - 1 })).toBe(false);
    expect(accepts({ trials: TRIALS_RANGE[1] + 1 })).toBe(false);
  });

  it.concurrent.each([
    ['analyze', '--seed', '4294967296', /--seed must be a whole number from 0 to 4,294,967,295/],
    ['analyze', '--seed', '99999999999999999999', /--seed must be a whole number/],
    ['analyze', '--seed', '-1', /--seed must be a whole number/],
    ['analyze', '--seed', '1.5', /--seed must be a whole number/],
    ['analyze', '--trials', '0', /--trials must be a whole number from 1 to 10,000,000/],
    ['analyze', '--trials', '50000000', /--trials must be a whole number from 1 to 10,000,000/],
    ['analyze', '--trials', 'many', /--trials must be a whole number/],
    ['simulate', '--seed', '4294967296', /--seed must be a whole number/],
    ['simulate', '--trials', '10000001', /--trials must be a whole number/],
    ['analyze', '--threads', 'two', /--threads must be a whole number/],
  ])('%s %s %s: exit 2 with the allowed range', async (command, option, value, message) => {
    const run = await runBuiltCli([command, option, value], { timeoutMs: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it('accepts the largest seed and reports it as given', async () => {
    const run = await runBuiltCli(['analyze', '--format', 'json', '--seed', '4294967295', '--trials', '100']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).seed).toBe(4294967295);
  });
});

describe('numeric options are read as plain decimal, never as Number() would', () => {
  // Number('0x10') is 16, Number('') and Number(' ') are 0, Number('1e3') is 1000: each used to run silently.
  it.concurrent.each([
    ['analyze', '--seed', '0x10'],
    ['analyze', '--seed', '0b1'],
    ['analyze', '--seed', '0o7'],
    ['analyze', '--seed', '1e3'],
    ['analyze', '--seed', ''],
    ['analyze', '--seed', ' 7'],
    ['analyze', '--seed', '7 '],
    ['analyze', '--seed', '+7'],
    ['analyze', '--trials', '1_000'],
    ['analyze', '--trials', '100.0'],
    ['analyze', '--threads', '0'],
    ['analyze', '--threads', '0x2'],
    ['analyze', '--max-offer-age', '9e1'],
    ['simulate', '--seed', 'Infinity'],
    ['offers', '--limit', '0'],
    ['offers', '--limit', '-1'],
    ['offers', '--limit', '1e1'],
    ['offers', '--max-age', '0x1e'],
    ['offers', '--max-price', '0x1'],
    ['offers', '--max-price', '1e-12'],
    ['offers', '--max-price', ''],
    ['offers', '--max-price', '0'],
    ['offers', '--max-price', 'Infinity'],
  ])('%s %s %j: exit 2 naming the option and the value', async (command, option, value) => {
    const run = await runBuiltCli([command, option, value], { timeoutMs: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${option} must be a`);
    expect(run.stderr).toContain(`got ${JSON.stringify(value)}`);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it('plain decimal values still work: --seed 016 is 16, --max-price .5 and --limit 1', async () => {
    const seeded = await runBuiltCli(['analyze', '--format', 'json', '--seed', '016', '--trials', '100']);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(JSON.parse(seeded.stdout).seed).toBe(16);
    const offers = await runBuiltCli(['offers', '--max-price', '.5', '--limit', '1', '--json']);
    expect(offers.code, offers.stderr).toBe(0);
    const listed = JSON.parse(offers.stdout) as { rows: unknown[] };
    expect(listed.rows).toHaveLength(1);
  });
});

describe('paths that name no readable file are bad input, not internal errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gpufit-a-directory-'));
  const emptyCatalog = join(import.meta.dirname, 'fixtures', 'bad', 'offers-empty.csv');
  it.concurrent.each([
    [['validate', dir], /is a directory|cannot read the file/],
    [['validate', join(dir, 'x.json')], /no such file/],
    [['analyze', '--scenario', dir], /is a directory, not a file/],
    [['analyze', '--catalog', dir], /cannot read the file: EISDIR/],
    [['analyze', join(dir, 'missing.csv')], /missing\.csv/],
    [['offers', '--catalog', emptyCatalog], /offers-empty\.csv: no valid offers in the catalog \(.*is empty/],
    [
      [
        'import',
        'skypilot',
        join(import.meta.dirname, 'fixtures', 'io', 'skypilot', 'lambda-vms.csv'),
        '--cloud',
        'lambda',
        '--as-of',
        '2026-13-45',
      ],
      /--as-of "2026-13-45": write the date the prices were read as YYYY-MM-DD/,
    ],
  ])('%j: exit 2', async (args, message) => {
    const run = await runBuiltCli(args, { timeoutMs: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('gpufit diff on result files it did not write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gpufit-diff-'));
  const file = (name: string, json: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(json));
    return path;
  };
  it('is bad input naming the file and the field, not a TypeError', { timeout: 120_000 }, async () => {
    const good = await runBuiltCli(['analyze', '--format', 'json', '--trials', '100']);
    expect(good.code, good.stderr).toBe(0);
    const real = file('real.json', JSON.parse(good.stdout));
    for (const [bad, field] of [
      [{ schemaVersion: '2.1.0', workloads: [{}], totals: {} }, /empty\.json, column workloads\.0\.id/],
      [{ schemaVersion: 1, workloads: 5, totals: null }, /empty\.json, column schemaVersion/],
      [
        { schemaVersion: '1.0.0', workloads: [{}], totals: {} },
        /empty\.json, column schemaVersion: .*not a 2\.x result/,
      ],
      [
        { schemaVersion: '2.0.0', workloads: [], totals: { monthlyUsd: { recommended: 'x' } } },
        /empty\.json, column totals\.monthlyUsd\.recommended: .*expected number/,
      ],
    ] as const) {
      const run = await runBuiltCli(['diff', file('empty.json', bad), real], { timeoutMs: 60_000 });
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(field);
    }
    const same = await runBuiltCli(['diff', real, real, '--json']);
    expect(same.code, same.stderr).toBe(0);
  });
});

describe('--format takes a list: comma-separated or repeated, never only the last value', () => {
  it('writes every format asked for, once each, and the JSON is the one --format json alone prints', {
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-formats-'));
    const args = ['analyze', '--trials', '100', '--seed', '5'];
    const listed = await runBuiltCli([...args, '--format', 'json,md', '--out', join(dir, 'a')]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(readdirSync(join(dir, 'a')).sort()).toEqual(['report.json', 'report.md']);
    // Repeated, with a duplicate: json and csv, once each (commander alone kept only the last value).
    const repeated = await runBuiltCli([
      ...args,
      ...['--format', 'json', '--format', 'csv', '--format', 'json', '--out', join(dir, 'b')],
    ]);
    expect(repeated.code, repeated.stderr).toBe(0);
    expect(readdirSync(join(dir, 'b')).sort()).toEqual(['report.csv', 'report.json']);
    const alone = await runBuiltCli([...args, '--format', 'json']);
    expect(alone.code, alone.stderr).toBe(0);
    expect(readFileSync(join(dir, 'b', 'report.json'), 'utf8')).toBe(alone.stdout);
  });

  it.concurrent.each([
    [
      ['--format', 'json,md'],
      /several reports are files in a folder, and stdout holds one[\s\S]*Add --out DIR/,
    ],
    [['--format', 'json', '--format', 'md'], /--format json,md: several reports/],
    [['--format', 'json,docx'], /"docx" is not a report format; choose from md, html, json/],
    [
      ['--format', 'jsonl,json', '--out', 'x.jsonl'],
      /--format jsonl writes a shard's rows .*--format json cannot/,
    ],
    [
      ['--stream', '--format', 'json,html', '--out', 'o'],
      /--format html needs the whole portfolio in memory/,
    ],
  ])('analyze %j: exit 2, nothing on stdout', async (extra, message) => {
    const run = await runBuiltCli(['analyze', ...extra], { timeoutMs: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});
