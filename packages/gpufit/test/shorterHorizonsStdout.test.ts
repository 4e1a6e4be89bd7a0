import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './support/runBuiltCli.js';

/**
 * With workloads of different horizons `gpufit analyze` says after its plan line that the figures are month one's,
 * with every workload running: a lab's 2-month, 256-GPU pretrain beside 12-month work printed
 * "$357,403.29/month", a USD 4.3 million run rate for a plan that spends USD 1.11 million over its 12 months. The
 * line says the same figures as the report's headline (`shorterHorizons`, report package).
 */
const EXAMPLE = join(import.meta.dirname, '..', '..', '..', 'datasets', 'workloads', 'seed-startup.csv');

function withPretrainMonths(months: number | null): string {
  const [header, ...rows] = readFileSync(EXAMPLE, 'utf8').trimEnd().split('\n');
  const cols = header!.split(',');
  const at = cols.indexOf('horizonMonths');
  const out = rows.map((r) => {
    if (!r.startsWith('pretrain-70b,') || months === null) return r;
    const cells = r.split(',');
    cells[at] = String(months);
    return cells.join(',');
  });
  const file = join(mkdtempSync(join(tmpdir(), 'gpufit-horizons-')), 'portfolio.csv');
  writeFileSync(file, `${[header, ...out].join('\n')}\n`);
  return file;
}

async function analyzeLines(file: string): Promise<{ lines: string[]; md: string }> {
  const out = mkdtempSync(join(tmpdir(), 'gpufit-horizons-out-'));
  const r = await runBuiltCli(['analyze', file, '--trials', '200', '--format', 'md', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return { lines: r.stdout.split('\n'), md: readFileSync(join(out, 'report.md'), 'utf8') };
}

describe('analyze stdout with workloads of different horizons', () => {
  it('a 2-month pretrain in a 12-month plan: who ends, the last month and the average month, as the report says them', async () => {
    const { lines, md } = await analyzeLines(withPretrainMonths(2));
    const at = lines.findIndex((l) => l.startsWith('Recommended plan: '));
    const said = lines[at + 1]!.match(
      /^Those are month one's figures, with every workload running: pretrain-70b ends after (\d{4}-\d\d), so the plan's last month, (\d{4}-\d\d), costs \$([\d,]+\.\d\d); over the 12 months it averages \$([\d,]+\.\d\d) a month\.$/,
    );
    expect(said, lines[at + 1]).not.toBeNull();
    const [, ends, last, lastCost, average] = said!;
    expect(md).toContain(
      `pretrain-70b ends after ${ends}, so the plan's last month, ${last}, costs USD ${lastCost}`,
    );
    expect(md).toContain(`its horizon total is USD ${average} a month on average over the 12 months`);
    // The month without the pretrain costs far less than month one, and the average lies between them.
    const plan = Number(lines[at]!.match(/^Recommended plan: \$([\d,.]+)\/month/)![1]!.replace(/,/g, ''));
    const num = (s: string) => Number(s.replace(/,/g, ''));
    expect(num(lastCost!)).toBeLessThan(plan);
    expect(num(average!)).toBeGreaterThan(num(lastCost!));
    expect(num(average!)).toBeLessThan(plan);
  });

  it('one horizon for every workload: no such line', async () => {
    const { lines } = await analyzeLines(withPretrainMonths(null));
    expect(lines.some((l) => l.includes('with every workload running'))).toBe(false);
  });
});
