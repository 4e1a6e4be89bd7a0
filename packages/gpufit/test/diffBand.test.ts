// `gpufit diff` of two scenarios had no P10/P90 row: a scenario's effect on the plan's band was invisible (the diff
// left the Monte Carlo out). Each side's recommended plan now has its horizon P10/P50/P90 from the same joint Monte
// Carlo `analyze --scenario` runs (docs/cli.md); `--no-band` leaves it out and says where the band is.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRow } from './support/diffRow.js';
import { runBuiltCli } from './support/runBuiltCli.js';

const DATASETS = join(import.meta.dirname, '..', '..', '..', 'datasets');
const DEFAULT = join(DATASETS, 'scenarios', 'default.json');
const GROWTH = join(DATASETS, 'scenarios', 'growth.json');
const TRIALS = '400';

const dollars = (text: string) => Number(text.replace(/[$,+]/g, '').replace('−', '-'));

describe('diff: the plan’s horizon P10/P50/P90 on both sides', () => {
  it('prints each side’s band, the band analyze --scenario gives, and its change', async () => {
    const d = await runBuiltCli(['diff', DEFAULT, GROWTH, '--trials', TRIALS]);
    expect(d.code, d.stderr).toBe(0);
    const rows = (['P10', 'P50', 'P90'] as const).map((p) =>
      diffRow(d.stdout, `horizon ${p}, recommended`).map(dollars),
    );
    for (const side of [0, 1]) {
      expect(rows[0]![side]!).toBeGreaterThan(0);
      expect(rows[0]![side]!).toBeLessThanOrEqual(rows[1]![side]!);
      expect(rows[1]![side]!).toBeLessThanOrEqual(rows[2]![side]!);
    }
    for (const r of rows) expect(r[2]!).toBeCloseTo(r[1]! - r[0]!, 2);
    expect(d.stdout).toContain(`A: ${TRIALS} trials, seed 42; B: ${TRIALS} trials, seed 7`);
    // The same figures as the analysis of each scenario alone (one code path, the same seed and trials).
    for (const [side, scenario] of [
      [0, DEFAULT],
      [1, GROWTH],
    ] as const) {
      const a = await runBuiltCli([
        'analyze',
        '--scenario',
        scenario,
        '--trials',
        TRIALS,
        '--format',
        'json',
      ]);
      expect(a.code, a.stderr).toBe(0);
      const h = JSON.parse(a.stdout).totals.distribution.recommended.horizon;
      expect(rows.map((r) => r[side])).toEqual(
        [h.p10, h.p50, h.p90].map((x: number) => Math.round(x * 100) / 100),
      );
    }
    const j = await runBuiltCli(['diff', DEFAULT, GROWTH, '--trials', TRIALS, '--json']);
    const band = JSON.parse(j.stdout).horizonBand;
    expect(Math.round(band.a.p90 * 100) / 100).toBe(rows[2]![0]);
    expect(band.b.trials).toBe(Number(TRIALS));
  }, 120_000);

  it('--no-band leaves the Monte Carlo out and says where the band is', async () => {
    const d = await runBuiltCli(['diff', DEFAULT, GROWTH, '--no-band']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).not.toContain('horizon P10');
    expect(d.stdout).toContain('No P10/P90 band here');
    expect(d.stdout).toContain('gpufit analyze --scenario FILE');
  }, 60_000);

  it("the decentralized price spread moves the plan's band only where the plan places work there", async () => {
    // hosted-api is all cloud (its decentralized options are priced but not taken): a wider spread leaves the
    // plan's band to the cent, and the effect no longer claims the whole plan; seed-startup places work on DePIN.
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-diffband-'));
    const wide = join(dir, 'wide.json');
    const base = JSON.parse(readFileSync(DEFAULT, 'utf8'));
    writeFileSync(
      wide,
      JSON.stringify({ ...base, name: 'wide', monteCarlo: { ...base.monteCarlo, depinPriceSpread: 0.5 } }),
    );
    const spreadLine = (stdout: string) =>
      stdout.split('\n').find((l) => l.includes('Monte Carlo depinPriceSpread 0.5'))!;
    const hosted = join(DATASETS, 'workloads', 'hosted-api.csv');
    const h = await runBuiltCli(['diff', DEFAULT, wide, '--workloads', hosted, '--trials', TRIALS]);
    expect(h.code, h.stderr).toBe(0);
    for (const p of ['P10', 'P50', 'P90'])
      expect(diffRow(h.stdout, `horizon ${p}, recommended`)[2]).toBe('+$0.00');
    expect(spreadLine(h.stdout)).not.toContain('the whole plan');
    expect(spreadLine(h.stdout)).toContain('moves the P10/P50/P90 bands of 3 workloads');
    const seed = await runBuiltCli(['diff', DEFAULT, wide, '--trials', TRIALS]);
    expect(seed.code, seed.stderr).toBe(0);
    expect(diffRow(seed.stdout, 'horizon P90, recommended')[2]).not.toBe('+$0.00');
    expect(spreadLine(seed.stdout)).toContain('the whole plan');
  }, 120_000);

  it('--no-band: a Monte Carlo setting with no band to move blames --no-band, not diff', async () => {
    // One service with no decentralized option (confidential data): no workload has a band of its own, and
    // --no-band leaves the plan's out. The reason had said 'diff and streamed analyses compare expected costs only',
    // which diff stopped being true of when it gained the band.
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-diffband-'));
    const workloads = join(dir, 'one.csv');
    writeFileSync(
      workloads,
      'id,kind,gpuHoursPerMonth,modelParamsBillions,dataSensitivity\nsoc,realtime-inference,730,8,confidential\n',
    );
    const fewer = join(dir, 'fewer.json');
    const base = JSON.parse(readFileSync(DEFAULT, 'utf8'));
    writeFileSync(
      fewer,
      JSON.stringify({ ...base, name: 'fewer', monteCarlo: { ...base.monteCarlo, trials: 2000 } }),
    );
    const d = await runBuiltCli(['diff', DEFAULT, fewer, '--workloads', workloads, '--no-band']);
    expect(d.code, d.stderr).toBe(0);
    const line = d.stdout.split('\n').find((l) => l.includes('Monte Carlo trials 2000'));
    expect(line).toContain('diff --no-band and streamed analyses compare expected costs only');
    expect(line).not.toContain('(diff and streamed');
  }, 60_000);
});
