// The CLI as a user runs it: the built bundle in a fresh directory, on the bundled data and on bad files.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', 'dist', 'cli.mjs');
const FIXTURES = join(import.meta.dirname, 'fixtures');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function gpufit(args: string[], cwd = mkdtempSync(join(tmpdir(), 'gpufit-e2e-'))): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function writeTemp(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gpufit-in-')), name);
  writeFileSync(path, text);
  return path;
}

const HEADER =
  'id,name,kind,modelParamsBillions,gpuHoursPerMonth,dataSensitivity,availabilityTarget,interruptible,checkpointable';

describe('gpufit CLI (built bundle)', () => {
  it('prints help with an example for every command, and its version', async () => {
    const help = await gpufit(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['analyze', 'offers', 'simulate', 'breakeven', 'diff', 'import', 'validate'])
      expect(help.stdout).toContain(c);
    for (const c of ['analyze', 'offers', 'simulate', 'breakeven', 'validate']) {
      const r = await gpufit([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain('Examples:');
    }
    const v = await gpufit(['--version']);
    expect(v.stdout.trim()).toBe(VERSION);
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });

  it('stops quietly when the reader closes the pipe early (gpufit offers | head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'offers', '--limit', '2000'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toContain('internal error');
    expect(code).toBe(0);
  });

  it('runs the main job with no arguments: the bundled example into ./gpufit-report/', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gpufit-main-'));
    const r = await gpufit(['analyze'], cwd);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(join(cwd, 'gpufit-report'));
    for (const f of ['report.md', 'report.html', 'report.json', 'report.csv', 'forecast-focus.csv', 'charts'])
      expect(files).toContain(f);
    expect(
      readdirSync(join(cwd, 'gpufit-report', 'charts')).filter((f) => f.endsWith('.png')).length,
    ).toBeGreaterThan(2);
    expect(r.stdout).toContain('gpufit-report/report.html');
    const analysis = JSON.parse(readFileSync(join(cwd, 'gpufit-report', 'report.json'), 'utf8'));
    expect(analysis.workloads.length).toBe(6);
  });

  it('writes the versioned JSON shape to stdout, deterministically for a seed', async () => {
    const a = await gpufit(['analyze', '--format', 'json', '--seed', '7', '--trials', '2000']);
    const b = await gpufit(['analyze', '--format', 'json', '--seed', '7', '--trials', '2000']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'workloads',
        'totals',
        'accounting',
        'rejected',
        'assumptions',
        'sources',
      ]),
    );
    expect(json.schemaVersion).toBe('2.16.0');
    expect(json.seed).toBe(7);
    const { read, accepted, rejected } = json.accounting;
    expect(read).toBe(accepted + rejected);
    // The bundled catalog's rows are counted too (schema 2.1).
    expect(json.accounting.workloads).toEqual({ read, accepted, rejected });
    expect(json.accounting.offers.read).toBeGreaterThan(2000);
    expect(json.accounting.offers.read).toBe(
      json.accounting.offers.accepted + json.accounting.offers.rejected,
    );
    for (const w of json.workloads) {
      expect(w.fit.frameworkVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
      expect(['cloud', 'depin', 'hybrid']).toContain(w.decision.recommendation);
      expect(w.decision).toHaveProperty('monthlySavingsUsd');
      expect(w.decision).toHaveProperty('hybrid');
    }
    expect(a.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('writes one format into --out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gpufit-out-'));
    const r = await gpufit(['analyze', '--format', 'csv', '--out', out, '--trials', '500']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['report.csv']);
    const rows = parse(readFileSync(join(out, 'report.csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const byType = (t: string) => rows.filter((x) => x.rowType === t);
    expect(byType('option').length + byType('plan').length).toBe(6 * 4);
    // The whole plans' spend range from the joint Monte Carlo: 3 plans, and 3 × the horizon's months.
    expect(byType('plan-distribution').map((x) => x.option)).toEqual([
      'recommended',
      'all-cloud',
      'all-decentralized',
    ]);
    expect(byType('plan-distribution-month').length % 3).toBe(0);
    expect(byType('plan-distribution-month').length).toBeGreaterThan(0);
    expect(rows.length).toBe(6 * 4 + 3 + byType('plan-distribution-month').length);
  });

  it('skips a bad row with file, row and column on stderr, and fails on it with --strict (exit 2)', async () => {
    const path = writeTemp(
      'w.csv',
      `${HEADER}\nok,Good,batch-inference,7,100,public,0.9,true,true\nbad,Bad,batch-inference,7,100,public,1.5,true,true\n`,
    );
    const lenient = await gpufit(['analyze', path, '--format', 'json', '--trials', '200']);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toMatch(/w\.csv, row 3, column availabilityTarget/);
    const json = JSON.parse(lenient.stdout);
    expect(json.accounting).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(json.accounting.workloads).toEqual({ read: 2, accepted: 1, rejected: 1 });
    expect(json.rejected[0]).toMatchObject({ row: 3, column: 'availabilityTarget' });

    const strict = await gpufit(['analyze', path, '--strict', '--format', 'json']);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toMatch(/w\.csv.*row 3.*availabilityTarget/);
  });

  it('answers bad input with exit 2 and a message that says what to do', async () => {
    const missing = await gpufit(['analyze', 'no-such-file.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-file.csv');
    const usage = await gpufit(['analyze', '--format', 'docx']);
    expect(usage.code).toBe(2);
    const empty = await gpufit(['analyze', join(FIXTURES, 'io', 'workloads-empty.csv')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no valid workload rows');
    const badScenario = writeTemp('s.json', '{"horizonMonths": 0}');
    const s = await gpufit(['analyze', '--scenario', badScenario]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/s\.json.*horizonMonths/);
  });

  it('validate lists every problem with its row and column', async () => {
    const path = writeTemp(
      'v.csv',
      `${HEADER}\na,A,batch-inference,7,1,5,public,0.9,true,true\nb,B,nope,7,100,public,0.9,true,true\nc,C,batch-inference,-7,100,public,0.9,true,true\n`,
    );
    const r = await gpufit(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/3 rows read, 0 accepted, 3 rejected/);
    expect(r.stdout).toMatch(/row 3, column kind/);
    expect(r.stdout).toMatch(/row 4, column modelParamsBillions/);
    const ok = await gpufit([
      'validate',
      join(import.meta.dirname, '..', '..', '..', 'datasets', 'offers.csv'),
    ]);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/0 rejected/);
    // Every count grouped the same way (it read "2,661 rows read, 2661 accepted").
    expect(ok.stdout).toMatch(/(\d{1,3}(,\d{3})+) rows read, \1 accepted, 0 rejected/);
  });

  it('offers filters and ranks the catalog cheapest first, marking the cheapest with its reason', async () => {
    const r = await gpufit(['offers', '--gpu', 'h100 sxm', '--market', 'cloud', '--json', '--limit', '50']);
    expect(r.code, r.stderr).toBe(0);
    const { offers } = JSON.parse(r.stdout) as {
      offers: { effectiveUsdPerGpuHour: number; offer: { gpu: string; market: string } }[];
    };
    expect(offers.length).toBeGreaterThan(5);
    for (const o of offers) {
      expect(o.offer.gpu).toBe('H100');
      expect(['hyperscaler', 'gpu-cloud']).toContain(o.offer.market);
    }
    const prices = offers.map((o) => o.effectiveUsdPerGpuHour);
    expect(prices).toEqual([...prices].sort((x, y) => x - y));
    const table = await gpufit(['offers', '--market', 'depin', '--group-by', 'gpu']);
    expect(table.stdout).toMatch(/\* cheapest: /);
    const unknown = await gpufit(['offers', '--gpu', 'H1000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean');
  });

  it('imports a SkyPilot catalog into offers that load back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gpufit-sky-')), 'lambda-offers.csv');
    const r = await gpufit([
      'import',
      'skypilot',
      join(FIXTURES, 'io', 'skypilot', 'lambda-vms.csv'),
      '--cloud',
      'lambda',
      '--as-of',
      '2026-11-24',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const check = await gpufit(['validate', out, '--as', 'offers']);
    expect(check.code, check.stdout).toBe(0);
  });

  it('an import whose every row is rejected fails with exit 2 and says so', async () => {
    const file = writeTemp(
      'all-rejected-vms.csv',
      [
        'InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region',
        'gpu_1x_h100,H100,1,26,200,,,,us-east-1', // no price
        'gpu_1x_zz,NotAGpu9000,1,26,200,,2.5,,us-east-1', // unknown GPU
      ].join('\n'),
    );
    const r = await gpufit(['import', 'skypilot', file, '--cloud', 'lambda', '--as-of', '2026-11-24']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('2 rows read, 0 accepted, 2 rejected');
    expect(r.stderr).toContain('nothing was imported');
  });

  it('diffs two result files: totals and per-workload changes', async () => {
    const a = writeTemp('a.json', (await gpufit(['analyze', '--format', 'json', '--trials', '200'])).stdout);
    const b = writeTemp(
      'b.json',
      (
        await gpufit([
          'analyze',
          '--format',
          'json',
          '--trials',
          '200',
          '--scenario',
          join(import.meta.dirname, '..', '..', '..', 'datasets', 'scenarios', 'growth.json'),
        ])
      ).stdout,
    );
    // A scenario that sets horizonMonths sets it for every workload (growth.json: 24 months).
    const growth = JSON.parse(readFileSync(b, 'utf8'));
    for (const w of growth.workloads) if (w.projection) expect(w.projection.months).toHaveLength(24);
    const r = await gpufit(['diff', a, b, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.totals.horizonRecommendedUsd.delta).toBeGreaterThan(0);
    expect(d.workloads.length).toBe(6);
  });

  it('simulates and finds break-evens from the command line', async () => {
    const sim = await gpufit(['simulate', '--trials', '2000', '--json']);
    expect(sim.code, sim.stderr).toBe(0);
    const s = JSON.parse(sim.stdout);
    for (const w of s.workloads) {
      if (w.distribution === null) continue;
      expect(w.distribution.horizonDepin.p10).toBeLessThanOrEqual(w.distribution.horizonDepin.p90);
    }
    // The whole plan's range rides along, and every workload has a range: cloud-only ones from the joint run.
    expect(s.plan.recommended.horizon.p10).toBeLessThanOrEqual(s.plan.recommended.horizon.p50);
    expect(s.plan.recommended.horizon.p50).toBeLessThanOrEqual(s.plan.recommended.horizon.p90);
    const table = await gpufit(['simulate', '--trials', '2000']);
    expect(table.code, table.stderr).toBe(0);
    const line = (id: string) => table.stdout.split('\n').find((l) => l.startsWith(`${id} `)) ?? '';
    const dollars = (text: string) =>
      [...text.matchAll(/\$([\d,]+)/g)].map((m) => Number(m[1]!.replaceAll(',', '')));
    const pretrain = s.plan.workloads.find((w: { id: string }) => w.id === 'pretrain-70b').horizon;
    expect(dollars(line('pretrain-70b'))).toEqual([pretrain.p10, pretrain.p50, pretrain.p90].map(Math.round));
    expect(line('pretrain-70b')).toContain('no DePIN option');
    const p = s.plan.recommended.horizon;
    expect(dollars(line('recommended plan'))).toEqual([p.p10, p.p50, p.p90].map(Math.round));
    expect(table.stdout).toMatch(
      /All-decentralized keeps 4 workload\(s\) without a decentralized option on cloud/,
    );
    const be = await gpufit(['breakeven', '--json']);
    expect(be.code, be.stderr).toBe(0);
  });
});
