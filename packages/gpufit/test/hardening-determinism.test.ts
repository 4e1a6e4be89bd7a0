// Determinism (DESIGN §9): the same inputs and seed give byte-identical output, whatever the run and however
// many worker threads the Monte Carlo uses. 300,000 trials × 12 months is above the runner's 2,000,000
// trial-month threshold, so without --threads 1 the trials really are split across workers.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_TRIAL_MONTHS } from '../src/commands/monteCarloRunner.js';
import { type CliRun, runBuiltCli } from './support/runBuiltCli.js';

const TRIALS = 300_000;

function ok(run: CliRun): string {
  expect(run.timedOut).toBe(false);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

describe('byte-identical output for the same inputs and seed', () => {
  it('runs big enough that the worker threads are used', () => {
    expect(TRIALS * 12).toBeGreaterThanOrEqual(PARALLEL_MIN_TRIAL_MONTHS);
  });

  it.each(['json', 'csv'])(
    'analyze --format %s: --threads 1 and --threads 2, and a second run, give the same bytes',
    { timeout: 240_000 },
    async (format) => {
      const args = ['analyze', '--format', format, '--seed', '7', '--trials', String(TRIALS)];
      const one = ok(await runBuiltCli([...args, '--threads', '1']));
      const two = ok(await runBuiltCli([...args, '--threads', '2']));
      // Another run, in another time zone and locale: no clock and no locale reach the output.
      const again = ok(
        await runBuiltCli([...args, '--threads', '2'], {
          env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
        }),
      );
      expect(two.length).toBeGreaterThan(1000);
      expect(two === one, 'threads 1 vs 2').toBe(true);
      expect(again === two, 'run 1 vs run 2').toBe(true);
      if (format === 'json') {
        // The Monte Carlo ran at that size, so the comparison covers its numbers.
        const trials = (
          JSON.parse(one) as { workloads: { distribution: { trials: number } | null }[] }
        ).workloads
          .map((w) => w.distribution?.trials)
          .filter((t) => t !== undefined);
        expect(trials.length).toBeGreaterThan(0);
        for (const t of trials) expect(t).toBe(TRIALS);
      }
    },
  );

  it('analyze --out twice: every report file (Markdown, HTML, JSON, CSV, FOCUS, charts) is byte-identical', {
    timeout: 240_000,
  }, async () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'gpufit-det-a-')), mkdtempSync(join(tmpdir(), 'gpufit-det-b-'))];
    for (const dir of dirs)
      ok(await runBuiltCli(['analyze', '--out', dir, '--seed', '11', '--trials', '5000']));
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
        .sort();
    const [a, b] = dirs as [string, string];
    expect(files(b)).toEqual(files(a));
    expect(files(a)).toEqual(
      expect.arrayContaining(['report.md', 'report.html', 'report.json', 'report.csv', 'forecast-focus.csv']),
    );
    for (const f of files(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });
});
