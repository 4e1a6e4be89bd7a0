// A large portfolio streamed through the built CLI: bounded memory, nothing lost, same per-workload answers.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', 'dist', 'cli.mjs');
const EXAMPLE = join(import.meta.dirname, '..', '..', '..', 'datasets', 'workloads', 'seed-startup.csv');

/** The bundled example's rows repeated with new ids, plus one bad row every 500. */
function portfolio(rows: number): string {
  const [header, ...examples] = readFileSync(EXAMPLE, 'utf8').trim().split('\n');
  const out = [header!];
  for (let i = 0; i < rows; i++) {
    const row = examples[i % examples.length]!;
    const id = `w${i}`;
    const line = `${id}${row.slice(row.indexOf(','))}`;
    out.push(i % 500 === 499 ? line.replace(/,0\.9\d*,/, ',1.5,') : line);
  }
  return `${out.join('\n')}\n`;
}

async function gpufit(args: string[], cwd: string) {
  return run(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
}

describe('streamed analyze', () => {
  // Two CLI runs, about 6 s of CPU on a quiet 2-core machine; the limit catches a hang, not slowness (90 s: a
  // loaded machine took over 30 s).
  it('analyzes 3,000 rows as a stream: every row accounted for, the same answers as the in-memory run', {
    timeout: 90_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-stream-'));
    const path = join(dir, 'big.csv');
    writeFileSync(path, portfolio(3000));
    const { stdout } = await gpufit(['analyze', path, '--stream', '--out', 'out'], dir);
    expect(stdout).toMatch(/Streamed 2,994 workloads \(3,000 rows read, 6 rejected\)/);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
    expect(json.accounting).toMatchObject({ read: 3000, accepted: 2994, rejected: 6 });
    expect(json.accounting.workloads).toEqual({ read: 3000, accepted: 2994, rejected: 6 });
    expect(json.accounting.offers.rejected).toBe(0);
    expect(json.workloads).toHaveLength(2994);
    expect(json.rejected.map((r: { row: number }) => r.row)).toEqual([501, 1001, 1501, 2001, 2501, 3001]);
    const csv = parse(readFileSync(join(dir, 'out', 'report.csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(csv).toHaveLength(2994 * 4);

    // The same workloads in memory (no Monte Carlo) give the same decisions and monthly costs.
    const small = join(dir, 'small.csv');
    writeFileSync(small, portfolio(12));
    const mem = JSON.parse(
      (await gpufit(['analyze', small, '--format', 'json', '--trials', '1'], dir)).stdout,
    );
    for (const w of mem.workloads) {
      const s = json.workloads.find((x: { id: string }) => x.id === w.id);
      expect(s.decision.recommendation).toBe(w.decision.recommendation);
      expect(s.decision.recommendedMonthlyUsd).toBeCloseTo(w.decision.recommendedMonthlyUsd, 9);
      expect(s.decision.cloud?.offer.id).toBe(w.decision.cloud?.offer.id);
      expect(s.decision.depin?.offer.id).toBe(w.decision.depin?.offer.id);
    }
  });

  // A 40-workload review portfolio streamed printed $155,645.28 a month where the in-memory run printed the
  // $155,645.26 its summary table adds up to: the streamed line rounded the float total once.
  it('prints the plan line the in-memory run prints, to the cent', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-stream-'));
    const path = join(dir, 'forty.csv');
    writeFileSync(path, portfolio(40));
    const planLine = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('Recommended plan:'));
    const streamed = (await gpufit(['analyze', path, '--stream', '--out', 's'], dir)).stdout;
    const inMemory = (await gpufit(['analyze', path, '--trials', '1', '--format', 'json', '--out', 'm'], dir))
      .stdout;
    expect(planLine(streamed)).toMatch(/^Recommended plan: \$[\d,]+\.\d\d\/month/);
    expect(planLine(streamed)).toBe(planLine(inMemory));
  });

  it('refuses formats that need the whole portfolio in memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-stream-'));
    await expect(gpufit(['analyze', EXAMPLE, '--stream', '--format', 'html'], dir)).rejects.toMatchObject({
      code: 2,
    });
  });
});
