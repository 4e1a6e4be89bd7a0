// `gpufit diff`'s "average a month over the horizon" is each side's horizon total over the months the plan spans
// (docs/cli.md), also when a plan's workloads have horizons of their own: a lab's 2-month pretrain beside 12-month
// work read "$357,403.30" there — every workload's own average month, summed, as if the pretrain ran all year —
// where its report says the plan's 12 months average $92,772.20.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRow } from './support/diffRow.js';
import { runBuiltCli } from './support/runBuiltCli.js';

const DATASETS = join(import.meta.dirname, '..', '..', '..', 'datasets');
const DEFAULT = join(DATASETS, 'scenarios', 'default.json');
const GROWTH = join(DATASETS, 'scenarios', 'growth.json');

const dollars = (text: string) => Number(text.replace(/[$,]/g, ''));

/** The bundled example with its 64-GPU pretrain stated as a 2-month run (horizonMonths is its CSV's last column). */
function twoMonthPretrain(): string {
  const lines = readFileSync(join(DATASETS, 'workloads', 'seed-startup.csv'), 'utf8')
    .trimEnd()
    .split('\n');
  const header = lines[0]!.split(',');
  const at = header.indexOf('horizonMonths');
  const out = lines.map((line) => {
    if (!line.startsWith('pretrain-70b,')) return line;
    const cells = line.split(',');
    cells[at] = '2';
    return cells.join(',');
  });
  const path = join(mkdtempSync(join(tmpdir(), 'gpufit-diff-avg-')), 'plan.csv');
  writeFileSync(path, `${out.join('\n')}\n`);
  return path;
}

describe('diff: the average month of a plan whose workloads end at different months', () => {
  it('is each side’s horizon total over its longest horizon, 12 and 24 months', async () => {
    const d = await runBuiltCli(['diff', DEFAULT, GROWTH, '--workloads', twoMonthPretrain()]);
    expect(d.code, d.stderr).toBe(0);
    const label = 'horizon, recommended (2–12 → 2–24 months)';
    expect(d.stdout).toContain(label);
    const horizon = diffRow(d.stdout, label);
    const average = diffRow(d.stdout, 'average a month over the horizon');
    expect(dollars(average[0]!)).toBeCloseTo(dollars(horizon[0]!) / 12, 2);
    expect(dollars(average[1]!)).toBeCloseTo(dollars(horizon[1]!) / 24, 2);
    // Not the month-one figure, which holds only while the pretrain runs.
    expect(dollars(average[0]!)).toBeLessThan(dollars(diffRow(d.stdout, 'monthly, recommended')[0]!));
  });
});
